import DossierCore

/// A record a typed query can carry rows of, with the columns its `where`, `sort` and `count by` name.
public protocol QueryableRecord: CorpusRecord {
    /// The columns of the record's rows, each named as the query language names the field.
    associatedtype Columns: Sendable
    /// The columns, handed to the closures of ``RowQuery/where(_:)`` and the other stages.
    static var columns: Columns { get }
}

/// The columns of `documents` rows.
public struct DocumentColumns: Sendable {
    /// `id`: the identifier the document was ingested under.
    public let identifier = QueryColumn<String>("id")
    /// `title`
    public let title = QueryColumn<String>("title")
    /// `date`: the publication day.
    public let date = QueryColumn<Day>("date")
    /// `source`
    public let source = QueryColumn<String>("source")
    /// `url`
    public let url = QueryColumn<String>("url")
    /// `words`: the number of words.
    public let wordCount = QueryColumn<Int>("words")
    /// `text`
    public let text = QueryColumn<String>("text")
}

/// The columns of `entities` rows.
public struct EntityColumns: Sendable {
    /// `name`: the canonical name.
    public let name = QueryColumn<String>("name")
    /// `kind`
    public let kind = QueryColumn<EntityKind>("kind")
    /// `mentions`: how many mentions name it.
    public let mentionCount = QueryColumn<Int>("mentions")
    /// `documents`: in how many documents it is mentioned.
    public let documentCount = QueryColumn<Int>("documents")
    /// `first`: the earliest date of a document that mentions it.
    public let firstDate = QueryColumn<Day>("first")
    /// `last`: the latest date of a document that mentions it.
    public let lastDate = QueryColumn<Day>("last")
}

/// The columns of `mentions` rows.
public struct MentionColumns: Sendable {
    /// `entity`: the entity named, compared with an ``EntityName``.
    public let entity = QueryColumn<EntityName>("entity")
    /// `sentence`: the index of the sentence within the document, from 0.
    public let sentence = QueryColumn<Int>("sentence")
    /// `text`: the words as written.
    public let text = QueryColumn<String>("text")
    /// `start`: the first character's offset in the document.
    public let start = QueryColumn<Int>("start")
    /// `end`: the offset just past the last character.
    public let end = QueryColumn<Int>("end")
    /// `date`: the document's date.
    public let date = QueryColumn<Day>("date")
}

/// The columns of `sentences` rows.
public struct SentenceColumns: Sendable {
    /// `index`: the sentence's place in its document, from 0.
    public let index = QueryColumn<Int>("index")
    /// `text`
    public let text = QueryColumn<String>("text")
    /// `date`: the document's date.
    public let date = QueryColumn<Day>("date")
}

/// The columns of `relations` rows.
public struct RelationColumns: Sendable {
    /// `subject`: who acts, compared with an ``EntityName``.
    public let subject = QueryColumn<EntityName>("subject")
    /// `predicate`
    public let predicate = QueryColumn<RelationPredicate>("predicate")
    /// `object`: to or with whom, or where.
    public let object = QueryColumn<EntityName>("object")
    /// `time`: the days the relation's own time denotes.
    public let timeRange = QueryColumn<TimeRange>("time")
    /// `timex`: the relation's own time as written (`2023-10`, `XXXX-10`).
    public let time = QueryColumn<String>("timex")
    /// `negated`
    public let isNegated = QueryColumn<Bool>("negated")
    /// `modality`
    public let modality = QueryColumn<Modality>("modality")
    /// `sentence`: the index of the evidence sentence within the document.
    public let sentence = QueryColumn<Int>("sentence")
    /// `evidence`: the text of the sentence that states it.
    public let evidence = QueryColumn<String>("evidence")
    /// `date`: the document's date.
    public let date = QueryColumn<Day>("date")
    /// `cameo`: the CAMEO event code of the predicate.
    public let cameoCode = QueryColumn<String>("cameo")
}

/// The columns of `times` rows.
public struct TimeColumns: Sendable {
    /// `sentence`: the index of its sentence within the document.
    public let sentence = QueryColumn<Int>("sentence")
    /// `text`: the words as written.
    public let text = QueryColumn<String>("text")
    /// `type`: date, time, duration or set.
    public let type = QueryColumn<TimexType>("type")
    /// `value`: the TIMEX3 value.
    public let value = QueryColumn<String>("value")
    /// `range`: the days the value denotes.
    public let range = QueryColumn<TimeRange>("range")
    /// `start`: the first character's offset in the document.
    public let start = QueryColumn<Int>("start")
    /// `end`: the offset just past the last character.
    public let end = QueryColumn<Int>("end")
}

extension DocumentRecord: QueryableRecord {
    /// The columns of `documents` rows.
    public static var columns: DocumentColumns { DocumentColumns() }
}

extension EntityRecord: QueryableRecord {
    /// The columns of `entities` rows.
    public static var columns: EntityColumns { EntityColumns() }
}

extension MentionRecord: QueryableRecord {
    /// The columns of `mentions` rows.
    public static var columns: MentionColumns { MentionColumns() }
}

extension SentenceRecord: QueryableRecord {
    /// The columns of `sentences` rows.
    public static var columns: SentenceColumns { SentenceColumns() }
}

extension RelationRecord: QueryableRecord {
    /// The columns of `relations` rows.
    public static var columns: RelationColumns { RelationColumns() }
}

extension TimeRecord: QueryableRecord {
    /// The columns of `times` rows.
    public static var columns: TimeColumns { TimeColumns() }
}
