/// Word arithmetic for Tab completion.
public enum Completion {
    /// The characters that can make up a completable word: names, dot-commands, entity literals
    /// (`@putin`, `@"Xi`).
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "." || character == "@" || character == "-"
            || character == "\""
    }

    /// The word being typed at the end of `text`: what a completion replaces. The editor and the
    /// provider of candidates both use this one definition.
    public static func lastWord(of text: String) -> String {
        String(text.reversed().prefix(while: isWordCharacter).reversed())
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
