/// The words of a full-text search, checked and turned into an SQLite FTS5 query.
///
/// The syntax is FTS5's: words that must all occur (`arrest warrant`), `"quoted phrases"`,
/// `OR`, `AND` and `NOT` in capitals, parentheses, `prefix*` and `NEAR(a b, 5)`. Every word is
/// handed to SQLite quoted, so punctuation inside a word (`Xi's`, `U.S.`, `co-operation`) is
/// matched as the tokenizer splits it instead of being an FTS5 syntax error; what is still wrong
/// (an unclosed quote or parenthesis, an operator with nothing on one side, a stray `*`) is a
/// ``Problem`` that says where, so a caret can point at it.
package enum SearchWords {
    /// What is wrong with the words, and where: `offset` counts Unicode scalars from their start.
    package struct Problem: Error, Equatable, Sendable {
        /// What is wrong.
        package var message: String
        /// Where, in Unicode scalars from the start of the words.
        package var offset: Int
        /// How long the wrong part is, in Unicode scalars.
        package var length: Int
    }

    /// The syntax, for notes under a problem.
    package static let syntaxNote = "search takes words that must all occur, \"quoted phrases\", OR, AND and NOT in capitals, "
        + "(parentheses), prefix* and NEAR(a b, 5)"

    /// The FTS5 query for `words`.
    package static func expression(for words: String) throws(Problem) -> String {
        var parser = Parser(tokens: try tokens(of: words), length: words.unicodeScalars.count)
        guard !parser.tokens.isEmpty else { throw Problem(message: "the search has no words", offset: 0, length: 0) }
        let expression = try parser.parseOr()
        if parser.current != nil {
            // Only a ')' or a ',' stops the parser early; reading it as an operand says which.
            _ = try parser.parseUnary()
        }
        return expression
    }

    private enum Kind: Equatable {
        case word(String), phrase(String), or, and, not, near, open, close, comma, star
    }

    private struct Token {
        var kind: Kind
        var offset: Int
        var length: Int
        /// Whether a space came before it (a `*` must follow its word directly).
        var spaced: Bool
    }

    private static func tokens(of words: String) throws(Problem) -> [Token] {
        let scalars = Array(words.unicodeScalars)
        var tokens: [Token] = []
        var position = 0
        var spaced = true
        while position < scalars.count {
            let scalar = scalars[position]
            let start = position
            if scalar.properties.isWhitespace {
                position += 1
                spaced = true
                continue
            }
            switch scalar {
            case "\"":
                position += 1
                var phrase = ""
                while position < scalars.count {
                    if scalars[position] == "\"" {
                        // FTS5 writes a quote inside a phrase twice.
                        if position + 1 < scalars.count, scalars[position + 1] == "\"" {
                            phrase.unicodeScalars.append("\"")
                            position += 2
                            continue
                        }
                        break
                    }
                    phrase.unicodeScalars.append(scalars[position])
                    position += 1
                }
                guard position < scalars.count else {
                    throw Problem(message: "the quoted phrase is never closed", offset: start, length: 1)
                }
                position += 1
                tokens.append(Token(kind: .phrase(phrase), offset: start, length: position - start, spaced: spaced))
            case "(", ")", "*", ",":
                position += 1
                let kind: Kind = scalar == "(" ? .open : scalar == ")" ? .close : scalar == "*" ? .star : .comma
                tokens.append(Token(kind: kind, offset: start, length: 1, spaced: spaced))
            default:
                var word = ""
                while position < scalars.count, !scalars[position].properties.isWhitespace, !"\"()*,".unicodeScalars.contains(scalars[position]) {
                    word.unicodeScalars.append(scalars[position])
                    position += 1
                }
                let kind: Kind = switch word {
                case "OR": .or
                case "AND": .and
                case "NOT": .not
                case "NEAR" where position < scalars.count && scalars[position] == "(": .near
                default: .word(word)
                }
                tokens.append(Token(kind: kind, offset: start, length: position - start, spaced: spaced))
            }
            spaced = false
        }
        return tokens
    }

    /// FTS5's grammar: OR binds loosest, then AND (also between words side by side), then NOT.
    private struct Parser {
        let tokens: [Token]
        let length: Int
        private var position = 0
        /// Parentheses open around the current place; parsing recurses once per level.
        private var nesting = 0
        static let maximumNesting = 100

        init(tokens: [Token], length: Int) {
            self.tokens = tokens
            self.length = length
        }

        var current: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func parseOr() throws(Problem) -> String {
            var parts = [try parseAnd()]
            while let token = current, token.kind == .or {
                position += 1
                parts.append(try operand(after: token, "OR") { (parser: inout Parser) throws(Problem) in try parser.parseAnd() })
            }
            return parts.joined(separator: " OR ")
        }

        mutating func parseAnd() throws(Problem) -> String {
            var parts = [try parseNot()]
            while let token = current {
                if token.kind == .and {
                    position += 1
                    parts.append(try operand(after: token, "AND") { (parser: inout Parser) throws(Problem) in try parser.parseNot() })
                } else if startsOperand(token) {
                    parts.append(try parseNot())
                } else {
                    break
                }
            }
            return parts.joined(separator: " AND ")
        }

        mutating func parseNot() throws(Problem) -> String {
            var expression = try parseUnary()
            while let token = current, token.kind == .not {
                position += 1
                expression += " NOT " + (try operand(after: token, "NOT") { (parser: inout Parser) throws(Problem) in try parser.parseUnary() })
            }
            return expression
        }

        private func startsOperand(_ token: Token) -> Bool {
            switch token.kind {
            case .word, .phrase, .open, .near, .star: true
            default: false
            }
        }

        /// The operand after an operator, or the problem that there is none.
        private mutating func operand(after token: Token, _ name: String,
                                      _ parse: (inout Parser) throws(Problem) -> String) throws(Problem) -> String {
            guard let next = current, startsOperand(next) else {
                throw Problem(message: "\(name) needs words on both sides", offset: token.offset, length: token.length)
            }
            return try parse(&self)
        }

        mutating func parseUnary() throws(Problem) -> String {
            guard let token = current else {
                throw Problem(message: "the search ends where words were expected", offset: length, length: 0)
            }
            switch token.kind {
            case .word(let word):
                position += 1
                return Self.quoted(word) + prefixMark()
            case .phrase(let phrase):
                position += 1
                return Self.quoted(phrase) + prefixMark()
            case .open:
                position += 1
                nesting += 1
                defer { nesting -= 1 }
                guard nesting <= Self.maximumNesting else {
                    throw Problem(message: "parentheses nest more than \(Self.maximumNesting) deep", offset: token.offset, length: 1)
                }
                if current?.kind == .close {
                    throw Problem(message: "'()' holds no words", offset: token.offset, length: 2)
                }
                let inner = try parseOr()
                guard current?.kind == .close else {
                    throw Problem(message: "'(' is never closed", offset: token.offset, length: 1)
                }
                position += 1
                return "(" + inner + ")"
            case .near:
                return try parseNear(token)
            case .star:
                throw Problem(message: "'*' marks a prefix and goes right after a word, as in 'sanction*'", offset: token.offset, length: 1)
            case .or, .and, .not:
                let name = token.kind == .or ? "OR" : token.kind == .and ? "AND" : "NOT"
                throw Problem(message: "\(name) needs words on both sides", offset: token.offset, length: token.length)
            case .close:
                throw Problem(message: "')' has no '(' before it", offset: token.offset, length: 1)
            case .comma:
                throw Problem(message: "',' belongs inside NEAR(…), as in NEAR(putin xi, 5)", offset: token.offset, length: 1)
            }
        }

        /// `*` right after the word or phrase just read.
        private mutating func prefixMark() -> String {
            guard let next = current, next.kind == .star, !next.spaced else { return "" }
            position += 1
            return "*"
        }

        /// `NEAR(phrase phrase …[, N])`.
        private mutating func parseNear(_ near: Token) throws(Problem) -> String {
            position += 2  // NEAR and '('
            var phrases: [String] = []
            while let token = current {
                switch token.kind {
                case .word(let word):
                    position += 1
                    phrases.append(Self.quoted(word) + prefixMark())
                    continue
                case .phrase(let phrase):
                    position += 1
                    phrases.append(Self.quoted(phrase) + prefixMark())
                    continue
                default:
                    break
                }
                break
            }
            guard phrases.count >= 2 else {
                throw Problem(message: "NEAR(…) needs two or more words or phrases", offset: near.offset, length: near.length)
            }
            var distance = ""
            if current?.kind == .comma {
                position += 1
                guard let token = current, case .word(let number) = token.kind, Int(number) != nil else {
                    throw Problem(message: "NEAR(…, N) ends with a number of words", offset: current?.offset ?? length, length: 1)
                }
                position += 1
                distance = ", " + number
            }
            guard current?.kind == .close else {
                throw Problem(message: "'NEAR(' is never closed", offset: near.offset, length: near.length + 1)
            }
            position += 1
            return "NEAR(" + phrases.joined(separator: " ") + distance + ")"
        }

        private static func quoted(_ text: String) -> String {
            var quoted = "\""
            for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
            return quoted + "\""
        }
    }
}
