import DossierCore
import Foundation

/// The words the rule-based relation extractor reads: trigger verbs and nouns by predicate, and
/// function words (auxiliaries, modality and negation cues, prepositions, clause boundaries).
///
/// `RelationLexicon.bundled` reads `triggers.tsv` and `cues.tsv` shipped with DossierText; words
/// are looked up case-insensitively on UTF-8 bytes.
public struct RelationLexicon: Sendable {
    private var vocabulary = Vocabulary()
    private var words: [RelationWord] = []
    /// The lexicon's identifier of each word of the gazetteer (`Vocabulary.unknown` for the many
    /// that are no relation words), so tokens the gazetteer already looked up are not hashed again.
    private var idOfGazetteerWord: [Int32] = []

    /// The lexicon shipped with DossierText; loaded once.
    public static let bundled: RelationLexicon = {
        guard let directory = Bundle.module.url(forResource: "Relations", withExtension: nil) else {
            fatalError("DossierText: the bundled Relations resource is missing")
        }
        do {
            let triggers = try String(contentsOf: directory.appendingPathComponent("triggers.tsv"), encoding: .utf8)
            let cues = try String(contentsOf: directory.appendingPathComponent("cues.tsv"), encoding: .utf8)
            return RelationLexicon(triggers: triggers, cues: cues)
        } catch {
            fatalError("DossierText: cannot read the bundled relation lexicon: \(error)")
        }
    }()

    /// Builds a lexicon from the texts of a triggers table and a cues table (formats in their headers).
    public init(triggers: String, cues: String) {
        for columns in GazetteerTable(cues).rows where columns.count > 1 {
            let cue = columns[1].split(separator: "|").reduce(into: RelationCue()) { $0.formUnion(RelationCue.names[String($1)] ?? []) }
            let id = wordID(inserting: String(columns[0]))
            words[Int(id)].cues.formUnion(cue)
        }
        for columns in GazetteerTable(triggers).rows where columns.count > 3 {
            guard let predicate = RelationPredicate(rawValue: String(columns[1])) else { continue }
            let needsPreposition = columns[3].hasPrefix("!"), isReversed = columns[3] == "<"
            let prepositions = columns[3] == "-" || isReversed ? [] : columns[3].drop { $0 == "!" }.split(separator: "/").map {
                wordID(inserting: String($0))
            }
            if columns[0] == "noun" {
                for form in columns[2].split(separator: "/") {
                    let id = wordID(inserting: String(form))
                    words[Int(id)].noun = RelationTrigger(predicate: predicate, form: .noun, objectPrepositions: prepositions)
                }
                continue
            }
            let forms = columns[2].split(separator: "|", omittingEmptySubsequences: false)
            guard forms.count == 5 else { continue }
            let pastForms = Set(forms[2].split(separator: "/")), participles = Set(forms[3].split(separator: "/"))
            let slots: [(Substring, TriggerForm)] = [(forms[0], .base), (forms[1], .thirdPerson), (forms[2], .past),
                                                      (forms[3], .participle), (forms[4], .gerund)]
            for (alternatives, slotForm) in slots {
                for form in alternatives.split(separator: "/") {
                    var triggerForm = slotForm
                    if pastForms.contains(form) && participles.contains(form) { triggerForm = .pastOrParticiple }
                    let id = wordID(inserting: String(form))
                    words[Int(id)].verb = RelationTrigger(predicate: predicate, form: triggerForm, objectPrepositions: prepositions,
                                                          needsPreposition: needsPreposition, isReversed: isReversed)
                }
            }
        }
    }

    private mutating func wordID(inserting word: String) -> Int32 {
        let id = vocabulary.insert(KeyNormalizer.key(of: word))
        while words.count <= Int(id) { words.append(RelationWord()) }
        return id
    }

    /// The lexicon with its words indexed by `gazetteer`'s word identifiers as well.
    public func indexed(by gazetteer: Gazetteer) -> RelationLexicon {
        var lexicon = self
        lexicon.idOfGazetteerWord = [Int32](repeating: Vocabulary.unknown, count: gazetteer.vocabulary.count)
        for id in 0..<Int32(vocabulary.count) {
            let gazetteerID = gazetteer.vocabulary.id(of: vocabulary.key(id))
            if gazetteerID >= 0 { lexicon.idOfGazetteerWord[Int(gazetteerID)] = id }
        }
        return lexicon
    }

    /// The identifier of token `index` of `text`: from the gazetteer's identifier when the
    /// gazetteer knows the word, else looked up from its bytes.
    func wordID(ofToken index: Int, in text: AnalyzedText, bytes: UnsafeBufferPointer<UInt8>, key: inout [UInt8]) -> Int32 {
        let gazetteerID = text.words[index]
        if gazetteerID >= 0 && Int(gazetteerID) < idOfGazetteerWord.count { return idOfGazetteerWord[Int(gazetteerID)] }
        return wordID(of: bytes, text.tokens[index].bytes, key: &key)
    }

    /// The identifier of the word whose text is `bytes[range]`, or `Vocabulary.unknown`.
    func wordID(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, key: inout [UInt8]) -> Int32 {
        KeyNormalizer.normalize(bytes, range, into: &key)
        return key.withUnsafeBufferPointer { vocabulary.id(of: $0) }
    }

    /// What the lexicon knows about word `id`.
    func word(_ id: Int32) -> RelationWord? { id >= 0 && Int(id) < words.count ? words[Int(id)] : nil }
}
