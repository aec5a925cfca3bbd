import DossierCore

/// Tags dates with rules over tokens: explicit dates ("July 25", "January 4, 2019", "25 July 2023",
/// "2023-07-25"), months ("in October" → `October`), years ("2017", not "2017 people"), decades
/// ("1990s"), weekdays, "today"/"yesterday"/"tomorrow", "last/this/next year|month|week", and
/// durations ("three years" → `P3Y`, "two weeks ago" → a date).
///
/// Values are normalised against `Document.date`: a month without a year takes the document's
/// year; a weekday is the latest such day on or before the document date, or the next one on or
/// after it when the sentence speaks of the future ("will", "scheduled"). Without a document date
/// the unknown parts stay `X` ("XXXX-10", "XXXX-WXX-2").
public struct RuleBasedTimeTagger: TimeTagger {
    /// The lexicon with the calendar words.
    public let gazetteer: Gazetteer

    /// Creates a tagger over `gazetteer`.
    public init(gazetteer: Gazetteer = .bundled) {
        self.gazetteer = gazetteer
    }

    /// The time expressions of every sentence, in text order.
    public func times(in text: AnalyzedText) -> [TimeExpression] {
        var result: [TimeExpression] = []
        for (index, range) in text.sentenceTokenRanges.enumerated() {
            let earlierDate = result.last { $0.type == .date && TimexValue.hasKnownYear($0.value) }?.value
            var finder = SentenceTimeFinder(text: text, gazetteer: gazetteer, range: range, sentence: index, earlierDate: earlierDate)
            finder.find(into: &result)
        }
        return result
    }
}
