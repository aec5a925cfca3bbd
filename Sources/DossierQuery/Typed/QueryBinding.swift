import DossierCore

/// A `let` statement built in Swift: `let NAME = QUERY`, run by ``QuerySession/bind(_:sourceName:)``,
/// which gives ``source``, the query `NAME` that later stages start from.
///
/// ```swift
/// let binding = Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit }.bound(to: "trips")
/// print(binding.dqlText)   // let trips = @"Vladimir Putin" | relations | where predicate == visit
/// let trips = try session.bind(binding)
/// print(trips.where { $0.modality == .planned }.dqlText)   // trips | where modality == planned
/// ```
///
/// A bound name keeps the rows the query gave when it ran, as in query text, so the queries that
/// start from it do not run it again; text run later in the session may use the name as well.
public struct QueryBinding<Bound: TypedQuery & Hashable>: Hashable, Sendable {
    /// The name bound.
    public let name: String
    /// The query whose source is the name: `NAME`.
    public let source: Bound
    let draft: QueryDraft

    /// The statement as query text: `let NAME = …`.
    public var dqlText: String { QueryWriter.writeBinding(name, to: draft).text }
    /// The statement as the parser makes it of ``dqlText``.
    package var statement: Statement { QueryWriter.writeBinding(name, to: draft).statement }
}

extension RowQuery {
    /// The statement `let name = QUERY`, to run with ``QuerySession/bind(_:sourceName:)``.
    public func bound(to name: String) -> QueryBinding<RowQuery> {
        QueryBinding(name: name, source: RowQuery(source: .binding(name)), draft: draft)
    }
}

extension TableRecordQuery {
    /// The statement `let name = QUERY`, to run with ``QuerySession/bind(_:sourceName:)``.
    public func bound(to name: String) -> QueryBinding<TableRecordQuery> {
        QueryBinding(name: name, source: TableRecordQuery(source: .binding(name)), draft: draft)
    }
}
