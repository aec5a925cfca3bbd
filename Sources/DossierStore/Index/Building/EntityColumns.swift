import DossierCore

extension CorpusIndex {
    /// Builds, row by row, one column per entity field given at construction (the index derives the statistics).
    package struct EntityColumns: Sendable {
        /// Canonical names.
        package var names: [String] = []
        /// Kinds.
        package var kinds: [EntityKind] = []
        /// Other names the entity goes by, as written in the corpus.
        package var aliases: [[String]] = []
        /// Creates empty columns.
        package init() {}

        /// The number of entities.
        package var count: Int { names.count }

        /// Appends one entity.
        package mutating func append(name: String, kind: EntityKind, aliases: [String]) {
            names.append(name)
            kinds.append(kind)
            self.aliases.append(aliases)
        }
    }
}
