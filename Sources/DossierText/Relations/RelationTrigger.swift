import DossierCore

/// The grammatical form of a trigger word, which decides how its arguments are found.
enum TriggerForm: UInt8, Sendable {
    /// "visit": after "to", a modal or a plural subject.
    case base
    /// "visits".
    case thirdPerson
    /// "visited" where the past and the participle differ ("flew").
    case past
    /// "flown": only after an auxiliary, or in the passive.
    case participle
    /// "visited", "led": past tense or participle.
    case pastOrParticiple
    /// "visiting".
    case gerund
    /// "visit", "warrant", "sanctions": a noun whose possessor or governing verb gives the subject.
    case noun
}

/// A word that signals a relation: its predicate, its form and the prepositions that may
/// introduce its object ("travel to", "meet with", "sanctions on").
struct RelationTrigger: Sendable {
    /// What the relation is.
    var predicate: RelationPredicate
    /// The word's form.
    var form: TriggerForm
    /// The lexicon's word identifiers of the prepositions that may introduce the object.
    var objectPrepositions: [Int32]
    /// Whether the object only comes after one of those prepositions ("spoke with").
    var needsPreposition = false
    /// Whether the objects are the ones that stand in the relation to the subject ("the group
    /// comprises Brazil" → Brazil joins the group).
    var isReversed = false

    /// Whether the word is a noun.
    var isNoun: Bool { form == .noun }
}

/// Everything the relation lexicon knows about one word.
struct RelationWord: Sendable {
    /// The function-word cues.
    var cues: RelationCue = []
    /// The word read as a verb, if it can be one of the trigger verbs.
    var verb: RelationTrigger?
    /// The word read as a noun, if it can be one of the trigger nouns.
    var noun: RelationTrigger?
}
