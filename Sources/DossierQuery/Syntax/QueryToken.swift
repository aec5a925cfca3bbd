import DossierCore

/// One token of query text, with the place it was read from.
package struct QueryToken: Hashable, Sendable, CustomStringConvertible {
    /// What sort of token it is, with its decoded value where it has one.
    package enum Kind: Hashable, Sendable {
        /// A word: a source, stage, field, function, keyword or enum case.
        case identifier
        /// A whole number.
        case integer(Int)
        /// A number with a fractional part.
        case float(Double)
        /// A quoted string, with its escapes decoded.
        case string(String)
        /// A time literal as written (`2023-07`, `2023-03..2023-10`); the parser checks it.
        case time
        /// An entity literal (`@putin`, `@"Xi Jinping"`), with the name it gives.
        case entity(String)
        /// `|`
        case pipe
        /// `,`
        case comma
        /// `;`
        case semicolon
        /// `:`
        case colon
        /// `(`
        case leftParenthesis
        /// `)`
        case rightParenthesis
        /// `[`
        case leftBracket
        /// `]`
        case rightBracket
        /// `=`
        case assign
        /// `==`
        case equal
        /// `!=`
        case notEqual
        /// `<`
        case less
        /// `<=`
        case lessOrEqual
        /// `>`
        case greater
        /// `>=`
        case greaterOrEqual
        /// `+`
        case plus
        /// `-`
        case minus
        /// `*`
        case star
        /// `/`
        case slash
        /// `$name`: a script parameter, with its name.
        case parameter(String)
        /// The end of a line.
        case newline
        /// The end of the text.
        case end
        /// Text that is not a token, with the diagnostic that says why.
        case invalid(Diagnostic)
    }

    /// What sort of token it is.
    package var kind: Kind
    /// The token as written in the source.
    package var text: String
    /// Where the token lies in the source.
    package var range: SourceRange
    /// Whether the token reached the end of the text before it was complete (an unterminated string).
    package var isIncomplete: Bool

    /// Creates a token.
    package init(kind: Kind, text: String, range: SourceRange, isIncomplete: Bool = false) {
        self.kind = kind
        self.text = text
        self.range = range
        self.isIncomplete = isIncomplete
    }

    /// Whether the token is the identifier `word`.
    package func isWord(_ word: String) -> Bool { kind == .identifier && text == word }

    /// The token as written, or a name for the tokens that have no text.
    package var description: String {
        switch kind {
        case .newline: "end of line"
        case .end: "end of input"
        default: text
        }
    }
}
