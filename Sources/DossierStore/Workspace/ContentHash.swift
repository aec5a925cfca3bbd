/// A 64-bit FNV-1a hash of a text's UTF-8 bytes, as 16 hex digits.
///
/// It finds candidate duplicates quickly; the ingest then compares the texts themselves, so a
/// collision can never drop a document.
enum ContentHash {
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var copy = text
        copy.withUTF8 { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
