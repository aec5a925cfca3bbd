/// What a function word tells the relation finder: an auxiliary, a modality or negation cue, a
/// clause boundary, a preposition, a pronoun. Read from `Resources/Relations/cues.tsv`.
struct RelationCue: OptionSet, Hashable, Sendable {
    let rawValue: UInt64

    static let future = RelationCue(rawValue: 1 << 0)
    static let planning = RelationCue(rawValue: 1 << 1)
    static let plannedAdjective = RelationCue(rawValue: 1 << 2)
    static let cancel = RelationCue(rawValue: 1 << 3)
    static let callVerb = RelationCue(rawValue: 1 << 4)
    static let off = RelationCue(rawValue: 1 << 5)
    static let decision = RelationCue(rawValue: 1 << 6)
    static let negation = RelationCue(rawValue: 1 << 7)
    static let refusal = RelationCue(rawValue: 1 << 8)
    static let hypothetical = RelationCue(rawValue: 1 << 9)
    static let reported = RelationCue(rawValue: 1 << 10)
    static let be = RelationCue(rawValue: 1 << 11)
    static let have = RelationCue(rawValue: 1 << 12)
    static let auxiliary = RelationCue(rawValue: 1 << 13)
    static let adverb = RelationCue(rawValue: 1 << 14)
    static let determiner = RelationCue(rawValue: 1 << 15)
    static let possessivePronoun = RelationCue(rawValue: 1 << 16)
    static let personPronoun = RelationCue(rawValue: 1 << 17)
    static let preposition = RelationCue(rawValue: 1 << 18)
    static let infinitive = RelationCue(rawValue: 1 << 19)
    static let agent = RelationCue(rawValue: 1 << 20)
    static let of = RelationCue(rawValue: 1 << 21)
    static let `for` = RelationCue(rawValue: 1 << 22)
    static let from = RelationCue(rawValue: 1 << 23)
    static let coordinator = RelationCue(rawValue: 1 << 24)
    static let clauseBoundary = RelationCue(rawValue: 1 << 25)
    static let contrast = RelationCue(rawValue: 1 << 26)
    static let relativePronoun = RelationCue(rawValue: 1 << 27)
    static let lightVerb = RelationCue(rawValue: 1 << 28)
    static let delegation = RelationCue(rawValue: 1 << 29)
    static let between = RelationCue(rawValue: 1 << 30)
    static let with = RelationCue(rawValue: 1 << 31)
    static let directive = RelationCue(rawValue: 1 << 32)

    /// The cues by the names the TSV uses.
    static let names: [String: RelationCue] = [
        "future": .future, "planning": .planning, "plannedAdjective": .plannedAdjective, "cancel": .cancel,
        "callVerb": .callVerb, "off": .off, "decision": .decision, "negation": .negation, "refusal": .refusal,
        "hypothetical": .hypothetical, "reported": .reported, "be": .be, "have": .have, "auxiliary": .auxiliary,
        "adverb": .adverb, "determiner": .determiner, "possessivePronoun": .possessivePronoun,
        "personPronoun": .personPronoun, "preposition": .preposition, "infinitive": .infinitive, "agent": .agent,
        "of": .of, "for": .for, "from": .from, "coordinator": .coordinator, "clauseBoundary": .clauseBoundary,
        "contrast": .contrast, "relativePronoun": .relativePronoun, "lightVerb": .lightVerb,
        "delegation": .delegation, "between": .between, "with": .with, "directive": .directive,
    ]

    /// Whether the word has any of `cues`.
    func intersects(_ cues: RelationCue) -> Bool { !isDisjoint(with: cues) }

    /// Words that let a verb's modality be read further left: auxiliaries, adverbs, negation.
    static let verbGroup: RelationCue = [.future, .be, .have, .auxiliary, .adverb, .negation, .hypothetical]
}
