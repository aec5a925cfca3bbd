/// What a relation says one actor did to or with another (ANNOTATIONS.md).
///
/// Named `RelationPredicate` rather than `Predicate` so it does not clash with Foundation's
/// `Predicate` in files that import both.
public enum RelationPredicate: String, CaseIterable, Hashable, Sendable, Codable {
    /// Travels to a place or a host.
    case visit
    /// Meets, holds talks with.
    case meet
    /// Attends an event.
    case attend
    /// Hosts a person or an event.
    case host
    /// Invites.
    case invite
    /// Sends a person or delegation in its place.
    case send
    /// Leads a delegation or a body.
    case lead
    /// Praises, endorses.
    case praise
    /// Criticises, condemns, accuses.
    case criticize
    /// Imposes sanctions or an embargo.
    case sanction
    /// Issues an arrest warrant, charges, indicts.
    case charge
    /// Partnership, agreement, alliance.
    case cooperate
    /// Buys, sells, supplies.
    case trade
    /// Attacks, invades, strikes.
    case attack
    /// Joins, becomes a member or a signatory.
    case join
    /// Says, confirms, announces (reported speech).
    case state

    /// The predicates that hold both ways: if A meets B, B meets A.
    public static let symmetric: Set<RelationPredicate> = [.meet, .cooperate]

    /// The CAMEO event code the predicate maps to, where one exists (`visit` → `042`).
    public var cameoCode: String? {
        switch self {
        case .visit: "042"
        case .meet: "040"
        case .host: "043"
        case .invite: "036"
        case .praise: "051"
        case .criticize: "111"
        case .sanction: "163"
        case .charge: "173"
        case .cooperate: "057"
        case .trade: "061"
        case .attack: "190"
        case .state: "010"
        case .attend, .send, .lead, .join: nil
        }
    }
}
