import DossierCore

/// Finds time expressions in an analysed text and normalises them to TIMEX3 values against the
/// document date. Implementations must be pure functions of their input, safe to call from many
/// threads at once.
public protocol TimeTagger: Sendable {
    /// The time expressions of `text`, in text order, not overlapping.
    func times(in text: AnalyzedText) -> [TimeExpression]
}
