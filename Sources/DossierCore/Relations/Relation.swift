/// One side of a relation: the entity it names, by canonical name and kind, and where it is
/// written in the evidence sentence.
public struct RelationArgument: Hashable, Sendable {
    /// The canonical name of the entity ("Vladimir Putin"), or the phrase for an actor that is not a
    /// named entity ("Russian delegation").
    public var name: String
    /// What sort of thing the argument is.
    public var kind: EntityKind
    /// Where the argument is written in the document's text.
    public var span: TextSpan

    /// Creates an argument.
    public init(name: String, kind: EntityKind, span: TextSpan) {
        self.name = name
        self.kind = kind
        self.span = span
    }
}

/// Subject —predicate→ object, with its time, modality, negation and the sentence that shows it.
public struct Relation: Hashable, Sendable {
    /// Who acts.
    public var subject: RelationArgument
    /// What they do.
    public var predicate: RelationPredicate
    /// To or with whom, or where.
    public var object: RelationArgument
    /// The TIMEX3 value of the relation's time (`2023-10`): the clause's time expression, else the
    /// sentence's; `nil` when neither has one.
    public var time: String?
    /// The days ``time`` denotes, when known.
    public var timeRange: TimeRange?
    /// Whether it happened, is planned, was canceled, is reported or hypothetical.
    public var modality: Modality
    /// Whether the clause denies it ("did not attend").
    public var isNegated: Bool
    /// The index of the evidence sentence in its document.
    public var sentence: Int
    /// The evidence sentence's span in the document's text.
    public var evidence: TextSpan

    /// Creates a relation.
    public init(subject: RelationArgument, predicate: RelationPredicate, object: RelationArgument, time: String? = nil,
                timeRange: TimeRange? = nil, modality: Modality = .asserted, isNegated: Bool = false, sentence: Int,
                evidence: TextSpan) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.time = time
        self.timeRange = timeRange
        self.modality = modality
        self.isNegated = isNegated
        self.sentence = sentence
        self.evidence = evidence
    }

    /// The CAMEO event code of the predicate, where one exists.
    public var cameoCode: String? { predicate.cameoCode }
}
