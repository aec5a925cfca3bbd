import DossierQuery

/// Aligned columns with a rule under the header and a row count; numbers to the right. A table
/// rendered as bars gets a column of bars, as a line a sparkline under it, as a graph one line per edge.
///
/// Line breaks in values show as spaces, so one row stays one line. Without a total width, long
/// values are cut to ``maximumWidth`` columns; with one (a terminal's, or `.width`), text columns
/// shrink evenly until the table fits, and columns that still do not fit are left out and named
/// under the table. With ``maximumRows``, a longer result shows its first and last rows with a row
/// of "…" between. The CSV and JSON renderers keep every value whole.
public struct TableRenderer: ResultRenderer {
    /// The widest a column may be when the table has no total width.
    public var maximumWidth: Int
    /// The widest the whole table may be; `nil` for no limit.
    public var totalWidth: Int?
    /// The most rows shown; `nil` for all.
    public var maximumRows: Int?
    /// Whether the column names, the rule under them and the row count are printed.
    public var showsHeaders: Bool

    /// The narrowest a text column shrinks to before columns are left out.
    static let narrowestColumn = 8

    /// Creates a renderer.
    public init(maximumWidth: Int = 60, totalWidth: Int? = nil, maximumRows: Int? = nil, showsHeaders: Bool = true) {
        self.maximumWidth = maximumWidth
        self.totalWidth = totalWidth
        self.maximumRows = maximumRows
        self.showsHeaders = showsHeaders
    }

    /// Renders a table, or a scalar as its bare value.
    public func render(_ result: ResultSet) -> String {
        switch result {
        case .scalar(_, let value):
            return value.displayText + "\n"
        case .table(_, let rows, .graph(let from, let to, let label, let weight)):
            let (shown, omitted) = Self.elide(rows, keeping: maximumRows)
            var output = Chart.graph(shown, from: from, to: to, label: label, weight: weight,
                                     fit: { TextWidth.truncate(flat($0), to: maximumWidth) })
            if let totalWidth {
                output = output.split(separator: "\n").map { TextWidth.truncate(String($0), to: totalWidth) + "\n" }.joined()
            }
            guard showsHeaders else { return output }
            return output + "(\(rows.count) edge\(rows.count == 1 ? "" : "s")\(omitted > 0 ? ", \(rows.count - omitted) shown" : ""))\n"
        case .table(var columns, var rows, let presentation):
            var footer = ""
            switch presentation {
            case .bar(let value):
                let others = columns.indices.map { column in
                    min(maximumWidth, rows.reduce(TextWidth.of(columns[column])) { max($0, TextWidth.of(flat($1[column].displayText))) })
                }
                let room = totalWidth.map { $0 - others.reduce(0, +) - 2 * others.count } ?? Chart.barWidth
                columns.append("")
                rows = zip(rows, Chart.bars(rows.map { $0[value] }, width: min(Chart.barWidth, max(10, room)))).map { $0 + [.string($1)] }
            case .line(let value):
                footer = Chart.sparkline(rows.map { $0[value] }, width: totalWidth)
            case .table, .graph:
                break
            }
            return table(columns, rows) + footer
        }
    }

    /// The first and last rows of `rows` when there are more than `limit`, with a `nil` row between
    /// them; and how many were left out.
    package static func elide<Row>(_ rows: [Row], keeping limit: Int?) -> (rows: [Row?], omitted: Int) {
        guard let limit, rows.count > limit else { return (rows.map { $0 }, 0) }
        let head = (limit + 1) / 2
        let tail = limit - head
        return (rows.prefix(head).map { $0 } + [nil] + rows.suffix(tail).map { $0 }, rows.count - limit)
    }

    private func table(_ columns: [String], _ rows: [[Value]]) -> String {
        let numeric = columns.indices.map { column in !rows.isEmpty && rows.allSatisfy { $0[column].isNumeric || $0[column] == .null } }
        let (shown, omitted) = Self.elide(rows, keeping: maximumRows)
        let texts: [[String]?] = shown.map { $0?.map { flat($0.displayText) } }
        var natural = columns.map { showsHeaders ? TextWidth.of($0) : 0 }
        for row in texts.compactMap({ $0 }) {
            for (column, text) in row.enumerated() { natural[column] = max(natural[column], TextWidth.of(text)) }
        }
        var widths = natural.map { min($0, maximumWidth) }
        var kept = columns.count
        if let totalWidth { (widths, kept) = Self.fit(natural, numeric: numeric, into: totalWidth) }
        func line(_ values: [String], alignedRight: [Bool]) -> String {
            var parts: [String] = []
            for column in 0..<kept {
                let value = TextWidth.truncate(values[column], to: widths[column])
                let padding = String(repeating: " ", count: max(0, widths[column] - TextWidth.of(value)))
                parts.append(alignedRight[column] ? padding + value : value + padding)
            }
            return parts.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var output = ""
        if showsHeaders {
            output += line(columns, alignedRight: numeric)
            output += widths.prefix(kept).map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        }
        for (position, row) in texts.enumerated() {
            if let row {
                output += line(row, alignedRight: shown[position]!.map(\.isNumeric))
            } else {
                output += line(columns.map { _ in "…" }, alignedRight: numeric)
            }
        }
        guard showsHeaders else { return output }
        var notes = ["\(rows.count) row\(rows.count == 1 ? "" : "s")"]
        if omitted > 0 { notes.append("\(rows.count - omitted) shown, .maxrows sets how many") }
        if kept < columns.count {
            let hidden = columns[kept...].filter { !$0.isEmpty }
            if !hidden.isEmpty {
                notes.append("\(hidden.count) column\(hidden.count == 1 ? "" : "s") not shown: \(hidden.joined(separator: ", ")) (.mode line shows every column)")
            }
        }
        return output + "(" + notes.joined(separator: "; ") + ")\n"
    }

    /// Column widths that fit `total` columns: numbers keep their width; text columns share what is
    /// left, each cut to the same cap; when even the narrowest cap does not fit, the last columns are
    /// left out. Returns the widths and how many columns are kept.
    static func fit(_ natural: [Int], numeric: [Bool], into total: Int) -> (widths: [Int], kept: Int) {
        var kept = natural.count
        while kept > 0 {
            let separators = 2 * (kept - 1)
            let fixed = (0..<kept).filter { numeric[$0] }.map { natural[$0] }.reduce(0, +)
            let flexible = (0..<kept).filter { !numeric[$0] }
            func used(_ cap: Int) -> Int { fixed + flexible.map { min(natural[$0], cap) }.reduce(0, +) + separators }
            let widest = flexible.map { natural[$0] }.max() ?? 0
            if used(widest) <= total { return (natural, kept) }
            if kept == 1 { return ([min(natural[0], max(1, total))] + natural.dropFirst(), 1) }
            if used(narrowestColumn) <= total {
                var (low, high) = (narrowestColumn, widest)
                while low < high {
                    let middle = (low + high + 1) / 2
                    if used(middle) <= total { low = middle } else { high = middle - 1 }
                }
                return (natural.enumerated().map { numeric[$0.offset] ? $0.element : min($0.element, low) }, kept)
            }
            kept -= 1
        }
        return (natural, 0)
    }

    private func flat(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : Character($0) })
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
