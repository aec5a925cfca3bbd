import DossierText
import Foundation

/// Trains the whole syntax model: the lemmatizer and tagger on the training sentences, then the
/// parser on the same sentences tagged by taggers that did not see them (k-fold jackknifing), so
/// the parser learns from tags as wrong as the ones it will get.
package struct SyntaxTraining {
    /// Settings of the tagger.
    package var tagger = TaggerTraining()
    /// Settings of the parser.
    package var parser = ParserTraining()
    /// How many folds the jackknifed training tags come from (1: the gold tags).
    package var folds = 10

    /// Default settings.
    package init() {}

    /// A parser trained on `sentences`.
    package func train(_ sentences: [TreebankSentence], progress: @escaping (String) -> Void = { _ in }) -> PerceptronParser {
        let lemmatizer = LemmatizerTraining().train(sentences)
        progress("lemmatizer: \(lemmatizer.exceptionCount) exceptions, \(lemmatizer.ruleCount) ending rules")
        let finalTagger = tagger.train(sentences, progress: progress)
        let trainingTags = jackknifedTags(sentences, tagSet: finalTagger.tagSet, progress: progress)
        let (moves, labels) = parser.train(sentences, tags: trainingTags, progress: progress)
        return PerceptronParser(tagger: finalTagger, lemmatizer: lemmatizer, moves: moves, labels: labels)
    }

    /// Each sentence's tag classes (in `tagSet`) from a tagger trained on the other folds.
    func jackknifedTags(_ sentences: [TreebankSentence], tagSet: [PartOfSpeechTagger.Tag], progress: @escaping (String) -> Void) -> [[UInt8]] {
        let goldClasses = tagger.tagSet(of: sentences).classes
        guard folds > 1 else { return goldClasses }
        var tags = [[UInt8]](repeating: [], count: sentences.count)
        var correct = 0, total = 0
        let index = Dictionary(uniqueKeysWithValues: tagSet.enumerated().map { ($1, UInt8($0)) })
        for fold in 0..<folds {
            let held = sentences.indices.filter { $0 % folds == fold }
            let rest = sentences.indices.filter { $0 % folds != fold }.map { sentences[$0] }
            let foldTagger = tagger.train(rest)
            for sentenceIndex in held {
                // A fold's tagger may lack a rare joint tag: map through its universal tag.
                tags[sentenceIndex] = foldTagger.classes(of: WordKeys.of(sentences[sentenceIndex].words)).map { tagClass in
                    let tag = foldTagger.tagSet[Int(tagClass)]
                    return index[tag] ?? index.first { $0.key.universal == tag.universal }!.value
                }
                total += sentences[sentenceIndex].count
                correct += zip(tags[sentenceIndex], goldClasses[sentenceIndex]).filter { $0 == $1 }.count
            }
            progress("jackknife fold \(fold + 1) of \(folds)")
        }
        progress("jackknifed training tags: \(String(format: "%.2f", 100 * Double(correct) / Double(max(total, 1))))% right")
        return tags
    }
}

extension PerceptronParser {
    /// The sentence parsed from its gold words, as a treebank sentence (for scoring and CoNLL-U).
    package func parsed(_ sentence: TreebankSentence) -> TreebankSentence {
        let parse = parse(sentence.words)
        var result = sentence
        result.tags = parse.tags
        result.treebankTags = parse.treebankTags
        result.lemmas = parse.lemmas
        result.heads = parse.heads
        result.relations = parse.relations
        return result
    }
}

extension TreebankSentence {
    /// The sentence as a parse (its gold or predicted annotation).
    package var parse: SentenceParse {
        SentenceParse(words: words, tags: tags, treebankTags: treebankTags, lemmas: lemmas, heads: heads, relations: relations)
    }
}
