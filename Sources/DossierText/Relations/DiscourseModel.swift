import DossierCore

/// What a document has said so far, for resolving references to named entities: pronouns ("he",
/// "its"), definite descriptions ("the summit", "the company") and first-person words in quotes.
///
/// Salience follows recency and grammatical role: an entity that was a subject in the last
/// sentences ranks above one only mentioned, and a reference never reaches further back than
/// `horizon` sentences.
struct DiscourseModel {
    /// One entity the document mentioned.
    struct Entry {
        var argument: RelationArgument
        /// The sentence it was last mentioned in.
        var sentence: Int
        /// Whether it was a subject there.
        var wasSubject: Bool
        /// The keys of the lower-cased words of its name.
        var nameWords: [UInt64]
        /// Whether the person is a woman (true) or a man (false), from the first name or from how the
        /// document referred to them ("she"/"her", "he"/"his"), or `nil` while unknown.
        var isFemale: Bool?
    }

    private(set) var entries: [Entry] = []
    /// Tells the sex of a first name, for people named in full ("Nancy Pelosi" is no "he").
    private let gazetteer: Gazetteer

    /// A model that reads people's sex from their first names in `gazetteer`.
    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }
    /// How many sentences back a pronoun may reach.
    let horizon = 3
    /// People introduced with a title ("Foreign Minister Sergey Lavrov"), by the key of the title's
    /// last word and the sentence: "the minister" refers to the latest one before it.
    var titledPeople: [(sentence: Int, title: UInt64, person: RelationArgument)] = []

    /// The person a role phrase with head `title` refers to from `sentence`: the last one the
    /// document introduced with that title, no later than this sentence.
    func holder(ofTitle title: UInt64, from sentence: Int) -> RelationArgument? {
        titledPeople.last { $0.title == title && $0.sentence <= sentence }?.person
    }

    /// The person last charged, for a later warrant that does not say against whom.
    var chargeTarget: RelationArgument?
    /// The last sentence whose main subject was a common noun that names no entity ("The plane
    /// crashed"): an "it" after it refers to that thing, not to a country mentioned before.
    var lastUnnamedSubject = -1
    /// The speaker of the last quotation, and the sentence it was attributed in.
    var lastSpeaker: (argument: RelationArgument, sentence: Int)?

    /// Records that `argument` was mentioned in `sentence` (as a subject or not).
    mutating func mention(_ argument: RelationArgument, sentence: Int, asSubject: Bool) {
        if let index = entries.firstIndex(where: { $0.argument.name == argument.name }) {
            entries[index].sentence = sentence
            entries[index].wasSubject = asSubject || (entries[index].sentence == sentence && entries[index].wasSubject)
            entries[index].argument = RelationArgument(name: argument.name, kind: argument.kind, span: argument.span)
            let moved = entries.remove(at: index)
            entries.append(moved)
        } else {
            let parts = argument.name.split(separator: " ")
            let words = parts.map { LemmaKey.of($0) }
            entries.append(Entry(argument: argument, sentence: sentence, wasSubject: asSubject, nameWords: words,
                                 isFemale: argument.kind == .person && parts.count >= 2 ? sex(ofFirstName: parts[0]) : nil))
        }
    }

    /// Whether a first name is borne almost only by women (true) or by men (false), if it tells.
    private func sex(ofFirstName name: Substring) -> Bool? {
        let features = gazetteer.features(ofWord: String(name))
        if features.contains(.femaleFirstName) { return true }
        return features.contains(.maleFirstName) ? false : nil
    }

    /// Whether `name` was referred to as "she" (true) or "he" (false), if known.
    func gender(of name: String) -> Bool? { entries.last { $0.argument.name == name }?.isFemale }

    /// Notes the gender a pronoun showed for `name`.
    mutating func noteGender(of name: String, female: Bool) {
        if let index = entries.lastIndex(where: { $0.argument.name == name }), entries[index].isFemale == nil {
            entries[index].isFemale = female
        }
    }

    /// The person a third-person singular pronoun refers to, from `sentence`: the most salient
    /// person within the horizon whose gender does not contradict it.
    func person(female: Bool, from sentence: Int, excluding excluded: Set<String> = []) -> RelationArgument? {
        candidate(from: sentence, excluding: excluded) { entry in
            entry.argument.kind == .person && (entry.isFemale == nil || entry.isFemale == female)
        }
    }

    /// The organisation or country "it", "its", "they" or "their" refers to: the most salient one
    /// that was a subject within two sentences, unless a thing without a name has been the subject since.
    func collective(from sentence: Int, excluding excluded: Set<String> = []) -> RelationArgument? {
        let recent = entries.reversed().filter {
            sentence - $0.sentence <= 2 && $0.sentence > lastUnnamedSubject && !excluded.contains($0.argument.name)
        }
        return recent.first { entry in
            entry.wasSubject && (entry.argument.kind == .organization || entry.argument.kind == .location || entry.argument.kind == .group)
        }?.argument
    }

    /// The entity a definite description with head lemma `head` refers to ("the summit" → "BRICS
    /// summit", "the court" → "International Criminal Court"): the most recent whose name ends
    /// with that word, or, for "country"/"company"-like class nouns, the most recent of that kind.
    func described(head: UInt64, kinds: Set<EntityKind>?, from sentence: Int) -> RelationArgument? {
        for entry in entries.reversed() where sentence - entry.sentence <= 6 {
            if entry.nameWords.last == head { return entry.argument }
            if let kinds, kinds.contains(entry.argument.kind) { return entry.argument }
        }
        return nil
    }

    /// The most salient entry `accepts` allows: the more recent the better, and a subject
    /// outranks what was mentioned in the same sentence or the one after it.
    private func candidate(from sentence: Int, excluding excluded: Set<String>, where accepts: (Entry) -> Bool) -> RelationArgument? {
        var best: (entry: Entry, rank: Int)?
        for entry in entries.reversed() where sentence - entry.sentence <= horizon && !excluded.contains(entry.argument.name) && accepts(entry) {
            let rank = 2 * (sentence - entry.sentence) - (entry.wasSubject ? 3 : 0)
            if best == nil || rank < best!.rank { best = (entry, rank) }
        }
        return best?.entry.argument
    }
}
