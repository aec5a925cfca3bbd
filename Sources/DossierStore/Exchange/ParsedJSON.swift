/// A JSON value read straight from UTF-8 bytes (RFC 8259), for reading annotation records.
///
/// `JSONSerialization` gives Foundation objects that every field then casts from `Any`, which made
/// reading a record a third of an `ingest --annotations`; this reader makes Swift values in one
/// pass over the bytes, copying a string's bytes whole unless it has escapes.
package indirect enum ParsedJSON: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case boolean(Bool)
    /// A number, as a double (a whole number is exact up to 2^53).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([ParsedJSON])
    /// An object; of repeated keys, the last wins.
    case object([String: ParsedJSON])

    /// Why bytes are not one JSON value: the offset of the first byte that does not fit.
    package struct SyntaxError: Error, Equatable {
        /// The byte offset in the input.
        package var offset: Int
    }

    /// The one value `bytes` hold, with white space around it allowed.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> ParsedJSON {
        var reader = Reader(bytes: bytes)
        reader.skipWhiteSpace()
        let value = try reader.value(depth: 0)
        reader.skipWhiteSpace()
        guard reader.offset == bytes.count else { throw SyntaxError(offset: reader.offset) }
        return value
    }

    /// The one value `bytes` hold.
    package static func parse(_ bytes: some Collection<UInt8>) throws(SyntaxError) -> ParsedJSON {
        let result: Result<ParsedJSON, SyntaxError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(SyntaxError) in try parse(buffer) }
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer in Result { () throws(SyntaxError) in try parse(buffer) } }.get()
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    /// Deeper nesting than this is refused rather than followed down the stack.
    static let maximumDepth = 512

    typealias SyntaxError = ParsedJSON.SyntaxError

    var failure: SyntaxError { SyntaxError(offset: offset) }

    mutating func skipWhiteSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(SyntaxError) -> ParsedJSON {
        guard offset < bytes.count, depth < Self.maximumDepth else { throw failure }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .boolean(true)
        case UInt8(ascii: "f"): try literal("false"); return .boolean(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure
        }
    }

    mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw failure }
        for index in 0..<count where bytes[offset + index] != word.utf8Start[index] {
            offset += index
            throw failure
        }
        offset += count
    }

    /// Whether the next byte is `byte`; when it is, it is passed over.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    mutating func object(depth: Int) throws(SyntaxError) -> ParsedJSON {
        offset += 1
        var members: [String: ParsedJSON] = [:]
        skipWhiteSpace()
        if skip(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhiteSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw failure }
            let key = try string()
            skipWhiteSpace()
            guard skip(UInt8(ascii: ":")) else { throw failure }
            skipWhiteSpace()
            members[key] = try value(depth: depth + 1)
            skipWhiteSpace()
            if skip(UInt8(ascii: "}")) { return .object(members) }
            guard skip(UInt8(ascii: ",")) else { throw failure }
        }
    }

    mutating func array(depth: Int) throws(SyntaxError) -> ParsedJSON {
        offset += 1
        var elements: [ParsedJSON] = []
        skipWhiteSpace()
        if skip(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            skipWhiteSpace()
            elements.append(try value(depth: depth + 1))
            skipWhiteSpace()
            if skip(UInt8(ascii: "]")) { return .array(elements) }
            guard skip(UInt8(ascii: ",")) else { throw failure }
        }
    }

    /// A string from its opening quote; the bytes must be UTF-8 without control characters.
    mutating func string() throws(SyntaxError) -> String {
        offset += 1
        let start = offset
        // Most strings have no escape: find the closing quote and take the bytes between whole.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                defer { offset += 1 }
                return try validated(start..<offset)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure }
            offset += 1
        }
        guard offset < bytes.count else { throw failure }
        var decoded = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: decoded, as: UTF8.self) else { throw SyntaxError(offset: start) }
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { throw failure }
                let escaped = bytes[offset]
                offset += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hexQuad()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        // A high surrogate must be followed by an escaped low one.
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else { throw failure }
                        offset += 2
                        let low = try hexQuad()
                        guard low >= 0xDC00 && low < 0xE000 else { throw failure }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw failure }
                    decoded.append(contentsOf: UTF8.encode(unicode)!)
                default:
                    offset -= 1
                    throw failure
                }
            default:
                if byte < 0x20 { throw failure }
                decoded.append(byte)
                offset += 1
            }
        }
        throw failure
    }

    func validated(_ range: Range<Int>) throws(SyntaxError) -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            throw SyntaxError(offset: range.lowerBound)
        }
        return text
    }

    mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// A number by JSON's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    mutating func number() throws(SyntaxError) -> Double {
        let start = offset
        func digits() -> Int {
            let first = offset
            while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") { offset += 1 }
            return offset - first
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count else { throw failure }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard digits() > 0 else { throw failure }
        }
        var isWhole = true
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw failure }
            isWhole = false
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw failure }
            isWhole = false
        }
        // Whole numbers of up to 15 digits, the common case, without parsing text.
        if isWhole, offset - start <= 16 {
            var value: Int64 = 0
            for index in start..<offset where bytes[index] != UInt8(ascii: "-") { value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
            return bytes[start] == UInt8(ascii: "-") ? -Double(value) : Double(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw SyntaxError(offset: start) }
        return value
    }
}
