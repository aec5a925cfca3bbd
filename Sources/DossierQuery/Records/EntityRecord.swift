import DossierCore
import DossierStore

/// An entity of the corpus, as `entities` rows give it: one canonical name and what the corpus says of it.
public struct EntityRecord: CorpusRecord {
    /// Entities decode from `entities` rows.
    public static var rowKind: RowKind { .entities }

    /// The entity's identity in the corpus index.
    public var id: EntityID
    /// The canonical name (`Vladimir Putin`).
    public var name: String
    /// What sort of thing it is.
    public var kind: EntityKind
    /// Other names it goes by in the corpus (`Putin`).
    public var aliases: [String]
    /// How many mentions name it.
    public var mentionCount: Int
    /// In how many documents it is mentioned.
    public var documentCount: Int
    /// The earliest date of a dated document that mentions it.
    public var firstDate: Day?
    /// The latest date of a dated document that mentions it.
    public var lastDate: Day?

    /// The entity `id` of `index`.
    public init(id: EntityID, in index: CorpusIndex) {
        let row = Int(id.row)
        self.id = id
        name = index.entities.names[row]
        kind = index.entities.kinds[row]
        aliases = index.entities.aliases[row]
        mentionCount = index.entities.mentionCounts[row]
        documentCount = index.entities.documentCounts[row]
        firstDate = index.entities.firstDates[row]
        lastDate = index.entities.lastDates[row]
    }

    /// The reference a relation or mention of this entity carries.
    public var reference: EntityReference { EntityReference(id: id, name: name, kind: kind) }
}
