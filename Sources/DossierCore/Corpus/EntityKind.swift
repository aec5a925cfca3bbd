/// What sort of thing an entity is (ANNOTATIONS.md).
public enum EntityKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// A named person.
    case person
    /// Governments, courts, parties, agencies, companies, news agencies.
    case organization
    /// Countries, cities, regions.
    case location
    /// Named summits, forums, wars, games.
    case event
    /// Nationalities and blocs used as actors ("the West").
    case group
    /// Treaties, laws and other named things.
    case other
}
