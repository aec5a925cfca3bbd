import DossierCore

/// The names a document writes with some evidence, by their text in any case, so that the same
/// name written elsewhere without evidence ("LEICESTERSHIRE" in a headline, "Somerset" at the
/// start of a sentence) takes the kind and entity of its best-evidenced writing.
///
/// The table is built on the first look-up: many documents never need one.
struct KnownNames {
    private typealias Writing = (evidence: EntityEvidence, kind: EntityKind, entity: String)
    private let candidates: [EntityCandidate]
    private var best: [UInt64: Writing]?

    init(_ candidates: [EntityCandidate]) {
        self.candidates = candidates
    }

    /// The kind and entity of the best-evidenced candidate written like `candidate`, when its evidence is stronger.
    mutating func best(for candidate: EntityCandidate) -> (kind: EntityKind, entity: String)? {
        if best == nil { best = Self.table(of: candidates) }
        guard let found = best?[NameKey.of(candidate.text)], found.evidence > candidate.evidence else { return nil }
        return (found.kind, found.entity)
    }

    private static func table(of candidates: [EntityCandidate]) -> [UInt64: Writing] {
        var table: [UInt64: Writing] = [:]
        for candidate in candidates where candidate.evidence > .weak {
            let key = NameKey.of(candidate.text)
            if let earlier = table[key], earlier.evidence >= candidate.evidence { continue }
            table[key] = (candidate.evidence, candidate.kind, candidate.entity)
        }
        return table
    }
}
