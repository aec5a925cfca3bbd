import DossierCore

/// Finds names with gazetteers and rules: longest gazetteer matches, capitalised-name sequences
/// joined across "of"/"and" when a head word says organisation or event, and the kind read from
/// cues — a title or role before or after a name, a first name, a head word, a lower-case cue
/// ("news agency", "summit").
///
/// It proposes candidates; `DocumentEntityResolver` then decides what each one names. A person
/// needs evidence: a capitalised sequence without cues becomes `other`, and one that merely starts
/// a sentence is only a weak candidate.
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
        }
        return result
    }
}
