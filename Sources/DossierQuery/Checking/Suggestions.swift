import DossierCore

/// "Did you mean" suggestions by edit distance.
enum Suggestions {
    /// The candidate closest in spelling to `word`, when it is close enough to be a likely typo.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = EditDistance.between(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = word.count <= 2 ? 1 : max(2, min(3, word.count / 3))
        return distance <= limit ? candidate : nil
    }
}
