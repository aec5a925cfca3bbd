import DossierCore
import GRDB

/// Resolves entities across the corpus: a document that only says "Putin" or "ICC" makes an entity
/// of that name, which this merges into the one entity of the workspace with the full name.
///
/// - A one-word person merges into the one person whose name of several words ends with that word
///   or has it as an alias ("Putin" → "Vladimir Putin").
/// - An acronym organization merges into the one organization that has it as an alias, or, when
///   none has, into the one whose initials spell it ("ICC" → "International Criminal Court").
///
/// With two or more candidates the entity stays apart: a surname shared by two people names
/// neither. Only one-word entities merge, and only into entities of several words, so no merge
/// feeds another: the outcome does not depend on the order documents were ingested in (as long as
/// a candidate that makes a name ambiguous arrives before the name is merged), and resolving again
/// changes nothing.
public enum CorpusEntityResolver {
    /// An entity as the resolver sees it.
    public struct Entity: Hashable, Sendable {
        /// The entity's key in the workspace.
        public var number: Int64
        /// Its canonical name.
        public var name: String
        /// Its kind.
        public var kind: EntityKind
        /// Its other names.
        public var aliases: [String]

        /// Creates an entity.
        public init(number: Int64, name: String, kind: EntityKind, aliases: [String] = []) {
            self.number = number
            self.name = name
            self.kind = kind
            self.aliases = aliases
        }

        /// Whether the entity is a one-word person or an acronym organization, which may be short
        /// for another entity.
        var mayBeShort: Bool {
            guard CorpusEntityResolver.words(of: name).count == 1 else { return false }
            return kind == .person || (kind == .organization && CorpusEntityResolver.isAcronym(name))
        }
    }

    /// A word a one-word entity may be, and whether it comes from an alias (rather than a surname or initials).
    struct Key: Hashable {
        var text: String
        var byAlias: Bool
    }

    /// One entity to fold into another.
    public struct Merge: Hashable, Sendable {
        /// The entity that goes away (its name becomes an alias of ``into``).
        public var from: Int64
        /// The entity that absorbs it.
        public var into: Int64
    }

    /// The merges the rules call for among `entities`, in the order of `from`.
    public static func merges(among entities: [Entity]) -> [Merge] {
        var holders: [EntityKind: [String: [(entity: Int64, byAlias: Bool)]]] = [:]
        for entity in entities {
            for key in keys(of: entity) { holders[entity.kind, default: [:]][key.text, default: []].append((entity.number, key.byAlias)) }
        }
        return entities.sorted { $0.number < $1.number }.compactMap { entity in
            guard entity.mayBeShort else { return nil }
            let found = holders[entity.kind]?[folded(entity.name)] ?? []
            return target(of: entity, among: found).map { Merge(from: entity.number, into: $0) }
        }
    }

    /// The keys an entity of several words offers one-word entities of its kind: a person's surname
    /// and one-word aliases, an organization's initials and acronym aliases; none for other entities.
    /// A word that is both (a surname that is also an alias) counts as an alias.
    static func keys(of entity: Entity) -> Set<Key> {
        guard words(of: entity.name).count > 1 else { return [] }
        var byAlias: [String: Bool] = [:]
        switch entity.kind {
        case .person:
            byAlias[folded(String(words(of: entity.name).last!))] = false
            for alias in entity.aliases where words(of: alias).count == 1 { byAlias[folded(alias)] = true }
        case .organization:
            for initials in initials(of: entity.name) { byAlias[initials] = false }
            for alias in entity.aliases where isAcronym(alias) { byAlias[folded(alias)] = true }
        default:
            break
        }
        return Set(byAlias.map { Key(text: $0.key, byAlias: $0.value) })
    }

    /// The one entity `entity` is short for among the holders of its name as a key, or `nil` when
    /// there is none or more than one. For an organization, alias holders are asked before initials.
    private static func target(of entity: Entity, among holders: [(entity: Int64, byAlias: Bool)]) -> Int64? {
        var candidates = Set(holders.map(\.entity))
        if entity.kind == .organization {
            let byAlias = Set(holders.filter(\.byAlias).map(\.entity))
            if !byAlias.isEmpty { candidates = byAlias }
        }
        candidates.remove(entity.number)
        return candidates.count == 1 ? candidates.first : nil
    }

    // MARK: In the workspace

    /// Gives every entity of the workspace its keys and applies the rules to all of them (for a
    /// workspace made before resolution existed).
    static func resolveAll(in db: Database) throws {
        let numbers = try Int64.fetchAll(db, sql: "SELECT number FROM entities WHERE kind IN ('person', 'organization')")
        try resolve(in: db, touching: Set(numbers))
    }

    /// Applies the rules after a batch that wrote the entities `touched` (new ones, and old ones that
    /// gained mentions or aliases): their keys are brought up to date, then each one-word entity
    /// among them, or named by one of their keys, merges into the one entity it is short for. The
    /// mentions and relation arguments of a merged entity point to the entity that absorbs it, which
    /// takes its name and aliases as aliases.
    static func resolve(in db: Database, touching touched: Set<Int64>) throws {
        var short: [Int64: Entity] = [:]
        for number in touched.sorted() {
            guard let entity = try entity(number, in: db) else { continue }
            if entity.mayBeShort {
                short[number] = entity
            } else {
                // Only a key the entity did not offer before can make a one-word entity resolvable now.
                for key in try refreshKeys(of: entity, in: db) {
                    for other in try shortEntities(named: key.text, kind: entity.kind, in: db) { short[other.number] = other }
                }
            }
        }
        let findHolders = try db.cachedStatement(sql: "SELECT entity, by_alias FROM entity_keys WHERE key = ? AND kind = ?")
        for entity in short.values.sorted(by: { $0.number < $1.number }) {
            let holders = try Row.fetchAll(findHolders, arguments: [folded(entity.name), entity.kind.rawValue])
                .map { (entity: $0[0] as Int64, byAlias: $0[1] as Bool) }
            guard let into = target(of: entity, among: holders) else { continue }
            try merge(entity, into: into, in: db)
        }
    }

    private static func entity(_ number: Int64, in db: Database) throws -> Entity? {
        let findEntity = try db.cachedStatement(sql: "SELECT name, kind FROM entities WHERE number = ?")
        guard let row = try Row.fetchOne(findEntity, arguments: [number]),
              let kind = EntityKind(rawValue: row[1]), kind == .person || kind == .organization else { return nil }
        let findAliases = try db.cachedStatement(sql: "SELECT alias FROM entity_aliases WHERE entity = ?")
        return Entity(number: number, name: row[0], kind: kind, aliases: try String.fetchAll(findAliases, arguments: [number]))
    }

    /// Stores the keys `entity` offers now that it did not before, and gives them. Keys are never
    /// taken back: names and aliases only grow.
    private static func refreshKeys(of entity: Entity, in db: Database) throws -> Set<Key> {
        let findKeys = try db.cachedStatement(sql: "SELECT key, by_alias FROM entity_keys WHERE entity = ?")
        let stored = Set(try Row.fetchAll(findKeys, arguments: [entity.number]).map { Key(text: $0[0], byAlias: $0[1]) })
        let fresh = keys(of: entity).subtracting(stored)
        let insertKey = try db.cachedStatement(sql: "INSERT OR REPLACE INTO entity_keys (key, kind, entity, by_alias) VALUES (?, ?, ?, ?)")
        for key in fresh {
            try insertKey.execute(arguments: [key.text, entity.kind.rawValue, entity.number, key.byAlias])
        }
        return fresh
    }

    /// The one-word entities of `kind` whose folded name is `key`.
    private static func shortEntities(named key: String, kind: EntityKind, in db: Database) throws -> [Entity] {
        let findNumbers = try db.cachedStatement(sql: "SELECT number FROM entities WHERE lower(name) = ? AND kind = ?")
        let numbers = try Int64.fetchAll(findNumbers, arguments: [key, kind.rawValue])
        return try numbers.compactMap { try entity($0, in: db) }.filter(\.mayBeShort)
    }

    private static func merge(_ entity: Entity, into: Int64, in db: Database) throws {
        let arguments: StatementArguments = [into, entity.number]
        try db.execute(sql: "UPDATE mentions SET entity = ? WHERE entity = ?", arguments: arguments)
        try db.execute(sql: "UPDATE relations SET subject = ? WHERE subject = ?", arguments: arguments)
        try db.execute(sql: "UPDATE relations SET object = ? WHERE object = ?", arguments: arguments)
        try db.execute(sql: "INSERT OR IGNORE INTO entity_aliases (entity, alias) SELECT ?, alias FROM entity_aliases WHERE entity = ?",
                       arguments: arguments)
        try db.execute(sql: "INSERT OR IGNORE INTO entity_aliases (entity, alias) VALUES (?, ?)", arguments: [into, entity.name])
        try db.execute(sql: "DELETE FROM entity_aliases WHERE entity = ? AND alias = (SELECT name FROM entities WHERE number = ?)",
                       arguments: [into, into])
        try db.execute(sql: "DELETE FROM entities WHERE number = ?", arguments: [entity.number])
        if let absorbing = try self.entity(into, in: db) { _ = try refreshKeys(of: absorbing, in: db) }
    }

    // MARK: Words

    static func words(of name: String) -> [Substring] {
        name.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
    }

    /// Lower-cases ASCII letters only, as SQLite's `lower()` does, so keys and stored names compare alike.
    static func folded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }

    /// Two to eight capitals and digits, at least two of them letters: `ICC`, `NATO`, `G20`.
    static func isAcronym(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard (2...8).contains(scalars.count), scalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) else { return false }
        return scalars.filter { ("A"..."Z").contains($0) }.count >= 2
    }

    /// The folded acronyms a name of several words may go by: the initials of its capitalised words
    /// ("Organization of the Petroleum Exporting Countries" → opec), and of all its words.
    static func initials(of name: String) -> Set<String> {
        let parts = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{A0}" })
        let capitalised = parts.filter { $0.first?.isUppercase == true }
        var result: Set<String> = []
        for chosen in [capitalised, parts] where chosen.count > 1 {
            result.insert(folded(String(chosen.compactMap(\.first))))
        }
        return result
    }
}
