import DossierCore
import Foundation

/// The lexicon the extractors share: place, organisation, group and person names, demonyms, titles,
/// head words, first names, function words, abbreviations and calendar words.
///
/// Every word gets an identifier in one `Vocabulary`; names and titles are tries over those
/// identifiers, looked up case-insensitively by token sequence (longest match).
/// Load it once: `Gazetteer.bundled` reads the tables shipped in the package.
public struct Gazetteer: Sendable {
    /// The names of the tables the bundle ships, without `.tsv`.
    public static let tableNames = ["abbreviations", "countries", "cities", "regions", "places", "organizations", "groups",
                                    "demonyms", "titles", "organization-heads", "event-heads", "function-words", "first-names", "surnames",
                                    "location-heads", "club-prefixes", "sports", "not-person-words", "location-prepositions",
                                    "document-heads", "actor-nouns", "speech-verbs", "event-prefixes", "known-people",
                                    "known-organizations", "known-first-names", "female-first-names", "male-first-names", "common-initialisms"]

    /// The tokenizer the tables were read with (and that texts must be read with).
    public let tokenizer: Tokenizer
    /// Every word the lexicon knows.
    package private(set) var vocabulary = Vocabulary()
    private(set) var featureTable: [WordFeatures] = []
    private var calendarTable: [CalendarWord?] = []
    private(set) var names = PhraseTable()
    private(set) var titles = PhraseTable()
    /// The named entries, indexed by the values stored in `names`.
    private(set) var entries: [GazetteerEntry] = []
    /// Each entry's index in `entries`, while the tables are read.
    private var indexOfEntry: [GazetteerEntry: Int32] = [:]

    /// The gazetteer built from the tables bundled with DossierText; loaded once.
    public static let bundled: Gazetteer = {
        guard let directory = Bundle.module.url(forResource: "Gazetteers", withExtension: nil) else {
            fatalError("DossierText: the bundled Gazetteers resource is missing")
        }
        // The bundled snapshot is checked against the bundled tables by a test (GazetteerSnapshotTests), so
        // start-up reads only it and the one table it does not hold, not every table to hash them.
        let abbreviations = directory.appendingPathComponent("abbreviations.tsv")
        if let data = try? Data(contentsOf: directory.appendingPathComponent(GazetteerSnapshot.fileName), options: .alwaysMapped),
           let text = try? String(utf8ContentsOf: abbreviations),
           let gazetteer = try? GazetteerSnapshot.gazetteer(from: data, tables: ["abbreviations": text], checkingSourceHash: false) {
            return gazetteer
        }
        do { return try Gazetteer(directory: directory) } catch {
            fatalError("DossierText: cannot read the bundled gazetteers: \(error)")
        }
    }()

    /// Reads the tables (`<name>.tsv`, see `tableNames`) from a directory; missing tables are empty.
    ///
    /// When the directory also holds a snapshot built from exactly these tables
    /// (`gazetteer.snapshot`, see ``GazetteerSnapshot``), the gazetteer is loaded from it, which is
    /// much faster than building it; a snapshot of other tables is ignored.
    public init(directory: URL) throws {
        let tables = try Gazetteer.tables(in: directory)
        let snapshot = directory.appendingPathComponent(GazetteerSnapshot.fileName)
        let loaded = (try? Data(contentsOf: snapshot, options: .alwaysMapped)).flatMap { try? GazetteerSnapshot.gazetteer(from: $0, tables: tables) }
        self = loaded ?? Gazetteer(tables: tables)
    }

    /// The texts of the tables in `directory`, keyed by table name; missing tables are left out.
    package static func tables(in directory: URL) throws -> [String: String] {
        var tables: [String: String] = [:]
        for name in Gazetteer.tableNames {
            let url = directory.appendingPathComponent(name + ".tsv")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            tables[name] = try String(utf8ContentsOf: url)
        }
        return tables
    }

    /// The tokenizer that knows the abbreviations of an `abbreviations` table.
    static func tokenizer(abbreviations text: String) -> Tokenizer {
        let abbreviationTable = GazetteerTable(text)
        return Tokenizer(abbreviations: Abbreviations(abbreviationTable.firstColumn, mayEndSentence: abbreviationTable.firstColumn(flagged: "final")))
    }

    /// A gazetteer from the parts a snapshot stores; the calendar words are looked up again.
    init(tokenizer: Tokenizer, vocabulary: Vocabulary, featureTable: [WordFeatures], names: PhraseTable, titles: PhraseTable,
         entries: [GazetteerEntry]) {
        self.tokenizer = tokenizer
        self.vocabulary = vocabulary
        self.featureTable = featureTable
        self.names = names
        self.titles = titles
        self.entries = entries
        calendarTable = Array(repeating: nil, count: featureTable.count)
        for (word, meaning) in CalendarLexicon.entries {
            let id = vocabulary.id(of: KeyNormalizer.key(of: word))
            if id >= 0, Int(id) < calendarTable.count { calendarTable[Int(id)] = meaning }
        }
    }

    /// Builds a gazetteer from table texts keyed by table name (`"countries"`, `"titles"`, …).
    public init(tables: [String: String]) {
        func table(_ name: String) -> GazetteerTable { GazetteerTable(tables[name] ?? "") }
        tokenizer = Gazetteer.tokenizer(abbreviations: tables["abbreviations"] ?? "")
        let nameTables: [(String, GazetteerCategory)] = [("countries", .country), ("cities", .city), ("regions", .region),
                                                         ("places", .place), ("organizations", .organization), ("groups", .group),
                                                         ("known-organizations", .organization), ("known-people", .person)]
        indexOfEntry.reserveCapacity(32_768)
        var nameTable = PhraseTable.Builder(capacity: 100_000), titleTable = PhraseTable.Builder()
        for (name, category) in nameTables {
            // Names written by hand may be found in lower case; those of the known tables, derived in
            // bulk, only as written with capitals.
            let mayBeLowercase = (name == "organizations" || name == "groups")
            for (canonical, aliases) in table(name).namesWithAliases {
                for alias in [canonical] + aliases {
                    let words = addName(alias, canonical: canonical, category: category, into: &nameTable)
                    if mayBeLowercase, words.count >= 2, let first = words.first { addFeatures(.startsLowercaseName, to: first) }
                    // The last word of a known person's name is a surname ("Putin"), which confirms a
                    // name that starts with a first name.
                    if category == .person, words.count >= 2, let last = words.last {
                        addFeatures(.surname, to: last)
                    }
                }
            }
        }
        indexOfEntry = [:]
        for (country, demonyms) in table("demonyms").namesWithAliases {
            for demonym in demonyms {
                addName(demonym, canonical: country, category: .demonym, into: &nameTable)
                let words = wordIDs(of: demonym)
                if let first = words.first { addFeatures(.demonym, to: first) }
            }
        }
        for title in table("titles").firstColumn { titleTable.insert(wordIDs(of: title), value: 0) }
        names = nameTable.build()
        titles = titleTable.build()
        let organizationHeads = table("organization-heads"), eventHeads = table("event-heads")
        for word in organizationHeads.firstColumn {
            // A head written in capitals ("XI", "AG") is one only in capitals: "Xi Jinping" is no team.
            let inCapitals = word.count <= 3 && word.allSatisfy { $0.isUppercase }
            addFeatures(inCapitals ? .organizationHeadInCapitals : .organizationHead, toWord: word)
        }
        for word in organizationHeads.firstColumn(flagged: "cue") { addFeatures(.organizationCue, toWord: word) }
        for word in eventHeads.firstColumn { addFeatures(.eventHead, toWord: word) }
        for word in eventHeads.firstColumn(flagged: "cue") { addFeatures(.eventCue, toWord: word) }
        for word in table("function-words").firstColumn { addFeatures(.functionWord, toWord: word) }
        for word in table("location-heads").firstColumn { addFeatures(.locationHead, toWord: word) }
        for word in table("document-heads").firstColumn { addFeatures(.documentHead, toWord: word) }
        for word in table("actor-nouns").firstColumn { addFeatures(.actorNoun, toWord: word) }
        for word in table("speech-verbs").firstColumn { addFeatures(.speechVerb, toWord: word) }
        for word in table("event-prefixes").firstColumn { addFeatures(.eventPrefix, toWord: word) }
        for word in table("club-prefixes").firstColumn { addFeatures(.clubPrefix, toWord: word) }
        for word in table("sports").firstColumn { addFeatures(.sport, toWord: word) }
        for word in table("not-person-words").firstColumn { addFeatures(.notPersonName, toWord: word) }
        for word in table("location-prepositions").firstColumn { addFeatures(.locationPreposition, toWord: word) }
        for word in table("first-names").firstColumn + table("known-first-names").firstColumn { addFeatures(.firstName, toWord: word) }
        for word in table("surnames").firstColumn { addFeatures(.surname, toWord: word) }
        for word in table("female-first-names").firstColumn { addFeatures(.femaleFirstName, toWord: word) }
        for word in table("male-first-names").firstColumn { addFeatures(.maleFirstName, toWord: word) }
        for word in table("common-initialisms").firstColumn { addFeatures(.commonInitialism, toWord: word) }
        for word in CalendarLexicon.futureMarkers { addFeatures(.futureMarker, toWord: word) }
        for word in CalendarLexicon.countNouns { addFeatures(.countNoun, toWord: word) }
        for word in CalendarLexicon.connectors { addFeatures(.connector, toWord: word) }
        for word in CalendarLexicon.nameParticles { addFeatures(.nameParticle, toWord: word) }
        for word in CalendarLexicon.temporalPrepositions { addFeatures(.temporalPreposition, toWord: word) }
        for (word, meaning) in CalendarLexicon.entries {
            let id = vocabulary.insert(KeyNormalizer.key(of: word))
            grow(to: id)
            calendarTable[Int(id)] = meaning
        }
        grow(to: Int32(vocabulary.count - 1))
    }

    // MARK: Building

    private mutating func grow(to id: Int32) {
        while featureTable.count <= Int(id) {
            featureTable.append([])
            calendarTable.append(nil)
        }
    }

    /// The identifiers of the words of `phrase`, as the tokenizer splits it; adds unknown words.
    private mutating func wordIDs(of phrase: String) -> [Int32] {
        var phrase = phrase
        return phrase.withUTF8 { bytes in
            let tokens = tokenizer.tokens(in: bytes)
            var key: [UInt8] = []
            return tokens.map { token in
                KeyNormalizer.normalize(bytes, token.bytes, into: &key)
                let id = vocabulary.insert(key)
                grow(to: id)
                return id
            }
        }
    }

    private mutating func addFeatures(_ features: WordFeatures, to id: Int32) {
        grow(to: id)
        featureTable[Int(id)].formUnion(features)
    }

    private mutating func addFeatures(_ features: WordFeatures, toWord word: String) {
        for id in wordIDs(of: word) { addFeatures(features, to: id) }
    }

    /// Adds a name; gives the identifiers of its words.
    @discardableResult
    private mutating func addName(_ alias: String, canonical: String, category: GazetteerCategory,
                                  into names: inout PhraseTable.Builder) -> [Int32] {
        let alias = alias.hasPrefix("the ") ? String(alias.dropFirst(4)) : alias
        let words = wordIDs(of: alias)
        let acronym = Gazetteer.isAcronym(alias)
        let entry = GazetteerEntry(canonical: canonical, category: category, matchesOnlyInCapitals: acronym)
        let index: Int32
        if let existing = indexOfEntry[entry] {
            index = existing
        } else {
            index = Int32(entries.count)
            entries.append(entry)
            indexOfEntry[entry] = index
        }
        names.insert(words, value: index)
        return words
    }

    /// Whether a name is one word of two letters or more, none in lower case ("WHO", "G20"): it then
    /// matches only in capitals.
    private static func isAcronym(_ name: String) -> Bool {
        var letters = 0
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "a")...UInt8(ascii: "z"): return false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letters += 1
            case 0x80...: return isAcronymOutsideASCII(name)
            default: break
            }
        }
        return letters >= 2
    }

    private static func isAcronymOutsideASCII(_ name: String) -> Bool {
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && !letters.contains { $0.properties.isLowercase } && !name.contains(" ")
    }

    // MARK: Lookups

    /// The features of the word with identifier `id` (none for unknown words).
    @inline(__always)
    package func features(_ id: Int32) -> WordFeatures { id >= 0 && Int(id) < featureTable.count ? featureTable[Int(id)] : [] }

    /// The calendar meaning of the word with identifier `id`.
    @inline(__always)
    package func calendarWord(_ id: Int32) -> CalendarWord? { id >= 0 && Int(id) < calendarTable.count ? calendarTable[Int(id)] : nil }

    /// The features of a word written in any case.
    package func features(ofWord word: String) -> WordFeatures { features(vocabulary.id(ofWord: word)) }

    /// The calendar meaning of a word written in any case.
    package func calendarWord(ofWord word: String) -> CalendarWord? { calendarWord(vocabulary.id(ofWord: word)) }

    /// The identifiers of a text's tokens (`Vocabulary.unknown` for words the lexicon lacks).
    package func wordIDs(of tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var key: [UInt8] = []
        key.reserveCapacity(32)
        return tokens.map { token in
            guard token.kind != .number else { return Vocabulary.unknown }
            KeyNormalizer.normalize(bytes, token.bytes, into: &key)
            return vocabulary.id(of: key)
        }
    }

    /// The identifiers of the words of `phrase`, split by the tokenizer (unknown words are `Vocabulary.unknown`).
    public func lookUpWordIDs(of phrase: String) -> [Int32] {
        var phrase = phrase
        return phrase.withUTF8 { bytes in wordIDs(of: tokenizer.tokens(in: bytes), in: bytes) }
    }

    /// The entries whose alias is exactly `phrase` (any case; acronym rules are the caller's), best category first.
    public func entries(for phrase: String) -> [GazetteerEntry] {
        names.values(for: lookUpWordIDs(of: phrase)).map { entries[Int($0)] }.sorted { $0.category.priority < $1.category.priority }
    }

    /// Whether `phrase` is a title or role ("Foreign Minister", "aide").
    public func isTitle(_ phrase: String) -> Bool { !titles.values(for: lookUpWordIDs(of: phrase)).isEmpty }

    /// Whether some name starts with the word with identifier `id`.
    @inline(__always)
    func startsName(_ id: Int32) -> Bool { names.hasPhrase(startingWith: id) }

    /// Calls `body` with the length and entry indices of each name starting at `start` (before `end`), shortest first.
    func forEachName(in words: [Int32], from start: Int, to end: Int, _ body: (Int, ArraySlice<Int32>) -> Void) {
        names.forEachMatch(in: words, from: start, to: end, body)
    }

    /// The country of the longest demonym starting at `start` (before `end`) — "Russian", "North
    /// Korean" — and its length in tokens.
    func demonym(in words: [Int32], at start: Int, before end: Int) -> (country: String, length: Int)? {
        guard features(words[start]).contains(.demonym) else { return nil }
        var found: (country: String, length: Int)?
        forEachName(in: words, from: start, to: end) { length, indices in
            if let entry = indices.lazy.map({ self.entry($0) }).first(where: { $0.category == .demonym }) {
                found = (entry.canonical, length)
            }
        }
        return found
    }

    /// The length of the longest title starting at `start` (before `end`), or 0.
    func titleLength(in words: [Int32], from start: Int, to end: Int) -> Int {
        var longest = 0
        titles.forEachMatch(in: words, from: start, to: end) { length, _ in longest = length }
        return longest
    }

    /// The entry with index `index`.
    func entry(_ index: Int32) -> GazetteerEntry { entries[Int(index)] }
}

extension Gazetteer {
    /// The entries of the one-word name with identifier `id`, best category first.
    func entries(forWord id: Int32) -> [GazetteerEntry] {
        guard id >= 0 else { return [] }
        return names.values(for: [id]).map { entries[Int($0)] }.sorted { $0.category.priority < $1.category.priority }
    }
}
