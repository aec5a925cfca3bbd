import DossierCore

/// What sort of text a token is.
public enum TokenKind: UInt8, Hashable, Sendable {
    /// Letters, possibly with digits, hyphens, inner apostrophes or an abbreviation's period.
    case word
    /// Digits, possibly with separators (`1,000`, `3.5`, `2023-07-25`) and a letter suffix (`25th`).
    case number
    /// A punctuation mark, a quote or an apostrophe.
    case punctuation
    /// Any other symbol: currency signs, emoji.
    case symbol
}

/// Simple facts about a token's spelling.
package struct TokenShape: OptionSet, Hashable, Sendable {
    /// The bits.
    package let rawValue: UInt16
    /// Creates a shape from its bits.
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The first letter is upper case ("Putin", "U.S.", "ICC").
    package static let capitalized = TokenShape(rawValue: 1 << 0)
    /// There is a letter and no letter is lower case ("ICC", "G20", "U.S.").
    package static let allCaps = TokenShape(rawValue: 1 << 1)
    /// The first letter is lower case.
    package static let lowercase = TokenShape(rawValue: 1 << 2)
    /// Digits and separators only ("1,000", "3.5", "2023-07-25").
    package static let numeric = TokenShape(rawValue: 1 << 3)
    /// Contains a digit.
    package static let hasDigits = TokenShape(rawValue: 1 << 4)
    /// Contains an inner hyphen ("no-limits", "Jong-un").
    package static let hyphenated = TokenShape(rawValue: 1 << 5)
    /// Ends with a period that belongs to it ("Mr.", "U.S.", "J.").
    package static let abbreviation = TokenShape(rawValue: 1 << 6)
    /// The possessive ending "’s" or "'s", split from its word.
    package static let possessive = TokenShape(rawValue: 1 << 7)
    /// A quotation mark or apostrophe, straight or curly.
    package static let quote = TokenShape(rawValue: 1 << 8)
    /// Contains a byte outside ASCII.
    package static let nonASCII = TokenShape(rawValue: 1 << 9)
    /// An initialism written with periods ("U.S.", "e.g.") or a single initial ("J.").
    package static let initialism = TokenShape(rawValue: 1 << 10)
    /// Ends a sentence-final abbreviation that may also end a sentence ("Inc.", "etc.").
    package static let mayEndSentence = TokenShape(rawValue: 1 << 11)
    /// Sentence-final punctuation: `.`, `!`, `?`, `…`, `...`.
    package static let terminal = TokenShape(rawValue: 1 << 12)
    /// An opening quote or bracket.
    package static let opening = TokenShape(rawValue: 1 << 13)
    /// A closing quote or bracket.
    package static let closing = TokenShape(rawValue: 1 << 14)
}

/// One token of a text: where it is, in bytes and in code points, and what it looks like.
public struct Token: Hashable, Sendable {
    /// The token's UTF-8 byte offsets in the text.
    public var bytes: Range<Int>
    /// The token's Unicode code-point offsets in the text.
    public var span: TextSpan
    /// What sort of token it is.
    public var kind: TokenKind
    /// Facts about its spelling.
    package var shape: TokenShape
    /// How many line breaks lie between the previous token and this one.
    public var newlinesBefore: Int
    /// Whether white space separates this token from the previous one.
    public var spaceBefore: Bool

    /// Creates a token.
    package init(bytes: Range<Int>, span: TextSpan, kind: TokenKind, shape: TokenShape, newlinesBefore: Int, spaceBefore: Bool) {
        self.bytes = bytes
        self.span = span
        self.kind = kind
        self.shape = shape
        self.newlinesBefore = newlinesBefore
        self.spaceBefore = spaceBefore
    }

    /// Whether the token is a word that starts with a capital letter (not a possessive ending).
    public var isCapitalizedWord: Bool { kind == .word && shape.contains(.capitalized) && !shape.contains(.possessive) }
}
