/// The features the part-of-speech tagger reads at one word: the word's spelling, its neighbours
/// two words either way, and the tags already chosen for the two words before it.
package enum TaggerFeatures {
    /// How many feature keys `fill` writes.
    package static let count = 31

    /// Writes the feature keys of word `index` into `keys` (`count` of them). `previous` and
    /// `beforePrevious` are the tag classes chosen for the two words before it, plus one (0: no
    /// word); `ambiguity` holds each word's ambiguity class (the tags it was seen with in training).
    @inline(__always)
    package static func fill(_ keys: UnsafeMutablePointer<UInt64>, words: UnsafeBufferPointer<WordKeys>,
                             ambiguity: UnsafeBufferPointer<UInt64>, at index: Int, previous: UInt64, beforePrevious: UInt64) {
        @inline(__always) func word(_ offset: Int) -> WordKeys {
            let position = index + offset
            return position >= 0 && position < words.count ? words[position] : .none
        }
        let w0 = words[index], wm1 = word(-1), wm2 = word(-2), wp1 = word(1), wp2 = word(2)
        let initial: UInt64 = index == 0 ? 1 : 0
        @inline(__always) func classes(_ offset: Int) -> UInt64 {
            let position = index + offset
            return position >= 0 && position < words.count ? ambiguity[position] : 1
        }
        keys[0] = FeatureKey.of(0, 0)
        keys[1] = FeatureKey.of(1, w0.form)
        keys[2] = FeatureKey.of(2, w0.suffix3)
        keys[3] = FeatureKey.of(3, w0.suffix2)
        keys[4] = FeatureKey.of(4, w0.suffix1)
        keys[5] = FeatureKey.of(5, w0.suffix4)
        keys[6] = FeatureKey.of(6, w0.prefix1)
        keys[7] = FeatureKey.of(7, w0.prefix2)
        keys[8] = FeatureKey.of(8, w0.shape)
        keys[9] = FeatureKey.of(9, w0.flags, initial)
        keys[10] = FeatureKey.of(10, previous)
        keys[11] = FeatureKey.of(11, beforePrevious, previous)
        keys[12] = FeatureKey.of(12, previous, w0.form)
        keys[13] = FeatureKey.of(13, wm1.form)
        keys[14] = FeatureKey.of(14, wm1.suffix3)
        keys[15] = FeatureKey.of(15, wm2.form)
        keys[16] = FeatureKey.of(16, wp1.form)
        keys[17] = FeatureKey.of(17, wp1.suffix3)
        keys[18] = FeatureKey.of(18, wp2.form)
        keys[19] = FeatureKey.of(19, wm1.form, w0.form)
        keys[20] = FeatureKey.of(20, w0.form, wp1.form)
        keys[21] = FeatureKey.of(21, previous, wp1.form)
        keys[22] = FeatureKey.of(22, wp1.shape)
        keys[23] = FeatureKey.of(23, wm1.shape)
        keys[24] = FeatureKey.of(24, w0.shape, initial, wp1.flags)
        keys[25] = FeatureKey.of(25, beforePrevious)
        keys[26] = FeatureKey.of(26, previous, w0.suffix3)
        keys[27] = FeatureKey.of(27, classes(0))
        keys[28] = FeatureKey.of(28, classes(1))
        keys[29] = FeatureKey.of(29, classes(0), classes(1))
        keys[30] = FeatureKey.of(30, previous, classes(1), classes(2))
    }
}
