/// A 64-bit FNV-1a hash of bytes, written as 16 hex digits: a cheap fingerprint of texts and files.
///
/// It finds candidate duplicates and notices changed inputs; it is not a cryptographic hash, so
/// whoever needs certainty compares the bytes themselves after a match.
package struct ContentHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A hash of nothing yet.
    package init() {}

    /// Adds `bytes` to the hash.
    package mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var hash = state
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        state = hash
    }

    /// The hash so far, as 16 hex digits.
    package var hexDigits: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of a text's UTF-8 bytes.
    package static func of(_ text: String) -> String {
        var hash = ContentHash()
        var copy = text
        copy.withUTF8 { hash.combine(UnsafeRawBufferPointer($0)) }
        return hash.hexDigits
    }
}
