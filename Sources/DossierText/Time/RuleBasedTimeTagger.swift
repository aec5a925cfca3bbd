import DossierCore

/// Tags TIMEX3 expressions with rules over tokens, one sentence at a time: explicit dates ("July 25",
/// "January 4, 2019", "2023-07-25"), months, years, decades ("the 1990s" → `199`), weekdays, "today",
/// "last/this/next year|month|week|quarter", quarters ("the third quarter" → `2023-Q3`), seasons
/// (`2023-SU`), halves, fiscal years, holidays, clock times ("10 a.m." → `T10:00`), references ("now" →
/// `PRESENT_REF`), durations ("the past three years" → `P3Y`), sets ("every week" → `P1W`), dates
/// counted from the document date ("two years ago") and from the date last named ("that year").
///
/// Extents follow TimeML: "in October" tags "October"; "the last week" and "late November" keep their
/// determiner and modifier. Values are normalised against `Document.date`; a month or weekday without
/// a year is read as past or future by the tense around it ("issued in March", "will visit in October"),
/// else as the nearest. Without a document date the unknown parts stay `X` ("XXXX-10", "XXXX-WXX-2").
/// Every DATE whose value is fully known carries its half-open range.
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
