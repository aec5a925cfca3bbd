import DossierCore

/// Finds names in an analysed text. Implementations must be pure functions of their input,
/// safe to call from many threads at once.
public protocol EntityRecognizer: Sendable {
    /// The names found in `text`, in text order, not overlapping.
    func candidates(in text: AnalyzedText) -> [EntityCandidate]
}

/// Decides which candidates are mentions and which entity each one names.
public protocol EntityResolver: Sendable {
    /// The mentions of `text`, in text order, each with its canonical entity name.
    func resolve(_ candidates: [EntityCandidate], in text: AnalyzedText) -> [Mention]
}
