import DossierCore
import Foundation

/// The words the relation extractor reads, by lemma: trigger verbs and event nouns with their
/// predicate and how their target is found, support verbs ("held talks"), and the words that tell a
/// clause's modality ("plans to", "cancelled", "would") or stand for an actor ("the Russian
/// delegation").
///
/// `RelationLexicon.bundled` reads `cameo-verbs.tsv` (derived from PETRARCH2's CAMEO dictionary by
/// `Scripts/make-relation-lexicon.py`) and `frames.tsv` (ours); their headers give the formats.
package struct RelationLexicon: Sendable {
    /// How a trigger's target is found.
    struct Targets: Hashable, Sendable {
        /// The direct object (the subject of the passive).
        var object = false
        /// The indirect object.
        var indirectObject = false
        /// A reported clause (for statements).
        var clause = false
        /// A name written before an event noun ("Iran sanctions").
        var compound = false
        /// The lemma keys of prepositions that introduce the target.
        var prepositions: [UInt64] = []

        init(_ text: Substring) {
            for part in text.split(separator: ",") {
                switch part {
                case "obj": object = true
                case "iobj": indirectObject = true
                case "ccomp": clause = true
                case "compound": compound = true
                case "-": break
                default: prepositions.append(LemmaKey.of(part))
                }
            }
        }

        mutating func formUnion(_ other: Targets) {
            object = object || other.object
            indirectObject = indirectObject || other.indirectObject
            clause = clause || other.clause
            compound = compound || other.compound
            for preposition in other.prepositions where !prepositions.contains(preposition) { prepositions.append(preposition) }
        }
    }

    /// One sense of a trigger word: its predicate, the particle it needs ("call on"), its targets.
    struct Frame: Sendable {
        var predicate: RelationPredicate
        /// The lemma key of a particle or preposition the verb must take, or 0.
        var particle: UInt64
        var targets: Targets
    }

    /// What a word says about the clause it is in, or the phrase it heads.
    struct ClauseWord: OptionSet, Hashable, Sendable {
        let rawValue: UInt32
        static let plan = ClauseWord(rawValue: 1 << 0)
        static let cancel = ClauseWord(rawValue: 1 << 1)
        static let refuse = ClauseWord(rawValue: 1 << 2)
        static let future = ClauseWord(rawValue: 1 << 3)
        static let hypothetical = ClauseWord(rawValue: 1 << 4)
        static let conditional = ClauseWord(rawValue: 1 << 5)
        static let reported = ClauseWord(rawValue: 1 << 6)
        static let threat = ClauseWord(rawValue: 1 << 7)
        static let negation = ClauseWord(rawValue: 1 << 8)
        static let plannedAdjective = ClauseWord(rawValue: 1 << 9)
        static let hypotheticalAdjective = ClauseWord(rawValue: 1 << 10)
        static let group = ClauseWord(rawValue: 1 << 11)
        static let leader = ClauseWord(rawValue: 1 << 12)
        static let support = ClauseWord(rawValue: 1 << 13)
        static let reverseSupport = ClauseWord(rawValue: 1 << 14)
        static let comprise = ClauseWord(rawValue: 1 << 15)
        static let proxy = ClauseWord(rawValue: 1 << 16)
        static let appoint = ClauseWord(rawValue: 1 << 17)
        static let possession = ClauseWord(rawValue: 1 << 18)

        static let names: [Substring: ClauseWord] = [
            "plan": .plan, "cancel": .cancel, "refuse": .refuse, "future": .future, "hypothetical": .hypothetical,
            "conditional": .conditional, "reported": .reported, "threat": .threat, "negation": .negation,
            "plannedAdjective": .plannedAdjective, "hypotheticalAdjective": .hypotheticalAdjective, "group": .group,
            "leader": .leader, "support": .support, "reverse-support": .reverseSupport, "proxy": .proxy, "appoint": .appoint,
            "possession": .possession,
        ]
    }

    private(set) var verbs: [UInt64: [Frame]] = [:]
    private(set) var nouns: [UInt64: [Frame]] = [:]
    private(set) var clauseWords: [UInt64: ClauseWord] = [:]
    /// Support verbs with a particle ("carry out"): verb key → particle keys.
    private(set) var supportParticles: [UInt64: [UInt64]] = [:]
    /// The keys of every inflected form of every trigger word: a sentence without one is not parsed.
    private(set) var surfaceForms: Set<UInt64> = []
    /// The forms of charge nouns ("warrant"), whose target may be left to the discourse.
    private(set) var chargeForms: Set<UInt64> = []
    /// Verb forms of trigger and clause words → their lemma's key ("convened" → "convene"), for words
    /// the lemmatizer does not know.
    private(set) var verbLemmaOfForm: [UInt64: UInt64] = [:]
    /// Noun forms of event nouns → their lemma's key ("procurements" → "procurement").
    private(set) var nounLemmaOfForm: [UInt64: UInt64] = [:]
    /// The trigger words of each predicate as written in the tables ("call on", "visit"), lower-cased.
    package private(set) var triggerLemmas: [RelationPredicate: Set<String>] = [:]

    /// The lexicon shipped with DossierText; loaded once.
    package static let bundled: RelationLexicon = {
        guard let directory = Bundle.module.url(forResource: "Relations", withExtension: nil) else {
            fatalError("DossierText: the bundled Relations resource is missing")
        }
        do {
            return RelationLexicon(
                cameoVerbs: try String(utf8ContentsOf: directory.appendingPathComponent("cameo-verbs.tsv")),
                frames: try String(utf8ContentsOf: directory.appendingPathComponent("frames.tsv")))
        } catch {
            fatalError("DossierText: cannot read the bundled relation lexicon: \(error)")
        }
    }()

    /// Builds a lexicon from the texts of the CAMEO verb table and the frames table.
    package init(cameoVerbs: String, frames: String) {
        for columns in GazetteerTable(cameoVerbs).rows where columns.count >= 4 {
            guard let predicate = RelationPredicate(rawValue: String(columns[1])) else { continue }
            addVerb(columns[0], predicate: predicate, targets: Targets(columns[2]))
            if columns[3] != "-" {
                let lemma = LemmaKey.of(columns[0])
                for form in columns[3].split(separator: ",") {
                    let word = form.split(separator: " ").first ?? form
                    addForm(word)
                    verbLemmaOfForm[LemmaKey.of(word)] = verbLemmaOfForm[LemmaKey.of(word)] ?? lemma
                }
            }
        }
        for columns in GazetteerTable(frames).rows where columns.count >= 4 {
            let lemma = columns[1]
            switch columns[0] {
            case "verb":
                guard let predicate = RelationPredicate(rawValue: String(columns[2])) else { continue }
                addVerb(lemma, predicate: predicate, targets: Targets(columns[3]))
            case "noun":
                guard let predicate = RelationPredicate(rawValue: String(columns[2])) else { continue }
                let key = LemmaKey.of(lemma)
                triggerLemmas[predicate, default: []].insert(lemma.lowercased())
                nouns[key, default: []].append(Frame(predicate: predicate, particle: 0, targets: Targets(columns[3])))
                for form in Inflection.nounForms(of: String(lemma)) {
                    addForm(Substring(form))
                    nounLemmaOfForm[LemmaKey.of(form)] = nounLemmaOfForm[LemmaKey.of(form)] ?? key
                    if predicate == .charge { chargeForms.insert(LemmaKey.of(form)) }
                }
            case "comprise":
                clauseWords[LemmaKey.of(lemma), default: []].insert(.comprise)
            default:
                guard let word = ClauseWord.names[columns[0]] else { continue }
                let parts = lemma.split(separator: " ")
                let key = LemmaKey.of(parts[0])
                if parts.count > 1, word == .support || word == .reverseSupport || word == .cancel {
                    supportParticles[key, default: []].append(LemmaKey.of(parts[1]))
                }
                clauseWords[key, default: []].insert(word)
                // An appointment is a trigger of its own: a sentence with one is parsed.
                if word == .appoint { addVerbForms(of: String(parts[0]), key: key) }
            }
        }
        // "according to Reuters" reports a statement without a verb of saying.
        addForm("according")
    }

    private mutating func addVerb(_ lemma: Substring, predicate: RelationPredicate, targets: Targets) {
        let parts = lemma.split(separator: " ")
        guard let head = parts.first else { return }
        triggerLemmas[predicate, default: []].insert(lemma.lowercased())
        let key = LemmaKey.of(head)
        let particle = parts.count > 1 ? LemmaKey.of(parts[1]) : 0
        if let index = verbs[key]?.firstIndex(where: { $0.predicate == predicate && $0.particle == particle }) {
            verbs[key]![index].targets.formUnion(targets)
        } else {
            verbs[key, default: []].append(Frame(predicate: predicate, particle: particle, targets: targets))
        }
        addVerbForms(of: String(head), key: key)
    }

    /// Makes every form of the verb `base` a trigger form that stands for the lemma with key `key`.
    private mutating func addVerbForms(of base: String, key: UInt64) {
        for form in Inflection.verbForms(of: base) {
            addForm(Substring(form))
            verbLemmaOfForm[LemmaKey.of(form)] = verbLemmaOfForm[LemmaKey.of(form)] ?? key
        }
    }

    private mutating func addForm(_ form: Substring) { surfaceForms.insert(LemmaKey.of(form)) }

    /// The verb senses of the lemma with key `key`.
    func verbFrames(_ key: UInt64) -> [Frame] { verbs[key] ?? [] }
    /// The noun senses of the lemma with key `key`.
    func nounFrames(_ key: UInt64) -> [Frame] { nouns[key] ?? [] }
    /// What the lemma with key `key` tells about a clause.
    func clauseWord(_ key: UInt64) -> ClauseWord { clauseWords[key] ?? [] }

    /// Whether the lemma with key `key` is in the lexicon at all.
    func knows(_ key: UInt64) -> Bool { verbs[key] != nil || nouns[key] != nil || clauseWords[key] != nil }

    /// The key of the lexicon lemma a word stands for: the lemmatizer's when the lexicon knows it,
    /// else the lexicon's own inflection of the word's form ("convened" → "convene": the
    /// lemmatizer's suffix rules, trained on the treebank, give "conven").
    func lemmaKey(lemma key: UInt64, form: UInt64, tag: PartOfSpeech) -> UInt64 {
        guard !knows(key) else { return key }
        switch tag {
        case .verb: return verbLemmaOfForm[form] ?? key
        case .noun: return nounLemmaOfForm[form] ?? key
        default: return key
        }
    }
}

/// Case-insensitive keys of lemmas and word forms: FNV-1a over lower-cased UTF-8 bytes, curly
/// apostrophes made straight (the same key `NameKey` gives).
enum LemmaKey {
    /// The key of a word.
    static func of(_ word: some StringProtocol) -> UInt64 {
        let text = Substring(word)
        // Only a word with a curly apostrophe (its UTF-8 starts 0xE2) needs the Foundation replace.
        guard text.utf8.contains(0xE2) else { return NameKey.of(text.utf8[...]) }
        return NameKey.of(text.replacingOccurrences(of: "’", with: "'").utf8[...])
    }

    /// The key of the word at `range` of `bytes`.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = range.lowerBound
        while index < range.upperBound {
            var byte = bytes[index]
            if byte == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                byte = UInt8(ascii: "'")
                index += 2
            } else if byte >= 0x80 {
                // Rare outside ASCII: hash the lower-cased text.
                return NameKey.of(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).replacingOccurrences(of: "’", with: "'").utf8[...])
            } else if byte >= 0x41 && byte <= 0x5A {
                byte |= 0x20
            }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            index += 1
        }
        return hash
    }
}

/// Regular English inflections, for the forms of trigger words a sentence must contain to be parsed.
enum Inflection {
    /// Irregular verbs among the triggers and support verbs: base → forms.
    static let irregular: [String: [String]] = [
        "meet": ["met"], "say": ["said"], "tell": ["told"], "fly": ["flew", "flown"], "lead": ["led"], "send": ["sent"],
        "go": ["went", "gone"], "come": ["came"], "hold": ["held"], "pay": ["paid"], "make": ["made"], "take": ["took", "taken"],
        "fight": ["fought"], "buy": ["bought"], "sell": ["sold"], "shoot": ["shot"], "strike": ["struck", "stricken"],
        "bring": ["brought"], "seek": ["sought"], "win": ["won"], "draw": ["drew", "drawn"], "give": ["gave", "given"],
        "run": ["ran"], "begin": ["began", "begun"], "speak": ["spoke", "spoken"], "write": ["wrote", "written"],
        "have": ["has", "had"], "lay": ["laid"], "slay": ["slew", "slain"], "rule": ["ruled"], "sit": ["sat"],
        "stand": ["stood"], "undertake": ["undertook", "undertaken"], "withdraw": ["withdrew", "withdrawn"],
        "beat": ["beaten"], "split": ["split"], "put": ["put"], "set": ["set"], "hit": ["hit"], "quit": ["quit"],
        "feel": ["felt"], "keep": ["kept"], "leave": ["left"], "find": ["found"], "see": ["saw", "seen"], "be": ["is", "was", "were", "been"],
        "choose": ["chose", "chosen"], "swear": ["swore", "sworn"], "become": ["became"], "freeze": ["froze", "frozen"],
    ]

    /// The forms of a verb: base, third person, past and participle, gerund.
    static func verbForms(of base: String) -> [String] {
        var forms = [base] + (irregular[base] ?? [])
        let vowels = Set("aeiou")
        let last = base.last
        if base.hasSuffix("e") {
            forms += [base + "s", base + "d", String(base.dropLast()) + "ing"]
        } else if last == "y", let beforeLast = base.dropLast().last, !vowels.contains(beforeLast) {
            forms += [String(base.dropLast()) + "ies", String(base.dropLast()) + "ied", base + "ing"]
        } else {
            let sibilant = base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("z") || base.hasSuffix("ch") || base.hasSuffix("sh")
            forms += [base + (sibilant ? "es" : "s"), base + "ed", base + "ing"]
            // "ship" → "shipped", "ban" → "banned": both spellings, as the lexicon cannot tell stress.
            if let last, !vowels.contains(last), last != "w", last != "x", last != "y",
               let beforeLast = base.dropLast().last, vowels.contains(beforeLast) {
                forms += [base + String(last) + "ed", base + String(last) + "ing"]
            }
        }
        return forms
    }

    /// The forms of a noun: singular and plural.
    static func nounForms(of singular: String) -> [String] {
        let vowels = Set("aeiou")
        if singular.hasSuffix("y"), let beforeLast = singular.dropLast().last, !vowels.contains(beforeLast) {
            return [singular, String(singular.dropLast()) + "ies"]
        }
        let sibilant = singular.hasSuffix("s") || singular.hasSuffix("x") || singular.hasSuffix("ch") || singular.hasSuffix("sh")
        return [singular, singular + (sibilant ? "es" : "s")]
    }
}
