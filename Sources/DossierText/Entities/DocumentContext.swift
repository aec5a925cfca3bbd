/// What a recognizer knows about a whole document before it reads its sentences.
struct DocumentContext {
    /// Whether the document reads like a sports report: its first sentences name a sport, or
    /// several of its lines look like results ("Leicestershire 5 Somerset 2"). There a city or
    /// region written alone usually names a team.
    let isSportsReport: Bool

    init(text: AnalyzedText, gazetteer: Gazetteer) {
        var namesSport = false
        for range in text.sentenceTokenRanges.prefix(2) {
            for index in range where text.tokens[index].kind == .word && gazetteer.features(text.words[index]).contains(.sport) {
                namesSport = true
            }
        }
        var resultLines = 0
        if !namesSport {
            for range in text.sentenceTokenRanges where DocumentContext.looksLikeResult(range, in: text) {
                resultLines += 1
                if resultLines >= 3 { break }
            }
        }
        isSportsReport = namesSport || resultLines >= 3
    }

    /// "Leicestershire 5 Somerset 2" (a capitalised word then a number, twice) or a standings row
    /// "Puchon 3 1 0 6 1 10" (a capitalised word then four numbers or more).
    private static func looksLikeResult(_ range: Range<Int>, in text: AnalyzedText) -> Bool {
        var pairs = 0, numbers = 0
        for index in range {
            if text.tokens[index].kind == .number { numbers += 1 }
            if index + 1 < range.upperBound, text.tokens[index].isCapitalizedWord, text.tokens[index + 1].kind == .number { pairs += 1 }
        }
        return pairs >= 2 || pairs == 1 && numbers >= 4 && numbers * 2 >= range.count
    }
}
