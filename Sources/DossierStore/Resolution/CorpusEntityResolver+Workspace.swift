import DossierCore
import GRDB

/// The rules of `CorpusEntityResolver` applied to a workspace, batch by batch.
extension CorpusEntityResolver {
    /// Gives every entity of the workspace its keys and applies the rules to all of them (for a
    /// workspace made before resolution existed).
    static func resolveAll(in db: Database) throws {
        let numbers = try Int64.fetchAll(db, sql: "SELECT number FROM entities")
        try resolve(in: db, touching: Set(numbers))
    }

    /// Applies the rules after a batch that wrote the entities `touched` (new ones, and old ones that
    /// gained mentions or aliases), rule by rule: their keys are brought up to date; each entity of
    /// unknown kind among them, or named like one of them or by one of their new keys, merges into
    /// the one typed entity of its name or the one it is short for; each stray typing among them, or
    /// named like one of them, merges into the kind its name has most; each one-word person or
    /// acronym among them, or named by one of their new keys, merges into the one entity it is short
    /// for. The mentions and relation arguments of a merged entity point to the entity that absorbs
    /// it, which takes its name and aliases as aliases.
    static func resolve(in db: Database, touching touched: Set<Int64>) throws {
        var untyped: [Int64: Entity] = [:]
        var mistyped: Set<String> = []
        var short: [Int64: Entity] = [:]
        for number in touched.sorted() {
            guard let entity = try entity(number, in: db) else { continue }
            if entity.isUntyped {
                untyped[number] = entity
                continue
            }
            // A typed entity settles what an entity of unknown kind with its name is.
            for other in try entities(named: folded(entity.name), kinds: [.other], in: db) { untyped[other.number] = other }
            if entity.mayBeMistyped { mistyped.insert(folded(entity.name)) }
            if entity.mayBeShort {
                short[number] = entity
            } else if entity.kind == .person || entity.kind == .organization {
                // Only a key the entity did not offer before can make a one-word entity resolvable now.
                for key in try refreshKeys(of: entity, in: db) {
                    for other in try entities(named: key.text, kinds: [entity.kind, .other], in: db) {
                        if other.mayBeShort { short[other.number] = other }
                        if other.kindItMayBeShortFor == entity.kind { untyped[other.number] = other }
                    }
                }
            }
        }
        for entity in untyped.values.sorted(by: { $0.number < $1.number }) {
            let typed = try entities(named: folded(entity.name), kinds: EntityKind.allCases.filter { $0 != .other }, in: db)
            if let into = typedTarget(of: entity, among: typed.map(\.number)) {
                try merge(entity, into: into, in: db)
            } else if let kind = entity.kindItMayBeShortFor, let into = try target(of: entity, as: kind, in: db),
                      let holder = try self.entity(into, in: db),
                      mentionedMoreOften(try counted(holder, in: db), than: try counted(entity, in: db)) {
                try merge(entity, into: into, in: db)
            }
        }
        for name in mistyped.sorted() {
            // Mentions are counted only for names the corpus gives two kinds.
            var named = try entities(named: name, kinds: [.person, .organization, .location], in: db)
            guard Set(named.map(\.kind)).count > 1 else { continue }
            named = try named.map { try counted($0, in: db) }
            for entity in named.sorted(by: { $0.number < $1.number }) where entity.mayBeMistyped {
                if let into = kindTarget(of: entity, among: named) { try merge(entity, into: into, in: db) }
            }
        }
        for entity in short.values.sorted(by: { $0.number < $1.number }) {
            if let into = try target(of: entity, as: entity.kind, in: db) { try merge(entity, into: into, in: db) }
        }
    }

    /// The one entity `entity` is short for among the workspace's holders of its name as a key of `kind`.
    private static func target(of entity: Entity, as kind: EntityKind, in db: Database) throws -> Int64? {
        let findHolders = try db.cachedStatement(sql: "SELECT entity, by_alias FROM entity_keys WHERE key = ? AND kind = ?")
        let holders = try Row.fetchAll(findHolders, arguments: [folded(entity.name), kind.rawValue])
            .map { (entity: $0["entity"] as Int64, byAlias: $0["by_alias"] as Bool) }
        return target(of: entity, as: kind, among: holders)
    }

    /// The entity, its mentions not counted (`mentions` is 0): see `counted(_:in:)`.
    private static func entity(_ number: Int64, in db: Database) throws -> Entity? {
        let findEntity = try db.cachedStatement(sql: "SELECT name, kind FROM entities WHERE number = ?")
        guard let row = try Row.fetchOne(findEntity, arguments: [number]), let kind = EntityKind(rawValue: row["kind"]) else { return nil }
        let findAliases = try db.cachedStatement(sql: "SELECT alias FROM entity_aliases WHERE entity = ?")
        return Entity(number: number, name: row["name"], kind: kind, aliases: try String.fetchAll(findAliases, arguments: [number]), mentions: 0)
    }

    /// The entity with its mentions counted.
    private static func counted(_ entity: Entity, in db: Database) throws -> Entity {
        let countMentions = try db.cachedStatement(sql: "SELECT count(*) FROM mentions WHERE entity = ?")
        var entity = entity
        entity.mentions = try Int.fetchOne(countMentions, arguments: [entity.number]) ?? 0
        return entity
    }

    /// Stores the keys `entity` offers now that it did not before, and gives them. Keys are never
    /// taken back: names and aliases only grow.
    private static func refreshKeys(of entity: Entity, in db: Database) throws -> Set<Key> {
        let findKeys = try db.cachedStatement(sql: "SELECT key, by_alias FROM entity_keys WHERE entity = ?")
        let stored = Set(try Row.fetchAll(findKeys, arguments: [entity.number]).map { Key(text: $0["key"], byAlias: $0["by_alias"]) })
        let fresh = keys(of: entity).subtracting(stored)
        let insertKey = try db.cachedStatement(sql: "INSERT OR REPLACE INTO entity_keys (key, kind, entity, by_alias) VALUES (?, ?, ?, ?)")
        for key in fresh {
            try insertKey.execute(arguments: [key.text, entity.kind.rawValue, entity.number, key.byAlias])
        }
        return fresh
    }

    /// The entities of the given kinds whose folded name is `key`.
    private static func entities(named key: String, kinds: [EntityKind], in db: Database) throws -> [Entity] {
        let findNumbers = try db.cachedStatement(sql: "SELECT number, kind FROM entities WHERE lower(name) = ?")
        let numbers = try Row.fetchAll(findNumbers, arguments: [key]).filter { kinds.contains(EntityKind(rawValue: $0["kind"]) ?? .other) }
            .map { $0["number"] as Int64 }
        return try numbers.compactMap { try entity($0, in: db) }
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
}
