import DossierCore

/// A value written into a typed query: a literal of the query language, or a field of the row.
///
/// Terms are built by ``QueryColumn``s and their operators and turn into the language's own
/// ``Expression``s, so a typed condition is checked exactly as the same condition written as text.
public struct QueryTerm: Hashable, Sendable {
    indirect enum Kind: Hashable, Sendable {
        case field(String)
        /// An enumeration case written as a bare word (`visit`, `planned`, `person`).
        case word(String)
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case time(TimeRange)
        case entity(EntityName)
        case list([QueryTerm])
        case not(QueryTerm)
        case binary(BinaryOperator, QueryTerm, QueryTerm)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }
}

/// A value that can stand on the right of a comparison in a typed query, written as the query
/// language writes it: enumeration cases as words, text quoted, days and time ranges as time literals.
public protocol QueryValue: Sendable {
    /// The literal of the query language for this value.
    var queryTerm: QueryTerm { get }
}

extension String: QueryValue {
    /// A string literal.
    public var queryTerm: QueryTerm { QueryTerm(.string(self)) }
}

extension Int: QueryValue {
    /// A whole number.
    public var queryTerm: QueryTerm { QueryTerm(.integer(self)) }
}

extension Double: QueryValue {
    /// A floating-point number, written with a decimal point (`1.5`).
    public var queryTerm: QueryTerm { QueryTerm(.float(self)) }
}

extension Bool: QueryValue {
    /// `true` or `false`.
    public var queryTerm: QueryTerm { QueryTerm(.bool(self)) }
}

extension Day: QueryValue {
    /// A day as a time literal, `2023-07-25`.
    public var queryTerm: QueryTerm { QueryTerm(.time(.day(self))) }
}

extension TimeRange: QueryValue {
    /// A time literal, `2023-10` or `2023-03..2023-10`.
    public var queryTerm: QueryTerm { QueryTerm(.time(self)) }

    /// The days of year `year`, as the time literal `2023` denotes them.
    public init(year: Int) { self = .year(year) }

    /// The days of month `month` of `year` (`2023-10`); `nil` when the month is not 1 to 12.
    public init?(year: Int, month: Int) {
        guard let range = TimeRange.month(year: year, month: month) else { return nil }
        self = range
    }
}

/// An enumeration the query language writes as a bare word, its raw value (`visit`, `planned`, `person`, `date`).
public protocol QueryEnumeration: QueryValue, RawRepresentable where RawValue == String {}

extension QueryEnumeration {
    /// The case as a word.
    public var queryTerm: QueryTerm { QueryTerm(.word(rawValue)) }
}

extension RelationPredicate: QueryEnumeration {}
extension Modality: QueryEnumeration {}
extension EntityKind: QueryEnumeration {}
extension TimexType: QueryEnumeration {}

/// An entity as a typed query names it: the entity literal `@"Vladimir Putin"`, with a kind
/// (`@Dover:location`) when the name alone stands for several entities.
///
/// The name is resolved against the corpus when the query is checked, as a literal in query text
/// is: an unknown or ambiguous name is a ``Diagnostic`` with candidates.
public struct EntityName: Hashable, Sendable, QueryValue, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name, canonical or an alias.
    public var name: String
    /// The kind that picks one of several entities of the name, when given.
    public var kind: EntityKind?

    /// Names the entity `name`, of `kind` when given.
    public init(_ name: String, kind: EntityKind? = nil) {
        self.name = name
        self.kind = kind
    }

    /// Names the entity `value`.
    public init(stringLiteral value: String) { self.init(value) }

    /// Names a decoded entity by its canonical name and kind.
    public init(_ entity: EntityRecord) { self.init(entity.name, kind: entity.kind) }

    /// Names a referenced entity by its canonical name and kind.
    public init(_ entity: EntityReference) { self.init(entity.name, kind: entity.kind) }

    /// The entity literal.
    public var queryTerm: QueryTerm { QueryTerm(.entity(self)) }

    /// The entity literal as written, `@"Vladimir Putin"`.
    public var description: String { EntityLiteral.text(name: name, kind: kind) }
}

/// A condition of a typed query's `where`, built from columns with `==`, `<`, `&&`, `||`, `!` and
/// the column's own tests (``QueryColumn/during(_:)``, ``QueryColumn/contains(_:)``, …).
public struct QueryCondition: Hashable, Sendable {
    let term: QueryTerm

    init(_ term: QueryTerm) { self.term = term }

    init(_ operation: BinaryOperator, _ left: QueryTerm, _ right: QueryTerm) {
        term = QueryTerm(.binary(operation, left, right))
    }

    /// Both conditions hold: `and`.
    public static func && (left: QueryCondition, right: QueryCondition) -> QueryCondition {
        QueryCondition(.and, left.term, right.term)
    }

    /// Either condition holds: `or`.
    public static func || (left: QueryCondition, right: QueryCondition) -> QueryCondition {
        QueryCondition(.or, left.term, right.term)
    }

    /// The condition does not hold: `not`.
    public static prefix func ! (condition: QueryCondition) -> QueryCondition {
        QueryCondition(QueryTerm(.not(condition.term)))
    }
}
