/// Whether a relation happened, is planned, was called off, is only claimed or only possible
/// (ANNOTATIONS.md). Negation is separate: see ``Relation/isNegated``.
public enum Modality: String, CaseIterable, Hashable, Sendable, Codable {
    /// It happened: "Xi invited Putin".
    case asserted
    /// It is intended or scheduled: "intends to", "is scheduled to", "will".
    case planned
    /// It was called off: "cancelled", "called off", "decided not to".
    case canceled
    /// It is an attributed claim: "according to", "reportedly".
    case reported
    /// It is only possible: "could", "if".
    case hypothetical
}
