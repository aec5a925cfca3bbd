/// RFC 4180 CSV: a header row, then one row per result row; fields with commas, quotes or line
/// breaks are quoted. A scalar prints as a one-column table.
public struct CSVRenderer: ResultRenderer {
    /// Whether the header row is written (`.headers off` leaves it out).
    public var showsHeaders: Bool

    /// Creates a renderer.
    public init(showsHeaders: Bool = true) { self.showsHeaders = showsHeaders }

    /// Renders `result` as CSV.
    public func render(_ result: ResultSet) -> String {
        switch result {
        case .scalar(let name, let value):
            return (showsHeaders ? Self.field(name) + "\n" : "") + Self.field(value.displayText) + "\n"
        case .table(let columns, let rows, _):
            var output = showsHeaders ? columns.map(Self.field).joined(separator: ",") + "\n" : ""
            for row in rows { output += row.map { Self.field($0.displayText) }.joined(separator: ",") + "\n" }
            return output
        }
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
