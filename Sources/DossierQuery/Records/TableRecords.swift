import DossierCore
import DossierStore

/// A row of `count by F`: a value of `F` and how many rows have it.
///
/// ```swift
/// let byPredicate = try session.fetchAll(Query.entity("Vladimir Putin").relations.count(by: \.predicate))
/// // [CountedRow(key: visit, count: 4), …], most first
/// ```
public struct CountedRow<Key: QueryCell>: TableRecord {
    /// The value counted; `nil` for the rows where it is missing (undated documents counted by date).
    public var key: Key?
    /// How many rows have it.
    public var count: Int

    /// A row of `count` rows with `key`.
    public init(key: Key?, count: Int) {
        self.key = key
        self.count = count
    }

    /// The row of the cells `key, count`.
    public init?(cells: [Value], in index: CorpusIndex) {
        guard cells.count == 2, let count = Int(cell: cells[1], in: index) else { return nil }
        if cells[0].isNull {
            key = nil
        } else {
            guard let key = Key(cell: cells[0], in: index) else { return nil }
            self.key = key
        }
        self.count = count
    }

    /// The column `count`; the key column is named by the field counted.
    public static var columns: CountedColumns { CountedColumns() }
    /// `counted rows`
    public static var rowsDescription: String { "counted rows" }
    /// The key (any name) and `count`.
    public static var columnNames: [String?] { [nil, "count"] }
}

/// The columns of a `count by` table that every such table has.
public struct CountedColumns: Sendable {
    /// `count`: how many rows have the key.
    public let count = QueryColumn<Int>("count")
}

/// A row of `timeline`: one unit of time and how many rows fall in it.
public struct TimelineBucket: TableRecord {
    /// The days of the unit: a day, week, month, quarter or year; or a long stretch of empty units
    /// outside the range an earlier time stage named, counted 0.
    public var range: TimeRange
    /// How many rows fall in it.
    public var count: Int

    /// A bucket of `count` rows over `range`.
    public init(range: TimeRange, count: Int) {
        self.range = range
        self.count = count
    }

    /// The bucket of the cells `bucket, count`.
    public init?(cells: [Value], in index: CorpusIndex) {
        guard cells.count == 2, case .timeRange(let range) = cells[0], let count = Int(cell: cells[1], in: index) else { return nil }
        self.init(range: range, count: count)
    }

    /// The columns `bucket` and `count`.
    public static var columns: TimelineColumns { TimelineColumns() }
    /// `timeline buckets`
    public static var rowsDescription: String { "timeline buckets" }
    /// `bucket, count`
    public static var columnNames: [String?] { ["bucket", "count"] }
}

/// The columns of a `timeline` table.
public struct TimelineColumns: Sendable {
    /// `bucket`: the unit's days.
    public let bucket = QueryColumn<TimeRange>("bucket")
    /// `count`: how many rows fall in it.
    public let count = QueryColumn<Int>("count")
}

/// A row of `cooccur`: two entities named in the same sentences or documents, how often, and how much
/// more often than chance.
public struct CooccurrencePair: TableRecord {
    /// The first entity (on entities, the entity the row started from).
    public var first: EntityReference
    /// The entity named with it.
    public var second: EntityReference
    /// In how many units (sentences or documents) both are named.
    public var count: Int
    /// The pointwise mutual information, log2(count · units / (units with the first · units with the second)),
    /// to three decimals.
    public var pointwiseMutualInformation: Double

    /// A pair named together in `count` units.
    public init(first: EntityReference, second: EntityReference, count: Int, pointwiseMutualInformation: Double) {
        self.first = first
        self.second = second
        self.count = count
        self.pointwiseMutualInformation = pointwiseMutualInformation
    }

    /// The pair of the cells `a, b, count, pmi`.
    public init?(cells: [Value], in index: CorpusIndex) {
        guard cells.count == 4, let first = EntityReference(cell: cells[0], in: index), let second = EntityReference(cell: cells[1], in: index),
              let count = Int(cell: cells[2], in: index), let information = Double(cell: cells[3], in: index) else { return nil }
        self.init(first: first, second: second, count: count, pointwiseMutualInformation: information)
    }

    /// The columns `a`, `b`, `count` and `pmi`.
    public static var columns: CooccurrenceColumns { CooccurrenceColumns() }
    /// `co-occurrence pairs`
    public static var rowsDescription: String { "co-occurrence pairs" }
    /// `a, b, count, pmi`
    public static var columnNames: [String?] { ["a", "b", "count", "pmi"] }
}

/// The columns of a `cooccur` table.
public struct CooccurrenceColumns: Sendable {
    /// `a`: the first entity.
    public let first = QueryColumn<EntityName>("a")
    /// `b`: the entity named with it.
    public let second = QueryColumn<EntityName>("b")
    /// `count`: in how many units both are named.
    public let count = QueryColumn<Int>("count")
    /// `pmi`: the pointwise mutual information.
    public let pointwiseMutualInformation = QueryColumn<Double>("pmi")
}

/// A row of `kwic`: a mention, or a place a word occurs, with the words on either side.
public struct KeywordInContextLine: TableRecord {
    /// The document it is in.
    public var document: DocumentReference
    /// The words before it (cut at the far end with `…` past 1,000 characters).
    public var left: String
    /// The mention or the word as written.
    public var match: String
    /// The words after it.
    public var right: String

    /// A line showing `match` between `left` and `right`, in `document`.
    public init(document: DocumentReference, left: String, match: String, right: String) {
        self.document = document
        self.left = left
        self.match = match
        self.right = right
    }

    /// The line of the cells `document, left, match, right`.
    public init?(cells: [Value], in index: CorpusIndex) {
        guard cells.count == 4, let document = DocumentReference(cell: cells[0], in: index), let left = String(cell: cells[1], in: index),
              let match = String(cell: cells[2], in: index), let right = String(cell: cells[3], in: index) else { return nil }
        self.init(document: document, left: left, match: match, right: right)
    }

    /// The columns `left`, `match` and `right`.
    public static var columns: KeywordInContextColumns { KeywordInContextColumns() }
    /// `keyword-in-context lines`
    public static var rowsDescription: String { "keyword-in-context lines" }
    /// `document, left, match, right`
    public static var columnNames: [String?] { ["document", "left", "match", "right"] }
}

/// The columns of a `kwic` table that hold text.
public struct KeywordInContextColumns: Sendable {
    /// `left`: the words before.
    public let left = QueryColumn<String>("left")
    /// `match`: the mention or the word.
    public let match = QueryColumn<String>("match")
    /// `right`: the words after.
    public let right = QueryColumn<String>("right")
}

/// A row of `graph`: the relations subject —predicate→ object, as one edge weighted by how many there are.
public struct GraphEdge: TableRecord {
    /// Who acts.
    public var subject: EntityReference
    /// What they do.
    public var predicate: RelationPredicate
    /// To or with whom, or where.
    public var object: EntityReference
    /// How many relations the edge stands for.
    public var weight: Int

    /// An edge standing for `weight` relations.
    public init(subject: EntityReference, predicate: RelationPredicate, object: EntityReference, weight: Int) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.weight = weight
    }

    /// The edge of the cells `subject, predicate, object, weight`.
    public init?(cells: [Value], in index: CorpusIndex) {
        guard cells.count == 4, let subject = EntityReference(cell: cells[0], in: index),
              let predicate = RelationPredicate(cell: cells[1], in: index), let object = EntityReference(cell: cells[2], in: index),
              let weight = Int(cell: cells[3], in: index) else { return nil }
        self.init(subject: subject, predicate: predicate, object: object, weight: weight)
    }

    /// The columns `subject`, `predicate`, `object` and `weight`.
    public static var columns: GraphColumns { GraphColumns() }
    /// `graph edges`
    public static var rowsDescription: String { "graph edges" }
    /// `subject, predicate, object, weight`
    public static var columnNames: [String?] { ["subject", "predicate", "object", "weight"] }
}

/// The columns of a `graph` table.
public struct GraphColumns: Sendable {
    /// `subject`: who acts.
    public let subject = QueryColumn<EntityName>("subject")
    /// `predicate`
    public let predicate = QueryColumn<RelationPredicate>("predicate")
    /// `object`: to or with whom, or where.
    public let object = QueryColumn<EntityName>("object")
    /// `weight`: how many relations the edge stands for.
    public let weight = QueryColumn<Int>("weight")
}
