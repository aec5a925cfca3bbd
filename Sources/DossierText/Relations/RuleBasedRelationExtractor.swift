import DossierCore

/// The relation extractor Dossier ships: verb and noun lexicons read through clause patterns
/// (see ``SentenceRelationFinder``), over the document's resolved mentions.
///
/// Arguments are entity mentions, the pronouns "he"/"she"/"his"/"her" resolved to the person the
/// text is about, and delegations named by a demonym ("the Russian delegation"). A relation's time
/// is the date nearest its trigger in the sentence; none when the sentence has no date.
public struct RuleBasedRelationExtractor: RelationExtractor {
    /// The trigger and cue words.
    public let lexicon: RelationLexicon
    /// The gazetteer that tells demonyms.
    public let gazetteer: Gazetteer
    /// The capitals that stand for their countries as actors.
    public let capitals: CapitalCities

    /// An extractor over the given lexicons (the bundled ones by default).
    public init(lexicon: RelationLexicon = .bundled, gazetteer: Gazetteer = .bundled, capitals: CapitalCities = .bundled) {
        self.lexicon = lexicon.indexed(by: gazetteer)
        self.gazetteer = gazetteer
        self.capitals = capitals
    }

    /// A capital acting ("Moscow said") or acted upon as a government ("sanctions on Moscow") is its
    /// country; a capital one visits, or that is attacked, stays the city.
    private func actor(_ argument: RelationArgument, asObjectOf predicate: RelationPredicate? = nil) -> RelationArgument {
        let placePredicates: Set<RelationPredicate> = [.visit, .host, .attend, .attack, .lead, .join]
        guard argument.kind == .location, predicate.map({ !placePredicates.contains($0) }) ?? true,
              let country = capitals.country(ofCapital: argument.name) else { return argument }
        return RelationArgument(name: country, kind: .location, span: argument.span)
    }

    /// The relations of the document, sentence by sentence; a sentence without a named entity or
    /// without a trigger word is skipped unread.
    public func relations(in text: AnalyzedText, mentions: [Mention], times: [TimeExpression]) -> [Relation] {
        var relations: [Relation] = []
        var mentionCursor = 0
        var salientPerson: RelationArgument?
        var chargeTarget: ArgumentCandidate?
        // Grouped once: each sentence and each of its relations look at its own times only.
        let timesBySentence = Dictionary(grouping: times, by: \.sentence)
        for (sentenceIndex, sentenceTokens) in text.sentenceTokenRanges.enumerated() where !sentenceTokens.isEmpty {
            let sentence = text.sentences[sentenceIndex]
            let firstMention = mentionCursor
            while mentionCursor < mentions.count && mentions[mentionCursor].span.start < sentence.span.end { mentionCursor += 1 }
            // A relation needs a named entity; sentences without one are skipped unread.
            guard mentionCursor > firstMention else { continue }
            var reading = SentenceReading(text: text, lexicon: lexicon, range: sentenceTokens)
            guard reading.hasTrigger else {
                if let person = mentions[firstMention..<mentionCursor].first(where: { $0.kind == .person }) {
                    salientPerson = RelationArgument(name: person.entity, kind: person.kind, span: person.span)
                }
                continue
            }
            reading.add(mentions: mentions[firstMention..<mentionCursor].compactMap { mention in
                tokenRange(of: mention.span, in: text, within: sentenceTokens).map {
                    ArgumentCandidate(tokens: $0, argument: RelationArgument(name: mention.entity, kind: mention.kind, span: mention.span),
                                      isPronoun: false)
                }
            })
            let sentenceTimes = timesBySentence[sentenceIndex] ?? []
            for time in sentenceTimes {
                if let tokens = tokenRange(of: time.span, in: text, within: sentenceTokens) { reading.markTime(tokens) }
            }
            addDelegations(to: &reading)
            addDemonymTargets(to: &reading)
            addPronouns(to: &reading, salientPerson: salientPerson)
            let finder = SentenceRelationFinder(reading: reading, chargeTarget: chargeTarget)
            var seen = Set<String>()
            for found in finder.relations() where found.subject.argument.name != found.object.argument.name
                && found.subject.argument.kind.canAct && found.predicate.accepts(found.object.argument.kind) {
                let key = "\(found.subject.argument.name)\u{1}\(found.predicate)\u{1}\(found.object.argument.name)"
                guard seen.insert(key).inserted else { continue }
                // "in 2017 and 2019": one relation for each of coordinated dates.
                for time in nearestDates(to: text.tokens[found.trigger].span.start, in: sentenceTimes, text: text) {
                    relations.append(Relation(subject: actor(found.subject.argument), predicate: found.predicate,
                                              object: actor(found.object.argument, asObjectOf: found.predicate),
                                              time: time?.value, timeRange: time?.range, modality: found.modality,
                                              isNegated: found.isNegated, sentence: sentenceIndex, evidence: sentence.span))
                }
                if found.predicate == .charge && found.object.argument.kind == .person { chargeTarget = found.object }
            }
            let people = reading.arguments.indices.filter { reading.arguments[$0].argument.kind == .person && !reading.arguments[$0].isPronoun }
            if let person = people.first(where: reading.isSubjectCandidate) ?? people.first {
                salientPerson = reading.arguments[person].argument
            }
        }
        return relations
    }

    /// The tokens a mention covers, found by its code-point span.
    private func tokenRange(of span: TextSpan, in text: AnalyzedText, within range: Range<Int>) -> Range<Int>? {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if text.tokens[middle].span.end <= span.start { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < range.upperBound && text.tokens[end].span.start < span.end { end += 1 }
        return low < end ? low..<end : nil
    }

    /// "the Russian delegation": a demonym (or a country mention written as one) before
    /// "delegation" names the delegation as an actor of its own.
    private func addDelegations(to reading: inout SentenceReading) {
        for index in reading.range.dropFirst() where reading.cues(index).contains(.delegation) {
            let previous = index - 1
            let token = reading.text.tokens[previous]
            guard token.isCapitalizedWord else { continue }
            let isDemonym = gazetteer.features(reading.text.words[previous]).contains(.demonym)
            guard isDemonym || reading.argumentIndex(at: previous) != nil else { continue }
            let tokens = previous..<(index + 1)
            let name = reading.text.text(ofToken: previous) + " delegation"
            reading.add(ArgumentCandidate(tokens: tokens, argument: RelationArgument(name: name, kind: .group,
                                                                                    span: reading.text.span(ofTokens: tokens)),
                                          isPronoun: false))
        }
    }

    /// "he", "his", "her": the person in subject position earlier in the sentence, else the person
    /// the text was last about.
    private func addPronouns(to reading: inout SentenceReading, salientPerson: RelationArgument?) {
        for index in reading.range where reading.cues(index).contains(.personPronoun) && reading.argumentIndex(at: index) == nil {
            let earlier = reading.arguments.indices.last(where: {
                reading.arguments[$0].tokens.upperBound <= index && reading.arguments[$0].argument.kind == .person
                    && !reading.arguments[$0].isPronoun && reading.isSubjectCandidate($0)
            })
            guard let person = earlier.map({ reading.arguments[$0].argument }) ?? salientPerson else { continue }
            let span = reading.text.tokens[index].span
            reading.add(ArgumentCandidate(tokens: index..<(index + 1),
                                          argument: RelationArgument(name: person.name, kind: person.kind, span: span), isPronoun: true))
        }
    }

    /// The DATE or TIME expression among a sentence's `times` nearest to `offset`, with those
    /// coordinated with it ("2017 and 2019"); `[nil]` when the sentence has none.
    private func nearestDates(to offset: Int, in times: [TimeExpression], text: AnalyzedText) -> [TimeExpression?] {
        let dates = times.filter { $0.type == .date || $0.type == .time }
        // The clause's date first (no comma between it and the trigger), else the sentence's.
        let byDistance = dates.indices.sorted { distance(dates[$0], offset) < distance(dates[$1], offset) }
        guard let nearest = byDistance.first(where: { !isCommaBetween(offset, dates[$0], in: text) }) ?? byDistance.first else {
            return [nil]
        }
        var result: [TimeExpression?] = [dates[nearest]]
        var current = nearest
        while current + 1 < dates.count, isCoordination(between: dates[current].span.end, and: dates[current + 1].span.start, in: text) {
            current += 1
            result.append(dates[current])
        }
        return result
    }

    private func isCommaBetween(_ offset: Int, _ time: TimeExpression, in text: AnalyzedText) -> Bool {
        let span = time.span.start >= offset ? TextSpan(start: offset, end: time.span.start) : TextSpan(start: time.span.end, end: offset)
        guard span.end > span.start, let tokens = tokenRange(of: span, in: text, within: 0..<text.tokens.count) else { return false }
        return tokens.contains { text.token($0, is: ",") || text.token($0, is: ";") }
    }

    private func distance(_ time: TimeExpression, _ offset: Int) -> Int {
        time.span.start >= offset ? time.span.start - offset : offset - time.span.end
    }

    /// Whether only "and" (or a comma) lies between two offsets.
    private func isCoordination(between end: Int, and start: Int, in text: AnalyzedText) -> Bool {
        guard start > end, start - end <= 6, let tokens = tokenRange(of: TextSpan(start: end, end: start), in: text,
                                                                        within: 0..<text.tokens.count) else { return false }
        return tokens.allSatisfy { text.token($0, is: "and") || text.token($0, is: ",") }
    }

    /// "an embargo on Russian oil": a demonym after "on", "against" or "into" names its country as
    /// the target.
    private func addDemonymTargets(to reading: inout SentenceReading) {
        for index in reading.range.dropFirst() where reading.argumentIndex(at: index) == nil
            && gazetteer.features(reading.text.words[index]).contains(.demonym) && reading.text.tokens[index].isCapitalizedWord {
            let previous = reading.text.text(ofToken: index - 1).lowercased()
            guard previous == "on" || previous == "against" || previous == "into",
                  let country = gazetteer.demonym(in: reading.text.words, at: index, before: index + 1)?.country else { continue }
            reading.add(ArgumentCandidate(tokens: index..<(index + 1),
                                          argument: RelationArgument(name: country, kind: .location, span: reading.text.tokens[index].span),
                                          isPronoun: false))
        }
    }
}
