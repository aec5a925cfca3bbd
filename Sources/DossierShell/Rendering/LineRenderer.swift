/// One value per line, `column = value`, and a blank line between rows, as sqlite3's line mode:
/// for long fields such as evidence sentences and document texts, which a table would cut.
///
/// Column names are aligned to the right; with a total width, long values wrap under themselves.
/// With ``maximumRows``, the rows after that many are counted, not shown.
public struct LineRenderer: ResultRenderer {
    /// The widest a line may be; `nil` for no limit (values keep their own line breaks only).
    public var totalWidth: Int?
    /// The most rows shown; `nil` for all.
    public var maximumRows: Int?

    /// Creates a renderer.
    public init(totalWidth: Int? = nil, maximumRows: Int? = nil) {
        self.totalWidth = totalWidth
        self.maximumRows = maximumRows
    }

    /// Renders each row as `name = value` lines.
    public func render(_ result: ResultSet) -> String {
        switch result {
        case .scalar(let name, let value):
            return "\(name) = \(value.displayText)\n"
        case .table(let columns, let rows, _):
            let nameWidth = columns.map { TextWidth.of($0) }.max() ?? 0
            let indent = String(repeating: " ", count: nameWidth + 3)
            let shown = maximumRows.map { min($0, rows.count) } ?? rows.count
            var blocks: [String] = []
            for row in rows.prefix(shown) {
                var block = ""
                for (name, cell) in zip(columns, row) {
                    let label = String(repeating: " ", count: nameWidth - TextWidth.of(name)) + name + " = "
                    let lines = totalWidth.map { TextWidth.wrapped(cell.displayText, to: max(10, $0 - nameWidth - 3)) }
                        ?? cell.displayText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    block += (label + lines[0]).trimmingTrailingSpaces() + "\n"
                    for line in lines.dropFirst() { block += (indent + line).trimmingTrailingSpaces() + "\n" }
                }
                blocks.append(block)
            }
            var output = blocks.joined(separator: "\n")
            if shown < rows.count {
                output += "\n(\(rows.count) rows; \(shown) shown, .maxrows sets how many)\n"
            } else if rows.isEmpty {
                output = "(0 rows)\n"
            }
            return output
        }
    }
}
