/// How the tokenizer sees one Unicode scalar, decoded from UTF-8 bytes.
enum ScalarClass: UInt8 {
    case space, newline, upper, lower, otherLetter, digit, apostrophe, openingQuote, closingQuote
    case straightDoubleQuote, hyphen, period, opening, closing, terminal, punctuation, symbol

    var isLetter: Bool { self == .upper || self == .lower || self == .otherLetter }
    var isAlphanumeric: Bool { isLetter || self == .digit }

    /// The classes of the 128 ASCII bytes.
    static let ascii: [ScalarClass] = (0..<128).map { byte -> ScalarClass in
        switch UInt8(byte) {
        case UInt8(ascii: "\n"): return .newline
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C: return .space
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .upper
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return .lower
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "'"): return .apostrophe
        case UInt8(ascii: "\""): return .straightDoubleQuote
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return .opening
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return .closing
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return .terminal
        case UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="),
             UInt8(ascii: ">"), UInt8(ascii: "^"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "`"),
             UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "@"), UInt8(ascii: "\\"): return .symbol
        case 0..<0x20, 0x7F: return .space
        default: return .punctuation
        }
    }

    /// The class of a scalar outside ASCII.
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x2018: return .openingQuote
        case 0x2019, 0x02BC: return .apostrophe
        case 0x201C, 0x201E, 0x00AB: return .openingQuote
        case 0x201D, 0x00BB: return .closingQuote
        case 0x2010, 0x2011: return .hyphen
        case 0x2026: return .terminal
        case 0x2028, 0x2029, 0x0085: return .newline
        case 0xFE00...0xFE0F, 0x200B...0x200F, 0x20E3: return .symbol
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.isUppercase { return .upper }
        if properties.isLowercase { return .lower }
        if properties.isAlphabetic { return .otherLetter }
        switch properties.generalCategory {
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .otherLetter
        case .openPunctuation: return .opening
        case .closePunctuation: return .closing
        case .dashPunctuation, .connectorPunctuation, .otherPunctuation, .initialPunctuation, .finalPunctuation: return .punctuation
        default: return .symbol
        }
    }
}

/// Reads Unicode scalars out of UTF-8 bytes without building strings.
enum UTF8Reader {
    /// The number of bytes of the scalar whose first byte is `lead`.
    @inline(__always)
    static func length(ofLead lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Decodes the scalar at `index` (which must start one); returns it and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = min(self.length(ofLead: lead), bytes.count - index)
        var value: UInt32
        switch length {
        case 1: return (Unicode.Scalar(lead), 1)
        case 2: value = UInt32(lead & 0x1F)
        case 3: value = UInt32(lead & 0x0F)
        default: value = UInt32(lead & 0x07)
        }
        if length > 1 {
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The class and byte length of the scalar at `index`.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (ScalarClass, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (ScalarClass.ascii[Int(lead)], 1) }
        let (scalar, length) = scalar(in: bytes, at: index)
        return (ScalarClass.of(scalar), length)
    }
}
