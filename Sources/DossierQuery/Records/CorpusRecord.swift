import DossierCore
import DossierStore

/// A row of the corpus decoded into a Swift value: what a query's final stage gives when it ends
/// with rows of the corpus rather than a table of its own.
///
/// Each kind of row has its record: ``DocumentRecord``, ``EntityRecord``, ``MentionRecord``,
/// ``SentenceRecord``, ``RelationRecord`` and ``TimeRecord``. Fetch them with
/// ``QuerySession/fetchAll(_:_:sourceName:firstLine:)-7r2rh`` or the shorthands such as
/// ``QuerySession/relations(_:sourceName:firstLine:)``, or read one by its identity with
/// ``init(id:in:)``.
public protocol CorpusRecord: Identifiable, Hashable, Sendable where ID == RowIdentity<Self> {
    /// The kind of corpus row the record decodes: a query must end with these rows to give it.
    static var rowKind: RowKind { get }

    /// The record of row `id` of `index`, which must be the index `id` came from.
    init(id: ID, in index: CorpusIndex)
}

/// An entity as a relation's argument or a mention's referent: its identity, canonical name and kind.
public struct EntityReference: Hashable, Sendable {
    /// The entity's identity in the corpus index.
    public var id: EntityID
    /// The entity's canonical name (`Vladimir Putin`).
    public var name: String
    /// What sort of thing it is.
    public var kind: EntityKind

    /// A reference to entity `id` under `name`, of `kind`.
    public init(id: EntityID, name: String, kind: EntityKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    /// The reference to entity `id` of `index`.
    public init(_ id: EntityID, in index: CorpusIndex) {
        self.init(id: id, name: index.entities.names[Int(id.row)], kind: index.entities.kinds[Int(id.row)])
    }
}

/// A document as the place of a mention, a sentence, a relation or a time: its identity and its
/// identifier as ingested.
public struct DocumentReference: Hashable, Sendable {
    /// The document's identity in the corpus index.
    public var id: DocumentID
    /// The document's identifier as ingested (`003_9500509ab041714a`), stable across sessions.
    public var identifier: String

    /// A reference to document `id`, ingested as `identifier`.
    public init(id: DocumentID, identifier: String) {
        self.id = id
        self.identifier = identifier
    }

    /// The reference to document `id` of `index`.
    public init(_ id: DocumentID, in index: CorpusIndex) {
        self.init(id: id, identifier: index.documents.ids[Int(id.row)])
    }
}
