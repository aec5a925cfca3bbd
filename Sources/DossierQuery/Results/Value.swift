import DossierCore

/// One value in a query's result: a cell of a table, or the result of `count`.
///
/// Entities and documents are references to rows of the corpus index (``EntityID``, ``DocumentID``)
/// and carry their name or id for display. Two references are equal when they name the same row.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    /// A missing value, such as the date of an undated document. It renders empty.
    case null
    /// A whole number.
    case int(Int)
    /// A floating-point number.
    case float(Double)
    /// Text.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A calendar day.
    case date(Day)
    /// A range of days.
    case timeRange(TimeRange)
    /// An entity kind.
    case kind(EntityKind)
    /// A relation predicate.
    case predicate(RelationPredicate)
    /// A relation's modality.
    case modality(Modality)
    /// The TIMEX3 type of a time expression.
    case timexType(TimexType)
    /// An entity: its identity in the corpus index and its canonical name.
    case entity(EntityID, name: String)
    /// A document: its identity in the corpus index and its identifier as ingested.
    case document(DocumentID, id: String)
    /// A list of values.
    case list([Value])

    /// Whether the value is missing.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as a table cell shows it: empty for null, names for entities, ids for documents,
    /// lists joined with ", ".
    public var displayText: String {
        switch self {
        case .null: ""
        case .int(let value): String(value)
        case .float(let value): Value.format(value)
        case .string(let value): value
        case .bool(let value): value ? "true" : "false"
        case .date(let day): day.iso
        case .timeRange(let range): range.description
        case .kind(let kind): kind.rawValue
        case .predicate(let predicate): predicate.rawValue
        case .modality(let modality): modality.rawValue
        case .timexType(let type): type.rawValue
        case .entity(_, let name): name
        case .document(_, let id): id
        case .list(let values): values.map(\.displayText).joined(separator: ", ")
        }
    }

    /// The value as JSON: `null`, a number (a non-finite one as `null`), `true`, a string or an
    /// array. Dates, ranges, kinds, entities and documents are written as strings.
    public var json: JSONValue {
        switch self {
        case .null: .null
        case .int(let value): .integer(value)
        case .float(let value): .number(value)
        case .bool(let value): .boolean(value)
        case .list(let values): .array(values.map(\.json))
        case .string, .date, .timeRange, .kind, .predicate, .modality, .timexType, .entity, .document: .string(displayText)
        }
    }

    /// The value as a JSON fragment (``json`` written out).
    public var jsonText: String { json.text }

    /// Whether the value is a number, which tables align to the right.
    package var isNumeric: Bool {
        switch self {
        case .int, .float: true
        default: false
        }
    }

    /// The value as a number, for charts; `nil` when it is not one.
    package var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }

    /// The days a date or a range of days covers, for renderers that place it on a time axis.
    package var days: TimeRange? {
        switch self {
        case .date(let day): .day(day)
        case .timeRange(let range): range
        default: nil
        }
    }

    /// The display text.
    public var description: String { displayText }

    /// Whether two values are the same; entity and document references are the same when they name the same row.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.int(let a), .int(let b)): a == b
        case (.float(let a), .float(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.date(let a), .date(let b)): a == b
        case (.timeRange(let a), .timeRange(let b)): a == b
        case (.kind(let a), .kind(let b)): a == b
        case (.predicate(let a), .predicate(let b)): a == b
        case (.modality(let a), .modality(let b)): a == b
        case (.timexType(let a), .timexType(let b)): a == b
        case (.entity(let a, _), .entity(let b, _)): a == b
        case (.document(let a, _), .document(let b, _)): a == b
        case (.list(let a), .list(let b)): a == b
        default: false
        }
    }

    /// Hashes the value consistently with `==` (references by their row alone).
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .int(let value): hasher.combine(1); hasher.combine(value)
        case .float(let value): hasher.combine(2); hasher.combine(value)
        case .string(let value): hasher.combine(3); hasher.combine(value)
        case .bool(let value): hasher.combine(4); hasher.combine(value)
        case .date(let value): hasher.combine(5); hasher.combine(value)
        case .timeRange(let value): hasher.combine(6); hasher.combine(value)
        case .kind(let value): hasher.combine(7); hasher.combine(value)
        case .predicate(let value): hasher.combine(11); hasher.combine(value)
        case .modality(let value): hasher.combine(12); hasher.combine(value)
        case .timexType(let value): hasher.combine(13); hasher.combine(value)
        case .entity(let row, _): hasher.combine(8); hasher.combine(row)
        case .document(let row, _): hasher.combine(9); hasher.combine(row)
        case .list(let values): hasher.combine(10); hasher.combine(values)
        }
    }

    /// A total order for sorting: negative when `lhs` comes first, zero when they tie.
    ///
    /// Numbers compare by value, entities by name and documents by id; null comes after everything,
    /// and values of different types order by type.
    static func order(_ lhs: Value, _ rhs: Value) -> Int {
        switch (lhs, rhs) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case (.int(let a), .int(let b)): return three(a, b)
        case (.float(let a), .float(let b)): return three(a, b)
        case (.int(let a), .float(let b)): return three(Double(a), b)
        case (.float(let a), .int(let b)): return three(a, Double(b))
        case (.string(let a), .string(let b)): return three(a, b)
        case (.bool(let a), .bool(let b)): return three(a ? 1 : 0, b ? 1 : 0)
        case (.date(let a), .date(let b)): return three(a, b)
        case (.timeRange(let a), .timeRange(let b)):
            let byStart = three(a.start, b.start)
            return byStart != 0 ? byStart : three(a.end, b.end)
        case (.kind(let a), .kind(let b)):
            return three(EntityKind.allCases.firstIndex(of: a)!, EntityKind.allCases.firstIndex(of: b)!)
        case (.predicate(let a), .predicate(let b)):
            return three(RelationPredicate.allCases.firstIndex(of: a)!, RelationPredicate.allCases.firstIndex(of: b)!)
        case (.modality(let a), .modality(let b)):
            return three(Modality.allCases.firstIndex(of: a)!, Modality.allCases.firstIndex(of: b)!)
        case (.timexType(let a), .timexType(let b)):
            return three(TimexType.allCases.firstIndex(of: a)!, TimexType.allCases.firstIndex(of: b)!)
        case (.entity(let a, let nameA), .entity(let b, let nameB)):
            let byName = three(nameA, nameB)
            return byName != 0 ? byName : three(a, b)
        case (.document(let a, let idA), .document(let b, let idB)):
            let byID = three(idA, idB)
            return byID != 0 ? byID : three(a, b)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                let result = order(x, y)
                if result != 0 { return result }
            }
            return three(a.count, b.count)
        default:
            return three(lhs.typeRank, rhs.typeRank)
        }
    }

    private var typeRank: Int {
        switch self {
        case .null: 99
        case .int, .float: 0
        case .string: 1
        case .bool: 2
        case .date: 3
        case .timeRange: 4
        case .kind: 5
        case .predicate: 9
        case .modality: 10
        case .timexType: 11
        case .entity: 6
        case .document: 7
        case .list: 8
        }
    }

    private static func three<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (b < a ? 1 : 0) }

    /// The one way Dossier writes a float, in tables, CSV, JSON, notebooks and text functions:
    /// the shortest form that reads back as the same number, so a whole float keeps its `.0`
    /// (`3.0`, `0.25`, `1e+16`) and is never mistaken for an Int; `NaN`, `inf` and `-inf` for the rest.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(value)
    }
}
