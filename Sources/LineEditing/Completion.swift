/// What Tab offers for the text before the cursor: the text at its end that a candidate replaces,
/// and the candidates.
public struct CompletionMatches: Hashable, Sendable {
    /// The text at the end of the line that a candidate replaces (`@"Donald T`, `~/new`, `pers`).
    public var word: String
    /// What may replace it.
    public var candidates: [String]

    /// Creates matches.
    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }
}

/// Word arithmetic for Tab completion.
public enum Completion {
    /// The characters that can make up a completable word: names, dot-commands, entity literals
    /// (`@putin`, `@"Xi`), parameters (`$who`).
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "." || character == "@" || character == "-"
            || character == "\"" || character == "$"
    }

    /// The word being typed at the end of `text`: an entity literal whose quote is still open
    /// (`@"Donald T`, spaces included), else the run of word characters at the end.
    public static func lastWord(of text: String) -> String {
        if let open = text.ranges(of: "@\"").last, !text[open.upperBound...].contains("\"") {
            return String(text[open.lowerBound...])
        }
        return String(text.reversed().prefix(while: isWordCharacter).reversed())
    }

    /// The path being typed at the end of `text`: the text after its last space.
    public static func lastPath(of text: String) -> String {
        String(text.reversed().prefix { $0 != " " && $0 != "\t" }.reversed())
    }

    /// The longest prefix all `words` share.
    public static func commonPrefix(of words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
