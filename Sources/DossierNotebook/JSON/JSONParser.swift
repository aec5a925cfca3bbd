import DossierCore

/// Reads JSON text (RFC 8259) into a ``JSONValue`` whose objects keep their key order: notebooks,
/// Jupyter connection files and messages.
///
/// A malformed document is a ``Diagnostic`` pointing at the line and column where reading stopped.
struct JSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private let sourceName: String

    /// Parses `text`, named `sourceName` in diagnostics.
    static func parse(_ text: String, sourceName: String = "<json>") throws(Diagnostic) -> JSONValue {
        try parse(Array(text.utf8), sourceName: sourceName)
    }

    /// Parses UTF-8 `bytes`, named `sourceName` in diagnostics.
    static func parse(_ bytes: [UInt8], sourceName: String = "<json>") throws(Diagnostic) -> JSONValue {
        var parser = JSONParser(bytes: bytes, sourceName: sourceName)
        // A byte order mark is not JSON, but editors write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.position < bytes.count { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], sourceName: String) {
        self.bytes = bytes
        self.sourceName = sourceName
    }

    /// Nesting deeper than this is refused rather than risking the stack.
    private static let deepest = 512

    private mutating func value(depth: Int) throws(Diagnostic) -> JSONValue {
        guard depth < Self.deepest else { throw failure("JSON nested more than \(Self.deepest) levels deep") }
        skipWhitespace()
        guard position < bytes.count else { throw failure("the JSON ends where a value should be") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if peek(UInt8(ascii: "}")) { return .object(members) }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
                let key = try string()
                skipWhitespace()
                guard peek(UInt8(ascii: ":")) else { throw failure("expected ':' after the key \"\(key)\"") }
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { continue }
                if peek(UInt8(ascii: "}")) { return .object(members) }
                throw failure("expected ',' or '}' in an object")
            }
        case UInt8(ascii: "["):
            position += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { return .array(elements) }
            while true {
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { continue }
                if peek(UInt8(ascii: "]")) { return .array(elements) }
                throw failure("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try word("true")
            return .boolean(true)
        case UInt8(ascii: "f"):
            try word("false")
            return .boolean(false)
        case UInt8(ascii: "n"):
            try word("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        default:
            throw failure("unexpected character where a value should be")
        }
    }

    private mutating func word(_ expected: StaticString) throws(Diagnostic) {
        let count = expected.utf8CodeUnitCount
        let matches = position + count <= bytes.count
            && expected.withUTF8Buffer { Array($0) } == Array(bytes[position..<(position + count)])
        guard matches else { throw failure("unexpected word where a value should be") }
        position += count
    }

    private mutating func number() throws(Diagnostic) -> JSONValue {
        let start = position
        var isInteger = true
        if peek(UInt8(ascii: "-")) {}
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        guard digits() > 0 else { throw failure("a number needs digits") }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw failure("a number needs digits after its '.'") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            isInteger = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .integer(integer) }
        guard let number = Double(text) else { throw failure("the number \(text) cannot be read") }
        return .number(number)
    }

    private mutating func string() throws(Diagnostic) -> String {
        let opening = position
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flushRun() {
            if runStart < position { scalars.append(contentsOf: String(decoding: bytes[runStart..<position], as: UTF8.self).unicodeScalars) }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                flushRun()
                position += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("a control character inside a string must be escaped") }
            guard byte == UInt8(ascii: "\\") else {
                position += 1
                continue
            }
            flushRun()
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hexQuad()
                if (0xD800..<0xDC00).contains(code) {
                    // A surrogate pair; a lone half becomes U+FFFD, as Python reads it leniently too.
                    if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                        let save = position
                        position += 2
                        let low = try hexQuad()
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            position = save
                            code = 0xFFFD
                        }
                    } else {
                        code = 0xFFFD
                    }
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default:
                position -= 1
                throw failure("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
            }
            runStart = position
        }
        position = opening
        throw failure("unterminated string")
    }

    private mutating func hexQuad() throws(Diagnostic) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("'\\u' needs four hexadecimal digits") }
        var code: UInt32 = 0
        for byte in bytes[position..<(position + 4)] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { throw failure("'\\u' needs four hexadecimal digits") }
            code = code * 16 + UInt32(digit)
        }
        position += 4
        return code
    }

    private mutating func peek(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// A diagnostic at the current position, by line and column.
    private func failure(_ message: String) -> Diagnostic {
        let before = bytes[..<min(position, bytes.count)]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<min(position, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
        let location = SourceLocation(line: line, column: column, offset: position)
        return Diagnostic(.error, .malformedJSON, "malformed JSON: \(message)", sourceName: sourceName, range: SourceRange(start: location, end: location))
    }
}
