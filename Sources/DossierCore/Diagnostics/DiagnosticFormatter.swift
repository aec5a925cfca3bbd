/// Renders diagnostics the way compilers do: the message, the place, the source line and carets.
///
/// ```
/// error: 'kwic' needs mentions, but the pipeline carries entities
///  --> analysis.dq:3:12
///   |
/// 3 | entities | kwic width 5
///   |            ^^^^ help: insert '| mentions' before 'kwic'
/// ```
public struct DiagnosticFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// Renders `diagnostic`, quoting the line it points at from `source` when there is one.
    public func format(_ diagnostic: Diagnostic, source: String? = nil) -> String {
        var output = "\(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let range = diagnostic.range {
            output += " --> \(diagnostic.sourceName ?? "<input>"):\(range.start.line):\(range.start.column)\n"
            if let source, let line = Self.line(range.start.line, of: source) {
                let number = String(range.start.line)
                let gutter = String(repeating: " ", count: number.count)
                output += "\(gutter) |\n\(number) | \(line)\n"
                let lineLength = line.unicodeScalars.count
                let startColumn = min(range.start.column, lineLength + 1)
                let endColumn = range.end.line == range.start.line ? range.end.column : lineLength + 1
                let width = max(1, endColumn - startColumn)
                var marker = "\(gutter) | " + String(repeating: " ", count: startColumn - 1) + String(repeating: "^", count: width)
                if let help = diagnostic.help, help.range == nil || help.range == range {
                    marker += " help: \(help.message)"
                }
                output += marker + "\n"
            }
        } else if let name = diagnostic.sourceName {
            output += " --> \(name)\n"
        }
        if let help = diagnostic.help, diagnostic.range == nil || source == nil || (help.range != nil && help.range != diagnostic.range) {
            output += "  = help: \(help.message)\n"
        }
        for note in diagnostic.notes {
            output += "  = note: \(note)\n"
        }
        return output
    }

    /// Line `number` (from 1) of `source`, without its line break (`\n` or `\r\n`).
    static func line(_ number: Int, of source: String) -> Substring? {
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        var line = Substring(lines[number - 1])
        if line.utf8.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return line
    }
}
