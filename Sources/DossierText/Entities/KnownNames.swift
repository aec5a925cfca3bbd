import DossierCore

/// The names a document writes with some evidence, by their text in any case, so that the same
/// name written elsewhere without evidence ("LEICESTERSHIRE" in a headline, "Somerset" at the
/// start of a sentence) takes the kind and entity of its best-evidenced writing.
struct KnownNames {
    private var best: [String: (evidence: EntityEvidence, kind: EntityKind, entity: String)] = [:]

    init(_ candidates: [EntityCandidate]) {
        for candidate in candidates where candidate.evidence > .weak {
            let key = candidate.text.lowercased()
            if let earlier = best[key], earlier.evidence >= candidate.evidence { continue }
            best[key] = (candidate.evidence, candidate.kind, candidate.entity)
        }
    }

    /// The kind and entity of the best-evidenced candidate written like `candidate`, when its evidence is stronger.
    func best(for candidate: EntityCandidate) -> (kind: EntityKind, entity: String)? {
        guard let found = best[candidate.text.lowercased()], found.evidence > candidate.evidence else { return nil }
        return (found.kind, found.entity)
    }
}
