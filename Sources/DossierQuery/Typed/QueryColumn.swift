import DossierCore

/// A field of the rows a typed query carries, named as the query language names it.
public protocol QueryField: Sendable {
    /// The field's name in the query language (`predicate`, `mentions`).
    var name: String { get }
}

/// A field of a typed query's rows whose values are `Value`s: `predicate` of relations is a
/// `QueryColumn<RelationPredicate>`, so it compares only with predicates.
///
/// ```swift
/// Query.relations.where { $0.predicate == .visit && $0.modality != .canceled }
/// ```
public struct QueryColumn<Value: QueryValue>: QueryField {
    /// The field's name in the query language.
    public let name: String

    /// The column of the field `name`.
    init(_ name: String) { self.name = name }

    var term: QueryTerm { QueryTerm(.field(name)) }

    /// Sorts by this column from the smallest value up.
    public var ascending: QueryOrdering { QueryOrdering(field: name, descending: false) }
    /// Sorts by this column from the largest value down.
    public var descending: QueryOrdering { QueryOrdering(field: name, descending: true) }

    /// The column's value equals `value`: `==`.
    public static func == (column: QueryColumn, value: Value) -> QueryCondition {
        QueryCondition(.equal, column.term, value.queryTerm)
    }

    /// The column's value differs from `value`: `!=`.
    public static func != (column: QueryColumn, value: Value) -> QueryCondition {
        QueryCondition(.notEqual, column.term, value.queryTerm)
    }

    /// The column's value is one of `values`: `in [a, b]`.
    public func isIn(_ values: [Value]) -> QueryCondition {
        QueryCondition(.in, term, QueryTerm(.list(values.map(\.queryTerm))))
    }
}

extension QueryColumn where Value: Comparable {
    /// `<`
    public static func < (column: QueryColumn, value: Value) -> QueryCondition { QueryCondition(.less, column.term, value.queryTerm) }
    /// `<=`
    public static func <= (column: QueryColumn, value: Value) -> QueryCondition { QueryCondition(.lessOrEqual, column.term, value.queryTerm) }
    /// `>`
    public static func > (column: QueryColumn, value: Value) -> QueryCondition { QueryCondition(.greater, column.term, value.queryTerm) }
    /// `>=`
    public static func >= (column: QueryColumn, value: Value) -> QueryCondition { QueryCondition(.greaterOrEqual, column.term, value.queryTerm) }
}

extension QueryColumn where Value == String {
    /// The text contains `needle`, ignoring case: `contains "…"`.
    public func contains(_ needle: String) -> QueryCondition { QueryCondition(.contains, term, needle.queryTerm) }

    /// The text matches the regular expression `pattern`: `matches "…"`.
    public func matches(_ pattern: String) -> QueryCondition { QueryCondition(.matches, term, pattern.queryTerm) }
}

/// A value that lies in time, a ``Day`` or a ``TimeRange``, which the time tests of a column compare.
public protocol QueryTimeValue: QueryValue {}
extension Day: QueryTimeValue {}
extension TimeRange: QueryTimeValue {}

extension QueryColumn where Value: QueryTimeValue {
    /// The value lies inside `range`: `during`.
    public func during(_ range: TimeRange) -> QueryCondition { time(.during, range) }
    /// The value shares at least one day with `range`: `overlaps`.
    public func overlapping(_ range: TimeRange) -> QueryCondition { time(.overlaps, range) }
    /// The value ends before `range` starts: `before`.
    public func before(_ range: TimeRange) -> QueryCondition { time(.before, range) }
    /// The value starts after `range` ends: `after`.
    public func after(_ range: TimeRange) -> QueryCondition { time(.after, range) }

    private func time(_ relation: TimeRelation, _ range: TimeRange) -> QueryCondition {
        QueryCondition(.time(relation), term, range.queryTerm)
    }
}

extension QueryColumn where Value == Bool {
    /// The column holds `true`, as the bare field does in `where negated`.
    public var isTrue: QueryCondition { QueryCondition(term) }
}

/// A sort key of a typed query: a field and a direction (``QueryColumn/ascending``, ``QueryColumn/descending``).
public struct QueryOrdering: Hashable, Sendable {
    /// The field's name in the query language.
    public let field: String
    /// Whether the largest value comes first; `nil` leaves the stage's own default (`sort` ascending, `top` descending).
    public let descending: Bool?
}
