/// The features the label model reads when an arc is made: the head's and the dependent's words,
/// tags and spelling, their direction and distance, and the labels already on both.
package enum LabelFeatures {
    /// How many feature keys `fill` writes.
    package static let count = 23

    /// Writes the feature keys of an arc from `head` to `dependent` in `state` into `keys`.
    @inline(__always)
    package static func fill(_ keys: UnsafeMutablePointer<UInt64>, state: ParserState, head: Int, dependent: Int,
                             words: UnsafeBufferPointer<WordKeys>, tags: UnsafeBufferPointer<UInt64>) {
        let root = state.root
        let hw = head == root ? WordKeys.root : words[head], dw = words[dependent]
        let hp = head == root ? ParserFeatures.rootTag : tags[head], dp = tags[dependent]
        let direction: UInt64 = dependent < head ? 1 : 2
        let raw = head == root ? 0 : abs(head - dependent)
        let distance: UInt64 = raw < 5 ? UInt64(raw) : raw < 10 ? 5 : 6
        let before = dependent > 0 ? tags[dependent - 1] : 0
        let after = dependent + 1 < words.count ? tags[dependent + 1] : 0
        let headLeft: UInt64 = head == root ? 0 : state.leftLabels[head]
        let headRight: UInt64 = head == root ? 0 : state.rightLabels[head]
        let dependentLabels = state.leftLabels[dependent] | (state.rightLabels[dependent] << 1)
        keys[0] = FeatureKey.of(300, 0)
        keys[1] = FeatureKey.of(301, hw.form, direction)
        keys[2] = FeatureKey.of(302, hp, direction)
        keys[3] = FeatureKey.of(303, dw.form, direction)
        keys[4] = FeatureKey.of(304, dp, direction)
        keys[5] = FeatureKey.of(305, hp, dp, direction)
        keys[6] = FeatureKey.of(306, hw.form, dp, direction)
        keys[7] = FeatureKey.of(307, hp, dw.form, direction)
        keys[8] = FeatureKey.of(308, hp, dp, direction, distance)
        keys[9] = FeatureKey.of(309, dw.suffix3, dp)
        keys[10] = FeatureKey.of(310, hw.form, dw.form)
        keys[11] = FeatureKey.of(311, hp, dp, before, direction)
        keys[12] = FeatureKey.of(312, hp, dp, after, direction)
        keys[13] = FeatureKey.of(313, hp, direction, dependent < head ? headLeft : headRight)
        keys[14] = FeatureKey.of(314, dp, dependentLabels)
        keys[15] = FeatureKey.of(315, dw.shape, dp, hp)
        keys[16] = FeatureKey.of(316, hw.suffix3, hp, dp)
        keys[17] = FeatureKey.of(317, dw.flags, dp, direction)
        keys[18] = FeatureKey.of(318, hp, dp, UInt64(state.leftCount[dependent]), UInt64(state.rightCount[dependent]))
        keys[19] = FeatureKey.of(319, dw.prefix2, dp, hp)
        // The words around the arc: what follows the buffer's first word, and the head's own head.
        let following = state.next + 1 < words.count ? tags[state.next + 1] : 0
        let grandparent = head == root || state.heads[head] < 0 ? 0 : (Int(state.heads[head]) == root ? ParserFeatures.rootTag : tags[Int(state.heads[head])])
        keys[20] = FeatureKey.of(320, hp, dp, following)
        keys[21] = FeatureKey.of(321, grandparent, hp, dp)
        keys[22] = FeatureKey.of(322, hw.form, dw.form, direction)
    }
}
