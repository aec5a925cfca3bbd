extension AnalyzedText {
    /// Whether token `index` is written as a time-zone abbreviation: three capitals ending in "T" or
    /// "C" ("EST", "GMT", "UTC"), or, with `twoLetters`, also two ending in "T" ("ET", "PT"), which
    /// only a clock time before it makes a zone. The time tagger and the entity recognizer both ask.
    func isTimeZoneAbbreviation(_ index: Int, twoLetters: Bool = false) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.shape.contains(.allCaps), token.bytes.count == 3 || (twoLetters && token.bytes.count == 2) else {
            return false
        }
        let last = bytes[token.bytes.upperBound - 1] | 0x20
        return last == UInt8(ascii: "t") || (token.bytes.count == 3 && last == UInt8(ascii: "c"))
    }
}
