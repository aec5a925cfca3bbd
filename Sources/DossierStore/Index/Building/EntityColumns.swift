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
        /// The workspace's numbers for the entities.
        package var numbers: [Int64] = []
        /// Creates empty columns.
        package init() {}

        /// The number of entities.
        package var count: Int { names.count }

        /// Appends one entity, numbered `number` in its workspace; without one, its number is its
        /// row's plus one.
        package mutating func append(name: String, kind: EntityKind, aliases: [String], number: Int64? = nil) {
            numbers.append(number ?? Int64(count + 1))
            names.append(name)
            kinds.append(kind)
            self.aliases.append(aliases)
        }
    }
}
