import DossierText

/// Trains the arc-eager transition parser with a dynamic oracle (Goldberg and Nivre 2012): at
/// each step the model's best transition is compared with the transitions that lose the fewest
/// gold arcs from the current configuration, and after the first iterations the parser follows
/// its own (possibly wrong) choices, so it learns to recover from its mistakes.
package struct ParserTraining {
    /// Passes over the training sentences.
    package var iterations = 15
    /// Iterations that follow the oracle before exploring the model's own choices.
    package var oracleIterations = 1
    /// When exploring, how often the model's choice is followed rather than the oracle's.
    package var explorationRate = 0.9
    /// The seed of shuffles and exploration.
    package var seed: UInt64 = 7
    /// A feature gets weights only if the oracle's configurations show it at least this often.
    package var minimumFeatureCount = 3

    /// Default settings.
    package init() {}

    /// The move and label weights learned from `sentences`, whose words carry `tags` (predicted
    /// ones, so training sees the tagger's mistakes as parsing will).
    package func train(_ sentences: [TreebankSentence], tags: [[UInt8]], progress: (String) -> Void = { _ in })
        -> (moves: PerceptronWeights, labels: PerceptronWeights) {
        precondition(sentences.count == tags.count)
        let words = sentences.map { WordKeys.of($0.words) }
        let tagCodes = tags.map { $0.map { UInt64($0) + 1 } }
        let (moveFeatures, labelFeatures) = frequentFeatures(sentences, words: words, tagCodes: tagCodes, progress: progress)
        var moves = AveragedPerceptron(classCount: Move.count, features: moveFeatures)
        var labels = AveragedPerceptron(classCount: DependencyRelation.allCases.count, features: labelFeatures)
        var generator = SeededGenerator(seed: seed)
        var order = Array(sentences.indices)
        var features = [UInt64](repeating: 0, count: ParserFeatures.count)
        var labelKeys = [UInt64](repeating: 0, count: LabelFeatures.count)
        var scores = [Float](repeating: 0, count: DependencyRelation.allCases.count)
        var costs = [Int](repeating: 0, count: Move.count)
        for iteration in 1...iterations {
            var mistakes = 0, decisions = 0, correctHeads = 0, correctLabels = 0, totalHeads = 0
            let explore = iteration > oracleIterations
            for sentenceIndex in order {
                let sentence = sentences[sentenceIndex]
                let gold = GoldTree(heads: sentence.heads, relations: sentence.relations)
                var state = ParserState(count: sentence.count)
                words[sentenceIndex].withUnsafeBufferPointer { wordKeys in
                    tagCodes[sentenceIndex].withUnsafeBufferPointer { tagKeys in
                        while !state.isTerminal {
                            features.withUnsafeMutableBufferPointer {
                                ParserFeatures.fill($0.baseAddress!, state: state, words: wordKeys, tags: tagKeys)
                            }
                            for index in 0..<Move.count { scores[index] = 0 }
                            features.withUnsafeBufferPointer { features in
                                scores.withUnsafeMutableBufferPointer { moves.score(features, into: UnsafeMutableBufferPointer(rebasing: $0[0..<Move.count])) }
                            }
                            gold.costs(in: state, into: &costs)
                            var guess = -1, best = -1, minimumCost = Int.max
                            for index in 0..<Move.count where costs[index] >= 0 { minimumCost = min(minimumCost, costs[index]) }
                            for index in 0..<Move.count where costs[index] >= 0 {
                                if guess < 0 || scores[index] > scores[guess] { guess = index }
                                if costs[index] == minimumCost && (best < 0 || scores[index] > scores[best]) { best = index }
                            }
                            moves.tick()
                            decisions += 1
                            if costs[guess] > minimumCost {
                                mistakes += 1
                                features.withUnsafeBufferPointer { moves.update($0, truth: best, guess: guess) }
                            }
                            let followed = explore && generator.unit() < explorationRate ? guess : best
                            let move = Move(rawValue: followed)!
                            var transition: Transition
                            switch move {
                            case .shift: transition = .shift
                            case .reduce: transition = .reduce
                            case .leftArc, .rightArc:
                                let head = move == .leftArc ? state.next : state.stackTop
                                let dependent = move == .leftArc ? state.stackTop : state.next
                                var label = DependencyRelation.root
                                if head != state.root {
                                    labelKeys.withUnsafeMutableBufferPointer {
                                        LabelFeatures.fill($0.baseAddress!, state: state, head: head, dependent: dependent, words: wordKeys, tags: tagKeys)
                                    }
                                    for index in scores.indices { scores[index] = 0 }
                                    labelKeys.withUnsafeBufferPointer { keys in scores.withUnsafeMutableBufferPointer { labels.score(keys, into: $0) } }
                                    var guessed = 1
                                    for index in 2..<scores.count where scores[index] > scores[guessed] { guessed = index }
                                    label = DependencyRelation(rawValue: UInt8(guessed))!
                                    // The label model learns from arcs whose head is right.
                                    if gold.head(of: dependent, count: state.count) == head {
                                        labels.tick()
                                        let truth = Int(sentence.relations[dependent].rawValue)
                                        labelKeys.withUnsafeBufferPointer { labels.update($0, truth: truth, guess: guessed) }
                                        if guessed == truth { correctLabels += 1 }
                                        if !explore || followed == best { label = sentence.relations[dependent] }
                                    }
                                }
                                transition = move == .leftArc ? .leftArc(label) : .rightArc(label)
                            }
                            state.apply(transition)
                        }
                    }
                }
                let (heads, _) = state.finishedArcs()
                for index in 0..<sentence.count {
                    totalHeads += 1
                    if Int(heads[index]) == sentence.heads[index] { correctHeads += 1 }
                }
            }
            progress("parser iteration \(iteration): \(String(format: "%.2f", 100 * Double(mistakes) / Double(max(decisions, 1))))% of moves costly, "
                     + "training UAS \(String(format: "%.2f", 100 * Double(correctHeads) / Double(max(totalHeads, 1)))), "
                     + "labels right on \(String(format: "%.2f", 100 * Double(correctLabels) / Double(max(correctHeads, 1))))% of right heads")
            order.shuffle(using: &generator)
        }
        return (moves.averaged(), labels.averaged())
    }
}

extension ParserTraining {
    /// The move and label features seen at least `minimumFeatureCount` times in the
    /// configurations the oracle goes through on the training sentences.
    func frequentFeatures(_ sentences: [TreebankSentence], words: [[WordKeys]], tagCodes: [[UInt64]],
                          progress: (String) -> Void) -> (moves: [UInt64], labels: [UInt64]) {
        var moveCounter = FeatureCounter(), labelCounter = FeatureCounter()
        var features = [UInt64](repeating: 0, count: ParserFeatures.count)
        var labelKeys = [UInt64](repeating: 0, count: LabelFeatures.count)
        var costs = [Int](repeating: 0, count: Move.count)
        for (index, sentence) in sentences.enumerated() {
            let gold = GoldTree(heads: sentence.heads, relations: sentence.relations)
            var state = ParserState(count: sentence.count)
            words[index].withUnsafeBufferPointer { wordKeys in
                tagCodes[index].withUnsafeBufferPointer { tagKeys in
                    while !state.isTerminal {
                        features.withUnsafeMutableBufferPointer {
                            ParserFeatures.fill($0.baseAddress!, state: state, words: wordKeys, tags: tagKeys)
                        }
                        features.withUnsafeBufferPointer { moveCounter.add($0) }
                        gold.costs(in: state, into: &costs)
                        let minimum = costs.filter { $0 >= 0 }.min() ?? 0
                        let move = Move(rawValue: costs.firstIndex(of: minimum)!)!
                        var transition = Transition.shift
                        switch move {
                        case .shift: transition = .shift
                        case .reduce: transition = .reduce
                        case .leftArc, .rightArc:
                            let head = move == .leftArc ? state.next : state.stackTop
                            let dependent = move == .leftArc ? state.stackTop : state.next
                            if head != state.root {
                                labelKeys.withUnsafeMutableBufferPointer {
                                    LabelFeatures.fill($0.baseAddress!, state: state, head: head, dependent: dependent, words: wordKeys, tags: tagKeys)
                                }
                                labelKeys.withUnsafeBufferPointer { labelCounter.add($0) }
                            }
                            let label = head == state.root ? DependencyRelation.root
                                : sentence.relations[dependent] == .root ? .dep : sentence.relations[dependent]
                            transition = move == .leftArc ? .leftArc(label) : .rightArc(label)
                        }
                        state.apply(transition)
                    }
                }
            }
        }
        let kept = (moveCounter.keys(seenAtLeast: minimumFeatureCount), labelCounter.keys(seenAtLeast: minimumFeatureCount))
        progress("parser features: \(kept.0.count) of \(moveCounter.distinct) move features and \(kept.1.count) of \(labelCounter.distinct) label features seen at least \(minimumFeatureCount) times")
        return kept
    }
}

/// A sentence's gold tree, and the cost of each move in a configuration: how many gold arcs it
/// makes unreachable (Goldberg and Nivre 2012, arc-eager).
struct GoldTree {
    /// Gold heads (-1 for the root) and relations.
    let heads: [Int]
    let relations: [DependencyRelation]

    /// The gold head of `word`, with the root numbered `count` as in `ParserState`.
    func head(of word: Int, count: Int) -> Int { heads[word] < 0 ? count : heads[word] }

    /// Writes each move's cost into `costs`, -1 where the move is not allowed.
    func costs(in state: ParserState, into costs: inout [Int]) {
        let count = state.count
        let s0 = state.stackTop, b0 = state.next
        for index in costs.indices { costs[index] = -1 }
        func dependentsInBuffer(_ word: Int, from start: Int) -> Int {
            var total = 0
            for k in start..<count where head(of: k, count: count) == word { total += 1 }
            return total
        }
        if state.allows(Move.shift) {
            // b0 loses its head on the stack and its dependents there that have no head yet.
            var cost = 0
            for entry in state.stack {
                let k = Int(entry)
                if head(of: b0, count: count) == k { cost += 1 }
                if k != count && state.heads[k] < 0 && head(of: k, count: count) == b0 { cost += 1 }
            }
            costs[Move.shift.rawValue] = cost
        }
        if state.allows(Move.reduce) { costs[Move.reduce.rawValue] = dependentsInBuffer(s0, from: b0) }
        if state.allows(Move.leftArc) {
            // s0 loses its dependents in the buffer and any head in the buffer but b0.
            let h = head(of: s0, count: count)
            costs[Move.leftArc.rawValue] = dependentsInBuffer(s0, from: b0) + (h > b0 && h < count ? 1 : 0)
        }
        if state.allows(Move.rightArc) {
            // b0 loses any other head on the stack or in the buffer, and its headless dependents on the stack.
            let h = head(of: b0, count: count)
            var cost = 0
            if h != s0 {
                if h > b0 && h < count { cost += 1 }
                if state.stack.contains(Int32(h)) { cost += 1 }
            }
            for entry in state.stack {
                let k = Int(entry)
                if k != count && state.heads[k] < 0 && head(of: k, count: count) == b0 { cost += 1 }
            }
            costs[Move.rightArc.rawValue] = cost
        }
    }
}
