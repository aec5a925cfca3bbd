import DossierCore
import DossierStore

/// A Swift value one cell of a query's table decodes into: a number, text, a day, a time range, an
/// enumeration case, or a reference to an entity or a document of the corpus.
public protocol QueryCell: Hashable, Sendable {
    /// The value `cell` holds, or `nil` when it holds a value of another type or none.
    ///
    /// - Parameters:
    ///   - cell: One cell of a table.
    ///   - index: The corpus the table was made from, which a reference's name and kind come from.
    init?(cell: Value, in index: CorpusIndex)
}

extension String: QueryCell {
    /// The text of a text cell.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .string(let value) = cell else { return nil }
        self = value
    }
}

extension Int: QueryCell {
    /// The number of a whole-number cell.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .int(let value) = cell else { return nil }
        self = value
    }
}

extension Double: QueryCell {
    /// The number of a floating-point or whole-number cell.
    public init?(cell: Value, in index: CorpusIndex) {
        switch cell {
        case .float(let value): self = value
        case .int(let value): self = Double(value)
        default: return nil
        }
    }
}

extension Bool: QueryCell {
    /// The truth value of a Bool cell.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .bool(let value) = cell else { return nil }
        self = value
    }
}

extension Day: QueryCell {
    /// The day of a date cell.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .date(let value) = cell else { return nil }
        self = value
    }
}

extension TimeRange: QueryCell {
    /// The range of a time-range cell, or the one day of a date cell.
    public init?(cell: Value, in index: CorpusIndex) {
        switch cell {
        case .timeRange(let value): self = value
        case .date(let day): self = .day(day)
        default: return nil
        }
    }
}

extension RelationPredicate: QueryCell {
    /// The predicate of a predicate cell.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .predicate(let value) = cell else { return nil }
        self = value
    }
}

extension Modality: QueryCell {
    /// The modality of a modality cell.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .modality(let value) = cell else { return nil }
        self = value
    }
}

extension EntityKind: QueryCell {
    /// The kind of an entity-kind cell.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .kind(let value) = cell else { return nil }
        self = value
    }
}

extension TimexType: QueryCell {
    /// The TIMEX3 type of a time-type cell.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .timexType(let value) = cell else { return nil }
        self = value
    }
}

extension EntityReference: QueryCell {
    /// The entity of an entity cell, with its canonical name and kind.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .entity(let id, _) = cell, Int(id.row) < index.entities.count else { return nil }
        self.init(id, in: index)
    }
}

extension DocumentReference: QueryCell {
    /// The document of a document cell, with the identifier it was ingested under.
    public init?(cell: Value, in index: CorpusIndex) {
        guard case .document(let id, _) = cell, Int(id.row) < index.documents.count else { return nil }
        self.init(id, in: index)
    }
}

/// A value a typed query can count rows by (``RowQuery/count(by:)-(KeyPath<Row.Columns,QueryColumn<Key>>)``):
/// the cells of the counted column decode into its ``Cell``.
public protocol QueryGroupingValue: QueryValue {
    /// What a cell of the column decodes into: the value itself, or for an entity the
    /// ``EntityReference`` it names.
    associatedtype Cell: QueryCell
}

extension String: QueryGroupingValue {
    /// Text cells decode into text.
    public typealias Cell = String
}

extension Int: QueryGroupingValue {
    /// Whole-number cells decode into whole numbers.
    public typealias Cell = Int
}

extension Double: QueryGroupingValue {
    /// Number cells decode into numbers.
    public typealias Cell = Double
}

extension Bool: QueryGroupingValue {
    /// Bool cells decode into Bools.
    public typealias Cell = Bool
}

extension Day: QueryGroupingValue {
    /// Date cells decode into days.
    public typealias Cell = Day
}

extension TimeRange: QueryGroupingValue {
    /// Time-range cells decode into ranges.
    public typealias Cell = TimeRange
}

extension RelationPredicate: QueryGroupingValue {
    /// Predicate cells decode into predicates.
    public typealias Cell = RelationPredicate
}

extension Modality: QueryGroupingValue {
    /// Modality cells decode into modalities.
    public typealias Cell = Modality
}

extension EntityKind: QueryGroupingValue {
    /// Kind cells decode into kinds.
    public typealias Cell = EntityKind
}

extension TimexType: QueryGroupingValue {
    /// TIMEX3-type cells decode into types.
    public typealias Cell = TimexType
}

extension EntityName: QueryGroupingValue {
    /// Entity cells decode into references: identity, canonical name and kind.
    public typealias Cell = EntityReference
}
