import DossierCore

/// Where the characters of a string literal's value were written, so an error inside the string
/// (a regular expression, full-text search words) gets its caret under the right character.
enum StringLiteralPlaces {
    /// The source range of the value's scalars `scalars` (offsets from 0), for a literal written at
    /// `literal` (quotes included, `@` first for an entity name). When the value cannot have been
    /// written on that one line with the usual escapes (`\"`, `\\`, `\n`, `\t`, `\r`), the whole literal.
    static func range(of scalars: Range<Int>, in value: String, literal: SourceRange) -> SourceRange {
        let widths = value.unicodeScalars.map(sourceWidth)
        let opening = literal.end.column - literal.start.column - widths.reduce(0, +) - 1
        guard literal.start.line == literal.end.line, opening >= 1, opening <= 2,
              scalars.lowerBound >= 0, scalars.upperBound <= widths.count else { return literal }
        func location(_ index: Int) -> SourceLocation {
            let written = widths[..<index].reduce(0, +)
            let bytes = value.unicodeScalars.prefix(index).reduce(0) { $0 + sourceBytes($1) }
            return SourceLocation(line: literal.start.line, column: literal.start.column + opening + written,
                                  offset: literal.start.offset + opening + bytes)
        }
        let end = max(scalars.upperBound, min(scalars.lowerBound + 1, widths.count))
        return SourceRange(start: location(scalars.lowerBound), end: location(end))
    }

    /// How many characters the scalar takes in source: two for an escape, else one.
    private static func sourceWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar {
        case "\"", "\\", "\n", "\t", "\r": 2
        default: 1
        }
    }

    private static func sourceBytes(_ scalar: Unicode.Scalar) -> Int {
        sourceWidth(scalar) == 2 ? 2 : UTF8.width(scalar)
    }
}
