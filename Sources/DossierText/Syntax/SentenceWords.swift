/// The words of one sentence as the tagger and parser read them: UTF-8 bytes and the byte range
/// of each word. Words follow Universal Dependencies tokenization ("do" + "n't", "al" + "-" +
/// "Assad"); `SyntacticWords` turns Dossier's tokens into such words.
public struct SentenceWords: Sendable {
    /// The bytes the ranges point into (a document's text, or the words joined).
    public let bytes: [UInt8]
    /// Each word's byte range in `bytes`.
    public let ranges: [Range<Int>]

    /// Words at the given ranges of `bytes`.
    public init(bytes: [UInt8], ranges: [Range<Int>]) {
        self.bytes = bytes
        self.ranges = ranges
    }

    /// The words `forms`, joined into one buffer.
    public init(forms: [String]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for form in forms {
            let start = bytes.count
            bytes.append(contentsOf: form.utf8)
            ranges.append(start..<bytes.count)
            bytes.append(0x20)
        }
        self.init(bytes: bytes, ranges: ranges)
    }

    /// The number of words.
    public var count: Int { ranges.count }

    /// The text of word `index`.
    public func form(_ index: Int) -> String { String(decoding: bytes[ranges[index]], as: UTF8.self) }
}

/// What the tagger's and parser's features read of a word, hashed once per sentence.
package struct WordKeys {
    /// The lower-cased form, digits written as 0 ("2,019" → "0,000").
    package var form: UInt64
    /// The spelling's shape: "Xxxx", "dddd", "X.X.", runs longer than four cut.
    var shape: UInt64
    /// The last one to four bytes of the lower-cased form.
    var suffix1: UInt64, suffix2: UInt64, suffix3: UInt64, suffix4: UInt64
    /// The first one and two bytes.
    var prefix1: UInt64, prefix2: UInt64
    /// Spelling flags: capitalised, all capitals, has a digit, has a hyphen, has a period.
    var flags: UInt64

    /// The keys of the words of `sentence`.
    package static func of(_ sentence: SentenceWords) -> [WordKeys] {
        sentence.bytes.withUnsafeBufferPointer { bytes in
            var scratch: [UInt8] = []
            var shape: [UInt8] = []
            return sentence.ranges.map { range in
                scratch.removeAll(keepingCapacity: true)
                shape.removeAll(keepingCapacity: true)
                var flags: UInt64 = 0
                var lastShape: UInt8 = 0, run = 0
                for index in range {
                    let byte = bytes[index]
                    var lower = byte, shapeByte = byte
                    switch byte {
                    case 0x41...0x5A: lower = byte | 0x20; shapeByte = 0x58; if index == range.lowerBound { flags |= 1 }
                    case 0x61...0x7A: shapeByte = 0x78; flags |= 2
                    case 0x30...0x39: lower = 0x30; shapeByte = 0x64; flags |= 4
                    case 0x2D: flags |= 8
                    case 0x2E: flags |= 16
                    case 0x80...: shapeByte = 0x75
                    default: break
                    }
                    scratch.append(lower)
                    if shapeByte == lastShape { run += 1 } else { run = 1; lastShape = shapeByte }
                    if run <= 4 { shape.append(shapeByte) }
                }
                // "all capitals": capitalised with no lower-case letter.
                if flags & 1 != 0 && flags & 2 == 0 && range.count > 1 { flags |= 32 }
                flags &= ~2
                return scratch.withUnsafeBufferPointer { lower in
                    let count = lower.count
                    func suffix(_ length: Int) -> UInt64 {
                        FeatureKey.bytes(lower, max(0, count - length)..<count) &+ UInt64(length)
                    }
                    return WordKeys(
                        form: FeatureKey.bytes(lower, 0..<count),
                        shape: shape.withUnsafeBufferPointer { FeatureKey.bytes($0, 0..<$0.count) },
                        suffix1: suffix(1), suffix2: suffix(2), suffix3: suffix(3), suffix4: suffix(4),
                        prefix1: FeatureKey.bytes(lower, 0..<min(1, count)) &+ 11,
                        prefix2: FeatureKey.bytes(lower, 0..<min(2, count)) &+ 12,
                        flags: flags)
                }
            }
        }
    }

    /// The keys that stand for "no word here" (before the start, past the end).
    static let none = WordKeys(form: 1, shape: 1, suffix1: 1, suffix2: 1, suffix3: 1, suffix4: 1, prefix1: 1, prefix2: 1, flags: 64)
    /// The keys of the parser's root.
    static let root = WordKeys(form: 2, shape: 2, suffix1: 2, suffix2: 2, suffix3: 2, suffix4: 2, prefix1: 2, prefix2: 2, flags: 128)
}
