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
/// feeds another: the outcome does not depend on the order documents were ingested in, and running
/// the resolver again changes nothing.
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
        var peopleByWord: [String: Set<Int64>] = [:]
        var organizationsByAlias: [String: Set<Int64>] = [:]
        var organizationsByInitials: [String: Set<Int64>] = [:]
        for entity in entities where words(of: entity.name).count > 1 {
            switch entity.kind {
            case .person:
                let surname = words(of: entity.name).last!.lowercased()
                peopleByWord[surname, default: []].insert(entity.number)
                for alias in entity.aliases where words(of: alias).count == 1 {
                    peopleByWord[alias.lowercased(), default: []].insert(entity.number)
                }
            case .organization:
                for alias in entity.aliases where isAcronym(alias) {
                    organizationsByAlias[alias.lowercased(), default: []].insert(entity.number)
                }
                for initials in initials(of: entity.name) {
                    organizationsByInitials[initials, default: []].insert(entity.number)
                }
            default:
                break
            }
        }
        var merges: [Merge] = []
        for entity in entities.sorted(by: { $0.number < $1.number }) where words(of: entity.name).count == 1 {
            let key = entity.name.lowercased()
            let candidates: Set<Int64>
            switch entity.kind {
            case .person:
                candidates = peopleByWord[key] ?? []
            case .organization where isAcronym(entity.name):
                let byAlias = organizationsByAlias[key] ?? []
                candidates = byAlias.isEmpty ? organizationsByInitials[key] ?? [] : byAlias
            default:
                continue
            }
            if candidates.count == 1, let into = candidates.first, into != entity.number {
                merges.append(Merge(from: entity.number, into: into))
            }
        }
        return merges
    }

    /// Applies the rules to the whole workspace: mentions and relation arguments of each merged entity
    /// point to the entity that absorbs it, which gets its name and aliases as aliases.
    static func resolve(in db: Database) throws {
        var aliases: [Int64: [String]] = [:]
        let aliasRows = try Row.fetchCursor(db, sql: """
            SELECT entity_aliases.entity, entity_aliases.alias FROM entity_aliases
            JOIN entities ON entities.number = entity_aliases.entity WHERE entities.kind IN ('person', 'organization')
            """)
        while let row = try aliasRows.next() { aliases[row[0], default: []].append(row[1]) }
        var entities: [Entity] = []
        let entityRows = try Row.fetchCursor(db, sql: "SELECT number, name, kind FROM entities WHERE kind IN ('person', 'organization')")
        while let row = try entityRows.next() {
            let number: Int64 = row[0]
            entities.append(Entity(number: number, name: row[1], kind: EntityKind(rawValue: row[2]) ?? .other, aliases: aliases[number] ?? []))
        }
        let names = Dictionary(entities.map { ($0.number, $0.name) }, uniquingKeysWith: { first, _ in first })
        for merge in merges(among: entities) {
            let arguments: StatementArguments = [merge.into, merge.from]
            try db.execute(sql: "UPDATE mentions SET entity = ? WHERE entity = ?", arguments: arguments)
            try db.execute(sql: "UPDATE relations SET subject = ? WHERE subject = ?", arguments: arguments)
            try db.execute(sql: "UPDATE relations SET object = ? WHERE object = ?", arguments: arguments)
            try db.execute(sql: "INSERT OR IGNORE INTO entity_aliases (entity, alias) SELECT ?, alias FROM entity_aliases WHERE entity = ?",
                           arguments: arguments)
            try db.execute(sql: "INSERT OR IGNORE INTO entity_aliases (entity, alias) VALUES (?, ?)", arguments: [merge.into, names[merge.from]])
            try db.execute(sql: "DELETE FROM entity_aliases WHERE entity = ? AND alias = ?", arguments: [merge.into, names[merge.into]])
            try db.execute(sql: "DELETE FROM entities WHERE number = ?", arguments: [merge.from])
        }
    }

    private static func words(of name: String) -> [Substring] {
        name.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
    }

    /// Two to eight capitals and digits, at least two of them letters: `ICC`, `NATO`, `G20`.
    static func isAcronym(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard (2...8).contains(scalars.count), scalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) else { return false }
        return scalars.filter { ("A"..."Z").contains($0) }.count >= 2
    }

    /// The lower-cased acronyms a name of several words may go by: the initials of its capitalised
    /// words ("Organization of the Petroleum Exporting Countries" → opec), and of all its words.
    static func initials(of name: String) -> Set<String> {
        let parts = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{A0}" })
        let capitalised = parts.filter { $0.first?.isUppercase == true }
        var result: Set<String> = []
        for chosen in [capitalised, parts] where chosen.count > 1 {
            result.insert(String(chosen.compactMap(\.first)).lowercased())
        }
        return result
    }
}
