/// A configuration of the arc-eager system over one sentence: the stack, the buffer (the words from
/// `next` on), and the arcs so far, with what the features read of them (each word's leftmost and
/// rightmost children, how many children it has on each side and with which labels).
///
/// Words are numbered from 0; the root is number `count`, and starts on the stack.
package struct ParserState {
    /// The number of words.
    package let count: Int
    /// The stack, top last.
    package private(set) var stack: [Int32]
    /// The first word of the buffer; the buffer is empty when it equals `count`.
    package private(set) var next: Int
    /// Each word's head (`count` for the root), or -1.
    package private(set) var heads: [Int32]
    /// Each word's label, meaningful where it has a head.
    package private(set) var labels: [DependencyRelation]
    private(set) var leftmost: [Int32]
    private(set) var secondLeftmost: [Int32]
    private(set) var rightmost: [Int32]
    private(set) var secondRightmost: [Int32]
    private(set) var leftCount: [UInt8]
    private(set) var rightCount: [UInt8]
    private(set) var leftLabels: [UInt64]
    private(set) var rightLabels: [UInt64]

    /// The start configuration for a sentence of `count` words.
    package init(count: Int) {
        self.count = count
        stack = [Int32(count)]
        stack.reserveCapacity(count + 1)
        next = 0
        let slots = count + 1
        heads = Array(repeating: -1, count: slots)
        labels = Array(repeating: .dep, count: slots)
        leftmost = Array(repeating: -1, count: slots)
        secondLeftmost = leftmost
        rightmost = leftmost
        secondRightmost = leftmost
        leftCount = Array(repeating: 0, count: slots)
        rightCount = leftCount
        leftLabels = Array(repeating: 0, count: slots)
        rightLabels = leftLabels
    }

    /// Whether the buffer is empty: the parse is complete.
    package var isTerminal: Bool { next >= count }

    /// The stack's top, or -1.
    package var stackTop: Int { stack.last.map(Int.init) ?? -1 }

    /// The root's number.
    package var root: Int { count }

    /// Whether `move` can be made. A left arc never makes the root a dependent; the root takes one
    /// dependent only (its right arc, labelled `root`).
    package func allows(_ move: Move) -> Bool {
        guard next < count else { return false }
        let top = stackTop
        switch move {
        case .shift:
            return true
        case .reduce:
            return top >= 0 && top != root && heads[top] >= 0
        case .leftArc:
            return top >= 0 && top != root && heads[top] < 0
        case .rightArc:
            return top >= 0 && (top != root || rightCount[root] == 0)
        }
    }

    /// Whether `move` would make a head of a word that `isMarked` marks. The parser never makes a
    /// punctuation mark a head: in Universal Dependencies punctuation is a leaf (6 of EWT's 23,596
    /// training marks head anything), and a greedy parser that hangs a phrase on a comma loses it
    /// ("Yesterday, Roscosmos, … announced" with "Yesterday" under the comma).
    package func makesHead(_ move: Move, of isMarked: [Bool]) -> Bool {
        switch move {
        case .leftArc: return isMarked[next]
        case .rightArc: return stackTop != root && isMarked[stackTop]
        case .shift, .reduce: return false
        }
    }

    /// Whether `transition` can be applied: its move is allowed, and its label fits (only the
    /// root's arc is labelled `root`).
    package func allows(_ transition: Transition) -> Bool {
        guard allows(transition.move) else { return false }
        switch transition {
        case .leftArc(let label): return label != .root
        case .rightArc(let label): return (stackTop == root) == (label == .root)
        default: return true
        }
    }

    /// Applies `transition`, which must be allowed.
    package mutating func apply(_ transition: Transition) {
        switch transition {
        case .shift:
            stack.append(Int32(next))
            next += 1
        case .reduce:
            stack.removeLast()
        case .leftArc(let label):
            let dependent = stack.removeLast()
            addArc(head: next, dependent: Int(dependent), label: label)
        case .rightArc(let label):
            addArc(head: stackTop, dependent: next, label: label)
            stack.append(Int32(next))
            next += 1
        }
    }

    private mutating func addArc(head: Int, dependent: Int, label: DependencyRelation) {
        heads[dependent] = Int32(head)
        labels[dependent] = label
        let bit = UInt64(1) << UInt64(label.rawValue)
        // The root stands before every word: its dependent is on its right.
        if dependent < head && head != root {
            if leftmost[head] < 0 || dependent < leftmost[head] {
                secondLeftmost[head] = leftmost[head]
                leftmost[head] = Int32(dependent)
            } else if secondLeftmost[head] < 0 || dependent < secondLeftmost[head] {
                secondLeftmost[head] = Int32(dependent)
            }
            leftCount[head] &+= 1
            leftLabels[head] |= bit
        } else {
            if rightmost[head] < 0 || dependent > rightmost[head] {
                secondRightmost[head] = rightmost[head]
                rightmost[head] = Int32(dependent)
            } else if secondRightmost[head] < 0 || dependent > secondRightmost[head] {
                secondRightmost[head] = Int32(dependent)
            }
            rightCount[head] &+= 1
            rightLabels[head] |= bit
        }
    }

    /// The heads and labels once the buffer is empty: words left without a head hang from the
    /// sentence's root word (or become it, when the root took no dependent).
    package func finishedArcs() -> (heads: [Int32], labels: [DependencyRelation]) {
        var heads = Array(self.heads[0..<count])
        var labels = Array(self.labels[0..<count])
        var rootWord = heads.firstIndex(of: Int32(root))
        for word in 0..<count where heads[word] < 0 {
            if let rootWord {
                heads[word] = Int32(rootWord)
                labels[word] = word < rootWord ? .dep : .parataxis
            } else {
                heads[word] = -1
                labels[word] = .root
                rootWord = word
            }
        }
        // The root is -1 in the result.
        for word in 0..<count where heads[word] == Int32(root) { heads[word] = -1 }
        return (heads, labels)
    }
}
