import DossierCore
import DossierStore

/// A place in a document that names an entity, as `mentions` rows give it.
public struct MentionRecord: CorpusRecord {
    /// Mentions decode from `mentions` rows.
    public static var rowKind: RowKind { .mentions }

    /// The mention's identity in the corpus index.
    public var id: MentionID
    /// The entity it names.
    public var entity: EntityReference
    /// The document it is in.
    public var document: DocumentReference
    /// The index of its sentence within the document, from 0.
    public var sentence: Int
    /// The mention as written (`Putin`).
    public var text: String
    /// Where it lies in the document's text, in code points.
    public var span: TextSpan
    /// The document's date, when known.
    public var date: Day?

    /// The mention `id` of `index`.
    public init(id: MentionID, in index: CorpusIndex) {
        let row = Int(id.row)
        let document = index.mentions.documents[row]
        self.id = id
        entity = EntityReference(EntityID(row: index.mentions.entities[row]), in: index)
        self.document = DocumentReference(DocumentID(row: document), in: index)
        sentence = Int(index.mentions.sentences[row])
        text = index.mentions.texts[row]
        span = TextSpan(start: Int(index.mentions.starts[row]), end: Int(index.mentions.ends[row]))
        date = index.documents.dates[Int(document)]
    }
}
