import DossierCore

/// The value of a script parameter: what `$NAME` stands for in a query.
public struct ParameterValue: Hashable, Sendable, CustomStringConvertible {
    /// Why a text is not a value of a parameter's type.
    public struct Problem: Error, Hashable, Sendable {
        /// One sentence that says what is wrong.
        public var reason: String
    }

    /// The parameter's type.
    public var type: ParameterType
    /// The value as query text: `@"Vladimir Putin"`, `2023-07`, `"arrest warrant"`, `42`, `person`.
    public var literal: String
    /// The text it was given as.
    public var text: String

    /// The value as query text.
    public var description: String { literal }

    /// The tokens `$NAME` stands for, all placed at `range` (where `$NAME` was written), so a
    /// diagnostic about the value points at the parameter. Tokens after the first are empty ranges
    /// at its end, so the parser sees them as written together (`@Dover:location`, `-5`).
    func tokens(at range: SourceRange) -> [QueryToken] {
        var tokens = Lexer.tokens(in: literal).filter { $0.kind != .newline && $0.kind != .end }
        for index in tokens.indices { tokens[index].range = index == 0 ? range : SourceRange(at: range.end) }
        return tokens
    }

    /// `text` as a string literal, quoted, with its quotes, backslashes and line breaks escaped.
    static func stringLiteral(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\t": literal += "\\t"
            case "\r": literal += "\\r"
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }

    /// `text` without the quotes around it when it is one string literal (`"arrest warrant"`), else as it is.
    static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasPrefix("\"") else { return text }
        let tokens = Lexer.tokens(in: trimmed)
        if tokens.count == 2, case .string(let value) = tokens[0].kind { return value }
        return text
    }
}
