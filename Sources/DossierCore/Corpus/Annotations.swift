/// A sentence of a document: its position and its span.
public struct Sentence: Hashable, Sendable {
    /// The sentence's position in its document, from 0.
    public var index: Int
    /// Where the sentence lies in the document's text.
    public var span: TextSpan

    /// Creates a sentence.
    public init(index: Int, span: TextSpan) {
        self.index = index
        self.span = span
    }
}

/// One place in a text that names an entity.
public struct Mention: Hashable, Sendable {
    /// Where the mention lies in the document's text.
    public var span: TextSpan
    /// The text of the mention as written.
    public var text: String
    /// What sort of thing is named.
    public var kind: EntityKind
    /// The canonical name of the entity the mention resolved to.
    public var entity: String
    /// The index of the sentence the mention is in.
    public var sentence: Int

    /// Creates a mention.
    public init(span: TextSpan, text: String, kind: EntityKind, entity: String, sentence: Int) {
        self.span = span
        self.text = text
        self.kind = kind
        self.entity = entity
        self.sentence = sentence
    }
}

/// The TIMEX3 type of a time expression.
public enum TimexType: String, CaseIterable, Hashable, Sendable, Codable {
    /// A calendar date or period: "July 25", "October", "2017", "last year".
    case date
    /// A time of day: "6am".
    case time
    /// A length of time: "three years".
    case duration
    /// A recurring time: "every week".
    case set

    /// The upper-case name TimeML uses (`DATE`).
    public var timeMLName: String { rawValue.uppercased() }

    /// Reads the TimeML name (`DATE`) or the lower-case one.
    public init?(timeMLName: String) { self.init(rawValue: timeMLName.lowercased()) }
}

/// A time expression found in a text, with its TIMEX3 value.
public struct TimeExpression: Hashable, Sendable {
    /// Where the expression lies in the document's text (TimeML extent conventions).
    public var span: TextSpan
    /// The text as written.
    public var text: String
    /// The TIMEX3 type.
    public var type: TimexType
    /// The TIMEX3 value: `2023-07-25`, `2023-10`, `XXXX-10`, `P3Y`, `PRESENT_REF`.
    public var value: String
    /// The days a DATE denotes, when its value is fully known.
    public var range: TimeRange?
    /// The index of the sentence the expression is in.
    public var sentence: Int

    /// Creates a time expression.
    public init(span: TextSpan, text: String, type: TimexType, value: String, range: TimeRange?, sentence: Int) {
        self.span = span
        self.text = text
        self.type = type
        self.value = value
        self.range = range
        self.sentence = sentence
    }
}

/// A document with everything extracted from it.
public struct AnnotatedDocument: Hashable, Sendable {
    /// The document itself.
    public var document: Document
    /// Its sentences, in order.
    public var sentences: [Sentence]
    /// The entity mentions, in text order.
    public var mentions: [Mention]
    /// The time expressions, in text order.
    public var times: [TimeExpression]
    /// The relations between entities, in the order of their evidence sentences.
    public var relations: [Relation]

    /// Creates an annotated document.
    public init(document: Document, sentences: [Sentence], mentions: [Mention], times: [TimeExpression],
                relations: [Relation] = []) {
        self.document = document
        self.sentences = sentences
        self.mentions = mentions
        self.times = times
        self.relations = relations
    }
}
