/// A move of the arc-eager transition system (Nivre 2003), with the dependency label of the arc it
/// adds.
package enum Transition: Hashable, Sendable {
    /// Pushes the first word of the buffer onto the stack.
    case shift
    /// Pops the stack's top, which has its head.
    case reduce
    /// Makes the buffer's first word the head of the stack's top, and pops the stack.
    case leftArc(DependencyRelation)
    /// Makes the stack's top the head of the buffer's first word, and pushes that word.
    case rightArc(DependencyRelation)

    /// The move, without its label.
    package var move: Move {
        switch self {
        case .shift: .shift
        case .reduce: .reduce
        case .leftArc: .leftArc
        case .rightArc: .rightArc
        }
    }
}

/// A transition without its label: what the transition model chooses between. The label of an
/// arc is chosen afterwards by the label model.
package enum Move: Int, CaseIterable, Sendable {
    case shift, reduce, leftArc, rightArc

    /// How many moves there are.
    package static let count = 4
}
