import DossierCore
import DossierStore

/// A time expression found in a document, as `times` rows give it.
public struct TimeRecord: CorpusRecord {
    /// Time expressions decode from `times` rows.
    public static var rowKind: RowKind { .times }

    /// The time expression's identity in the corpus index.
    public var id: TimeID
    /// The document it is in.
    public var document: DocumentReference
    /// The index of its sentence within the document, from 0.
    public var sentence: Int
    /// The expression as written (`in October`).
    public var text: String
    /// Its TIMEX3 type: a date, a time, a duration or a set.
    public var type: TimexType
    /// Its TIMEX3 value (`2023-10`).
    public var value: String
    /// The days it denotes, when known.
    public var range: TimeRange?
    /// Where it lies in the document's text, in code points.
    public var span: TextSpan

    /// The time expression `id` of `index`.
    public init(id: TimeID, in index: CorpusIndex) {
        let row = Int(id.row)
        let times = index.times
        self.id = id
        document = DocumentReference(DocumentID(row: times.documents[row]), in: index)
        sentence = Int(times.sentences[row])
        text = times.texts[row]
        type = times.types[row]
        value = times.values[row]
        range = times.ranges[row]
        span = TextSpan(start: Int(times.starts[row]), end: Int(times.ends[row]))
    }
}
