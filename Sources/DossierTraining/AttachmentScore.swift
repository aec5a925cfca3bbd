import DossierText

/// Tagging and attachment scores of a system's parses against gold ones, counted as the CoNLL 2018
/// shared task's scorer counts them: words are aligned by their characters (white space aside),
/// every word counts (punctuation included), and LAS compares the universal part of each relation
/// (`nsubj` for `nsubj:pass`). Precision, recall and F1 are over aligned words; with the gold
/// words as input the three are equal and are the accuracies.
package struct AttachmentScore: Sendable, CustomStringConvertible {
    /// A system whose characters differ from the gold's, so the words cannot be aligned.
    package struct Misalignment: Error, CustomStringConvertible {
        /// The sentence, from 1.
        package var sentence: Int
        package var description: String { "sentence \(sentence): the system's words do not spell the gold's characters" }
    }

    /// Gold words, system words, and aligned words with the right tag, lemma, head, and head and relation.
    package private(set) var goldWords = 0, systemWords = 0, alignedWords = 0
    package private(set) var correctTags = 0, correctLemmas = 0, correctHeads = 0, correctLabelledHeads = 0

    /// Scores `system` against `gold`, sentence by sentence.
    package init(gold: [TreebankSentence], system: [TreebankSentence]) throws {
        for (index, (goldSentence, systemSentence)) in zip(gold, system).enumerated() {
            try add(gold: goldSentence, system: systemSentence, number: index + 1)
        }
        for sentence in gold.dropFirst(system.count) { goldWords += sentence.count }
        for sentence in system.dropFirst(gold.count) { systemWords += sentence.count }
    }

    private mutating func add(gold: TreebankSentence, system: TreebankSentence, number: Int) throws {
        goldWords += gold.count
        systemWords += system.count
        let goldSpans = Self.characterSpans(gold.forms), systemSpans = Self.characterSpans(system.forms)
        guard goldSpans.last?.upperBound == systemSpans.last?.upperBound else { throw Misalignment(sentence: number) }
        // Gold word → system word with the same characters.
        var alignment = [Int](repeating: -1, count: gold.count)
        var systemIndex = 0
        for (goldIndex, span) in goldSpans.enumerated() {
            while systemIndex < systemSpans.count && systemSpans[systemIndex].lowerBound < span.lowerBound { systemIndex += 1 }
            if systemIndex < systemSpans.count && systemSpans[systemIndex] == span { alignment[goldIndex] = systemIndex }
        }
        for goldIndex in 0..<gold.count {
            let systemIndex = alignment[goldIndex]
            guard systemIndex >= 0 else { continue }
            alignedWords += 1
            if gold.tags[goldIndex] == system.tags[systemIndex] { correctTags += 1 }
            if gold.lemmas[goldIndex] == system.lemmas[systemIndex] { correctLemmas += 1 }
            // Heads agree when both are the root, or both point at aligned words.
            let goldHead = gold.heads[goldIndex], systemHead = system.heads[systemIndex]
            let headsAgree = goldHead < 0 ? systemHead < 0 : systemHead >= 0 && alignment[goldHead] == systemHead
            if headsAgree {
                correctHeads += 1
                if gold.relations[goldIndex].universalName == system.relations[systemIndex].universalName { correctLabelledHeads += 1 }
            }
        }
    }

    /// Each word's span in the sentence's characters with white space removed.
    static func characterSpans(_ forms: [String]) -> [Range<Int>] {
        var position = 0
        return forms.map { form in
            let length = form.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
            defer { position += length }
            return position..<(position + length)
        }
    }

    /// F1 of a count of correct words.
    package func f1(_ correct: Int) -> Double {
        guard goldWords > 0, systemWords > 0, correct > 0 else { return 0 }
        let precision = Double(correct) / Double(systemWords), recall = Double(correct) / Double(goldWords)
        return 2 * precision * recall / (precision + recall)
    }

    /// UPOS F1, as a percentage.
    package var upos: Double { 100 * f1(correctTags) }
    /// Lemma F1, as a percentage.
    package var lemmas: Double { 100 * f1(correctLemmas) }
    /// Unlabelled attachment F1, as a percentage.
    package var uas: Double { 100 * f1(correctHeads) }
    /// Labelled attachment F1, as a percentage.
    package var las: Double { 100 * f1(correctLabelledHeads) }

    package var description: String {
        func figure(_ value: Double) -> String { String(format: "%.2f", value) }
        return "words \(goldWords) gold, \(systemWords) system; UPOS \(figure(upos)), lemmas \(figure(lemmas)), UAS \(figure(uas)), LAS \(figure(las))"
    }
}
