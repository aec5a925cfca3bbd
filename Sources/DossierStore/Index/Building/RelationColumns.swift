import DossierCore

extension CorpusIndex {
    /// One column per relation field. Arguments are entity rows; the evidence is a span of the
    /// document's text, not a copy of it.
    package struct RelationColumns: Sendable {
        /// The document each relation is in (a row of ``CorpusIndex/documents``).
        package var documents: [Int32] = []
        /// The index of the evidence sentence within the document.
        package var sentences: [Int32] = []
        /// Code-point offsets where each evidence span starts.
        package var evidenceStarts: [Int32] = []
        /// Code-point offsets where each evidence span ends.
        package var evidenceEnds: [Int32] = []
        /// Who acts (a row of ``CorpusIndex/entities``).
        package var subjects: [Int32] = []
        /// What they do.
        package var predicates: [RelationPredicate] = []
        /// To or with whom, or where (a row of ``CorpusIndex/entities``).
        package var objects: [Int32] = []
        /// TIMEX3 values of the relations' times, when they have one.
        package var times: [String?] = []
        /// The days each relation's time denotes, when known.
        package var timeRanges: [TimeRange?] = []
        /// Whether each happened, is planned, was canceled, is reported or hypothetical.
        package var modalities: [Modality] = []
        /// Whether the clause denies it.
        package var negations: [Bool] = []

        /// Creates empty columns.
        package init() {}

        /// The number of relations.
        package var count: Int { documents.count }

        /// Appends one relation between the entity rows `subject` and `object`.
        package mutating func append(document: Int32, subject: Int32, object: Int32, _ relation: Relation) {
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
