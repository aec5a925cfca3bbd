/// A case-insensitive key for a name or a word of one: FNV-1a over its lower-cased UTF-8 bytes.
///
/// Resolution looks names up by their text in any case many times per document; hashing bytes
/// avoids the allocation, normalisation and hashing costs of lower-cased `String` keys.
enum NameKey {
    /// The key of a name or word.
    static func of(_ text: String) -> UInt64 { of(text.utf8[...]) }

    /// The key of a name or word given as UTF-8 bytes.
    static func of(_ bytes: Substring.UTF8View.SubSequence) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for byte in bytes { hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x100_0000_01b3 }
        } else {
            // Rare: letters outside ASCII lower-case by Unicode's rules.
            for byte in Substring(bytes).lowercased().utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return hash
    }
}
