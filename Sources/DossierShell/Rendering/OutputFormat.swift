/// How results are printed: `.mode` in the shell, `--format` on the command line.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// One `column = value` line per value, rows apart: for long fields.
    case line
    /// RFC 4180 CSV with a header row.
    case csv
    /// A JSON array of objects, one per row.
    case json
    /// A Markdown table, for notes and notebooks.
    case markdown

    /// The renderer for this format with default settings and no width limit.
    public var renderer: any ResultRenderer { renderer(DisplaySettings(), terminalWidth: nil) }

    /// The renderer for this format under `settings`, for output to a terminal `terminalWidth`
    /// columns wide (`nil` for a pipe or a file).
    public func renderer(_ settings: DisplaySettings, terminalWidth: Int?) -> any ResultRenderer {
        renderer(settings, rowLimit: settings.rowLimit(terminalWidth: terminalWidth), widthLimit: settings.widthLimit(terminalWidth: terminalWidth))
    }

    /// The renderer for this format under `settings`, showing at most `rows` rows in at most `width`
    /// columns (`nil`: no limit).
    package func renderer(_ settings: DisplaySettings, rowLimit rows: Int?, widthLimit width: Int?) -> any ResultRenderer {
        switch self {
        case .table: TableRenderer(totalWidth: width, maximumRows: rows, showsHeaders: settings.showsHeaders)
        case .line: LineRenderer(totalWidth: width, maximumRows: rows)
        case .csv: CSVRenderer(showsHeaders: settings.showsHeaders)
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
