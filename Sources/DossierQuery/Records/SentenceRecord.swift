import DossierCore
import DossierStore

/// A sentence of a document, as `sentences` rows give it.
public struct SentenceRecord: CorpusRecord {
    /// Sentences decode from `sentences` rows.
    public static var rowKind: RowKind { .sentences }

    /// The sentence's identity in the corpus index.
    public var id: SentenceID
    /// The document it is in.
    public var document: DocumentReference
    /// Its index within the document, from 0.
    public var index: Int
    /// Its text.
    public var text: String
    /// The document's date, when known.
    public var date: Day?

    /// The sentence `id` of `index`.
    public init(id: SentenceID, in index: CorpusIndex) {
        let row = Int(id.row)
        let document = index.sentences.documents[row]
        self.id = id
        self.document = DocumentReference(DocumentID(row: document), in: index)
        self.index = Int(index.sentences.positions[row])
        text = index.text(ofSentence: row)
        date = index.documents.dates[Int(document)]
    }
}
