/// The features the parser reads in a configuration: a lean selection from the rich non-local
/// feature set of Zhang and Nivre (2011) for arc-eager parsing — words and tags of the stack's top
/// (S0), the first three words of the buffer (N0–N2), S0's head and grandparent, the outermost
/// children of S0 and N0, the distance between S0 and N0, their valencies and the label sets of
/// their children. Each template costs a table lookup on every move, so ones that added little on
/// the development set were left out.
package enum ParserFeatures {
    /// How many feature keys `fill` writes.
    package static let count = 50

    /// The tag code of the root.
    static let rootTag: UInt64 = 40

    /// Writes the feature keys of `state` into `keys`.
    @inline(__always)
    package static func fill(_ keys: UnsafeMutablePointer<UInt64>, state: ParserState, words: UnsafeBufferPointer<WordKeys>,
                     tags: UnsafeBufferPointer<UInt64>) {
        let root = state.root
        @inline(__always) func w(_ index: Int) -> UInt64 {
            index < 0 ? WordKeys.none.form : index == root ? WordKeys.root.form : words[index].form
        }
        @inline(__always) func p(_ index: Int) -> UInt64 {
            index < 0 ? 0 : index == root ? rootTag : tags[index]
        }
        @inline(__always) func l(_ index: Int) -> UInt64 {
            index < 0 || index == root || state.heads[index] < 0 ? 0 : UInt64(state.labels[index].rawValue) + 1
        }
        @inline(__always) func valid(_ index: Int32) -> Int { Int(index) }

        let s0 = state.stackTop
        let n0 = state.next < state.count ? state.next : -1
        let n1 = state.next + 1 < state.count ? state.next + 1 : -1
        let n2 = state.next + 2 < state.count ? state.next + 2 : -1
        let s0h = s0 >= 0 && s0 != root ? Int(state.heads[s0]) : -1
        let s0h2 = s0h >= 0 && s0h != root ? Int(state.heads[s0h]) : -1
        let s0l = s0 >= 0 ? valid(state.leftmost[s0]) : -1
        let s0r = s0 >= 0 ? valid(state.rightmost[s0]) : -1
        let s0l2 = s0 >= 0 ? valid(state.secondLeftmost[s0]) : -1
        let s0r2 = s0 >= 0 ? valid(state.secondRightmost[s0]) : -1
        let n0l = n0 >= 0 ? valid(state.leftmost[n0]) : -1
        let n0l2 = n0 >= 0 ? valid(state.secondLeftmost[n0]) : -1

        let s0w = w(s0), s0p = p(s0), n0w = w(n0), n0p = p(n0), n1w = w(n1), n1p = p(n1), n2w = w(n2), n2p = p(n2)
        var distance: UInt64 = 0
        if s0 >= 0 && n0 >= 0 && s0 != root {
            let raw = n0 - s0
            distance = raw < 5 ? UInt64(raw) : raw < 10 ? 5 : 6
        }
        let s0vl: UInt64 = s0 >= 0 ? UInt64(state.leftCount[s0]) : 0
        let s0vr: UInt64 = s0 >= 0 ? UInt64(state.rightCount[s0]) : 0
        let n0vl: UInt64 = n0 >= 0 ? UInt64(state.leftCount[n0]) : 0
        let s0sl: UInt64 = s0 >= 0 ? state.leftLabels[s0] : 0
        let s0sr: UInt64 = s0 >= 0 ? state.rightLabels[s0] : 0
        let n0sl: UInt64 = n0 >= 0 ? state.leftLabels[n0] : 0

        var k = 0
        @inline(__always) func add(_ key: UInt64) { keys[k] = key; k += 1 }
        let s0hp = p(s0h), s0lp = p(s0l), s0rp = p(s0r), n0lp = p(n0l)
        // Single words.
        add(FeatureKey.of(100, s0w, s0p)); add(FeatureKey.of(101, s0w)); add(FeatureKey.of(102, s0p))
        add(FeatureKey.of(103, n0w, n0p)); add(FeatureKey.of(104, n0w)); add(FeatureKey.of(105, n0p))
        add(FeatureKey.of(106, n1w, n1p)); add(FeatureKey.of(107, n1w)); add(FeatureKey.of(108, n1p))
        add(FeatureKey.of(110, n2w)); add(FeatureKey.of(111, n2p))
        // Pairs.
        add(FeatureKey.of(112, s0w, s0p, n0w, n0p)); add(FeatureKey.of(117, s0w, n0w)); add(FeatureKey.of(118, s0p, n0p))
        add(FeatureKey.of(119, n0p, n1p)); add(FeatureKey.of(114, s0w, n0p)); add(FeatureKey.of(116, s0p, n0w))
        // Three words.
        add(FeatureKey.of(120, n0p, n1p, n2p)); add(FeatureKey.of(121, s0p, n0p, n1p)); add(FeatureKey.of(122, s0hp, s0p, n0p))
        add(FeatureKey.of(123, s0p, s0lp, n0p)); add(FeatureKey.of(124, s0p, s0rp, n0p)); add(FeatureKey.of(125, s0p, n0p, n0lp))
        // Distance.
        add(FeatureKey.of(126, s0w, distance)); add(FeatureKey.of(127, s0p, distance)); add(FeatureKey.of(129, n0p, distance))
        add(FeatureKey.of(131, s0p, n0p, distance))
        // Valency.
        add(FeatureKey.of(132, s0w, s0vr)); add(FeatureKey.of(133, s0p, s0vr)); add(FeatureKey.of(135, s0p, s0vl))
        add(FeatureKey.of(137, n0p, n0vl))
        // Heads and children.
        add(FeatureKey.of(138, w(s0h))); add(FeatureKey.of(139, s0hp)); add(FeatureKey.of(140, l(s0)))
        add(FeatureKey.of(142, s0lp)); add(FeatureKey.of(143, l(s0l))); add(FeatureKey.of(145, s0rp)); add(FeatureKey.of(146, l(s0r)))
        add(FeatureKey.of(148, n0lp)); add(FeatureKey.of(149, l(n0l)))
        // Third order.
        add(FeatureKey.of(151, p(s0h2))); add(FeatureKey.of(152, l(s0h)))
        add(FeatureKey.of(162, s0p, s0lp, p(s0l2))); add(FeatureKey.of(163, s0p, s0rp, p(s0r2)))
        add(FeatureKey.of(165, n0p, n0lp, p(n0l2)))
        // Label sets.
        add(FeatureKey.of(167, s0p, s0sr)); add(FeatureKey.of(169, s0p, s0sl)); add(FeatureKey.of(171, n0p, n0sl))
        // Spelling of the two words an arc would join, for words seen rarely in training.
        add(FeatureKey.of(172, s0 >= 0 && s0 != root ? words[s0].suffix3 : 0, n0 >= 0 ? words[n0].suffix3 : 0, s0p, n0p))
        add(FeatureKey.of(173, n0 >= 0 ? words[n0].shape : 0, n0p, s0p))
        assert(k == count)
    }
}
