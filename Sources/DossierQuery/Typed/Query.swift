import DossierCore

/// The sources of typed queries: where a ``RowQuery``'s rows come from.
///
/// A typed query is a value: building it runs nothing. Each stage gives a new query, and a
/// ``QuerySession`` checks and runs it through the same checker and plan as the query text it
/// prints as (``RowQuery/dqlText``):
/// ```swift
/// let visits = try session.fetchAll(
///     Query.entity("Vladimir Putin").relations
///         .where { $0.predicate == .visit }
///         .during(TimeRange(year: 2023))
///         .sorted(by: \.timeRange)
///         .limit(10))
/// // @"Vladimir Putin" | relations | where predicate == visit | during 2023 | sort time | take 10
/// ```
public enum Query {
    /// Every document: `documents`.
    public static var documents: RowQuery<DocumentRecord> { RowQuery(source: .rows(.documents)) }
    /// Every sentence: `sentences`.
    public static var sentences: RowQuery<SentenceRecord> { RowQuery(source: .rows(.sentences)) }
    /// Every entity: `entities`.
    public static var entities: RowQuery<EntityRecord> { RowQuery(source: .rows(.entities)) }
    /// Every mention: `mentions`.
    public static var mentions: RowQuery<MentionRecord> { RowQuery(source: .rows(.mentions)) }
    /// Every relation: `relations`.
    public static var relations: RowQuery<RelationRecord> { RowQuery(source: .rows(.relations)) }
    /// Every time expression: `times`.
    public static var times: RowQuery<TimeRecord> { RowQuery(source: .rows(.times)) }

    /// The one entity `entity` names: the entity literal `@"Vladimir Putin"` as a source.
    public static func entity(_ entity: EntityName) -> RowQuery<EntityRecord> { RowQuery(source: .entity(entity)) }

    /// The one entity `entity` refers to, by its canonical name and kind.
    public static func entity(_ entity: EntityRecord) -> RowQuery<EntityRecord> { RowQuery(source: .entity(EntityName(entity))) }
}

/// The parts of a typed query, source and stages, before they are written as the language's syntax tree.
struct QueryDraft: Hashable, Sendable {
    enum Source: Hashable, Sendable {
        case rows(RowKind)
        case entity(EntityName)
        /// A name bound by `let`.
        case binding(String)
    }

    enum Stage: Hashable, Sendable {
        case filter(QueryTerm)
        case time(TimeRelation, TimeRange)
        case mentioning([EntityName])
        case search(String)
        case count(by: [String])
        case sort([QueryOrdering])
        case take(Int)
        case top(Int, by: [QueryOrdering])
        case distinct([String])
        case select([String])
        case navigation(RowKind)
        case kwic(word: String?, width: Int?)
        case timeline(TimelineUnit?)
        case cooccur(kind: EntityKind?, unit: CooccurrenceUnit?, minimum: Int?)
        case graph
    }

    var source: Source
    var stages: [Stage] = []
    /// How the result asks to be shown: `render …`, always written as the last stage, since it
    /// changes nothing but the presentation.
    var presentation: RenderStyle?

    func adding(_ stage: Stage) -> QueryDraft {
        var draft = self
        draft.stages.append(stage)
        return draft
    }

    /// The query text and the syntax tree the parser would make of it, each node's range in that text.
    var written: (text: String, pipeline: QueryPipeline) { QueryWriter.write(self) }

    /// `sort F [desc]` on the field `field`.
    func sorting(by field: String, descending: Bool) -> QueryDraft {
        adding(.sort([QueryOrdering(field: field, descending: descending ? true : nil)]))
    }

    /// `top N by F [asc]` on the field `field`.
    func keepingTop(_ count: Int, by field: String, ascending: Bool) -> QueryDraft {
        adding(.top(count, by: [QueryOrdering(field: field, descending: ascending ? false : nil)]))
    }

    func rendered(as style: RenderStyle) -> QueryDraft {
        var draft = self
        draft.presentation = style
        return draft
    }
}

/// What every typed query is: a pipeline that prints as query text.
public protocol TypedQuery: Sendable, CustomStringConvertible {
    /// The query as the query language writes it; running this text gives what the query gives.
    var dqlText: String { get }
    /// The query as the syntax tree of the language, each node's range pointing into ``dqlText``:
    /// what the checker reads, as it reads a pipeline the parser made.
    var pipeline: QueryPipeline { get }
}

extension TypedQuery {
    /// The query text, ``dqlText``.
    public var description: String { dqlText }
}

/// A typed query whose result is rows of the corpus, decoded into `Row` records by
/// ``QuerySession/fetchAll(_:sourceName:)-(RowQuery<Row>,_)``.
public struct RowQuery<Row: QueryableRecord>: TypedQuery, Hashable {
    let draft: QueryDraft

    init(source: QueryDraft.Source) { draft = QueryDraft(source: source) }
    init(draft: QueryDraft) { self.draft = draft }

    private func adding(_ stage: QueryDraft.Stage) -> RowQuery { RowQuery(draft: draft.adding(stage)) }
    private func navigating<Target>(to kind: RowKind) -> RowQuery<Target> { RowQuery<Target>(draft: draft.adding(.navigation(kind))) }

    /// The query text, such as `@"Vladimir Putin" | relations | where predicate == visit`.
    public var dqlText: String { draft.written.text }
    /// The syntax tree the checker reads, with ranges into ``dqlText``.
    public var pipeline: QueryPipeline { draft.written.pipeline }

    // MARK: Filters

    /// Keeps the rows for which `condition` holds: `where …`.
    ///
    /// ```swift
    /// Query.relations.where { $0.predicate == .visit && ($0.modality == .planned || !$0.isNegated.isTrue) }
    /// ```
    public func `where`(_ condition: (Row.Columns) -> QueryCondition) -> RowQuery {
        adding(.filter(condition(Row.columns).term))
    }

    /// Keeps the rows whose time lies inside `range`: `during …` (a relation's own time, or else its
    /// document's date; a document's, sentence's or mention's date; a time expression's range).
    public func during(_ range: TimeRange) -> RowQuery { adding(.time(.during, range)) }
    /// Keeps the rows whose time shares a day with `range`: `overlapping …`.
    public func overlapping(_ range: TimeRange) -> RowQuery { adding(.time(.overlaps, range)) }
    /// Keeps the rows whose time ends before `range` starts: `before …`.
    public func before(_ range: TimeRange) -> RowQuery { adding(.time(.before, range)) }
    /// Keeps the rows whose time starts after `range` ends: `after …`.
    public func after(_ range: TimeRange) -> RowQuery { adding(.time(.after, range)) }

    // MARK: Order and slices

    /// Sorts the rows by `column`, ascending unless `descending`: `sort F [desc]`.
    public func sorted<Value>(by column: KeyPath<Row.Columns, QueryColumn<Value>>, descending: Bool = false) -> RowQuery {
        RowQuery(draft: draft.sorting(by: Row.columns[keyPath: column].name, descending: descending))
    }

    /// Sorts the rows by several keys, the first deciding: `sort F desc, G`.
    ///
    /// ```swift
    /// Query.documents.sorted { [$0.date.descending, $0.identifier.ascending] }
    /// ```
    public func sorted(_ orderings: (Row.Columns) -> [QueryOrdering]) -> RowQuery { adding(.sort(orderings(Row.columns))) }

    /// Keeps the first `count` rows: `take N`.
    public func limit(_ count: Int) -> RowQuery { adding(.take(count)) }

    /// The `count` rows with the largest value of `column` (smallest when `ascending`): `top N by F`.
    public func top<Value>(_ count: Int, by column: KeyPath<Row.Columns, QueryColumn<Value>>, ascending: Bool = false) -> RowQuery {
        RowQuery(draft: draft.keepingTop(count, by: Row.columns[keyPath: column].name, ascending: ascending))
    }

    // MARK: Results other than rows

    /// The number of rows: `count`, decoded by ``QuerySession/fetchCount(_:sourceName:)``.
    public func count() -> CountQuery { CountQuery(draft: draft.adding(.count(by: []))) }

    /// How many rows have each combination of the values of `columns`, most first: `count by F, …`,
    /// a table fetched by ``QuerySession/fetchTable(_:sourceName:)`` with the columns and `count`.
    public func count(by columns: (Row.Columns) -> [any QueryField]) -> TableQuery {
        TableQuery(draft: draft.adding(.count(by: columns(Row.columns).map(\.name))))
    }

    /// How many rows have each value of `column`, most first: `count by F`, decoded by
    /// ``QuerySession/fetchAll(_:sourceName:)-(TableRecordQuery<Record>,_)`` into ``CountedRow``s of the column's values
    /// (an entity column's into ``EntityReference``s).
    ///
    /// ```swift
    /// Query.entity("Vladimir Putin").relations.count(by: \.predicate)   // [CountedRow<RelationPredicate>]
    /// ```
    public func count<Key: QueryGroupingValue>(by column: KeyPath<Row.Columns, QueryColumn<Key>>) -> TableRecordQuery<CountedRow<Key.Cell>> {
        TableRecordQuery(draft: draft.adding(.count(by: [Row.columns[keyPath: column].name])))
    }

    /// Asks for the rows to be shown as `style`: `render table` (the last stage, wherever it is added).
    public func rendered(as style: RenderStyle) -> RowQuery { RowQuery(draft: draft.rendered(as: style)) }

    /// The values of `columns` for each row, in the rows' order: `select F, …`, a table.
    public func select(_ columns: (Row.Columns) -> [any QueryField]) -> TableQuery {
        TableQuery(draft: draft.adding(.select(columns(Row.columns).map(\.name))))
    }

    /// The distinct combinations of the values of `columns`: `distinct F, …`, a table.
    public func distinct(_ columns: (Row.Columns) -> [any QueryField]) -> TableQuery {
        TableQuery(draft: draft.adding(.distinct(columns(Row.columns).map(\.name))))
    }
}

// MARK: Stages for some rows

extension RowQuery where Row: TextRecord {
    /// Keeps the documents (sentences) that mention every one of `entities`: `mentioning @a, @b`.
    public func mentioning(_ entities: EntityName...) -> RowQuery { adding(.mentioning(entities)) }
    /// Keeps the documents with a sentence that matches the full-text search `words`, or the
    /// sentences that match them: `search "…"`.
    public func search(_ words: String) -> RowQuery { adding(.search(words)) }
    /// Keeps the documents (sentences) that mention every one of `entities` (``mentioning(_:)``).
    public func involving(_ entities: EntityName...) -> RowQuery { adding(.mentioning(entities)) }

    /// Each place `word` occurs in the texts (whole words, any case), with up to `width` words on
    /// either side (5 when `nil`, at most 50): `kwic "word" [width N]`.
    public func keywordInContext(_ word: String, width: Int? = nil) -> TableRecordQuery<KeywordInContextLine> {
        TableRecordQuery(draft: draft.adding(.kwic(word: word, width: width)))
    }
}

extension RowQuery where Row == RelationRecord {
    /// Keeps the relations `entity` takes part in, as subject or object:
    /// `where subject == @e or object == @e`.
    public func involving(_ entity: EntityName) -> RowQuery {
        self.where { $0.subject == entity || $0.object == entity }
    }

    /// The relations as edges subject —predicate→ object, one per distinct triple, weighted by how
    /// many relations it stands for, heaviest first: `graph`.
    public func graph() -> TableRecordQuery<GraphEdge> { TableRecordQuery(draft: draft.adding(.graph)) }
}

extension RowQuery where Row: TimedRecord {
    /// How many rows fall in each `unit` of time, in time order, empty units counted 0: `timeline [by UNIT]`
    /// (by month when `unit` is `nil`). The timeline spans the range an earlier ``during(_:)``,
    /// ``overlapping(_:)``, ``after(_:)`` or ``before(_:)`` names.
    ///
    /// ```swift
    /// Query.relations.where { $0.predicate == .visit }.during(TimeRange(year: 2023)).timeline(by: .quarter)
    /// ```
    public func timeline(by unit: TimelineUnit? = nil) -> TableRecordQuery<TimelineBucket> {
        TableRecordQuery(draft: draft.adding(.timeline(unit)))
    }
}

extension RowQuery where Row: CooccurrenceRecord {
    /// Pairs of entities named in the same sentence or document, with how often and their pointwise
    /// mutual information, most shared first: `cooccur [with KIND] [in sentence|document] [min N]`.
    ///
    /// On entities each entity carried is the first of its pairs and `kind` restricts the second; on
    /// documents and sentences `kind` restricts both. `unit` is sentences on sentences and documents
    /// elsewhere when `nil`; `minimum` keeps the pairs named together at least that often.
    public func cooccurrences(with kind: EntityKind? = nil, in unit: CooccurrenceUnit? = nil,
                              minimum: Int? = nil) -> TableRecordQuery<CooccurrencePair> {
        TableRecordQuery(draft: draft.adding(.cooccur(kind: kind, unit: unit, minimum: minimum)))
    }
}

extension RowQuery where Row == MentionRecord {
    /// Each mention with up to `width` words on either side (5 when `nil`, at most 50): `kwic [width N]`.
    public func keywordInContext(width: Int? = nil) -> TableRecordQuery<KeywordInContextLine> {
        TableRecordQuery(draft: draft.adding(.kwic(word: nil, width: width)))
    }
}

/// Rows with a time, which the time stages and ``RowQuery/timeline(by:)`` read: documents,
/// sentences and mentions by their document's date, relations by their own time (else their
/// document's date), time expressions by their range.
public protocol TimedRecord: QueryableRecord {}
extension DocumentRecord: TimedRecord {}
extension SentenceRecord: TimedRecord {}
extension MentionRecord: TimedRecord {}
extension RelationRecord: TimedRecord {}
extension TimeRecord: TimedRecord {}

/// Rows ``RowQuery/cooccurrences(with:in:minimum:)`` pairs the entities of: documents, sentences, entities.
public protocol CooccurrenceRecord: QueryableRecord {}
extension DocumentRecord: CooccurrenceRecord {}
extension SentenceRecord: CooccurrenceRecord {}
extension EntityRecord: CooccurrenceRecord {}

/// Rows with a text that ``RowQuery/keywordInContext(_:width:)`` and `search` look in: documents and sentences.
public protocol TextRecord: QueryableRecord {}
extension DocumentRecord: TextRecord {}
extension SentenceRecord: TextRecord {}

// MARK: Navigation

extension RowQuery {
    /// The documents these rows belong to, or that mention these entities: `| documents`.
    public var documents: RowQuery<DocumentRecord> { navigating(to: .documents) }
    /// The sentences of these rows: `| sentences`.
    public var sentences: RowQuery<SentenceRecord> { navigating(to: .sentences) }
    /// The entities of these rows: `| entities`.
    public var entities: RowQuery<EntityRecord> { navigating(to: .entities) }
    /// The mentions of these rows: `| mentions`.
    public var mentions: RowQuery<MentionRecord> { navigating(to: .mentions) }
    /// The relations of these rows (an entity's: those it is subject or object of): `| relations`.
    public var relations: RowQuery<RelationRecord> { navigating(to: .relations) }
    /// The time expressions of these rows: `| times`.
    public var times: RowQuery<TimeRecord> { navigating(to: .times) }
}

/// A typed query that ends with `count`: a single number, fetched by ``QuerySession/fetchCount(_:sourceName:)``.
public struct CountQuery: TypedQuery, Hashable {
    let draft: QueryDraft

    /// The query text, ending with `| count`.
    public var dqlText: String { draft.written.text }
    /// The syntax tree the checker reads, with ranges into ``dqlText``.
    public var pipeline: QueryPipeline { draft.written.pipeline }
}

/// A typed query that ends with a table (`count by`, `distinct`, `select`), fetched by ``QuerySession/fetchTable(_:sourceName:)``.
public struct TableQuery: TypedQuery, Hashable {
    let draft: QueryDraft

    /// The query text, ending with `| count by …`, `| distinct …` or `| select …`.
    public var dqlText: String { draft.written.text }
    /// The syntax tree the checker reads, with ranges into ``dqlText``.
    public var pipeline: QueryPipeline { draft.written.pipeline }

    /// Sorts the table by its column `column` (`count`, or one of the columns counted by): `sort F [desc]`.
    public func sorted(by column: String, descending: Bool = false) -> TableQuery {
        TableQuery(draft: draft.adding(.sort([QueryOrdering(field: column, descending: descending ? true : nil)])))
    }

    /// Keeps the first `count` rows of the table: `take N`.
    public func limit(_ count: Int) -> TableQuery { TableQuery(draft: draft.adding(.take(count))) }

    /// Asks for the table to be shown as `style`: `render bar` (the last stage, wherever it is added),
    /// which sets the ``ResultTable/presentation`` ``QuerySession/fetchTable(_:sourceName:)`` gives.
    public func rendered(as style: RenderStyle) -> TableQuery { TableQuery(draft: draft.rendered(as: style)) }
}
