import DossierCore

/// A relation found in a sentence before its time and final modality are settled: the trigger
/// token, the argument candidates, and what the verb group said about modality.
struct ClauseRelation {
    /// The token that signalled the relation.
    var trigger: Int
    var predicate: RelationPredicate
    var subject: ArgumentCandidate
    var object: ArgumentCandidate
    var modality: Modality
    var isNegated: Bool
}

/// What the words around a trigger say about whether its relation happened.
struct ModalityReading {
    var isPlanned = false
    var isCanceled = false
    var isHypothetical = false
    var isNegated = false
    /// The verb trigger the scan stopped at, when the trigger is an infinitive governed by it
    /// ("intends to visit China … to attend"): its modality carries over.
    var governingTrigger: Int?

    /// The modality, strongest reading first.
    var modality: Modality? {
        if isCanceled { return .canceled }
        if isHypothetical { return .hypothetical }
        if isPlanned { return .planned }
        return nil
    }
}
