import DossierCore

/// Splits UTF-8 text into tokens: words, numbers, punctuation and symbols, each with its byte
/// range and code-point span.
///
/// The tokenizer keeps abbreviations and initialisms whole ("Mr.", "U.S."), numbers with their
/// separators ("1,000", "3.5", "2023-07-25"), hyphenated words ("no-limits") and inner apostrophes
/// ("don't"), and splits possessives ("Putin’s" → "Putin" + "’s").
public struct Tokenizer: Sendable {
    /// The words that keep a following period.
    package let abbreviations: Abbreviations

    /// Creates a tokenizer that knows the given abbreviations.
    package init(abbreviations: Abbreviations) {
        self.abbreviations = abbreviations
    }

    /// The tokenizer with the bundled abbreviation list.
    public static var standard: Tokenizer { Gazetteer.bundled.tokenizer }

    /// The tokens of `text`.
    public func tokens(in text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(in: $0) }
    }

    /// The tokens of UTF-8 `bytes`.
    package func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var scanner = TokenScanner(bytes: bytes, abbreviations: abbreviations)
        return scanner.run()
    }
}

/// The state of one tokenizing pass: a byte cursor and the code-point count before it.
private struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let abbreviations: Abbreviations
    var index = 0
    var codePoint = 0
    var tokens: [Token] = []
    var newlines = 0
    var sawSpace = false

    init(bytes: UnsafeBufferPointer<UInt8>, abbreviations: Abbreviations) {
        self.bytes = bytes
        self.abbreviations = abbreviations
        tokens.reserveCapacity(bytes.count / 5)
    }

    @inline(__always) func classify(_ position: Int) -> ScalarClass {
        position < bytes.count ? UTF8Reader.classify(bytes, at: position).0 : .space
    }

    @inline(__always) func isASCIILetter(_ position: Int) -> Bool {
        guard position < bytes.count else { return false }
        let byte = bytes[position] | 0x20
        return byte >= 0x61 && byte <= 0x7A
    }

    @inline(__always) func byte(_ position: Int) -> UInt8 { position < bytes.count ? bytes[position] : 0 }

    mutating func emit(start: Int, startCodePoint: Int, kind: TokenKind, shape: TokenShape) {
        tokens.append(Token(bytes: start..<index, span: TextSpan(start: startCodePoint, end: codePoint), kind: kind,
                            shape: shape, newlinesBefore: newlines, spaceBefore: sawSpace || tokens.isEmpty))
        newlines = 0
        sawSpace = false
    }

    mutating func run() -> [Token] {
        while index < bytes.count {
            let (scalarClass, length) = UTF8Reader.classify(bytes, at: index)
            switch scalarClass {
            case .space:
                index += length; codePoint += 1; sawSpace = true
            case .newline:
                index += length; codePoint += 1; sawSpace = true; newlines += 1
            case .upper, .lower, .otherLetter:
                scanWord()
            case .digit:
                scanNumber()
            default:
                scanPunctuation(scalarClass, length: length)
            }
        }
        return tokens
    }

    mutating func scanWord() {
        let start = index, startCodePoint = codePoint
        var uppers = 0, lowers = 0, firstLetter: ScalarClass? = nil
        var shape: TokenShape = []
        var previousWasAlphanumeric = false
        while index < bytes.count {
            let (scalarClass, length) = UTF8Reader.classify(bytes, at: index)
            if scalarClass.isAlphanumeric {
                if scalarClass == .upper { uppers += 1 } else if scalarClass == .lower { lowers += 1 }
                if scalarClass == .digit { shape.insert(.hasDigits) }
                if firstLetter == nil, scalarClass.isLetter { firstLetter = scalarClass }
                if length > 1 { shape.insert(.nonASCII) }
                index += length; codePoint += 1
                previousWasAlphanumeric = true
                continue
            }
            guard previousWasAlphanumeric else { break }
            if scalarClass == .hyphen {
                let nextIndex = index + length
                guard nextIndex < bytes.count, UTF8Reader.classify(bytes, at: nextIndex).0.isAlphanumeric else { break }
                shape.insert(.hyphenated)
                if length > 1 { shape.insert(.nonASCII) }
                index = nextIndex; codePoint += 1
                previousWasAlphanumeric = false
                continue
            }
            if scalarClass == .apostrophe {
                let nextIndex = index + length
                guard nextIndex < bytes.count, UTF8Reader.classify(bytes, at: nextIndex).0.isLetter else { break }
                let next = bytes[nextIndex] | 0x20
                if next == UInt8(ascii: "s"), !classify(nextIndex + 1).isAlphanumeric { break }  // possessive
                if length > 1 { shape.insert(.nonASCII) }
                index = nextIndex; codePoint += 1
                previousWasAlphanumeric = false
                continue
            }
            if scalarClass == .period {
                scanAbbreviationPeriod(start: start, shape: &shape, uppers: &uppers)
            }
            break
        }
        if firstLetter == .upper { shape.insert(.capitalized) } else if firstLetter == .lower { shape.insert(.lowercase) }
        if uppers > 0 && lowers == 0 { shape.insert(.allCaps) }
        emit(start: start, startCodePoint: startCodePoint, kind: .word, shape: shape)
    }

    /// At a period right after a word: keeps it when the word is an initial, an initialism or an abbreviation.
    mutating func scanAbbreviationPeriod(start: Int, shape: inout TokenShape, uppers: inout Int) {
        let wordLength = index - start
        if wordLength == 1, isASCIILetter(start) {
            // "U.S.", "e.g.", "U.S.A." or a single initial "J.".
            var end = index + 1, letters = 1
            while isASCIILetter(end), byte(end + 1) == UInt8(ascii: ".") {
                if bytes[end] < 0x61 { uppers += 1 }
                end += 2; letters += 1
            }
            let isUpper = bytes[start] < 0x61
            if letters > 1 {
                codePoint += end - index; index = end
                shape.formUnion([.abbreviation, .initialism, .mayEndSentence])
            } else if isUpper {
                index += 1; codePoint += 1
                shape.formUnion([.abbreviation, .initialism])
            }
            return
        }
        guard !shape.contains(.hyphenated) else { return }
        let (isAbbreviation, mayEnd) = abbreviations.lookUp(bytes, start..<index)
        guard isAbbreviation else { return }
        index += 1; codePoint += 1
        shape.insert(.abbreviation)
        if mayEnd { shape.insert(.mayEndSentence) }
    }

    @inline(__always) func isDigit(_ position: Int) -> Bool {
        let value = byte(position)
        return value >= 0x30 && value <= 0x39
    }

    mutating func scanNumber() {
        let start = index, startCodePoint = codePoint
        var shape: TokenShape = [.numeric, .hasDigits]
        while index < bytes.count {
            if isDigit(index) { index += 1; codePoint += 1; continue }
            let current = bytes[index]
            if current == UInt8(ascii: ","), isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), !isDigit(index + 4) {
                index += 4; codePoint += 4; continue
            }
            if current == UInt8(ascii: ".") || current == UInt8(ascii: "-") || current == UInt8(ascii: "/") || current == UInt8(ascii: ":"),
               isDigit(index + 1) {
                index += 2; codePoint += 2; continue
            }
            if isASCIILetter(index) {
                // A suffix: "25th", "6am", "1990s", "10km".
                shape.remove(.numeric)
                while isASCIILetter(index) { index += 1; codePoint += 1 }
            }
            break
        }
        emit(start: start, startCodePoint: startCodePoint, kind: .number, shape: shape)
    }

    mutating func scanPunctuation(_ scalarClass: ScalarClass, length: Int) {
        let start = index, startCodePoint = codePoint
        let previous = tokens.last
        let attached = !sawSpace && previous != nil
        index += length; codePoint += 1
        var shape: TokenShape = []
        var kind = TokenKind.punctuation
        switch scalarClass {
        case .period:
            if byte(index) == UInt8(ascii: "."), byte(index + 1) == UInt8(ascii: ".") { index += 2; codePoint += 2 }
            shape.insert(.terminal)
        case .terminal:
            shape.insert(.terminal)
        case .apostrophe:
            shape.insert(.quote)
            if attached, previous?.kind == .word || previous?.kind == .number, byte(index) | 0x20 == UInt8(ascii: "s"),
               !classify(index + 1).isAlphanumeric {
                index += 1; codePoint += 1
                shape = [.possessive, .lowercase]
                kind = .word
            } else {
                shape.insert(attached ? .closing : .opening)
            }
        case .openingQuote:
            shape.formUnion([.quote, .opening])
        case .closingQuote:
            shape.formUnion([.quote, .closing])
        case .straightDoubleQuote:
            let opens = !attached || previous.map { $0.shape.contains(.opening) } == true
            shape.formUnion([.quote, opens ? .opening : .closing])
        case .opening:
            shape.insert(.opening)
        case .closing:
            shape.insert(.closing)
        case .symbol:
            kind = .symbol
        default:
            break
        }
        emit(start: start, startCodePoint: startCodePoint, kind: kind, shape: shape)
    }
}
