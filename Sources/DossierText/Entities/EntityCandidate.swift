import DossierCore

/// How sure a recognizer is that a candidate names an entity of its kind.
public enum EntityEvidence: Int, Comparable, Hashable, Sendable {
    /// A capitalised word at the start of a sentence or in a headline: kept only if resolution backs it.
    case weak
    /// A capitalised name with no further cue.
    case capitalization
    /// A gazetteer entry.
    case gazetteer
    /// A head word ("Court", "Forum") or a cue next to the name ("news agency", "summit").
    case headWord
    /// A title or role next to the name ("President", ", an aide to").
    case title
    /// A common first name at its start.
    case firstName
    /// Supplied by another system (imported annotations, a statistical model).
    case external

    /// Whether `lhs` is weaker evidence than `rhs`.
    public static func < (lhs: EntityEvidence, rhs: EntityEvidence) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A name a recognizer found, before within-document resolution.
public struct EntityCandidate: Hashable, Sendable {
    /// The token indices of the name in its `AnalyzedText`.
    public var tokens: Range<Int>
    /// Where the name lies in the text (code points).
    public var span: TextSpan
    /// The name as written.
    public var text: String
    /// The proposed kind.
    public var kind: EntityKind
    /// The proposed canonical name.
    public var entity: String
    /// The index of the sentence the name is in.
    public var sentence: Int
    /// Why the recognizer believes it.
    public var evidence: EntityEvidence
    /// The gazetteer table it was found in, if any.
    public var category: GazetteerCategory?
    /// For a person introduced with a title, the role it gives them; for a role phrase ("the
    /// Russian leader"), the role it refers to.
    public var role: PersonRole?

    /// Creates a candidate.
    public init(tokens: Range<Int>, span: TextSpan, text: String, kind: EntityKind, entity: String, sentence: Int,
                evidence: EntityEvidence, category: GazetteerCategory? = nil, role: PersonRole? = nil) {
        self.tokens = tokens
        self.span = span
        self.text = text
        self.kind = kind
        self.entity = entity
        self.sentence = sentence
        self.evidence = evidence
        self.category = category
        self.role = role
    }
}
