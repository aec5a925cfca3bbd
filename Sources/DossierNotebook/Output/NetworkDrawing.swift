import DossierQuery
import DossierShell
import DossierStore
import Foundation

/// A `graph` result drawn as a network in SVG: one circle per entity, sized by how many relations
/// it takes part in, and one arrow per edge subject → object, labelled with its predicate and as
/// thick as its weight.
///
/// The layout is force-directed (Fruchterman and Reingold): connected entities pull together, all
/// push apart, from a fixed start on a circle, so the same graph is always drawn the same way.
struct NetworkDrawing {
    /// An edge of the drawing.
    struct Edge: Equatable {
        var from: Int
        var to: Int
        var label: String?
        var weight: Double
    }

    /// The entities' names, in the order they first appear among the edges.
    private(set) var nodes: [String] = []
    private(set) var edges: [Edge] = []
    /// How many edges the result has; more than ``edges`` when a limit cut the drawing.
    let edgeCount: Int

    /// The most edges drawn whatever the limit: more would be a hairball, and slow to lay out.
    static let mostEdges = 300

    /// How strongly every node is pulled to the middle, per unit of distance.
    static let gravity = 0.25

    static let width = 720.0
    static let height = 480.0

    /// The drawing of a table whose columns `from` and `to` hold the two entities of each edge,
    /// `label` its predicate and `weight` its weight; the first `edgeLimit` rows (the heaviest, as
    /// `graph` sorts them) are drawn.
    init(rows: [[Value]], from: Int, to: Int, label: Int?, weight: Int?, edgeLimit: Int?) {
        edgeCount = rows.count
        var positions: [String: Int] = [:]
        func node(_ name: String) -> Int {
            if let position = positions[name] { return position }
            positions[name] = nodes.count
            nodes.append(name)
            return nodes.count - 1
        }
        for row in rows.prefix(min(edgeLimit ?? Self.mostEdges, Self.mostEdges)) {
            let weightValue = weight.flatMap { row[$0].number } ?? 1
            edges.append(Edge(from: node(row[from].displayText), to: node(row[to].displayText), label: label.map { row[$0].displayText },
                              weight: weightValue))
        }
    }

    /// Where each node sits, inside the drawing's margins.
    func layout() -> [(x: Double, y: Double)] {
        let count = nodes.count
        guard count > 0 else { return [] }
        if count == 1 { return [(Self.width / 2, Self.height / 2)] }
        let (width, height) = (Self.width - 200, Self.height - 80)
        let ideal = 0.9 * (width * height / Double(count)).squareRoot()
        // Start on a circle, the best-connected nodes first, so the layout never depends on chance.
        let degree = degrees()
        let order = (0..<count).sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
        var x = [Double](repeating: 0, count: count), y = [Double](repeating: 0, count: count)
        for (slot, node) in order.enumerated() {
            let angle = 2 * Double.pi * Double(slot) / Double(count)
            x[node] = cos(angle) * width / 3
            y[node] = sin(angle) * height / 3
        }
        var temperature = width / 8
        let iterations = 300
        for _ in 0..<iterations {
            var dx = [Double](repeating: 0, count: count), dy = [Double](repeating: 0, count: count)
            for first in 0..<count {
                for second in (first + 1)..<count {
                    var (ex, ey) = (x[first] - x[second], y[first] - y[second])
                    var distance = (ex * ex + ey * ey).squareRoot()
                    if distance < 0.01 { (ex, ey, distance) = (0.01, 0, 0.01) }
                    // Far apart, the push fades quickly, so unconnected clusters settle near each other.
                    let reach = 1.5 * ideal
                    let push = ideal * ideal / distance * (distance > reach ? (reach / distance) * (reach / distance) : 1)
                    dx[first] += ex / distance * push; dy[first] += ey / distance * push
                    dx[second] -= ex / distance * push; dy[second] -= ey / distance * push
                }
            }
            for edge in edges where edge.from != edge.to {
                let (ex, ey) = (x[edge.from] - x[edge.to], y[edge.from] - y[edge.to])
                let distance = max(0.01, (ex * ex + ey * ey).squareRoot())
                let pull = distance * distance / ideal
                dx[edge.from] -= ex / distance * pull; dy[edge.from] -= ey / distance * pull
                dx[edge.to] += ex / distance * pull; dy[edge.to] += ey / distance * pull
            }
            for node in 0..<count {
                // A pull to the middle keeps separate clusters near each other, so that fitting the
                // drawing to the page does not shrink each of them to a dot.
                dx[node] -= x[node] * Self.gravity
                dy[node] -= y[node] * Self.gravity
                let length = max(0.01, (dx[node] * dx[node] + dy[node] * dy[node]).squareRoot())
                x[node] += dx[node] / length * min(length, temperature)
                y[node] += dy[node] / length * min(length, temperature)
            }
            temperature = max(1, temperature * 0.985)
        }
        // Fit into the page, keeping room for labels at the sides.
        let (minX, maxX) = (x.min()!, x.max()!), (minY, maxY) = (y.min()!, y.max()!)
        let scale = min(width / max(1, maxX - minX), height / max(1, maxY - minY))
        return (0..<count).map { node in
            (100 + (x[node] - minX) * scale + (width - (maxX - minX) * scale) / 2,
             40 + (y[node] - minY) * scale + (height - (maxY - minY) * scale) / 2)
        }
    }

    /// How many edge ends (weighted) each node has.
    private func degrees() -> [Double] {
        var degree = [Double](repeating: 0, count: nodes.count)
        for edge in edges {
            degree[edge.from] += edge.weight
            degree[edge.to] += edge.weight
        }
        return degree
    }

    /// The SVG image.
    func svg() -> String {
        let positions = layout()
        let degree = degrees()
        let heaviest = max(1, edges.map(\.weight).max() ?? 1)
        let busiest = max(1, degree.max() ?? 1)
        let format = SVGChart.format
        let note = edges.count < edgeCount ? "the \(edges.count) heaviest of \(edgeCount) edges; .maxrows sets how many" : nil
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(format(Self.width))\" height=\"\(format(Self.height))\" "
            + "viewBox=\"0 0 \(format(Self.width)) \(format(Self.height))\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
            + "markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#888\"/></marker></defs>\n"
        let font = "font-family=\"Helvetica, Arial, sans-serif\""
        if let note { svg += "<text x=\"\(format(Self.width / 2))\" y=\"18\" text-anchor=\"middle\" \(font) font-size=\"11\" fill=\"#333\">\(TimeMLWriter.escaped(note))</text>\n" }
        func radius(_ node: Int) -> Double { 5 + 9 * (degree[node] / busiest).squareRoot() }
        // Edges between the same two nodes bend apart, so each label can be read.
        var seen: [String: Int] = [:]
        for edge in edges {
            let pair = [min(edge.from, edge.to), max(edge.from, edge.to)].map(String.init).joined(separator: "-")
            let sibling = seen[pair, default: 0]
            seen[pair] = sibling + 1
            let (start, end) = (positions[edge.from], positions[edge.to])
            let stroke = format(1 + 3 * edge.weight / heaviest)
            let title = "<title>\(TimeMLWriter.escaped(nodes[edge.from])) —\(TimeMLWriter.escaped(edge.label ?? ""))→ \(TimeMLWriter.escaped(nodes[edge.to])) "
                + "(\(ValueScale.label(edge.weight)))</title>"
            if edge.from == edge.to {
                let r = radius(edge.from)
                let loop = "M\(format(start.x - r / 2)),\(format(start.y - r)) C\(format(start.x - 28)),\(format(start.y - 44)) "
                    + "\(format(start.x + 28)),\(format(start.y - 44)) \(format(start.x + r / 2)),\(format(start.y - r))"
                svg += "<path d=\"\(loop)\" fill=\"none\" stroke=\"#888\" stroke-width=\"\(stroke)\" marker-end=\"url(#arrow)\">\(title)</path>\n"
                if let label = edge.label {
                    svg += "<text x=\"\(format(start.x))\" y=\"\(format(start.y - 38 - Double(sibling) * 11))\" text-anchor=\"middle\" \(font) "
                        + "font-size=\"9\" fill=\"#666\">\(TimeMLWriter.escaped(label))</text>\n"
                }
                continue
            }
            let (ex, ey) = (end.x - start.x, end.y - start.y)
            let length = max(0.01, (ex * ex + ey * ey).squareRoot())
            // The arrow stops at the target's circle; siblings bend to alternate sides.
            let bend = sibling == 0 ? 0 : Double((sibling + 1) / 2) * 22 * (sibling % 2 == 1 ? 1 : -1) * (edge.from < edge.to ? 1 : -1)
            let (nx, ny) = (-ey / length, ex / length)
            let control = ((start.x + end.x) / 2 + nx * bend * 2, (start.y + end.y) / 2 + ny * bend * 2)
            let (tx, ty) = (end.x - control.0, end.y - control.1)
            let tangent = max(0.01, (tx * tx + ty * ty).squareRoot())
            let tip = (end.x - tx / tangent * (radius(edge.to) + 1), end.y - ty / tangent * (radius(edge.to) + 1))
            svg += "<path d=\"M\(format(start.x)),\(format(start.y)) Q\(format(control.0)),\(format(control.1)) \(format(tip.0)),\(format(tip.1))\" "
                + "fill=\"none\" stroke=\"#888\" stroke-opacity=\"0.8\" stroke-width=\"\(stroke)\" marker-end=\"url(#arrow)\">\(title)</path>\n"
            if let label = edge.label {
                let middle = (0.25 * start.x + 0.5 * control.0 + 0.25 * end.x, 0.25 * start.y + 0.5 * control.1 + 0.25 * end.y)
                svg += "<text x=\"\(format(middle.0))\" y=\"\(format(middle.1 - 3))\" text-anchor=\"middle\" \(font) font-size=\"9\" "
                    + "fill=\"#666\">\(TimeMLWriter.escaped(label))</text>\n"
            }
        }
        for (node, name) in nodes.enumerated() {
            let position = positions[node]
            let r = radius(node)
            svg += "<circle cx=\"\(format(position.x))\" cy=\"\(format(position.y))\" r=\"\(format(r))\" fill=\"#4c78a8\" stroke=\"white\" "
                + "stroke-width=\"1.5\"><title>\(TimeMLWriter.escaped(name))</title></circle>\n"
            svg += "<text x=\"\(format(position.x))\" y=\"\(format(position.y + r + 11))\" text-anchor=\"middle\" \(font) font-size=\"11\" "
                + "fill=\"#222\">\(TimeMLWriter.escaped(name))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
