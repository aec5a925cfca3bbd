/// The roles a document gives its people ("Russian President Vladimir Putin"), so that a role
/// phrase ("the Russian leader", "the Russian president") resolves to the one person holding it.
struct RoleIndex {
    private var holders: [PersonRole: Set<String>] = [:]

    init(_ candidates: [EntityCandidate]) {
        for candidate in candidates where candidate.kind == .person && candidate.evidence > .weak {
            if let role = candidate.role { holders[role, default: []].insert(candidate.entity) }
        }
    }

    /// The canonical name of the one person holding a role `phrase` refers to, if exactly one does.
    func holder(of phrase: PersonRole) -> String? {
        var found: Set<String> = []
        for (role, people) in holders where phrase.refers(to: role) { found.formUnion(people) }
        return found.count == 1 ? found.first : nil
    }
}
