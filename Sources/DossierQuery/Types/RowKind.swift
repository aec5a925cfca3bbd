/// One field of a row: its name and type.
public struct Field: Hashable, Sendable {
    /// The name used in queries.
    public var name: String
    /// The type of the field's values.
    public var type: FieldType

    /// Creates a field.
    public init(name: String, type: FieldType) {
        self.name = name
        self.type = type
    }
}

/// The fields of a document row.
enum DocumentField: String, CaseIterable, Sendable {
    case id, title, date, source, url, words, text

    var type: FieldType {
        switch self {
        case .id, .title, .source, .url, .text: .string
        case .date: .date
        case .words: .int
        }
    }
}

/// The fields of an entity row.
enum EntityField: String, CaseIterable, Sendable {
    case id, name, kind, aliases, mentions, documents, first, last

    var type: FieldType {
        switch self {
        case .id, .mentions, .documents: .int
        case .name: .string
        case .kind: .kind
        case .aliases: .list(.string)
        case .first, .last: .date
        }
    }
}

/// The fields of a mention row.
enum MentionField: String, CaseIterable, Sendable {
    case entity, document, sentence, text, start, end, date

    var type: FieldType {
        switch self {
        case .entity: .entity
        case .document: .document
        case .sentence, .start, .end: .int
        case .text: .string
        case .date: .date
        }
    }
}

/// The fields of a sentence row.
enum SentenceField: String, CaseIterable, Sendable {
    case document, index, text, date

    var type: FieldType {
        switch self {
        case .document: .document
        case .index: .int
        case .text: .string
        case .date: .date
        }
    }
}

/// The fields of a relation row. `time` is the relation's own time; `timex` its TIMEX3 value as
/// written (which may have unknown parts, `XXXX-10`); `date` the document's date.
enum RelationField: String, CaseIterable, Sendable {
    case subject, predicate, object, time, negated, modality, document, sentence, evidence, date, timex, cameo

    var type: FieldType {
        switch self {
        case .subject, .object: .entity
        case .predicate: .predicate
        case .time: .timeRange
        case .negated: .bool
        case .modality: .modality
        case .document: .document
        case .sentence: .int
        case .evidence, .timex, .cameo: .string
        case .date: .date
        }
    }
}

/// The fields of a time-expression row.
enum TimeField: String, CaseIterable, Sendable {
    case document, sentence, text, type, value, range, start, end

    var type: FieldType {
        switch self {
        case .document: .document
        case .sentence, .start, .end: .int
        case .text, .value: .string
        case .type: .timexType
        case .range: .timeRange
        }
    }
}

/// The kinds of rows the corpus holds, each a source (`documents`) and a navigation stage (`| documents`).
public enum RowKind: String, CaseIterable, Hashable, Sendable {
    /// News articles.
    case documents
    /// Sentences of documents.
    case sentences
    /// Named entities.
    case entities
    /// Places in documents that name an entity.
    case mentions
    /// Extracted subject–predicate–object relations.
    case relations
    /// Time expressions found in documents.
    case times

    /// The row kind a source or navigation word names (`docs` is an alias of `documents`).
    public init?(word: String) {
        if word == "docs" { self = .documents; return }
        self.init(rawValue: word)
    }

    /// The fields of one row, in the order the language reference lists them.
    public var fields: [Field] {
        switch self {
        case .documents: DocumentField.allCases.map { Field(name: $0.rawValue, type: $0.type) }
        case .entities: EntityField.allCases.map { Field(name: $0.rawValue, type: $0.type) }
        case .mentions: MentionField.allCases.map { Field(name: $0.rawValue, type: $0.type) }
        case .sentences: SentenceField.allCases.map { Field(name: $0.rawValue, type: $0.type) }
        case .relations: RelationField.allCases.map { Field(name: $0.rawValue, type: $0.type) }
        case .times: TimeField.allCases.map { Field(name: $0.rawValue, type: $0.type) }
        }
    }

    /// The fields shown when a pipeline ends with these rows.
    public var defaultColumns: [String] {
        switch self {
        case .documents: ["id", "title", "date", "words"]
        case .entities: ["name", "kind", "mentions", "documents"]
        case .mentions: ["entity", "document", "sentence", "text"]
        case .sentences: ["document", "index", "text"]
        case .relations: ["subject", "predicate", "object", "time"]
        case .times: ["document", "text", "type", "value", "range"]
        }
    }
}

/// What rows a pipeline carries: rows of the corpus, or a table made by `select`, `count by` or `distinct`.
public enum RowType: Hashable, Sendable, CustomStringConvertible {
    /// Rows of the corpus, such as documents.
    case source(RowKind)
    /// A table with the given columns.
    case table([Field])

    /// The fields of one row.
    public var fields: [Field] {
        switch self {
        case .source(let kind): kind.fields
        case .table(let fields): fields
        }
    }

    /// `documents`, or `a table (name, count)`.
    public var description: String {
        switch self {
        case .source(let kind): kind.rawValue
        case .table(let fields): "a table (\(fields.map(\.name).joined(separator: ", ")))"
        }
    }
}

/// What a pipeline carries after a stage: rows, or one value (the result of `count`).
public enum PipelineType: Hashable, Sendable, CustomStringConvertible {
    /// Rows of a given type.
    case rows(RowType)
    /// A single value of a given type.
    case value(FieldType)

    /// `entities`, `a table (…)`, `a single Int`.
    public var description: String {
        switch self {
        case .rows(let rows): rows.description
        case .value(let type): "a single \(type)"
        }
    }
}
