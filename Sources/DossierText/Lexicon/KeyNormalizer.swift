/// Turns a token's bytes into its lookup key: lower case, with curly apostrophes made straight.
enum KeyNormalizer {
    /// Writes the key of `bytes[range]` into `key` (emptied first).
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into key: inout [UInt8]) {
        key.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
                continue
            }
            let (scalar, length) = UTF8Reader.scalar(in: bytes, at: index)
            index += length
            switch scalar.value {
            case 0x2018, 0x2019, 0x02BC: key.append(UInt8(ascii: "'"))
            case 0x2010, 0x2011: key.append(UInt8(ascii: "-"))
            default:
                if scalar.properties.isUppercase {
                    key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    key.append(contentsOf: String(scalar).utf8)
                }
            }
        }
    }

    /// The key of a whole string, for building tables.
    static func key(of text: String) -> [UInt8] {
        var text = text
        var key: [UInt8] = []
        text.withUTF8 { normalize($0, 0..<$0.count, into: &key) }
        return key
    }
}
