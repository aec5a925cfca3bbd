/// Reads a long form written in lower case before its acronym in parentheses ("the federal mining
/// authority (FMA)"): the words whose initials spell the acronym, connectors ("of", "and") skipped.
enum AcronymDefinition {
    /// The token range of the long form ending right before `open` (the index of "("), if its
    /// initials spell the acronym at `open + 1` and it has a word in lower case.
    static func longForm(before open: Int, in text: AnalyzedText, bytes: UnsafeBufferPointer<UInt8>, gazetteer: Gazetteer,
                         lowerBound: Int) -> Range<Int>? {
        let acronym = text.tokens[open + 1].bytes
        guard (2...6).contains(acronym.count) else { return nil }
        var letter = acronym.upperBound - 1
        var start = open
        var hasLowercase = false
        while letter >= acronym.lowerBound {
            let index = start - 1
            guard index >= lowerBound, text.tokens[index].kind == .word else { return nil }
            let first = bytes[text.tokens[index].bytes.lowerBound] | 0x20  // ASCII lower case
            if first == bytes[letter] | 0x20 {
                letter -= 1
            } else if !gazetteer.features(text.words[index]).contains(.connector) {
                return nil
            }
            if text.tokens[index].shape.contains(.lowercase) { hasLowercase = true }
            start = index
        }
        return hasLowercase ? start..<open : nil
    }

    /// The long form with its words capitalised, connectors kept in lower case ("Federal Mining Authority").
    static func canonical(_ tokens: Range<Int>, in text: AnalyzedText, gazetteer: Gazetteer) -> String {
        tokens.map { index in
            let word = text.text(ofToken: index)
            return gazetteer.features(text.words[index]).contains(.connector) ? word : word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}
