import DossierCore

extension EntityKind {
    /// Whether things of this kind act in the news (people, organisations, places as states,
    /// groups, and names whose kind the recognizer could not tell: "Trump" alone in an article is
    /// a name of unknown kind, and still the one who met Putin), as opposed to events.
    var canAct: Bool { self != .event }
}

extension RelationPredicate {
    /// Whether an entity of `kind` can be this predicate's object: one visits places, people and
    /// bodies, attends events, joins bodies and treaties, states about anything, and acts on actors;
    /// a name of unknown kind ("the town of Pandeglang", "Beyond Fest") may be any of them.
    func accepts(_ kind: EntityKind) -> Bool {
        switch self {
        case .visit: kind == .location || kind == .person || kind == .organization || kind == .other
        case .attend: kind == .event || kind == .organization || kind == .other
        case .join: kind == .organization || kind == .group || kind == .other || kind == .event
        case .lead: kind != .person
        case .host, .state: true
        default: kind.canAct
        }
    }
}
