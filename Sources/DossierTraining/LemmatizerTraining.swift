import DossierText

/// Learns the lemmatizer from a treebank's (form, tag, lemma) triples: for every word ending and
/// tag, the most common rewrite of the ending into the lemma's; the words those rules get wrong
/// are kept as exceptions.
package struct LemmatizerTraining {
    /// Default settings.
    package init() {}

    /// A lemmatizer learned from `sentences`.
    package func train(_ sentences: [TreebankSentence]) -> Lemmatizer {
        // The most frequent lemma of each (lower-cased form, tag).
        struct Pair: Hashable { var form: [UInt8]; var tag: PartOfSpeech }
        var lemmaCounts: [Pair: [String: Int]] = [:]
        for sentence in sentences {
            for index in 0..<sentence.count where sentence.lemmas[index] != "_" {
                let pair = Pair(form: Lemmatizer.lowercased(Array(sentence.forms[index].utf8)), tag: sentence.tags[index])
                lemmaCounts[pair, default: [:]][sentence.lemmas[index], default: 0] += 1
            }
        }
        let lemmas: [(pair: Pair, lemma: String)] = lemmaCounts.map { pair, counts in
            (pair, counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key)
        }.sorted { ($0.pair.form.lexicographicallyPrecedes($1.pair.form)) || ($0.pair.form == $1.pair.form && $0.pair.tag.rawValue < $1.pair.tag.rawValue) }

        // Rule counts per (ending, tag), over word types.
        var ruleCounts: [UInt64: [Lemmatizer.SuffixRule: Int]] = [:]
        for (pair, lemma) in lemmas {
            guard let rule = Self.rule(from: pair.form, to: lemma) else { continue }
            for length in 0...min(Lemmatizer.longestSuffix, pair.form.count) {
                let key = Lemmatizer.key(lowercased: pair.form[(pair.form.count - length)...], tag: pair.tag)
                ruleCounts[key, default: [:]][rule, default: 0] += 1
            }
        }
        var rules: [UInt64: Lemmatizer.SuffixRule] = [:]
        for (key, counts) in ruleCounts {
            rules[key] = counts.max { $0.value != $1.value ? $0.value < $1.value : ($0.key.strip, $0.key.append) > ($1.key.strip, $1.key.append) }!.key
        }
        // The rules alone, then the words they get wrong.
        let withoutExceptions = Lemmatizer(exceptions: [:], rules: rules)
        var exceptions: [UInt64: String] = [:]
        for (pair, lemma) in lemmas where withoutExceptions.lemma(of: pair.form[...], tag: pair.tag) != lemma {
            exceptions[Lemmatizer.key(lowercased: pair.form, tag: pair.tag)] = lemma
        }
        return Lemmatizer(exceptions: exceptions, rules: rules)
    }

    /// The rewrite of `form`'s end that gives `lemma`, when the lemma is the lower-cased form with
    /// another ending.
    static func rule(from form: [UInt8], to lemma: String) -> Lemmatizer.SuffixRule? {
        let target = Array(lemma.utf8)
        var common = 0
        while common < form.count, common < target.count, form[common] == target[common] { common += 1 }
        let strip = form.count - common
        guard strip <= 255 else { return nil }
        return Lemmatizer.SuffixRule(strip: strip, append: String(decoding: target[common...], as: UTF8.self))
    }
}
