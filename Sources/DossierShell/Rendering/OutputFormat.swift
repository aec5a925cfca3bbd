/// How results are printed: `.mode` in the shell, `--format` on the command line.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// A JSON array of objects, one per row (a bare value for a scalar).
    case json
    /// A Markdown table, for notes and notebooks.
    case markdown

    /// The renderer for this format.
    public var renderer: any ResultRenderer {
        switch self {
        case .table: TableRenderer()
        case .csv: CSVRenderer()
        case .json: JSONRenderer()
        case .markdown: MarkdownRenderer()
        }
    }
}

/// Turns a result into text.
public protocol ResultRenderer: Sendable {
    /// The text for `result`, ending with a line break.
    func render(_ result: ResultSet) -> String
}
