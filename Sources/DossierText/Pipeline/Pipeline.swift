import Foundation
import DossierCore

/// The extraction pipeline: tokenizes and splits a document, recognises and resolves its entity
/// mentions, tags its time expressions and finds the relations between its entities, parsing the
/// sentences that may hold one.
///
/// `annotate` is a pure function of the document, so one pipeline can be shared by many threads.
public struct Pipeline: Sendable {
    /// The lexicon the tokenizer, splitter and default extractors use.
    public let gazetteer: Gazetteer
    /// The sentence splitter.
    public let splitter: SentenceSplitter
    /// Finds entity names.
    public let recognizer: any EntityRecognizer
    /// Resolves names to entities within a document.
    public let resolver: any EntityResolver
    /// Finds time expressions.
    public let tagger: any TimeTagger
    /// Finds relations between the resolved entities.
    public let relationExtractor: any RelationExtractor
    /// Parses sentences (for `syntax(of:)`; the bundled relation extractor parses with it too).
    public let parser: any DependencyParser

    /// The pipeline with the bundled gazetteers and the rule-based recognizer, resolver and tagger.
    public init() {
        Self.startLoadingBundledResources()
        // Each bundled resource loads once: touching one waits for the thread loading it, or loads it
        // here when that thread has not started yet. The small ones come first, so that this thread
        // helps rather than waits for the parser's model (which `init(gazetteer:)` then waits for).
        _ = Gazetteer.bundled
        _ = RelationLexicon.bundled
        _ = CapitalCities.bundled
        self.init(gazetteer: .bundled)
    }

    /// Starts loading the bundled resources on other threads, so that a ``init()`` made later waits
    /// less: a command that will annotate calls it before it parses its arguments. Does nothing once
    /// they are loading or loaded.
    package static func startLoadingBundledResources() {
        _ = BundledResources.loadingStarted
    }

    /// The bundled resources are independent: the parser's model, the gazetteer and the relation
    /// lexicon each load on a thread of their own.
    private enum BundledResources {
        static let loadingStarted: Void = {
            let loads: [@Sendable () -> Void] = [
                { _ = PerceptronParser.bundled }, { _ = Gazetteer.bundled }, { _ = RelationLexicon.bundled; _ = CapitalCities.bundled },
            ]
            // Threads of their own: the dispatch pool may start a second worker only after the first has finished.
            for load in loads { Thread.detachNewThread(load) }
        }()
    }

    /// A pipeline with the given parts; the parts not given are the rule-based ones over `gazetteer`.
    public init(gazetteer: Gazetteer, recognizer: (any EntityRecognizer)? = nil, resolver: (any EntityResolver)? = nil,
                tagger: (any TimeTagger)? = nil, relationExtractor: (any RelationExtractor)? = nil,
                parser: (any DependencyParser)? = nil) {
        self.gazetteer = gazetteer
        splitter = SentenceSplitter(gazetteer: gazetteer)
        self.recognizer = recognizer ?? RuleBasedEntityRecognizer(gazetteer: gazetteer)
        self.resolver = resolver ?? DocumentEntityResolver()
        self.tagger = tagger ?? RuleBasedTimeTagger(gazetteer: gazetteer)
        let parser = parser ?? PerceptronParser.bundled
        self.parser = parser
        self.relationExtractor = relationExtractor ?? SyntacticRelationExtractor(gazetteer: gazetteer, parser: parser)
    }

    /// A pipeline with the bundled gazetteers and the given recognizer and tagger.
    public init(recognizer: any EntityRecognizer, resolver: any EntityResolver = DocumentEntityResolver(), tagger: any TimeTagger) {
        self.init(gazetteer: .bundled, recognizer: recognizer, resolver: resolver, tagger: tagger)
    }

    /// The document read into tokens and sentences.
    public func analyze(_ document: Document) -> AnalyzedText {
        AnalyzedText(document: document, gazetteer: gazetteer, splitter: splitter)
    }

    /// The document's resolved mentions, less those inside its time expressions `times`.
    func mentions(in text: AnalyzedText, times: [TimeExpression]) -> [Mention] {
        Self.removingTimes(times, from: resolver.resolve(recognizer.candidates(in: text), in: text))
    }

    /// The mentions that are not part of a time expression: "Christmas Eve" and the "UTC" of
    /// "1137 UTC" are times, not a person and an organisation. Named events stay ("World War II").
    static func removingTimes(_ times: [TimeExpression], from mentions: [Mention]) -> [Mention] {
        guard !times.isEmpty else { return mentions }
        var result: [Mention] = []
        result.reserveCapacity(mentions.count)
        var cursor = 0
        for mention in mentions {
            while cursor < times.count && times[cursor].span.end <= mention.span.start { cursor += 1 }
            let isInsideTime = cursor < times.count && times[cursor].span.start <= mention.span.start && mention.span.end <= times[cursor].span.end
            if !isInsideTime || mention.kind == .event { result.append(mention) }
        }
        return result
    }

    /// The document with its sentences, entity mentions, time expressions and relations.
    public func annotate(_ document: Document) -> AnnotatedDocument {
        let text = analyze(document)
        let times = tagger.times(in: text)
        let mentions = self.mentions(in: text, times: times)
        let relations = relationExtractor.relations(in: text, mentions: mentions, times: times)
        return AnnotatedDocument(document: document, sentences: text.sentences, mentions: mentions, times: times, relations: relations)
    }
}
