import DossierCore

/// The relation extractor Dossier ships: frame rules over a dependency parse of each sentence that
/// can hold a relation (see ``ClauseReading``), with a CAMEO-derived lexicon, and references
/// resolved through the document (pronouns, descriptions, first person in quotes).
///
/// Only sentences with a trigger word and something to be an argument are parsed; the rest are
/// read for what they tell the discourse model.
public struct SyntacticRelationExtractor: RelationExtractor {
    /// The trigger, support and clause words.
    package let lexicon: RelationLexicon
    /// The gazetteer that tells demonyms.
    public let gazetteer: Gazetteer
    /// The capitals that stand for their countries as actors.
    package let capitals: CapitalCities
    /// The dependency parser.
    public let parser: any DependencyParser

    /// An extractor with the bundled lexicons over the given gazetteer and parser (the bundled ones by default).
    public init(gazetteer: Gazetteer = .bundled, parser: any DependencyParser = PerceptronParser.bundled) {
        self.init(lexicon: .bundled, gazetteer: gazetteer, capitals: .bundled, parser: parser)
    }

    /// An extractor over the given lexicons and parser.
    package init(lexicon: RelationLexicon, gazetteer: Gazetteer, capitals: CapitalCities, parser: any DependencyParser) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.capitals = capitals
        self.parser = parser
    }

    public func relations(in text: AnalyzedText, mentions: [Mention], times: [TimeExpression]) -> [Relation] {
        var relations: [Relation] = []
        var discourse = DiscourseModel(gazetteer: gazetteer)
        discourse.titledPeople = titledPeople(in: text, mentions: mentions)
        var mentionCursor = 0
        let timesBySentence = Dictionary(grouping: times, by: \.sentence)
        for (sentenceIndex, tokenRange) in text.sentenceTokenRanges.enumerated() where !tokenRange.isEmpty {
            let sentence = text.sentences[sentenceIndex]
            let firstMention = mentionCursor
            while mentionCursor < mentions.count && mentions[mentionCursor].span.start < sentence.span.end { mentionCursor += 1 }
            let sentenceMentions = mentions[firstMention..<mentionCursor]
            guard needsParse(text: text, tokens: tokenRange, mentionCount: sentenceMentions.count, hasDiscourse: !discourse.entries.isEmpty) else {
                for (position, mention) in sentenceMentions.enumerated() {
                    discourse.mention(RelationArgument(name: mention.entity, kind: mention.kind, span: mention.span), sentence: sentenceIndex,
                                      asSubject: position == 0)
                }
                continue
            }
            let words = SyntacticWords(text: text, tokens: tokenRange, names: sentenceMentions.map(\.span))
            let graph = ClauseGraph(parse: parser.parse(words.words, knownTags: words.knownTags), tokenOfWord: words.tokenOfWord, lexicon: lexicon)
            let arguments = SentenceArguments(graph: graph, sentence: sentenceIndex, text: text, mentions: sentenceMentions, gazetteer: gazetteer,
                                              lexicon: lexicon)
            var reading = ClauseReading(graph: graph, arguments: arguments, lexicon: lexicon, discourse: discourse)
            let found = reading.relations()
            let sentenceTimes = timesBySentence[sentenceIndex] ?? []
            let timeHeads = TimeAttachment(graph: graph, text: text, times: sentenceTimes)
            var seen = Set<String>()
            for relation in found {
                let subject = actor(relation.subject)
                let object = actor(relation.object, asObjectOf: relation.predicate)
                guard subject.name != object.name, subject.kind.canAct, relation.predicate.accepts(object.kind) else { continue }
                for time in timeHeads.times(of: relation.trigger) {
                    let key = "\(subject.name)\u{1}\(relation.predicate)\u{1}\(object.name)\u{1}\(time?.value ?? "")"
                    guard seen.insert(key).inserted else { continue }
                    relations.append(Relation(subject: subject, predicate: relation.predicate, object: object, time: time?.value,
                                              timeRange: time?.range, modality: relation.modality, isNegated: relation.isNegated,
                                              sentence: sentenceIndex, evidence: sentence.span))
                }
            }
            if let charged = found.last(where: { $0.predicate == .charge && $0.object.kind == .person }) { discourse.chargeTarget = charged.object }
            updateDiscourse(&discourse, graph: graph, arguments: reading.arguments, sentence: sentenceIndex, mentions: sentenceMentions)
        }
        return relations
    }

    /// The sentences `relations(in:mentions:times:)` parses: those with a trigger word and two
    /// things that can be arguments (names, pronouns once the document has named someone, demonyms).
    public func sentencesToParse(in text: AnalyzedText, mentions: [Mention]) -> [Int] {
        var parsed: [Int] = []
        var cursor = 0
        for (index, range) in text.sentenceTokenRanges.enumerated() where !range.isEmpty {
            let first = cursor
            while cursor < mentions.count && mentions[cursor].span.start < text.sentences[index].span.end { cursor += 1 }
            if needsParse(text: text, tokens: range, mentionCount: cursor - first, hasDiscourse: first > 0) { parsed.append(index) }
        }
        return parsed
    }

    /// Whether a sentence is worth parsing: it has a word that may be a trigger, and at least two
    /// words that may be arguments — a relation needs two, except a charge whose target is the
    /// person the text is about.
    private func needsParse(text: AnalyzedText, tokens: Range<Int>, mentionCount: Int, hasDiscourse: Bool) -> Bool {
        guard mentionCount > 0 || hasDiscourse else { return false }
        return text.bytes.withUnsafeBufferPointer { bytes in
            var hasTrigger = false, hasChargeNoun = false
            var candidates = mentionCount
            for index in tokens where text.tokens[index].kind == .word {
                let key = LemmaKey.of(bytes, text.tokens[index].bytes)
                if !hasTrigger && lexicon.surfaceForms.contains(key) { hasTrigger = true }
                if lexicon.chargeForms.contains(key) { hasChargeNoun = true }
                if candidates < 2, (hasDiscourse && SentenceArguments.referring.contains(key))
                    || (text.tokens[index].isCapitalizedWord && gazetteer.features(text.words[index]).contains(.demonym)) {
                    candidates += 1
                }
                if hasTrigger && candidates >= 2 { return true }
            }
            return hasChargeNoun && mentionCount >= 1
        }
    }

    /// The people the document introduces with a title right before their name ("Russian President
    /// Vladimir Putin", "Foreign Minister Sergey Lavrov"), keyed by the title's last word.
    private func titledPeople(in text: AnalyzedText, mentions: [Mention]) -> [(sentence: Int, title: UInt64, person: RelationArgument)] {
        var result: [(Int, UInt64, RelationArgument)] = []
        var token = 0
        for mention in mentions where mention.kind == .person {
            while token < text.tokens.count && text.tokens[token].span.start < mention.span.start { token += 1 }
            guard token < text.tokens.count, text.tokens[token].span.start == mention.span.start else { continue }
            let sentenceStart = text.sentenceTokenRanges[mention.sentence].lowerBound
            for start in max(sentenceStart, token - 4)..<token where gazetteer.titleLength(in: text.words, from: start, to: token) == token - start {
                let word = text.text(ofToken: token - 1).lowercased()
                let singular = word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
                result.append((mention.sentence, LemmaKey.of(singular), RelationArgument(name: mention.entity, kind: .person, span: mention.span)))
                break
            }
        }
        return result
    }

    /// Records the sentence's entities in the discourse model, subjects marked.
    private func updateDiscourse(_ discourse: inout DiscourseModel, graph: ClauseGraph, arguments: SentenceArguments, sentence: Int,
                                 mentions: ArraySlice<Mention>) {
        var subjects = Set<String>()
        for word in 0..<graph.count where graph.relation(word).isSubject {
            if let named = arguments.mentionAt[word] { subjects.insert(named.name) }
        }
        for mention in mentions {
            discourse.mention(RelationArgument(name: mention.entity, kind: mention.kind, span: mention.span), sentence: sentence,
                              asSubject: subjects.contains(mention.entity))
        }
        // Pronouns keep what they refer to salient ("He … He …"), and tell its gender.
        for word in 0..<graph.count where graph.tag(word) == .pronoun {
            guard let referent = arguments.pronoun(word, discourse: discourse) else { continue }
            let key = graph.formKeys[word]
            if referent.kind == .person && (SentenceArguments.masculine.contains(key) || SentenceArguments.feminine.contains(key)) {
                discourse.noteGender(of: referent.name, female: SentenceArguments.feminine.contains(key))
            }
            if !SentenceArguments.firstPerson.contains(key) {
                discourse.mention(referent, sentence: sentence, asSubject: graph.relation(word).isSubject)
            }
        }
        if let speaker = arguments.speaker { discourse.lastSpeaker = (speaker, sentence) }
        if let root = (0..<graph.count).first(where: { graph.relation($0) == .root }),
           let subject = graph.children(of: root, in: [.nsubj, .nsubjPass]).first, graph.tag(subject) == .noun,
           arguments.resolve(subject, lexicon: lexicon, discourse: discourse).isEmpty {
            discourse.lastUnnamedSubject = sentence
        }
    }

    /// A capital acting ("Moscow said") or acted upon as a government ("sanctions on Moscow") is its
    /// country; a capital one visits, hosts, attends or attacks stays the city.
    private func actor(_ argument: RelationArgument, asObjectOf predicate: RelationPredicate? = nil) -> RelationArgument {
        let placePredicates: Set<RelationPredicate> = [.visit, .host, .attend, .attack, .lead, .join]
        guard argument.kind == .location, predicate.map({ !placePredicates.contains($0) }) ?? true,
              let country = capitals.country(ofCapital: argument.name) else { return argument }
        return RelationArgument(name: country, kind: .location, span: argument.span)
    }
}
