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

    /// Lemmas of known words, keyed by `key(lowercased:tag:)`: the number of each lemma's text.
    private let exceptionTable: HashedKeyTable<UInt32>
    /// Rules keyed by `key(lowercased:tag:)` of a word ending: how many bytes the rule strips (upper
    /// 8 bits) and the number of the text it appends.
    private let ruleTable: HashedKeyTable<UInt32>
    /// The exceptions' lemmas and the rules' appended endings, end to end.
    private let textBytes: [UInt8]
    /// Where each text of `textBytes` ends; text `i` starts where text `i - 1` ends.
    private let textEnds: [UInt32]

    /// A lemmatizer with learned exceptions and rules.
    package init(exceptions: [UInt64: String], rules: [UInt64: SuffixRule]) {
        let exceptions = exceptions.sorted { $0.key < $1.key }, rules = rules.sorted { $0.key < $1.key }
        var texts: (bytes: [UInt8], ends: [UInt32]) = ([], [])
        for text in exceptions.map(\.value) + rules.map(\.value.append) {
            texts.bytes += text.utf8
            texts.ends.append(UInt32(texts.bytes.count))
        }
        // Training keeps a rule's strip under 256 bytes; the keys come sorted from distinct dictionary keys.
        try! self.init(exceptionKeys: exceptions.map(\.key), ruleKeys: rules.map(\.key), strips: rules.map { UInt8($0.value.strip) }, texts: texts)
    }

    /// A lemmatizer read from a model file: exception keys with their lemmas, rule keys with the
    /// bytes each rule strips and what it appends, as `texts` holds them (`texts.ends[i]` is where
    /// text `i` ends in `texts.bytes`: the exceptions' lemmas, then the rules' endings).
    package init(exceptionKeys: [UInt64], ruleKeys: [UInt64], strips: [UInt8], texts: (bytes: [UInt8], ends: [UInt32])) throws {
        let firstRule = UInt32(exceptionKeys.count)
        guard strips.count == ruleKeys.count, texts.ends.count == exceptionKeys.count + ruleKeys.count, texts.ends.count < 1 << 24,
              zip(texts.ends, texts.ends.dropFirst()).allSatisfy({ $0 <= $1 }), (texts.ends.last ?? 0) <= texts.bytes.count,
              let exceptionTable = HashedKeyTable(sortedKeys: exceptionKeys, values: 0..<firstRule),
              let ruleTable = HashedKeyTable(sortedKeys: ruleKeys, values: strips.indices.map { UInt32(strips[$0]) << 24 | (firstRule + UInt32($0)) })
        else {
            throw BinaryModelReader.Failure.malformed("lemmatizer")
        }
        self.exceptionTable = exceptionTable
        self.ruleTable = ruleTable
        textBytes = texts.bytes
        textEnds = texts.ends
    }

    /// The text numbered `index`, as bytes.
    private func text(_ index: UInt32) -> ArraySlice<UInt8> {
        let index = Int(index & 0xFF_FFFF)
        return textBytes[(index == 0 ? 0 : Int(textEnds[index - 1]))..<Int(textEnds[index])]
    }

    /// The number of learned exceptions.
    package var exceptionCount: Int { exceptionTable.count }
    /// The number of ending rules.
    package var ruleCount: Int { ruleTable.count }

    /// Lemmas of known words, keyed by `key(lowercased:tag:)`.
    package var exceptions: [UInt64: String] {
        Dictionary(uniqueKeysWithValues: exceptionTable.sortedPairs.map { ($0.key, String(decoding: text($0.value), as: UTF8.self)) })
    }

    /// Rules keyed by `key(lowercased:tag:)` of a word ending.
    package var rules: [UInt64: SuffixRule] {
        Dictionary(uniqueKeysWithValues: ruleTable.sortedPairs.map {
            ($0.key, SuffixRule(strip: Int($0.value >> 24), append: String(decoding: text($0.value), as: UTF8.self)))
        })
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
            if let known = exceptionTable[Self.key(lowercased: Self.lowercased(form), tag: tag)] { return String(decoding: text(known), as: UTF8.self) }
            return String(decoding: form, as: UTF8.self)
        default:
            break
        }
        let lower = Self.lowercased(form)
        if let known = exceptionTable[Self.key(lowercased: lower, tag: tag)] { return String(decoding: text(known), as: UTF8.self) }
        for length in stride(from: min(Self.longestSuffix, lower.count), through: 0, by: -1) {
            guard let rule = ruleTable[Self.key(lowercased: lower[(lower.count - length)...], tag: tag)] else { continue }
            let strip = Int(rule >> 24)
            guard strip < lower.count else { break }
            return String(decoding: lower[..<(lower.count - strip)] + text(rule), as: UTF8.self)
        }
        return String(decoding: lower, as: UTF8.self)
    }
}
