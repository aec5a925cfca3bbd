/// Hashes the parts of a model feature (a template number and the values it reads: word keys,
/// tags, labels, distances) into one 64-bit key. Keys are never 0, which marks an empty slot.
enum FeatureKey {
    /// One multiply per value, with a finishing mix so the low bits (which choose the table slot)
    /// depend on every value.
    @inline(__always) static func step(_ hash: UInt64, _ value: UInt64) -> UInt64 { (hash ^ value) &* 0x9E37_79B9_7F4A_7C15 }

    @inline(__always) static func finish(_ hash: UInt64) -> UInt64 {
        var x = hash ^ (hash >> 32)
        x = x &* 0xD6E8_FEB8_6659_FD93
        return nonZero(x ^ (x >> 29))
    }

    /// The key of template `template` reading `a`.
    @inline(__always) static func of(_ template: UInt64, _ a: UInt64) -> UInt64 {
        finish(step(template &* 0xA076_1D64_78BD_642F, a))
    }

    /// The key of template `template` reading `a` and `b`.
    @inline(__always) static func of(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        finish(step(step(template &* 0xA076_1D64_78BD_642F, a), b))
    }

    /// The key of template `template` reading `a`, `b` and `c`.
    @inline(__always) static func of(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        finish(step(step(step(template &* 0xA076_1D64_78BD_642F, a), b), c))
    }

    /// The key of template `template` reading `a`, `b`, `c` and `d`.
    @inline(__always) static func of(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        finish(step(step(step(step(template &* 0xA076_1D64_78BD_642F, a), b), c), d))
    }

    @inline(__always) static func nonZero(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// FNV-1a over bytes, for word strings.
    @inline(__always) static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
        return hash
    }
}
