/// The role a document gives a person: a title, and the country it is held for when a demonym
/// says so ("Russian President Vladimir Putin" → president of Russia). A role phrase ("the Russian
/// leader") carries the role it refers to, and the resolver finds the person who holds it.
public struct PersonRole: Hashable, Sendable {
    /// The country (or other place) the role is held for, by its canonical gazetteer name, or `nil`
    /// when the text names none ("the senator from Vermont": Vermont).
    public var country: String?
    /// The title in lower case ("president", "foreign minister").
    public var title: String

    /// Creates a role.
    public init(country: String?, title: String) {
        self.country = country
        self.title = title
    }

    /// Titles that "leader" stands for: whoever leads the country.
    static let leaderTitles: Set<String> = ["president", "prime minister", "premier", "leader", "king", "queen", "chancellor",
                                            "supreme leader", "head of state", "emir", "sultan", "general secretary"]

    /// Whether a role phrase with this role ("the Russian leader") can refer to a person holding `held`.
    /// A phrase that names no country ("the president") refers to the role in any country.
    func refers(to held: PersonRole) -> Bool {
        guard country == nil || country == held.country else { return false }
        if title == held.title { return true }
        // "the Russian leader" for a president, "the Russian president" for someone introduced as leader.
        let leaders = PersonRole.leaderTitles
        return (title == "leader" || held.title == "leader") && leaders.contains(title) && leaders.contains(held.title)
    }
}
