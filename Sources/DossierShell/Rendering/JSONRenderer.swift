import DossierCore
import DossierQuery

/// JSON: an array of objects, one per row, one row per line. A scalar is a one-row table, as in
/// CSV: `[{"count": 173}]`.
public struct JSONRenderer: ResultRenderer {
    /// Creates a renderer.
    public init() {}

    /// Renders `result` as JSON.
    public func render(_ result: ResultSet) -> String {
        switch result {
        case .scalar(let name, let value):
            return render(.table(columns: [name], rows: [[value]]))
        case .table(let columns, let rows, _):
            guard !rows.isEmpty else { return "[]\n" }
            let keys = columns.map(Self.quoted)
            let lines = rows.map { row in
                "  {" + zip(keys, row).map { "\($0): \(Self.json($1))" }.joined(separator: ", ") + "}"
            }
            return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
        }
    }

    static func json(_ value: Value) -> String { value.jsonText }

    static func quoted(_ text: String) -> String { JSONValue.quoted(text) }
}
