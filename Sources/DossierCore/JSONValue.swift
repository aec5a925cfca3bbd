/// A JSON value whose objects keep their key order, for writers whose output people read and diff.
public indirect enum JSONValue: Hashable, Sendable {
    /// An object; keys print in the order given.
    case object([(key: String, value: JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction; non-finite numbers print as null.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`.
    case null

    /// The value as compact JSON text on one line, with `", "` and `": "` separators.
    public var text: String {
        switch self {
        case .object(let members): "{" + members.map { Self.quoted($0.key) + ": " + $0.value.text }.joined(separator: ", ") + "}"
        case .array(let elements): "[" + elements.map(\.text).joined(separator: ", ") + "]"
        case .string(let value): Self.quoted(value)
        case .integer(let value): String(value)
        case .number(let value): value.isFinite ? String(value) : "null"
        case .boolean(let value): value ? "true" : "false"
        case .null: "null"
        }
    }

    /// `text` as a quoted JSON string, with quotes, backslashes and control characters escaped as
    /// Python's `json` module escapes them (`\n`, `\b`, `\u001b`), so notebooks written here match Jupyter's.
    public static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
