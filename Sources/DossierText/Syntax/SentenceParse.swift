/// The syntax of one sentence: each word's part of speech, lemma, head and dependency relation
/// (Universal Dependencies), as a dependency parser gives them.
public struct SentenceParse: Sendable {
    /// The words.
    public let words: SentenceWords
    /// Each word's part of speech.
    public let tags: [PartOfSpeech]
    /// Each word's treebank tag (Penn Treebank tags for English: "VBD", "NNP"), or "_".
    public let treebankTags: [String]
    /// Each word's lemma.
    public let lemmas: [String]
    /// Each word's head (a word number from 0), or -1 for the sentence's root.
    public let heads: [Int]
    /// Each word's relation to its head (`root` for the root).
    public let relations: [DependencyRelation]

    /// A parse; every array has one element per word.
    public init(words: SentenceWords, tags: [PartOfSpeech], treebankTags: [String]? = nil, lemmas: [String], heads: [Int],
                relations: [DependencyRelation]) {
        precondition(tags.count == words.count && lemmas.count == words.count && heads.count == words.count && relations.count == words.count)
        self.words = words
        self.tags = tags
        self.treebankTags = treebankTags ?? Array(repeating: "_", count: words.count)
        precondition(self.treebankTags.count == words.count)
        self.lemmas = lemmas
        self.heads = heads
        self.relations = relations
    }

    /// The number of words.
    public var count: Int { words.count }

    /// The words whose head is `head`, in order.
    public func dependents(of head: Int) -> [Int] {
        heads.indices.filter { heads[$0] == head }
    }

    /// The word whose head is the root.
    public var root: Int? { heads.firstIndex(of: -1) }
}

/// Finds the syntax of sentences: parts of speech, lemmas and labelled dependencies.
///
/// Dossier's own is `PerceptronParser`; another parser (a neural one, or parses made elsewhere)
/// can take its place in a `Pipeline`.
public protocol DependencyParser: Sendable {
    /// The parse of one sentence's words.
    func parse(_ sentence: SentenceWords) -> SentenceParse

    /// The parse of one sentence's words, some of whose parts of speech are known (a name found by
    /// the entity recognizer is a proper noun); `nil` where the parser should decide.
    func parse(_ sentence: SentenceWords, knownTags: [PartOfSpeech?]) -> SentenceParse
}

extension DependencyParser {
    /// A parser that takes no hints parses as it would without them.
    public func parse(_ sentence: SentenceWords, knownTags: [PartOfSpeech?]) -> SentenceParse { parse(sentence) }
}
