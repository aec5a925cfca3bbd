import DossierQuery

/// Aligned columns with a rule under the header and a row count; numbers to the right. A table
/// rendered as bars gets a column of bars, as a line a sparkline under it, as a graph one line per edge.
///
/// Long values are cut to ``maximumWidth`` code points and line breaks shown as spaces, so one row
/// stays one line; the CSV and JSON renderers keep every value whole.
public struct TableRenderer: ResultRenderer {
    /// The widest a column may be.
    public var maximumWidth: Int

    /// Creates a renderer.
    public init(maximumWidth: Int = 60) { self.maximumWidth = maximumWidth }

    /// Renders a table, or a scalar as its bare value.
    public func render(_ result: ResultSet) -> String {
        switch result {
        case .scalar(_, let value):
            return value.text + "\n"
        case .table(let columns, let rows, .graph(let from, let to, let label, let weight)):
            return Chart.graph(rows, from: from, to: to, label: label, weight: weight, fit: fit)
        case .table(var columns, var rows, let presentation):
            var footer = ""
            switch presentation {
            case .bar(let value):
                columns.append("")
                rows = zip(rows, Chart.bars(rows.map { $0[value] })).map { $0 + [.text($1)] }
            case .line(let value):
                footer = Chart.sparkline(rows.map { $0[value] })
            case .table, .graph:
                break
            }
            let texts = rows.map { $0.map { fit($0.text) } }
            var widths = columns.map(\.unicodeScalars.count)
            for row in texts {
                for (column, text) in row.enumerated() { widths[column] = max(widths[column], text.unicodeScalars.count) }
            }
            func line(_ values: [String], numeric: [Bool]) -> String {
                var parts: [String] = []
                for (column, value) in values.enumerated() {
                    let padding = String(repeating: " ", count: widths[column] - value.unicodeScalars.count)
                    parts.append(numeric[column] ? padding + value : value + padding)
                }
                return parts.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            }
            let numericColumns = columns.indices.map { column in
                !rows.isEmpty && rows.allSatisfy { $0[column].isNumeric || $0[column] == .null }
            }
            var output = line(columns, numeric: numericColumns)
            output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
            for (index, row) in texts.enumerated() {
                output += line(row, numeric: rows[index].map(\.isNumeric))
            }
            output += "(\(rows.count) row\(rows.count == 1 ? "" : "s"))\n"
            return output + footer
        }
    }

    private func fit(_ text: String) -> String {
        var flat = String(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : Character($0) })
        if flat.unicodeScalars.count > maximumWidth {
            flat = String(String.UnicodeScalarView(flat.unicodeScalars.prefix(maximumWidth - 1))) + "…"
        }
        return flat
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
