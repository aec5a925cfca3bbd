/// A Universal Dependencies part-of-speech tag (UPOS).
public enum PartOfSpeech: UInt8, CaseIterable, Hashable, Sendable, Codable {
    /// Adjective: "big", "Russian".
    case adjective
    /// Adposition: "in", "of", "to".
    case adposition
    /// Adverb: "very", "reportedly".
    case adverb
    /// Auxiliary: "is", "will", "has" (as auxiliaries and copulas).
    case auxiliary
    /// Coordinating conjunction: "and", "but".
    case coordinatingConjunction
    /// Determiner: "the", "a", "this".
    case determiner
    /// Interjection: "oh".
    case interjection
    /// Common noun: "summit", "warrant".
    case noun
    /// Numeral: "two", "1,000".
    case numeral
    /// Particle: "'s", "not", infinitival "to".
    case particle
    /// Pronoun: "he", "it", "who".
    case pronoun
    /// Proper noun: "Putin", "China".
    case properNoun
    /// Punctuation.
    case punctuation
    /// Subordinating conjunction: "that", "if", "because".
    case subordinatingConjunction
    /// Symbol: "$", "%".
    case symbol
    /// Verb: "visit", "met".
    case verb
    /// Other: foreign words, typos.
    case other

    /// The UD name of the tag ("PROPN").
    public var universalName: String { Self.universalNames[Int(rawValue)] }

    /// The tag with the UD name `name` ("PROPN"), or nil.
    public init?(universalName name: some StringProtocol) {
        guard let index = Self.universalNames.firstIndex(where: { $0 == name }) else { return nil }
        self.init(rawValue: UInt8(index))
    }

    private static let universalNames = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
                                         "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]

    /// Whether the tag is a noun or proper noun.
    public var isNominal: Bool { self == .noun || self == .properNoun }
}
