import DossierCore

/// A typed query that ends with a table whose rows decode into `Record`s: ``CountedRow``s of
/// `count by`, ``TimelineBucket``s, ``CooccurrencePair``s, ``KeywordInContextLine``s or ``GraphEdge``s,
/// fetched by ``QuerySession/fetchAll(_:sourceName:)-(TableRecordQuery<Record>,_)``.
///
/// ```swift
/// let partners = try session.fetchAll(
///     Query.entity("Vladimir Putin").cooccurrences(with: .person, in: .sentence).top(5, by: \.count))
/// // @"Vladimir Putin" | cooccur with person in sentence | top 5 by count
/// ```
public struct TableRecordQuery<Record: TableRecord>: TypedQuery, Hashable {
    let draft: QueryDraft

    init(draft: QueryDraft) { self.draft = draft }
    init(source: QueryDraft.Source) { draft = QueryDraft(source: source) }

    private func adding(_ stage: QueryDraft.Stage) -> TableRecordQuery { TableRecordQuery(draft: draft.adding(stage)) }

    /// The query text, such as `relations | timeline by quarter`.
    public var dqlText: String { draft.written.text }
    /// The syntax tree the checker reads, with ranges into ``dqlText``.
    public var pipeline: QueryPipeline { draft.written.pipeline }

    /// Keeps the rows for which `condition` holds: `where …`.
    ///
    /// ```swift
    /// Query.documents.cooccurrences().where { $0.count >= 2 && $0.first == "Vladimir Putin" }
    /// ```
    public func `where`(_ condition: (Record.Columns) -> QueryCondition) -> TableRecordQuery {
        adding(.filter(condition(Record.columns).term))
    }

    /// Sorts the rows by `column`, ascending unless `descending`: `sort F [desc]`.
    public func sorted<Value>(by column: KeyPath<Record.Columns, QueryColumn<Value>>, descending: Bool = false) -> TableRecordQuery {
        TableRecordQuery(draft: draft.sorting(by: Record.columns[keyPath: column].name, descending: descending))
    }

    /// Sorts the rows by several keys, the first deciding: `sort F desc, G`.
    public func sorted(_ orderings: (Record.Columns) -> [QueryOrdering]) -> TableRecordQuery { adding(.sort(orderings(Record.columns))) }

    /// Keeps the first `count` rows: `take N`.
    public func limit(_ count: Int) -> TableRecordQuery { adding(.take(count)) }

    /// The `count` rows with the largest value of `column` (smallest when `ascending`): `top N by F`.
    public func top<Value>(_ count: Int, by column: KeyPath<Record.Columns, QueryColumn<Value>>, ascending: Bool = false) -> TableRecordQuery {
        TableRecordQuery(draft: draft.keepingTop(count, by: Record.columns[keyPath: column].name, ascending: ascending))
    }

    /// The number of rows: `count`, decoded by ``QuerySession/fetchCount(_:sourceName:)``.
    public func count() -> CountQuery { CountQuery(draft: draft.adding(.count(by: []))) }

    /// The values of `columns` for each row: `select F, …`, an untyped table.
    public func select(_ columns: (Record.Columns) -> [any QueryField]) -> TableQuery {
        TableQuery(draft: draft.adding(.select(columns(Record.columns).map(\.name))))
    }

    /// The distinct combinations of the values of `columns`: `distinct F, …`, an untyped table.
    public func distinct(_ columns: (Record.Columns) -> [any QueryField]) -> TableQuery {
        TableQuery(draft: draft.adding(.distinct(columns(Record.columns).map(\.name))))
    }

    /// Asks for the table to be shown as `style`: `render bar` (the last stage, wherever it is added).
    public func rendered(as style: RenderStyle) -> TableRecordQuery { TableRecordQuery(draft: draft.rendered(as: style)) }

    /// The table as untyped ``Value``s, as ``QuerySession/fetchTable(_:sourceName:)`` gives it (with its presentation).
    public var table: TableQuery { TableQuery(draft: draft) }
}

// MARK: Navigation from tables

extension TableRecordQuery where Record == CooccurrencePair {
    /// The entities of the pairs' first column: `| entities` (a table leads on through its first Entity column).
    public var entities: RowQuery<EntityRecord> { RowQuery(draft: draft.adding(.navigation(.entities))) }
}

extension TableRecordQuery where Record == GraphEdge {
    /// The subjects of the edges: `| entities` (a table leads on through its first Entity column).
    public var entities: RowQuery<EntityRecord> { RowQuery(draft: draft.adding(.navigation(.entities))) }
}

extension TableRecordQuery where Record == CountedRow<EntityReference> {
    /// The entities counted: `| entities`.
    public var entities: RowQuery<EntityRecord> { RowQuery(draft: draft.adding(.navigation(.entities))) }
}

extension TableRecordQuery where Record == KeywordInContextLine {
    /// The documents of the lines: `| documents`.
    public var documents: RowQuery<DocumentRecord> { RowQuery(draft: draft.adding(.navigation(.documents))) }
}
