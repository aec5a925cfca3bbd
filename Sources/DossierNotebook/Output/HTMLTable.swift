import DossierQuery
import DossierShell
import DossierStore

/// A result as an HTML table for notebooks: a header row, numbers aligned right, and with a row
/// limit the first and last rows with a row of "…" between, then the same count line the shell
/// prints. The markup is well-formed XML as well as HTML, so any parser reads it.
enum HTMLTable {
    /// The most characters of one value shown; longer values (a document's text) are cut with "…".
    static let longestValue = 300

    /// The table for `columns` and `rows`, showing at most `rowLimit` rows (`nil`: all).
    static func render(columns: [String], rows: [[Value]], rowLimit: Int?, showsHeaders: Bool) -> String {
        let numeric = columns.indices.map { column in !rows.isEmpty && rows.allSatisfy { $0[column].isNumeric || $0[column] == .null } }
        let (shown, omitted) = TableRenderer.elide(rows, keeping: rowLimit)
        var html = "<table class=\"dossier-result\">\n"
        if showsHeaders {
            html += "<thead>\n<tr>" + columns.indices.map { cell("th", columns[$0], right: numeric[$0]) }.joined() + "</tr>\n</thead>\n"
        }
        html += "<tbody>\n"
        for row in shown {
            if let row {
                html += "<tr>" + row.enumerated().map { cell("td", Self.text(of: $0.element), right: $0.element.isNumeric) }.joined() + "</tr>\n"
            } else {
                html += "<tr>" + columns.indices.map { cell("td", "…", right: numeric[$0]) }.joined() + "</tr>\n"
            }
        }
        html += "</tbody>\n</table>\n"
        if showsHeaders {
            var notes = ["\(rows.count) row\(rows.count == 1 ? "" : "s")"]
            if omitted > 0 { notes.append("\(rows.count - omitted) shown, .maxrows sets how many") }
            html += "<p class=\"dossier-count\">(" + TimeMLWriter.escaped(notes.joined(separator: "; ")) + ")</p>\n"
        }
        return html
    }

    private static func cell(_ tag: String, _ text: String, right: Bool) -> String {
        "<\(tag)\(right ? " style=\"text-align: right\"" : "")>\(TimeMLWriter.escaped(text))</\(tag)>"
    }

    /// A value's text, cut to ``longestValue`` characters.
    static func text(of value: Value) -> String {
        let text = value.displayText
        guard text.unicodeScalars.count > longestValue else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(longestValue - 1))) + "…"
    }
}
