import DossierCore
import DossierStore

/// A document of the corpus, as `documents` rows give it.
public struct DocumentRecord: CorpusRecord {
    /// Documents decode from `documents` rows.
    public static var rowKind: RowKind { .documents }

    /// The document's identity in the corpus index.
    public var id: DocumentID
    /// The document's identifier as ingested (the `id` field of the query language).
    public var identifier: String
    /// The headline, when it has one.
    public var title: String?
    /// The publication date, when known.
    public var date: Day?
    /// The publisher or source file.
    public var source: String?
    /// The address it was published at.
    public var url: String?
    /// How many words it has.
    public var wordCount: Int
    /// The full text.
    public var text: String

    /// The document `id` of `index`.
    public init(id: DocumentID, in index: CorpusIndex) {
        let row = Int(id.row)
        self.id = id
        identifier = index.documents.ids[row]
        title = index.documents.titles[row]
        date = index.documents.dates[row]
        source = index.documents.sources[row]
        url = index.documents.urls[row]
        wordCount = index.documents.wordCounts[row]
        text = index.documents.texts[row]
    }

    /// The document as the value it was ingested from.
    public var document: Document {
        Document(id: identifier, title: title, date: date, source: source, url: url, text: text)
    }

    /// The reference a mention or relation in this document carries.
    public var reference: DocumentReference { DocumentReference(id: id, identifier: identifier) }
}
