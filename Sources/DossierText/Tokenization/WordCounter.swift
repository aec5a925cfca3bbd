/// Counts the words of a text, as the documents table reports them.
package enum WordCounter {
    /// The number of word and number tokens in `text` (possessive endings and punctuation not counted).
    package static func count(in text: String) -> Int {
        Tokenizer.standard.tokens(in: text).reduce(0) { count, token in
            switch token.kind {
            case .word: count + (token.shape.contains(.possessive) ? 0 : 1)
            case .number: count + 1
            case .punctuation, .symbol: count
            }
        }
    }
}
