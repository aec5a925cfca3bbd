import DossierCore

/// Splits a token sequence into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when
/// the next token could start a sentence; never after titles and initials ("Mr.", "J."), and after
/// initialisms such as "U.S." only before a function word or a line break. A blank line always
/// ends a sentence, and so does a line break after a short line without final punctuation
/// (a headline).
public struct SentenceSplitter: Sendable {
    /// The lexicon that knows function words.
    public let gazetteer: Gazetteer
    /// The most tokens a line may have and still count as a headline when it lacks final punctuation.
    public var headlineTokenLimit = 16

    /// Creates a splitter using `gazetteer`'s function words.
    public init(gazetteer: Gazetteer = .bundled) {
        self.gazetteer = gazetteer
    }

    /// The token ranges of the sentences, in order; `words` are the tokens' lexicon identifiers.
    public func sentenceRanges(of tokens: [Token], words: [Int32]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var lineStart = 0
        var index = 0
        func close(at end: Int) {
            if end > start { ranges.append(start..<end) }
            start = end
        }
        while index < tokens.count {
            let token = tokens[index]
            if index > start, token.newlinesBefore > 0 {
                if token.newlinesBefore >= 2 || isHeadlineBreak(tokens, lineStart: lineStart, next: index) {
                    close(at: index)
                }
            }
            if token.newlinesBefore > 0 { lineStart = index }
            guard isSentenceEnd(token) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < tokens.count, tokens[end].newlinesBefore == 0,
                  tokens[end].shape.contains(.closing) || tokens[end].shape.contains(.terminal) {
                end += 1
            }
            if end >= tokens.count || startsSentence(tokens, words: words, at: end, after: token) {
                close(at: end)
            }
            index = end
        }
        close(at: tokens.count)
        return ranges
    }

    /// The sentences of a text whose tokens and token ranges are given.
    public func sentences(of tokens: [Token], ranges: [Range<Int>]) -> [Sentence] {
        ranges.enumerated().map { position, range in
            Sentence(index: position, span: TextSpan(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end))
        }
    }

    private func isSentenceEnd(_ token: Token) -> Bool {
        if token.shape.contains(.terminal) { return true }
        return token.shape.contains(.abbreviation) && token.shape.contains(.mayEndSentence)
    }

    private func startsSentence(_ tokens: [Token], words: [Int32], at index: Int, after end: Token) -> Bool {
        let next = tokens[index]
        if next.newlinesBefore > 0 { return true }
        let plainEnd = end.shape.contains(.terminal)
        if !plainEnd {
            // "U.S.", "Inc.": only before a word that typically starts a sentence.
            return next.isCapitalizedWord && gazetteer.features(words[index]).contains(.functionWord)
        }
        if next.kind == .number { return true }
        if next.shape.contains(.opening) { return true }
        if next.kind == .word { return next.shape.contains(.capitalized) || !next.shape.contains(.lowercase) && !next.shape.contains(.possessive) }
        return next.kind == .symbol
    }

    private func isHeadlineBreak(_ tokens: [Token], lineStart: Int, next: Int) -> Bool {
        let last = tokens[next - 1]
        if last.shape.contains(.terminal) { return true }
        guard next - lineStart <= headlineTokenLimit else { return false }
        if last.kind == .punctuation, !last.shape.contains(.closing) { return false }  // "," ";" ":" continue
        let first = tokens[next]
        return first.shape.contains(.capitalized) || first.kind == .number || first.shape.contains(.opening)
    }
}
