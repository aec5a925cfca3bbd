import DossierCore

/// Resolves entities across the corpus: a document that only says "Putin" or "ICC" makes an entity
/// of that name, which this merges into the one entity of the workspace with the full name.
///
/// - A one-word person merges into the one person whose name of several words ends with that word
///   or has it as an alias ("Putin" → "Vladimir Putin").
/// - An acronym organization merges into the one organization that has it as an alias, or, when
///   none has, into the one whose initials spell it ("ICC" → "International Criminal Court").
/// - An entity of unknown kind (`other`: "Trump" where nothing in its document said what it is)
///   merges into the one entity of a known kind with the same name; failing that, a one-word one
///   is taken for a surname or an acronym, as above ("Trump" → "Donald Trump"), when the entity it
///   would join is mentioned more often than it (a capitalised word mentioned more often than a
///   person with that surname, "House" and "Blue House", is more likely a word than a surname).
/// - A name of several words, or an acronym, that the corpus gives two kinds (a person and an
///   organization: "University College London" typed a person once, an organization four times)
///   is one entity of the kind it has at least three times as many mentions as: the stray typing
///   merges into it. A place and an organization of one name stay apart ("New York" the city and
///   the team), unless the name is an acronym.
///
/// With two or more candidates the entity stays apart: a surname shared by two people names
/// neither. Merges go from entities of unknown kind, from stray typings, and from one-word entities
/// to entities of several words, and no merge undoes another: resolving again changes nothing, and
/// the outcome does not depend on the order documents were ingested in as long as a candidate that
/// makes a name ambiguous arrives before the name is merged (the rules that compare mention counts
/// read the counts at the time a batch is added).
package enum CorpusEntityResolver {
    /// An entity as the resolver sees it.
    package struct Entity: Hashable, Sendable {
        /// The entity's key in the workspace.
        package var number: Int64
        /// Its canonical name.
        package var name: String
        /// Its kind.
        package var kind: EntityKind
        /// Its other names.
        package var aliases: [String]
        /// How many mentions it has.
        package var mentions: Int

        /// Creates an entity.
        package init(number: Int64, name: String, kind: EntityKind, aliases: [String] = [], mentions: Int = 1) {
            self.number = number
            self.name = name
            self.kind = kind
            self.aliases = aliases
            self.mentions = mentions
        }

        /// Whether the entity is a one-word person or an acronym organization, which may be short
        /// for another entity.
        var mayBeShort: Bool {
            guard CorpusEntityResolver.words(of: name).count == 1 else { return false }
            return kind == .person || (kind == .organization && CorpusEntityResolver.isAcronym(name))
        }

        /// Whether nothing said what kind of thing the entity is.
        var isUntyped: Bool { kind == .other }

        /// The kind whose keys a one-word entity of unknown kind is looked up among: an acronym is
        /// taken for an organization, another word for a person's surname.
        var kindItMayBeShortFor: EntityKind? {
            guard isUntyped, CorpusEntityResolver.words(of: name).count == 1 else { return nil }
            return CorpusEntityResolver.isAcronym(name) ? .organization : .person
        }

        /// Whether the entity's name is specific enough that two kinds of it are one thing typed
        /// twice: a person, organization or place of several words, or an acronym.
        var mayBeMistyped: Bool {
            [.person, .organization, .location].contains(kind)
                && (CorpusEntityResolver.words(of: name).count > 1 || CorpusEntityResolver.isAcronym(name))
        }
    }

    /// A word a one-word entity may be, and whether it comes from an alias (rather than a surname or initials).
    struct Key: Hashable {
        var text: String
        var byAlias: Bool
    }

    /// One entity to fold into another.
    package struct Merge: Hashable, Sendable {
        /// The entity that goes away (its name becomes an alias of ``into``).
        package var from: Int64
        /// The entity that absorbs it.
        package var into: Int64
    }

    /// The merges the rules call for among `entities`, rule by rule as the doc comment lists them
    /// (entities of unknown kind, stray typings, one-word entities), each in the order of `from`.
    package static func merges(among entities: [Entity]) -> [Merge] {
        var holders: [EntityKind: [String: [(entity: Int64, byAlias: Bool)]]] = [:]
        var typedByName: [String: [Entity]] = [:]
        for entity in entities {
            for key in keys(of: entity) { holders[entity.kind, default: [:]][key.text, default: []].append((entity.number, key.byAlias)) }
            if !entity.isUntyped { typedByName[folded(entity.name), default: []].append(entity) }
        }
        let byNumber = Dictionary(entities.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = entities.sorted { $0.number < $1.number }
        let untyped: [Merge] = ordered.filter(\.isUntyped).compactMap { entity in
            if let into = typedTarget(of: entity, among: (typedByName[folded(entity.name)] ?? []).map(\.number)) {
                return Merge(from: entity.number, into: into)
            }
            guard let kind = entity.kindItMayBeShortFor else { return nil }
            let into = target(of: entity, as: kind, among: holders[kind]?[folded(entity.name)] ?? [])
            return into.flatMap { byNumber[$0] }.flatMap { mentionedMoreOften($0, than: entity) ? Merge(from: entity.number, into: $0.number) : nil }
        }
        let mistyped: [Merge] = ordered.compactMap { entity in
            guard entity.mayBeMistyped else { return nil }
            return kindTarget(of: entity, among: typedByName[folded(entity.name)] ?? []).map { Merge(from: entity.number, into: $0) }
        }
        let short: [Merge] = ordered.compactMap { entity in
            guard entity.mayBeShort else { return nil }
            let found = holders[entity.kind]?[folded(entity.name)] ?? []
            return target(of: entity, as: entity.kind, among: found).map { Merge(from: entity.number, into: $0) }
        }
        return untyped + mistyped + short
    }

    /// The one entity of a known kind named like `entity`, or `nil` when there is none or more than one
    /// ("Jordan" the country and "Jordan" the person).
    static func typedTarget(of entity: Entity, among named: [Int64]) -> Int64? {
        let candidates = Set(named).subtracting([entity.number])
        return candidates.count == 1 ? candidates.first : nil
    }

    /// Whether `holder` has more mentions than `entity`, so that `entity` may be short for it.
    static func mentionedMoreOften(_ holder: Entity, than entity: Entity) -> Bool { holder.mentions > entity.mentions }

    /// The entity of another kind with the same name that `entity` is a stray typing of: the one
    /// with the most mentions, when that is at least three times as many as `entity` has and the
    /// two kinds are no place and organization of a name other than an acronym.
    static func kindTarget(of entity: Entity, among named: [Entity]) -> Int64? {
        let others = named.filter { $0.number != entity.number && $0.kind != entity.kind && $0.mayBeMistyped }
        guard let best = others.max(by: { ($0.mentions, -$0.number) < ($1.mentions, -$1.number) }),
              best.mentions >= 3 * entity.mentions else { return nil }
        let kinds: Set<EntityKind> = [entity.kind, best.kind]
        guard kinds != [.location, .organization] || isAcronym(entity.name) else { return nil }
        return best.number
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

    /// The one entity `entity` is short for among the holders of its name as a key of `kind`, or `nil`
    /// when there is none or more than one. For an organization, alias holders are asked before initials.
    static func target(of entity: Entity, as kind: EntityKind, among holders: [(entity: Int64, byAlias: Bool)]) -> Int64? {
        var candidates = Set(holders.map(\.entity))
        if kind == .organization {
            let byAlias = Set(holders.filter(\.byAlias).map(\.entity))
            if !byAlias.isEmpty { candidates = byAlias }
        }
        candidates.remove(entity.number)
        return candidates.count == 1 ? candidates.first : nil
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
