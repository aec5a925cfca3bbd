import DossierCore

/// A document read into tokens and sentences: what every extractor works on.
public struct AnalyzedText: Sendable {
    /// The document.
    public let document: Document
    /// The document's text as UTF-8 bytes.
    public let bytes: [UInt8]
    /// The tokens, in order.
    public let tokens: [Token]
    /// Each token's identifier in the gazetteer's vocabulary (`Vocabulary.unknown` when not known).
    public let words: [Int32]
    /// The sentences, in order.
    public let sentences: [Sentence]
    /// Each sentence's token indices.
    public let sentenceTokenRanges: [Range<Int>]
    /// The index of the sentence each token is in.
    public let sentenceOfToken: [Int32]

    /// Reads `document` with the gazetteer's tokenizer and the splitter.
    public init(document: Document, gazetteer: Gazetteer = .bundled, splitter: SentenceSplitter? = nil) {
        self.document = document
        let bytes = Array(document.text.utf8)
        self.bytes = bytes
        let (tokens, words) = bytes.withUnsafeBufferPointer { buffer in
            let tokens = gazetteer.tokenizer.tokens(in: buffer)
            return (tokens, gazetteer.wordIDs(of: tokens, in: buffer))
        }
        self.tokens = tokens
        self.words = words
        let splitter = splitter ?? SentenceSplitter(gazetteer: gazetteer)
        let ranges = splitter.sentenceRanges(of: tokens, words: words)
        sentenceTokenRanges = ranges
        sentences = splitter.sentences(of: tokens, ranges: ranges)
        var sentenceOfToken = [Int32](repeating: 0, count: tokens.count)
        for (position, range) in ranges.enumerated() {
            for index in range { sentenceOfToken[index] = Int32(position) }
        }
        self.sentenceOfToken = sentenceOfToken
    }

    /// The text of tokens `range`, from the first token's start to the last token's end.
    public func text(ofTokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let byteRange = tokens[range.lowerBound].bytes.lowerBound..<tokens[range.upperBound - 1].bytes.upperBound
        return String(decoding: bytes[byteRange], as: UTF8.self)
    }

    /// The text of one token.
    public func text(ofToken index: Int) -> String { String(decoding: bytes[tokens[index].bytes], as: UTF8.self) }

    /// The code-point span of tokens `range`.
    public func span(ofTokens range: Range<Int>) -> TextSpan {
        TextSpan(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end)
    }

    /// Whether the token's text is exactly `text` (case-sensitive, ASCII).
    public func token(_ index: Int, is text: StaticString) -> Bool {
        let range = tokens[index].bytes
        guard range.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { expected in
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
            return true
        }
    }
}
