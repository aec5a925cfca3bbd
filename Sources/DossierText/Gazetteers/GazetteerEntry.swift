import DossierCore

/// Which table a gazetteer entry comes from.
public enum GazetteerCategory: String, CaseIterable, Hashable, Sendable {
    /// A country (ISO 3166-1).
    case country
    /// A city or capital.
    case city
    /// A state, province or continent.
    case region
    /// A hand-listed place or alternative place name.
    case place
    /// An international or well-known organisation.
    case organization
    /// A bloc or collective actor ("the West").
    case group
    /// A known person ("Vladimir Putin"), with the other names they go by.
    case person
    /// A demonym ("Russian"); it names its country but is no mention by itself.
    case demonym

    /// The entity kind a match of this category gives, or `nil` for demonyms.
    public var entityKind: EntityKind? {
        switch self {
        case .country, .city, .region, .place: .location
        case .organization: .organization
        case .group: .group
        case .person: .person
        case .demonym: nil
        }
    }

    /// Which category wins when one phrase is in several tables (lower first).
    var priority: Int {
        switch self {
        case .organization: 0
        case .country: 1
        case .place: 2
        case .group: 3
        case .city: 4
        case .region: 5
        case .person: 6
        case .demonym: 7
        }
    }
}

/// One name in a gazetteer: the canonical name it resolves to and where it comes from.
public struct GazetteerEntry: Hashable, Sendable {
    /// The canonical name ("International Criminal Court" for "ICC").
    public let canonical: String
    /// The table the name comes from.
    public let category: GazetteerCategory
    /// Whether the alias is an acronym that only matches in capitals ("WHO", not "who").
    public let matchesOnlyInCapitals: Bool

    /// Creates an entry.
    public init(canonical: String, category: GazetteerCategory, matchesOnlyInCapitals: Bool) {
        self.canonical = canonical
        self.category = category
        self.matchesOnlyInCapitals = matchesOnlyInCapitals
    }
}
