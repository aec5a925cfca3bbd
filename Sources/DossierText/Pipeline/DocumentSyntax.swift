import DossierCore

/// The syntax of one sentence of a document: its parse, and where each word lies in the text.
public struct SentenceSyntax: Sendable {
    /// The sentence.
    public let sentence: Sentence
    /// Its parse.
    public let parse: SentenceParse
    /// Each word's code-point span in the document's text.
    public let spans: [TextSpan]
}

extension Pipeline {
    /// The parse of every sentence of `document`, as the relation extractor reads it: the names
    /// the entity recognizer found are proper nouns.
    public func syntax(of document: Document) -> [SentenceSyntax] {
        let text = analyze(document)
        let names = mentions(in: text, times: tagger.times(in: text)).map(\.span)
        var result: [SentenceSyntax] = []
        var nameCursor = 0
        for (index, range) in text.sentenceTokenRanges.enumerated() where !range.isEmpty {
            let sentence = text.sentences[index]
            while nameCursor < names.count && names[nameCursor].end <= sentence.span.start { nameCursor += 1 }
            var nameEnd = nameCursor
            while nameEnd < names.count && names[nameEnd].start < sentence.span.end { nameEnd += 1 }
            let words = SyntacticWords(text: text, tokens: range, names: Array(names[nameCursor..<nameEnd]))
            let parse = parser.parse(words.words, knownTags: words.knownTags)
            let spans = zip(words.words.ranges, words.tokenOfWord).map { wordBytes, tokenIndex in
                let token = text.tokens[tokenIndex]
                // A word split from a token starts as many code points in as there are scalar starts before it.
                let before = text.bytes[token.bytes.lowerBound..<wordBytes.lowerBound].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                let length = text.bytes[wordBytes].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                return TextSpan(start: token.span.start + before, end: token.span.start + before + length)
            }
            result.append(SentenceSyntax(sentence: sentence, parse: parse, spans: spans))
        }
        return result
    }
}

extension CoNLLUWriter {
    /// A document's sentences as CoNLL-U: `# newdoc id`, then for each sentence `# sent_id` (the
    /// document's id and the sentence's number) and `# text`, and each word's code-point span in
    /// MISC as `TokenRange=start:end`, with `SpaceAfter=No` where no space follows it.
    public static func document(id: String, text: String, sentences: [SentenceSyntax]) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = ""
        for (position, syntax) in sentences.enumerated() {
            var comments: [(key: String, value: String)] = []
            if position == 0 { comments.append(("newdoc id", id)) }
            comments.append(("sent_id", "\(id)-\(syntax.sentence.index + 1)"))
            let span = syntax.sentence.span
            comments.append(("text", String(String.UnicodeScalarView(scalars[max(0, span.start)..<min(scalars.count, span.end)]))))
            let misc = syntax.spans.enumerated().map { index, wordSpan in
                let next = index + 1 < syntax.spans.count ? syntax.spans[index + 1].start : span.end
                let spaceAfter = next > wordSpan.end || index + 1 == syntax.spans.count
                return "TokenRange=\(wordSpan.start):\(wordSpan.end)" + (spaceAfter ? "" : "|SpaceAfter=No")
            }
            output += sentence(syntax.parse, comments: comments, misc: misc)
        }
        return output
    }
}
