import DossierCore

/// Finds names with gazetteers and rules: longest gazetteer matches, capitalised-name sequences
/// joined across "of"/"and"/"&" when a head word says organisation or event, and the kind read from
/// cues — a title or role before or after a name, a first name, a head word (organisation, event,
/// place, treaty), a company suffix, a club prefix, a lower-case cue ("news agency", "summit"),
/// "X-based", a country in parentheses or an age after a name, "in"/"near" before it.
///
/// A name with no cue gets a default kind from its spelling: two or three capitalised words a
/// person, a name holding a place an organisation ("Air France"), an unknown acronym an
/// organisation. Whole-document context matters too: in a sports report a city or region written
/// alone names a team unless a preposition or a dateline places it; in an all-capitals headline
/// only gazetteer names are sure, and other words are weak candidates.
///
/// It also proposes role phrases ("the Russian leader") and demonyms naming an actor ("Russian
/// delegation"). `DocumentEntityResolver` then decides what each candidate names; a candidate that
/// merely starts a sentence is only weak.
public struct RuleBasedEntityRecognizer: EntityRecognizer {
    /// The lexicon.
    public let gazetteer: Gazetteer

    /// Creates a recognizer over `gazetteer`.
    public init(gazetteer: Gazetteer = .bundled) {
        self.gazetteer = gazetteer
    }

    /// The candidates of every sentence, in text order.
    public func candidates(in text: AnalyzedText) -> [EntityCandidate] {
        var result: [EntityCandidate] = []
        let context = DocumentContext(text: text, gazetteer: gazetteer)
        text.bytes.withUnsafeBufferPointer { buffer in
            for (index, range) in text.sentenceTokenRanges.enumerated() where !range.isEmpty {
                var sentence = SentenceNameFinder(text: text, bytes: buffer, gazetteer: gazetteer, context: context,
                                                 range: range, sentence: index)
                sentence.find(into: &result)
            }
            LowercaseVariants.add(to: &result, in: text, bytes: buffer)
        }
        return result
    }
}
