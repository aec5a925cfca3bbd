/// A Markdown (GitHub) table; pipes in values are escaped and line breaks become `<br>`.
public struct MarkdownRenderer: ResultRenderer {
    /// Creates a renderer.
    public init() {}

    /// Renders `result` as a Markdown table, or a scalar as its bare value.
    public func render(_ result: ResultSet) -> String {
        switch result {
        case .scalar(_, let value):
            return value.displayText + "\n"
        case .table(let columns, let rows, _):
            let numeric = columns.indices.map { column in !rows.isEmpty && rows.allSatisfy { $0[column].isNumeric || $0[column] == .null } }
            var output = "| " + columns.map(Self.escape).joined(separator: " | ") + " |\n"
            output += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
            for row in rows { output += "| " + row.map { Self.escape($0.displayText) }.joined(separator: " | ") + " |\n" }
            return output
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
    }
}

import Foundation
