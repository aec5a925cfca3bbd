import DossierCore

/// The words a Universal Dependencies parser reads, made from Dossier's tokens: hyphenated words
/// are split at their hyphens ("al-Assad" → "al" "-" "Assad", as UD English does, but "pre-war" and
/// "e-mail" stay whole) and contractions before their clitic ("don't" → "do" "n't", "I'm" → "I" "'m").
package struct SyntacticWords: Sendable {
    /// The words, with byte ranges into the document's text.
    package let words: SentenceWords
    /// The token each word comes from.
    package let tokenOfWord: [Int]
    /// The part of speech known for each word: a proper noun for a capitalised word of a name.
    package let knownTags: [PartOfSpeech?]

    /// The words of the tokens `range` of `text`. Capitalised words inside `names` (code-point
    /// spans, in text order) are known to be proper nouns: the parser then reads "the Grateful
    /// Dead" as the name the entity recognizer found, not as adjectives.
    package init(text: AnalyzedText, tokens range: Range<Int>, names: [TextSpan] = []) {
        var ranges: [Range<Int>] = []
        var tokenOfWord: [Int] = []
        var knownTags: [PartOfSpeech?] = []
        ranges.reserveCapacity(range.count + 4)
        tokenOfWord.reserveCapacity(range.count + 4)
        var nameCursor = 0
        text.bytes.withUnsafeBufferPointer { bytes in
            for index in range {
                let token = text.tokens[index]
                while nameCursor < names.count && names[nameCursor].end <= token.span.start { nameCursor += 1 }
                let inName = nameCursor < names.count && names[nameCursor].start <= token.span.start && token.isCapitalizedWord
                let start = ranges.count
                if token.kind == .word && token.shape.contains(.hyphenated) {
                    Self.splitHyphens(token.bytes, in: bytes, into: &ranges)
                } else {
                    ranges.append(token.bytes)
                }
                if token.kind == .word, let last = ranges.last, let clitic = Self.cliticStart(last, in: bytes) {
                    ranges[ranges.count - 1] = last.lowerBound..<clitic
                    ranges.append(clitic..<last.upperBound)
                }
                for _ in start..<ranges.count {
                    tokenOfWord.append(index)
                    knownTags.append(inName && ranges.count - start == 1 ? .properNoun : nil)
                }
            }
        }
        words = SentenceWords(bytes: text.bytes, ranges: ranges)
        self.tokenOfWord = tokenOfWord
        self.knownTags = knownTags
    }

    /// First parts that keep a hyphenated word whole, as UD English EWT keeps them.
    static let keptPrefixes: Set<[UInt8]> = Set(["e", "pre", "non", "co", "re", "post", "semi", "pro", "anti", "multi", "ex",
                                                 "self", "mid", "inter", "sub", "over", "under", "counter", "cross"].map { Array($0.utf8) })

    private static func splitHyphens(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]) {
        // Hyphens: ASCII '-', and U+2010/U+2011 (E2 80 90/91).
        var parts: [Range<Int>] = []
        var hyphens: [Range<Int>] = []
        var partStart = range.lowerBound, index = range.lowerBound
        while index < range.upperBound {
            var length = 0
            if bytes[index] == 0x2D { length = 1 } else if index + 2 < range.upperBound, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
                                                            bytes[index + 2] == 0x90 || bytes[index + 2] == 0x91 { length = 3 }
            if length > 0 {
                parts.append(partStart..<index)
                hyphens.append(index..<(index + length))
                index += length
                partStart = index
            } else {
                index += 1
            }
        }
        parts.append(partStart..<range.upperBound)
        let first = parts[0].map { bytes[$0] | (bytes[$0] >= 0x41 && bytes[$0] <= 0x5A ? 0x20 : 0) }
        guard parts.count > 1, !keptPrefixes.contains(first) else {
            ranges.append(range)
            return
        }
        for (offset, part) in parts.enumerated() {
            if offset > 0 { ranges.append(hyphens[offset - 1]) }
            ranges.append(part)
        }
    }

    /// Where a contraction's clitic starts in a word: "n't", "'m", "'re", "'ve", "'ll", "'d"
    /// (straight or curly apostrophe); nil for other words.
    static func cliticStart(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // The apostrophe's start and length, searching from the end.
        var apostrophe = -1, apostropheLength = 0
        var index = range.upperBound - 1
        while index > range.lowerBound {
            if bytes[index] == 0x27 { apostrophe = index; apostropheLength = 1; break }
            if index + 2 < range.upperBound, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                apostrophe = index; apostropheLength = 3; break
            }
            index -= 1
        }
        guard apostrophe > range.lowerBound else { return nil }
        let after = (apostrophe + apostropheLength)..<range.upperBound
        let lowered = after.map { bytes[$0] | 0x20 }
        if lowered == [UInt8(ascii: "t")], bytes[apostrophe - 1] | 0x20 == UInt8(ascii: "n"), apostrophe - 1 > range.lowerBound {
            return apostrophe - 1
        }
        let clitics: [[UInt8]] = [Array("m".utf8), Array("re".utf8), Array("ve".utf8), Array("ll".utf8), Array("d".utf8)]
        return clitics.contains(lowered) ? apostrophe : nil
    }
}
