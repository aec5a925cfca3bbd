import DossierCore

/// Something in a sentence that can be a relation's subject or object: an entity mention, a
/// pronoun resolved to a person, or an actor phrase such as "Russian delegation".
struct ArgumentCandidate: Sendable {
    /// The tokens it covers (indices into the document's tokens).
    var tokens: Range<Int>
    /// The argument it stands for.
    var argument: RelationArgument
    /// Whether it is a pronoun ("he", "his").
    var isPronoun: Bool
}

extension EntityKind {
    /// Whether things of this kind act in the news (people, organisations, places as states,
    /// groups), as opposed to events and documents.
    var canAct: Bool { self == .person || self == .organization || self == .location || self == .group }
}

extension RelationPredicate {
    /// Whether an entity of `kind` can be this predicate's object: one visits places, people and
    /// bodies, attends events, joins bodies and treaties, and acts on actors.
    func accepts(_ kind: EntityKind) -> Bool {
        switch self {
        case .visit: kind == .location || kind == .person || kind == .organization
        case .attend: kind == .event || kind == .organization
        case .join: kind == .organization || kind == .group || kind == .other || kind == .event
        case .lead: kind != .person
        case .host: true
        default: kind.canAct
        }
    }
}
