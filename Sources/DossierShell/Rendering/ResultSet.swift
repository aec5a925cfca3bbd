import DossierCore
import DossierQuery
import Foundation

/// One value of a result, ready to print: its text, and what it is in JSON.
public enum Cell: Hashable, Sendable {
    /// No value (a document without a date).
    case null
    /// A whole number.
    case integer(Int)
    /// A number with a fraction.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// Text, dates, names: anything shown as a string.
    case text(String)
    /// Several values, such as an entity's aliases.
    case list([Cell])
    /// A day or a range of days, shown as `text` (`2019-03-14`, `2019-03`, `2019-Q1`), with the days
    /// it covers for renderers that place it on a time axis.
    case time(TimeRange, text: String)

    /// The value as a person reads it; empty for null.
    public var text: String {
        switch self {
        case .null: ""
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : String(value)
        case .boolean(let value): value ? "true" : "false"
        case .text(let value): value
        case .list(let values): values.map(\.text).joined(separator: ", ")
        case .time(_, let text): text
        }
    }

    /// Whether the value is a number, which tables align to the right.
    public var isNumeric: Bool {
        switch self {
        case .integer, .number: true
        default: false
        }
    }
}

/// What a statement gives, in the shape the renderers print.
public enum ResultSet: Hashable, Sendable {
    /// Rows under named columns, and how the query asked them to be shown (`render bar`).
    case table(columns: [String], rows: [[Cell]], presentation: Presentation = .table)
    /// One value, such as the result of `count`.
    case scalar(name: String, value: Cell)
}
