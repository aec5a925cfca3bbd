import DossierCore

/// Splits query text into tokens, recording each token's line, column and UTF-8 offset.
///
/// The lexer never stops at an error: text that is not a token becomes a ``QueryToken/Kind/invalid(_:)``
/// token carrying its diagnostic, so the statements before it can still run.
package struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var location: SourceLocation

    /// Creates a lexer over `text`, whose first line is line `firstLine` of its source (a statement
    /// taken from the middle of a script keeps the script's line numbers).
    public init(_ text: String, firstLine: Int = 1) {
        scalars = Array(text.unicodeScalars)
        location = SourceLocation(line: firstLine, column: 1, offset: 0)
    }

    /// All tokens of `text`, ending with a ``QueryToken/Kind/end`` token; lines count from `firstLine`.
    public static func tokens(in text: String, firstLine: Int = 1) -> [QueryToken] {
        var lexer = Lexer(text, firstLine: firstLine)
        var tokens: [QueryToken] = []
        while true {
            let token = lexer.nextToken()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// Reads the next token.
    public mutating func nextToken() -> QueryToken {
        skipSpaceAndComments()
        let start = location
        let first = position
        guard let scalar = peek() else { return QueryToken(kind: .end, text: "", range: SourceRange(at: start)) }
        advance()
        func make(_ kind: QueryToken.Kind) -> QueryToken {
            QueryToken(kind: kind, text: text(from: first), range: SourceRange(start: start, end: location))
        }
        switch scalar {
        case "\n": return make(.newline)
        case "|": return make(.pipe)
        case ",": return make(.comma)
        case ";": return make(.semicolon)
        case ":": return make(.colon)
        case "(": return make(.leftParenthesis)
        case ")": return make(.rightParenthesis)
        case "[": return make(.leftBracket)
        case "]": return make(.rightBracket)
        case "=":
            if peek() == "=" { advance(); return make(.equal) }
            return make(.assign)
        case "!":
            if peek() == "=" { advance(); return make(.notEqual) }
            return make(.invalid(Diagnostic(.error, .unexpectedCharacter, "unexpected character '!'", range: SourceRange(start: start, end: location),
                                            help: .init("write '!=' for 'not equal', or 'not' before a condition"))))
        case "<":
            if peek() == "=" { advance(); return make(.lessOrEqual) }
            return make(.less)
        case ">":
            if peek() == "=" { advance(); return make(.greaterOrEqual) }
            return make(.greater)
        case "+": return make(.plus)
        case "-": return make(.minus)
        case "*": return make(.star)
        case "/": return make(.slash)
        case "$":
            return lexParameter(start: start, first: first)
        case "\"":
            return lexString(openedAt: start, first: first, prefix: 1)
        case "@":
            return lexEntity(start: start, first: first)
        default:
            if Lexer.isDigit(scalar) { return lexNumber(start: start, first: first) }
            if Lexer.isIdentifierStart(scalar) {
                while let next = peek(), Lexer.isIdentifierContinuation(next) { advance() }
                return make(.identifier)
            }
            let shown = scalar == "\t" || scalar == "\r" ? "\\t" : String(scalar)
            return make(.invalid(Diagnostic(.error, .unexpectedCharacter, "unexpected character '\(shown)'", range: SourceRange(start: start, end: location))))
        }
    }

    // MARK: Pieces

    private mutating func lexString(openedAt start: SourceLocation, first: Int, prefix: Int) -> QueryToken {
        var value = ""
        var endOfFirstLine: SourceLocation?
        var escapeError: Diagnostic?
        while let scalar = peek() {
            if scalar == "\"" {
                advance()
                let range = SourceRange(start: start, end: location)
                if let escapeError { return QueryToken(kind: .invalid(escapeError), text: text(from: first), range: range) }
                let kind: QueryToken.Kind = prefix == 1 ? .string(value) : .entity(value)
                return QueryToken(kind: kind, text: text(from: first), range: range)
            }
            if scalar == "\n", endOfFirstLine == nil { endOfFirstLine = location }
            if scalar == "\\" {
                let escapeStart = location
                advance()
                guard let escaped = peek() else { break }
                advance()
                switch escaped {
                case "\"": value += "\""
                case "\\": value += "\\"
                case "n": value += "\n"
                case "t": value += "\t"
                case "r": value += "\r"
                case "u" where peek() == "{":
                    advance()
                    var hex = ""
                    while let digit = peek(), digit != "}", digit != "\"", hex.count < 8 { hex.unicodeScalars.append(digit); advance() }
                    if peek() == "}" { advance() }
                    if let number = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(number) {
                        value.unicodeScalars.append(decoded)
                    } else if escapeError == nil {
                        escapeError = Diagnostic(.error, .invalidEscape, "invalid unicode escape '\\u{\(hex)}'", range: SourceRange(start: escapeStart, end: location))
                    }
                default:
                    if escapeError == nil {
                        escapeError = Diagnostic(.error, .invalidEscape, "unknown escape sequence '\\\(escaped)' in a string",
                                                 range: SourceRange(start: escapeStart, end: location),
                                                 help: .init("escapes are \\\", \\\\, \\n, \\t, \\r and \\u{…}"))
                    }
                }
                continue
            }
            value.unicodeScalars.append(scalar)
            advance()
        }
        let errorEnd = endOfFirstLine ?? location
        let diagnostic = Diagnostic(.error, .unterminatedString, "unterminated string", range: SourceRange(start: start, end: errorEnd),
                                    help: .init("add a closing '\"'"))
        return QueryToken(kind: .invalid(diagnostic), text: text(from: first), range: SourceRange(start: start, end: location), isIncomplete: true)
    }

    private mutating func lexEntity(start: SourceLocation, first: Int) -> QueryToken {
        if peek() == "\"" {
            advance()
            return lexString(openedAt: start, first: first, prefix: 2)
        }
        while let next = peek(), Lexer.isIdentifierContinuation(next) || next == "-" || next == "'" { advance() }
        let written = text(from: first)
        let range = SourceRange(start: start, end: location)
        if written.count == 1 {
            return QueryToken(kind: .invalid(Diagnostic(.error, .expectedName, "expected an entity name after '@'", range: range,
                                                   help: .init("write @name, or @\"Full Name\" for a name with spaces"))),
                         text: written, range: range)
        }
        return QueryToken(kind: .entity(String(written.dropFirst())), text: written, range: range)
    }

    /// `$name`: a script parameter.
    private mutating func lexParameter(start: SourceLocation, first: Int) -> QueryToken {
        while let next = peek(), Lexer.isIdentifierContinuation(next) { advance() }
        let written = text(from: first)
        let range = SourceRange(start: start, end: location)
        guard written.count > 1, Lexer.isIdentifierStart(written.unicodeScalars.dropFirst().first!) else {
            return QueryToken(kind: .invalid(Diagnostic(.error, .expectedName, "expected a parameter name after '$'", range: range,
                                                        help: .init("write $name for the parameter declared by 'param name: TYPE'"))),
                              text: written, range: range)
        }
        return QueryToken(kind: .parameter(String(written.dropFirst())), text: written, range: range)
    }

    private mutating func lexNumber(start: SourceLocation, first: Int) -> QueryToken {
        while let next = peek(), Lexer.isDigit(next) { advance() }
        var isTime = false
        var isFloat = false
        // A '-' after four digits goes on a time literal (2023-07); after other numbers it subtracts.
        let isYear = position - first == 4
        if (peek() == "-" && isYear) || (peek().map(Lexer.isIdentifierStart) ?? false) || (peek() == "." && peek(1) == ".") {
            isTime = true
            while let next = peek() {
                if Lexer.isIdentifierContinuation(next) || next == "-" {
                    advance()
                } else if next == ".", peek(1) == ".", let after = peek(2), Lexer.isDigit(after) {
                    advance(); advance()
                } else {
                    break
                }
            }
        } else if peek() == ".", let after = peek(1), Lexer.isDigit(after) {
            isFloat = true
            advance()
            while let next = peek(), Lexer.isDigit(next) { advance() }
        }
        let written = text(from: first)
        let range = SourceRange(start: start, end: location)
        if isTime { return QueryToken(kind: .time, text: written, range: range) }
        if isFloat, let value = Double(written) { return QueryToken(kind: .float(value), text: written, range: range) }
        if let value = Int(written) { return QueryToken(kind: .integer(value), text: written, range: range) }
        return QueryToken(kind: .invalid(Diagnostic(.error, .numberTooLarge, "the number \(written) is too large", range: range)), text: written, range: range)
    }

    // MARK: Scanning

    private mutating func skipSpaceAndComments() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\r" {
                advance()
            } else if scalar == "#" {
                while let next = peek(), next != "\n" { advance() }
            } else {
                return
            }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    private mutating func advance() {
        let scalar = scalars[position]
        position += 1
        location.offset += UTF8.width(scalar)
        if scalar == "\n" {
            location.line += 1
            location.column = 1
        } else {
            location.column += 1
        }
    }

    private func text(from first: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first..<position])
        return String(view)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    static func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar)
    }
}
