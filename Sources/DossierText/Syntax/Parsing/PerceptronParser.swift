/// Dossier's dependency parser: a greedy arc-eager transition parser whose moves are scored by an
/// averaged perceptron over rich non-local features and whose arcs are labelled by a second one,
/// after a perceptron part-of-speech tagger and a learned lemmatizer, all trained on UD English
/// EWT (`dossier-train`).
public struct PerceptronParser: DependencyParser {
    /// The part-of-speech tagger.
    package let tagger: PartOfSpeechTagger
    /// The lemmatizer.
    package let lemmatizer: Lemmatizer
    package let moves: PerceptronWeights
    package let labels: PerceptronWeights

    let verbTags: VerbTagRepair

    /// A parser from its trained parts.
    package init(tagger: PartOfSpeechTagger, lemmatizer: Lemmatizer, moves: PerceptronWeights, labels: PerceptronWeights) {
        precondition(moves.classCount == Move.count && labels.classCount == DependencyRelation.allCases.count)
        verbTags = VerbTagRepair(tagSet: tagger.tagSet)
        self.tagger = tagger
        self.lemmatizer = lemmatizer
        self.moves = moves
        self.labels = labels
    }

    public func parse(_ sentence: SentenceWords) -> SentenceParse {
        parse(sentence, knownTags: [])
    }

    public func parse(_ sentence: SentenceWords, knownTags: [PartOfSpeech?]) -> SentenceParse {
        let keys = WordKeys.of(sentence)
        var classes = tagger.classes(of: keys, known: knownTags)
        verbTags.repair(&classes, words: keys)
        var (heads, relations) = arcs(words: keys, tagClasses: classes)
        let tags = classes.map { tagger.tagSet[Int($0)].universal }
        SubjectRepair.repair(heads: &heads, relations: &relations, tags: tags)
        SubjectRepair.repairReportedSubjects(heads: &heads, relations: &relations)
        SubjectRepair.repairNominalRoots(heads: &heads, relations: &relations, tags: tags) { word in
            ["VBD", "VBZ", "VBP"].contains(tagger.tagSet[Int(classes[word])].treebank)
        }
        SubjectRepair.repairNamesBeforeTimes(heads: &heads, relations: &relations, tags: tags) { word in
            Self.timeNouns.contains(String(decoding: sentence.bytes[sentence.ranges[word]], as: UTF8.self).lowercased())
        }
        SubjectRepair.repairFrontedTimes(heads: &heads, relations: &relations, tags: tags)
        SubjectRepair.repairRelativeClauses(heads: &heads, relations: &relations, tags: tags) { word in
            let tag = tagger.tagSet[Int(classes[word])].treebank
            return tag == "WDT" || tag == "WP"
        }
        let lemmas = sentence.ranges.indices.map { lemmatizer.lemma(of: sentence.bytes[sentence.ranges[$0]], tag: tags[$0]) }
        return SentenceParse(words: sentence, tags: tags, treebankTags: classes.map { tagger.tagSet[Int($0)].treebank }, lemmas: lemmas,
                             heads: heads.map(Int.init), relations: relations)
    }

    /// The arcs the models choose for words with the given tag classes.
    func arcs(words: [WordKeys], tagClasses: [UInt8]) -> (heads: [Int32], relations: [DependencyRelation]) {
        let tagCodes = tagClasses.map { UInt64($0) + 1 }
        let isPunctuation = tagClasses.map { tagger.tagSet[Int($0)].universal == .punctuation }
        var state = ParserState(count: words.count)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ParserFeatures.count) { keys in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: DependencyRelation.allCases.count) { scores in
                words.withUnsafeBufferPointer { words in
                    tagCodes.withUnsafeBufferPointer { tagCodes in
                        while !state.isTerminal {
                            ParserFeatures.fill(keys.baseAddress!, state: state, words: words, tags: tagCodes)
                            scores.initialize(repeating: 0)
                            moves.addWeights(of: UnsafeBufferPointer(start: keys.baseAddress, count: ParserFeatures.count), to: scores.baseAddress!)
                            let move = Self.best(scores: UnsafeBufferPointer(start: scores.baseAddress, count: Move.count), in: state,
                                                 isPunctuation: isPunctuation)
                            state.apply(label(move, in: state, words: words, tags: tagCodes, keys: keys, scores: scores))
                        }
                    }
                }
            }
        }
        let arcs = state.finishedArcs()
        return (arcs.heads, arcs.labels)
    }

    /// The transition for `move`: for an arc, with the label the label model scores highest.
    @inline(__always)
    package func label(_ move: Move, in state: ParserState, words: UnsafeBufferPointer<WordKeys>, tags: UnsafeBufferPointer<UInt64>,
                       keys: UnsafeMutableBufferPointer<UInt64>, scores: UnsafeMutableBufferPointer<Int32>) -> Transition {
        switch move {
        case .shift: return .shift
        case .reduce: return .reduce
        case .leftArc, .rightArc:
            let head = move == .leftArc ? state.next : state.stackTop
            let dependent = move == .leftArc ? state.stackTop : state.next
            if head == state.root { return .rightArc(.root) }
            LabelFeatures.fill(keys.baseAddress!, state: state, head: head, dependent: dependent, words: words, tags: tags)
            scores.initialize(repeating: 0)
            labels.addWeights(of: UnsafeBufferPointer(start: keys.baseAddress, count: LabelFeatures.count), to: scores.baseAddress!)
            let relation = Self.bestLabel(scores: UnsafeBufferPointer(scores))
            return move == .leftArc ? .leftArc(relation) : .rightArc(relation)
        }
    }

    /// Nouns that date a clause ("next month", "last Tuesday").
    static let timeNouns: Set<String> = [
        "day", "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "spring", "summer", "autumn", "fall",
        "winter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// The highest-scoring move `state` allows (ties go to the earlier move) that does not make a
    /// punctuation mark a head (see ``ParserState/makesHead(_:of:)``). Only decoding applies that
    /// rule; the shipped model was trained without it.
    package static func best(scores: UnsafeBufferPointer<Int32>, in state: ParserState, isPunctuation: [Bool]) -> Move {
        var best = Move.shift, bestScore = Int32.min
        for move in Move.allCases where scores[move.rawValue] > bestScore && state.allows(move) && !state.makesHead(move, of: isPunctuation) {
            best = move
            bestScore = scores[move.rawValue]
        }
        return best
    }

    /// The highest-scoring label other than `root` (which only the root's arc takes).
    package static func bestLabel(scores: UnsafeBufferPointer<Int32>) -> DependencyRelation {
        var best = DependencyRelation.dep, bestScore = Int32.min
        for index in 1..<scores.count where scores[index] > bestScore {
            best = DependencyRelation(rawValue: UInt8(index))!
            bestScore = scores[index]
        }
        return best
    }
}
