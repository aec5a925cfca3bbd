/// A greedy left-to-right part-of-speech tagger: an averaged perceptron over `TaggerFeatures`,
/// with a dictionary of frequent words that always take one tag.
///
/// It chooses between joint tags, a universal part of speech with the treebank's finer tag
/// ("VERB"/"VBD", "VERB"/"VBN"): the finer tags tell the parser more (a past participle from a
/// past tense), and the universal one is read off the joint tag.
package struct PartOfSpeechTagger: Sendable {
    /// One tag the tagger chooses between.
    package struct Tag: Hashable, Sendable {
        /// The universal part of speech.
        package var universal: PartOfSpeech
        /// The treebank's language-specific tag (Penn Treebank tags for English: "VBD", "NNP").
        package var treebank: String

        /// A joint tag.
        package init(universal: PartOfSpeech, treebank: String) {
            self.universal = universal
            self.treebank = treebank
        }
    }

    /// The tags, in class order: by universal part of speech, the commonest joint tag of each first.
    package let tagSet: [Tag]
    package let weights: PerceptronWeights
    /// Frequent words (by `WordKeys.form`) seen with one tag only in training, and that tag's class.
    package let tagDictionary: HashedKeyTable<UInt8>
    /// Each word seen in training (by `WordKeys.form`) and a key of the set of tags it was seen with.
    package let ambiguityClasses: HashedKeyTable<UInt64>

    /// A tagger with trained weights, a tag dictionary and ambiguity classes.
    package init(tagSet: [Tag], weights: PerceptronWeights, tagDictionary: HashedKeyTable<UInt8>, ambiguityClasses: HashedKeyTable<UInt64>) {
        precondition(weights.classCount == tagSet.count && tagSet.count < 255)
        self.tagSet = tagSet
        self.weights = weights
        self.tagDictionary = tagDictionary
        self.ambiguityClasses = ambiguityClasses
    }

    /// A tagger with trained weights, a tag dictionary and ambiguity classes.
    package init(tagSet: [Tag], weights: PerceptronWeights, tagDictionary: [UInt64: UInt8], ambiguityClasses: [UInt64: UInt64]) {
        self.init(tagSet: tagSet, weights: weights, tagDictionary: HashedKeyTable(tagDictionary), ambiguityClasses: HashedKeyTable(ambiguityClasses))
    }

    /// The universal part of speech of each word of `sentence`.
    package func tags(of sentence: SentenceWords) -> [PartOfSpeech] {
        classes(of: WordKeys.of(sentence)).map { tagSet[Int($0)].universal }
    }

    /// The ambiguity-class key of each word (0 for words not seen in training).
    package func ambiguity(of words: [WordKeys]) -> [UInt64] {
        words.map { ambiguityClasses[$0.form] ?? 0 }
    }

    /// The first tag class of each universal part of speech in the tag set, which training makes
    /// its commonest ("NNP" for proper nouns).
    private var classOfUniversal: [UInt8] {
        PartOfSpeech.allCases.map { universal in UInt8(tagSet.firstIndex { $0.universal == universal } ?? 0) }
    }

    /// The tag class of each word; a word whose universal tag is known (`known[i]`) takes that
    /// tag's commonest class.
    package func classes(of words: [WordKeys], known: [PartOfSpeech?] = []) -> [UInt8] {
        let fixed = known.isEmpty ? [] : classOfUniversal
        var tags: [UInt8] = []
        tags.reserveCapacity(words.count)
        let classCount = tagSet.count
        let ambiguity = ambiguity(of: words)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: TaggerFeatures.count) { keys in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: classCount) { scores in
                words.withUnsafeBufferPointer { words in
                    ambiguity.withUnsafeBufferPointer { ambiguity in
                        for index in 0..<words.count {
                            if index < known.count, let tag = known[index] {
                                tags.append(fixed[Int(tag.rawValue)])
                                continue
                            }
                            if let known = tagDictionary[words[index].form] {
                                tags.append(known)
                                continue
                            }
                            let previous = index > 0 ? UInt64(tags[index - 1]) + 1 : 0
                            let beforePrevious = index > 1 ? UInt64(tags[index - 2]) + 1 : 0
                            TaggerFeatures.fill(keys.baseAddress!, words: words, ambiguity: ambiguity, at: index,
                                                previous: previous, beforePrevious: beforePrevious)
                            scores.initialize(repeating: 0)
                            weights.addWeights(of: UnsafeBufferPointer(keys), to: scores.baseAddress!)
                            var best = 0
                            for label in 1..<classCount where scores[label] > scores[best] { best = label }
                            tags.append(UInt8(best))
                        }
                    }
                }
            }
        }
        return tags
    }
}
