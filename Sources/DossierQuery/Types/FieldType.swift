import DossierCore

/// The type of a field, a column or an expression in a query.
public indirect enum FieldType: Hashable, Sendable, CustomStringConvertible {
    /// A whole number.
    case int
    /// A floating-point number.
    case float
    /// Text.
    case string
    /// `true` or `false`.
    case bool
    /// A calendar day.
    case date
    /// A half-open range of days with a granularity.
    case timeRange
    /// What sort of thing an entity is (``EntityKind``).
    case kind
    /// What a relation says happened (``RelationPredicate``).
    case predicate
    /// Whether a relation happened, is planned, … (``Modality``).
    case modality
    /// The TIMEX3 type of a time expression (``TimexType``).
    case timexType
    /// A reference to an entity row.
    case entity
    /// A reference to a document row.
    case document
    /// A list of values of one type.
    case list(FieldType)

    /// The name the language uses for the type: `Int`, `Date`, `[String]`.
    public var description: String {
        switch self {
        case .int: "Int"
        case .float: "Float"
        case .string: "String"
        case .bool: "Bool"
        case .date: "Date"
        case .timeRange: "TimeRange"
        case .kind: "Kind"
        case .predicate: "Predicate"
        case .modality: "Modality"
        case .timexType: "TimexType"
        case .entity: "Entity"
        case .document: "Document"
        case .list(let element): "[\(element)]"
        }
    }

    /// The cases of an enumeration type, written as bare words in queries; `nil` for other types.
    public var enumerationCases: [String]? {
        switch self {
        case .kind: EntityKind.allCases.map(\.rawValue)
        case .predicate: RelationPredicate.allCases.map(\.rawValue)
        case .modality: Modality.allCases.map(\.rawValue)
        case .timexType: TimexType.allCases.map(\.rawValue)
        default: nil
        }
    }

    /// The value of the enumeration case written as `word`, when the type is an enumeration that has it.
    func enumerationValue(_ word: String) -> Value? {
        switch self {
        case .kind: EntityKind(rawValue: word.lowercased()).map(Value.kind)
        case .predicate: RelationPredicate(rawValue: word.lowercased()).map(Value.predicate)
        case .modality: Modality(rawValue: word.lowercased()).map(Value.modality)
        case .timexType: TimexType(rawValue: word.lowercased()).map(Value.timexType)
        default: nil
        }
    }

    /// Whether the type is `Int` or `Float`.
    package var isNumeric: Bool { self == .int || self == .float }

    /// Whether values of the type lie in time (`Date`, `TimeRange`).
    var isTimeBearing: Bool { self == .date || self == .timeRange }

    /// Whether values of the type read as text (`String`, and entities and documents by name and id).
    var isTextual: Bool { self == .string || self == .entity || self == .document }
}
