import DossierCore
import DossierStore
import Foundation

/// A chart drawn as a standalone SVG image: the fallback beside the Vega-Lite specification, for
/// viewers that show pictures but run no scripts (GitHub's notebook viewer, nbviewer, exports).
///
/// It draws what the Vega-Lite specification describes, with the same layout choices: buckets of
/// time on a time axis (bars as wide as their buckets), other categories as horizontal bars or a
/// line in row order.
enum SVGChart {
    static let width = 640.0
    private static let fill = "#4c78a8"
    private static let font = "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#333\""

    /// The image for `series`.
    static func svg(_ series: ChartSeries) -> String {
        if series.isTemporal || series.mark == .line { return plot(series) }
        return horizontalBars(series)
    }

    // MARK: Bars and lines over an x axis

    private static func plot(_ series: ChartSeries) -> String {
        let title = series.omissionNote
        let (left, right, bottom) = (56.0, 16.0, 52.0)
        let top = title == nil ? 12.0 : 30.0
        let height = 240.0 + top + bottom
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let scale = ValueScale(series.points.compactMap(\.value))
        func y(_ value: Double) -> Double { top + plotHeight - scale.fraction(of: value) * plotHeight }
        // Where each point lies across: its days on a time axis, else evenly spaced slots.
        let spans: [(Double, Double)]
        if series.isTemporal, let first = series.points.first?.time?.start.number, let last = series.points.last?.time?.end.number, last > first {
            let days = Double(last - first)
            spans = series.points.map { point in
                let time = point.time!
                return (left + Double(time.start.number - first) / days * plotWidth, left + Double(time.end.number - first) / days * plotWidth)
            }
        } else {
            let slot = plotWidth / Double(max(1, series.points.count))
            spans = series.points.indices.map { (left + Double($0) * slot, left + Double($0 + 1) * slot) }
        }
        var svg = header(height: height)
        if let title { svg += "<text x=\"\(format(width / 2))\" y=\"18\" text-anchor=\"middle\" \(font)>\(TimeMLWriter.escaped(title))</text>\n" }
        // Grid lines and value labels.
        for tick in scale.ticks {
            let position = y(tick)
            svg += "<line x1=\"\(format(left))\" y1=\"\(format(position))\" x2=\"\(format(width - right))\" y2=\"\(format(position))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(format(left - 6))\" y=\"\(format(position + 4))\" text-anchor=\"end\" \(font)>\(ValueScale.label(tick))</text>\n"
        }
        switch series.mark {
        case .bar:
            for (point, span) in zip(series.points, spans) {
                guard let value = point.value, value > 0 else { continue }
                let gap = span.1 - span.0 > 4 ? 1.0 : 0
                svg += "<rect x=\"\(format(span.0 + gap / 2))\" y=\"\(format(y(value)))\" width=\"\(format(max(0.5, span.1 - span.0 - gap)))\" "
                    + "height=\"\(format(y(0) - y(value)))\" fill=\"\(fill)\"><title>\(TimeMLWriter.escaped(point.label)): \(ValueScale.label(value))</title></rect>\n"
            }
        case .line:
            let placed = zip(series.points, spans).compactMap { point, span in point.value.map { ((span.0 + span.1) / 2, y($0), point) } }
            if placed.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(fill)\" stroke-width=\"2\" points=\""
                    + placed.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ") + "\"/>\n"
            }
            for (x, y, point) in placed {
                svg += "<circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"2.5\" fill=\"\(fill)\"><title>\(TimeMLWriter.escaped(point.label)): "
                    + "\(ValueScale.label(point.value ?? 0))</title></circle>\n"
            }
        }
        // The axis line, then a label under every few points so they never crowd.
        svg += "<line x1=\"\(format(left))\" y1=\"\(format(y(0)))\" x2=\"\(format(width - right))\" y2=\"\(format(y(0)))\" stroke=\"#888\"/>\n"
        let labelled = labelPositions(count: series.points.count, widestLabel: series.points.map(\.label.count).max() ?? 0, room: plotWidth)
        for index in labelled {
            let center = (spans[index].0 + spans[index].1) / 2
            svg += "<line x1=\"\(format(center))\" y1=\"\(format(y(0)))\" x2=\"\(format(center))\" y2=\"\(format(y(0) + 4))\" stroke=\"#888\"/>\n"
            svg += "<text x=\"\(format(center))\" y=\"\(format(y(0) + 16))\" text-anchor=\"middle\" \(font)>\(TimeMLWriter.escaped(series.points[index].label))</text>\n"
        }
        svg += "<text x=\"\(format(left + plotWidth / 2))\" y=\"\(format(height - 10))\" text-anchor=\"middle\" \(font) font-weight=\"bold\">"
            + "\(TimeMLWriter.escaped(series.labelTitle))</text>\n"
        svg += "<text transform=\"translate(14,\(format(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" \(font) font-weight=\"bold\">"
            + "\(TimeMLWriter.escaped(series.valueTitle))</text>\n"
        return svg + "</svg>\n"
    }

    /// Which points get a label under the axis: every k-th, so that labels of the widest label's
    /// length (about 6.5 pixels a character) do not overlap.
    static func labelPositions(count: Int, widestLabel: Int, room: Double) -> [Int] {
        guard count > 0 else { return [] }
        let fits = max(1, Int(room / (Double(widestLabel) * 6.5 + 10)))
        let step = max(1, Int((Double(count) / Double(fits)).rounded(.up)))
        return Array(stride(from: 0, to: count, by: step))
    }

    // MARK: Horizontal bars

    private static func horizontalBars(_ series: ChartSeries) -> String {
        let rowHeight = 20.0
        let title = series.omissionNote
        let top = title == nil ? 8.0 : 28.0
        let labelWidth = min(240, Double(series.points.map { min($0.label.count, 36) }.max() ?? 0) * 6.5 + 12)
        let valueRoom = 56.0
        let barRoom = width - labelWidth - valueRoom
        let height = top + Double(series.points.count) * rowHeight + 34
        let largest = series.points.compactMap(\.value).max() ?? 0
        var svg = header(height: height)
        if let title { svg += "<text x=\"\(format(width / 2))\" y=\"18\" text-anchor=\"middle\" \(font)>\(TimeMLWriter.escaped(title))</text>\n" }
        for (index, point) in series.points.enumerated() {
            let y = top + Double(index) * rowHeight
            let label = point.label.count > 36 ? String(point.label.prefix(35)) + "…" : point.label
            svg += "<text x=\"\(format(labelWidth - 8))\" y=\"\(format(y + 14))\" text-anchor=\"end\" \(font)>\(TimeMLWriter.escaped(label))</text>\n"
            guard let value = point.value else { continue }
            let length = value > 0 && largest > 0 ? max(1, value / largest * barRoom) : 0
            if length > 0 {
                svg += "<rect x=\"\(format(labelWidth))\" y=\"\(format(y + 3))\" width=\"\(format(length))\" height=\"\(format(rowHeight - 6))\" "
                    + "fill=\"\(fill)\"><title>\(TimeMLWriter.escaped(point.label)): \(ValueScale.label(value))</title></rect>\n"
            }
            svg += "<text x=\"\(format(labelWidth + length + 4))\" y=\"\(format(y + 14))\" \(font)>\(ValueScale.label(value))</text>\n"
        }
        let axis = top + Double(series.points.count) * rowHeight
        svg += "<line x1=\"\(format(labelWidth))\" y1=\"\(format(top))\" x2=\"\(format(labelWidth))\" y2=\"\(format(axis))\" stroke=\"#888\"/>\n"
        svg += "<text x=\"\(format(labelWidth + barRoom / 2))\" y=\"\(format(axis + 22))\" text-anchor=\"middle\" \(font) font-weight=\"bold\">"
            + "\(TimeMLWriter.escaped(series.valueTitle))</text>\n"
        svg += "<text x=\"\(format(labelWidth - 8))\" y=\"\(format(axis + 22))\" text-anchor=\"end\" \(font) font-weight=\"bold\">"
            + "\(TimeMLWriter.escaped(series.labelTitle))</text>\n"
        return svg + "</svg>\n"
    }

    // MARK: Pieces

    static func header(height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(format(width))\" height=\"\(format(height))\" "
            + "viewBox=\"0 0 \(format(width)) \(format(height))\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    }

    /// A coordinate with at most one decimal, so images are small and the same on every machine.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// A value axis from zero to a round number above the largest value, with ticks at round steps
/// (1, 2 or 5 times a power of ten).
struct ValueScale {
    /// The top of the axis.
    let maximum: Double
    /// Where the ticks are, from 0.
    let ticks: [Double]

    init(_ values: [Double]) {
        let largest = max(values.max() ?? 0, 0)
        guard largest > 0 else {
            maximum = 1
            ticks = [0, 1]
            return
        }
        let rough = largest / 5
        let power = pow(10, log10(rough).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let top = (largest / step).rounded(.up) * step
        maximum = top
        ticks = stride(from: 0.0, through: top + step / 2, by: step).map { $0 }
    }

    /// How far up the axis `value` lies, 0 to 1.
    func fraction(of value: Double) -> Double { min(1, max(0, value / maximum)) }

    /// A tick or value label: whole numbers without a fraction, others with up to two decimals.
    static func label(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String((value * 100).rounded() / 100)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
