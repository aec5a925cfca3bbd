import DossierCore

extension CorpusIndex {
    /// One column per relation field. Arguments are entity rows; the evidence is a span of the
    /// document's text, not a copy of it.
    public struct RelationColumns: Sendable {
        /// The document each relation is in (a row of ``CorpusIndex/documents``).
        public var documents: [Int32] = []
        /// The index of the evidence sentence within the document.
        public var sentences: [Int32] = []
        /// Code-point offsets where each evidence span starts.
        public var evidenceStarts: [Int32] = []
        /// Code-point offsets where each evidence span ends.
        public var evidenceEnds: [Int32] = []
        /// Who acts (a row of ``CorpusIndex/entities``).
        public var subjects: [Int32] = []
        /// What they do.
        public var predicates: [RelationPredicate] = []
        /// To or with whom, or where (a row of ``CorpusIndex/entities``).
        public var objects: [Int32] = []
        /// TIMEX3 values of the relations' times, when they have one.
        public var times: [String?] = []
        /// The days each relation's time denotes, when known.
        public var timeRanges: [TimeRange?] = []
        /// Whether each happened, is planned, was canceled, is reported or hypothetical.
        public var modalities: [Modality] = []
        /// Whether the clause denies it.
        public var negations: [Bool] = []

        /// Creates empty columns.
        public init() {}

        /// The number of relations.
        public var count: Int { documents.count }

        /// Appends one relation between the entity rows `subject` and `object`.
        public mutating func append(document: Int32, subject: Int32, object: Int32, _ relation: Relation) {
            documents.append(document)
            sentences.append(Int32(relation.sentence))
            evidenceStarts.append(Int32(relation.evidence.start))
            evidenceEnds.append(Int32(relation.evidence.end))
            subjects.append(subject)
            predicates.append(relation.predicate)
            objects.append(object)
            times.append(relation.time)
            timeRanges.append(relation.timeRange)
            modalities.append(relation.modality)
            negations.append(relation.isNegated)
        }
    }
}
