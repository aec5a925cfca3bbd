import DossierCore

extension EntityKind {
    /// Whether things of this kind act in the news (people, organisations, places as states,
    /// groups), as opposed to events and documents.
    var canAct: Bool { self == .person || self == .organization || self == .location || self == .group }
}

extension RelationPredicate {
    /// Whether an entity of `kind` can be this predicate's object: one visits places, people and
    /// bodies, attends events, joins bodies and treaties, states about anything, and acts on actors.
    func accepts(_ kind: EntityKind) -> Bool {
        switch self {
        case .visit: kind == .location || kind == .person || kind == .organization
        case .attend: kind == .event || kind == .organization
        case .join: kind == .organization || kind == .group || kind == .other || kind == .event
        case .lead: kind != .person
        case .host, .state: true
        default: kind.canAct
        }
    }
}
