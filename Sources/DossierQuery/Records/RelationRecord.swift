import DossierCore
import DossierStore

/// An extracted relation, as `relations` rows give it: who did what to or with whom, when, how
/// certainly, and the sentence that says so.
public struct RelationRecord: CorpusRecord {
    /// Relations decode from `relations` rows.
    public static var rowKind: RowKind { .relations }

    /// The relation's identity in the corpus index.
    public var id: RelationID
    /// Who acts.
    public var subject: EntityReference
    /// What they do.
    public var predicate: RelationPredicate
    /// To or with whom, or where.
    public var object: EntityReference
    /// The TIMEX3 value of the relation's own time as written (`2023-10`, `XXXX-10`), when it has one.
    public var time: String?
    /// The days the relation's own time denotes, when known (the `time` field of the query language).
    public var timeRange: TimeRange?
    /// Whether it happened, is planned, was canceled, is reported or hypothetical.
    public var modality: Modality
    /// Whether the sentence denies it.
    public var isNegated: Bool
    /// The document it was found in.
    public var document: DocumentReference
    /// The index of the evidence sentence within the document, from 0.
    public var sentence: Int
    /// The text of the sentence that states it.
    public var evidence: String
    /// The document's date, when known.
    public var date: Day?

    /// The relation `id` of `index`.
    public init(id: RelationID, in index: CorpusIndex) {
        let row = Int(id.row)
        let relations = index.relations
        self.id = id
        subject = EntityReference(EntityID(row: relations.subjects[row]), in: index)
        predicate = relations.predicates[row]
        object = EntityReference(EntityID(row: relations.objects[row]), in: index)
        time = relations.times[row]
        timeRange = relations.timeRanges[row]
        modality = relations.modalities[row]
        isNegated = relations.negations[row]
        document = DocumentReference(DocumentID(row: relations.documents[row]), in: index)
        sentence = Int(relations.sentences[row])
        evidence = index.evidence(ofRelation: row)
        date = index.documents.dates[Int(relations.documents[row])]
    }

    /// The CAMEO event code of the predicate, when it has one.
    public var cameoCode: String? { predicate.cameoCode }
}
