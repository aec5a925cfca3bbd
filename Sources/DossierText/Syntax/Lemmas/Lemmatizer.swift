/// Finds the dictionary form of a word given its part of speech ("visited"/VERB → "visit",
/// "talks"/NOUN → "talk", "was"/AUX → "be").
///
/// Learned from a treebank: the words seen there keep the lemma they had most often; other words
/// take the suffix rule ("strip 'ied', add 'y'") that most words with the same ending and tag
/// followed, trying the longest ending first.
package struct Lemmatizer: Sendable {
    /// A rewrite of a word's end: drop `strip` bytes, append `append`.
    package struct SuffixRule: Hashable, Sendable {
        /// How many bytes to drop from the end of the lower-cased word.
        package var strip: Int
        /// What to append.
        package var append: String

        /// A rule.
        package init(strip: Int, append: String) {
            self.strip = strip
            self.append = append
        }
    }

    /// The longest word ending the rules look at, in bytes.
    package static let longestSuffix = 5

    /// Lemmas of known words, keyed by `key(lowercased:tag:)`.
    package let exceptions: [UInt64: String]
    /// Rules keyed by `key(lowercased:tag:)` of a word ending.
    package let rules: [UInt64: SuffixRule]

    /// A lemmatizer with learned exceptions and rules.
    package init(exceptions: [UInt64: String], rules: [UInt64: SuffixRule]) {
        self.exceptions = exceptions
        self.rules = rules
    }

    /// The key of a lower-cased word or ending with a tag.
    package static func key(lowercased bytes: some Collection<UInt8>, tag: PartOfSpeech) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (UInt64(tag.rawValue) &* 0x9E37_79B9_7F4A_7C15)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// ASCII lower case of `bytes`, other bytes as they are.
    package static func lowercased(_ bytes: some Collection<UInt8>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// The lemma of the word `form` tagged `tag`.
    package func lemma(of form: String, tag: PartOfSpeech) -> String {
        lemma(of: Array(form.utf8)[...], tag: tag)
    }

    /// The lemma of the word whose UTF-8 bytes are `form`.
    package func lemma(of form: ArraySlice<UInt8>, tag: PartOfSpeech) -> String {
        switch tag {
        case .properNoun, .punctuation, .symbol, .numeral:
            if let known = exceptions[Self.key(lowercased: Self.lowercased(form), tag: tag)] { return known }
            return String(decoding: form, as: UTF8.self)
        default:
            break
        }
        let lower = Self.lowercased(form)
        if let known = exceptions[Self.key(lowercased: lower, tag: tag)] { return known }
        for length in stride(from: min(Self.longestSuffix, lower.count), through: 0, by: -1) {
            guard let rule = rules[Self.key(lowercased: lower[(lower.count - length)...], tag: tag)] else { continue }
            guard rule.strip < lower.count else { break }
            return String(decoding: lower[..<(lower.count - rule.strip)], as: UTF8.self) + rule.append
        }
        return String(decoding: lower, as: UTF8.self)
    }
}
