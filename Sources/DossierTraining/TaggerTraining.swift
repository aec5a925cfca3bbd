import DossierText

/// Trains the part-of-speech tagger: greedy averaged-perceptron training over shuffled sentences
/// (Honnibal's design for a fast tagger), over joint universal and treebank tags, with a tag
/// dictionary of frequent unambiguous words and each known word's ambiguity class.
package struct TaggerTraining {
    /// Passes over the training sentences.
    package var iterations = 10
    /// The seed of the sentence shuffles.
    package var seed: UInt64 = 1
    /// A word joins the tag dictionary when seen at least this often…
    package var dictionaryMinimumCount = 20
    /// …and with one tag at least this share of the time.
    package var dictionaryMinimumShare = 0.97
    /// A feature gets weights only if it occurs at least this often in the training words.
    package var minimumFeatureCount = 2
    /// A joint tag seen fewer times than this is folded into its universal tag's commonest one.
    package var minimumTagCount = 5

    /// Default settings.
    package init() {}

    /// The joint tags of `sentences` and each word's tag class in them.
    func tagSet(of sentences: [TreebankSentence]) -> (tags: [PartOfSpeechTagger.Tag], classes: [[UInt8]]) {
        var counts: [PartOfSpeechTagger.Tag: Int] = [:]
        for sentence in sentences {
            for (universal, treebank) in zip(sentence.tags, sentence.treebankTags) {
                counts[PartOfSpeechTagger.Tag(universal: universal, treebank: treebank), default: 0] += 1
            }
        }
        // Every universal tag keeps at least its commonest joint tag.
        var commonest: [PartOfSpeech: (tag: PartOfSpeechTagger.Tag, count: Int)] = [:]
        for (tag, count) in counts where count > (commonest[tag.universal]?.count ?? 0)
            || (count == commonest[tag.universal]?.count && tag.treebank < commonest[tag.universal]!.tag.treebank) {
            commonest[tag.universal] = (tag, count)
        }
        var kept = Set(counts.filter { $0.value >= minimumTagCount }.map(\.key))
        kept.formUnion(commonest.values.map(\.tag))
        for universal in PartOfSpeech.allCases where commonest[universal] == nil {
            kept.insert(PartOfSpeechTagger.Tag(universal: universal, treebank: "_"))
        }
        // Each universal tag's commonest joint tag first: a word known to be a proper noun takes it.
        let tags = kept.sorted {
            ($0.universal.rawValue, -(counts[$0] ?? 0), $0.treebank) < ($1.universal.rawValue, -(counts[$1] ?? 0), $1.treebank)
        }
        let index = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, UInt8($0)) })
        let fallback = Dictionary(uniqueKeysWithValues: PartOfSpeech.allCases.map { universal in
            (universal, index[commonest[universal]?.tag ?? PartOfSpeechTagger.Tag(universal: universal, treebank: "_")]!)
        })
        let classes = sentences.map { sentence in
            zip(sentence.tags, sentence.treebankTags).map { index[PartOfSpeechTagger.Tag(universal: $0, treebank: $1)] ?? fallback[$0]! }
        }
        return (tags, classes)
    }

    /// A tagger trained on `sentences`.
    package func train(_ sentences: [TreebankSentence], progress: (String) -> Void = { _ in }) -> PartOfSpeechTagger {
        let (tagSet, classes) = tagSet(of: sentences)
        let words = sentences.map { WordKeys.of($0.words) }
        let dictionary = tagDictionary(words: words, classes: classes, classCount: tagSet.count)
        let ambiguityClasses = ambiguityClasses(words: words, classes: classes)
        // The weights start empty; a tagger over them gives the training loop its ambiguity lookups.
        let lookup = PartOfSpeechTagger(tagSet: tagSet, weights: PerceptronWeights(classCount: tagSet.count, features: []),
                                        tagDictionary: dictionary, ambiguityClasses: ambiguityClasses)
        let ambiguity = words.map(lookup.ambiguity(of:))
        var model = AveragedPerceptron(classCount: tagSet.count, features: frequentFeatures(words: words, ambiguity: ambiguity, classes: classes,
                                                                                            dictionary: dictionary, progress: progress))
        var order = Array(words.indices)
        var generator = SeededGenerator(seed: seed)
        var features = [UInt64](repeating: 0, count: TaggerFeatures.count)
        var scores = [Float](repeating: 0, count: tagSet.count)
        for iteration in 1...iterations {
            var correct = 0, total = 0
            for sentenceIndex in order {
                let gold = classes[sentenceIndex]
                var guessed: [UInt8] = []
                guessed.reserveCapacity(gold.count)
                words[sentenceIndex].withUnsafeBufferPointer { words in
                    ambiguity[sentenceIndex].withUnsafeBufferPointer { ambiguity in
                        for index in 0..<words.count {
                            if let known = dictionary[words[index].form] {
                                guessed.append(known)
                                continue
                            }
                            let previous = index > 0 ? UInt64(guessed[index - 1]) + 1 : 0
                            let beforePrevious = index > 1 ? UInt64(guessed[index - 2]) + 1 : 0
                            features.withUnsafeMutableBufferPointer {
                                TaggerFeatures.fill($0.baseAddress!, words: words, ambiguity: ambiguity, at: index,
                                                    previous: previous, beforePrevious: beforePrevious)
                            }
                            for label in scores.indices { scores[label] = 0 }
                            features.withUnsafeBufferPointer { features in
                                scores.withUnsafeMutableBufferPointer { model.score(features, into: $0) }
                            }
                            var best = 0
                            for label in 1..<scores.count where scores[label] > scores[best] { best = label }
                            model.tick()
                            features.withUnsafeBufferPointer { model.update($0, truth: Int(gold[index]), guess: best) }
                            // The tags before a word are the tagger's own guesses, as they will be when it tags.
                            guessed.append(UInt8(best))
                            if best == Int(gold[index]) { correct += 1 }
                            total += 1
                        }
                    }
                }
            }
            progress("tagger iteration \(iteration): \(String(format: "%.2f", 100 * Double(correct) / Double(max(total, 1))))% of scored words right")
            order.shuffle(using: &generator)
        }
        return PartOfSpeechTagger(tagSet: tagSet, weights: model.averaged(), tagDictionary: dictionary, ambiguityClasses: ambiguityClasses)
    }

    /// The features seen at least `minimumFeatureCount` times with the gold history.
    func frequentFeatures(words: [[WordKeys]], ambiguity: [[UInt64]], classes: [[UInt8]], dictionary: [UInt64: UInt8],
                          progress: (String) -> Void) -> [UInt64] {
        var counter = FeatureCounter()
        var features = [UInt64](repeating: 0, count: TaggerFeatures.count)
        for (sentence, tags) in zip(words.indices, classes) {
            words[sentence].withUnsafeBufferPointer { wordKeys in
                ambiguity[sentence].withUnsafeBufferPointer { ambiguity in
                    for index in 0..<wordKeys.count where dictionary[wordKeys[index].form] == nil {
                        let previous = index > 0 ? UInt64(tags[index - 1]) + 1 : 0
                        let beforePrevious = index > 1 ? UInt64(tags[index - 2]) + 1 : 0
                        features.withUnsafeMutableBufferPointer {
                            TaggerFeatures.fill($0.baseAddress!, words: wordKeys, ambiguity: ambiguity, at: index, previous: previous,
                                                beforePrevious: beforePrevious)
                        }
                        features.withUnsafeBufferPointer { counter.add($0) }
                    }
                }
            }
        }
        let kept = counter.keys(seenAtLeast: minimumFeatureCount)
        progress("tagger features: \(kept.count) of \(counter.distinct) seen at least \(minimumFeatureCount) times")
        return kept
    }

    /// Frequent words that almost always take one tag.
    func tagDictionary(words: [[WordKeys]], classes: [[UInt8]], classCount: Int) -> [UInt64: UInt8] {
        var counts: [UInt64: [Int]] = [:]
        for (sentence, tags) in zip(words, classes) {
            for (word, tag) in zip(sentence, tags) {
                counts[word.form, default: Array(repeating: 0, count: classCount)][Int(tag)] += 1
            }
        }
        var dictionary: [UInt64: UInt8] = [:]
        for (form, tagCounts) in counts {
            let total = tagCounts.reduce(0, +)
            guard total >= dictionaryMinimumCount, let best = tagCounts.indices.max(by: { tagCounts[$0] < tagCounts[$1] }) else { continue }
            if Double(tagCounts[best]) / Double(total) >= dictionaryMinimumShare { dictionary[form] = UInt8(best) }
        }
        return dictionary
    }

    /// Each word's set of tags in training, as a key (words seen once are left out: their one tag
    /// says little).
    func ambiguityClasses(words: [[WordKeys]], classes: [[UInt8]]) -> [UInt64: UInt64] {
        var seen: [UInt64: (count: Int, low: UInt64, high: UInt64)] = [:]
        for (sentence, tags) in zip(words, classes) {
            for (word, tag) in zip(sentence, tags) {
                var entry = seen[word.form] ?? (0, 0, 0)
                entry.count += 1
                if tag < 64 { entry.low |= 1 << UInt64(tag) } else { entry.high |= 1 << UInt64(tag - 64) }
                seen[word.form] = entry
            }
        }
        var result: [UInt64: UInt64] = [:]
        for (form, entry) in seen where entry.count >= 2 {
            result[form] = (entry.low &* 0x9E37_79B9_7F4A_7C15) ^ (entry.high &* 0xC2B2_AE3D_27D4_EB4F) ^ 0x5bd1e995
        }
        return result
    }
}
