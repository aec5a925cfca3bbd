/// The syntax tree of a regular expression, as `matches "…"` reads it.
///
/// The syntax is the common core of Perl, ICU and Swift regular expressions: literals and escapes,
/// `.`, classes `[a-z]` `[^…]` with `\d \w \s \p{…}` inside, groups `(…)` `(?:…)` `(?<name>…)`,
/// alternation `|`, quantifiers `* + ? {n} {n,} {n,m}` (greedy or lazy), anchors `^ $ \A \z \b \B`
/// and the flags `(?i)`, `(?m)`, `(?s)`. Back-references and lookaround are refused: they cannot be
/// matched in time linear in the text, which is what ``LinearRegex`` guarantees.
indirect enum RegexNode: Sendable {
    case empty
    case scalar(Unicode.Scalar, caseInsensitive: Bool)
    /// `.`; it matches a line break only under `(?s)`.
    case any(matchesNewline: Bool)
    case set(RegexScalarSet)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    /// `minimum` to `maximum` (`nil`: no upper bound) repetitions.
    case repetition(RegexNode, minimum: Int, maximum: Int?)
    case assertion(RegexAssertion)
}

/// A zero-width condition on the place between two characters.
enum RegexAssertion: Sendable {
    case textStart, textEnd, lineStart, lineEnd, wordBoundary, notWordBoundary
}

/// A bracketed class or a class escape (`\d`, `\p{Lu}`): a union of ranges and named classes.
struct RegexScalarSet: Sendable {
    enum Item: Sendable {
        case range(ClosedRange<UInt32>)
        case digit(negated: Bool)
        case word(negated: Bool)
        case space(negated: Bool)
        case category(Set<Unicode.GeneralCategory>, negated: Bool)
    }

    var items: [Item] = []
    var negated = false
    var caseInsensitive = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let found = containsExactly(scalar)
            || (caseInsensitive && (containsExactly(RegexScalarSet.lowercase(scalar)) || containsExactly(RegexScalarSet.uppercase(scalar))))
        return found != negated
    }

    private func containsExactly(_ scalar: Unicode.Scalar) -> Bool {
        items.contains { item in
            switch item {
            case .range(let range): range.contains(scalar.value)
            case .digit(let negated): RegexScalarSet.isDigit(scalar) != negated
            case .word(let negated): RegexScalarSet.isWord(scalar) != negated
            case .space(let negated): scalar.properties.isWhitespace != negated
            case .category(let categories, let negated): categories.contains(scalar.properties.generalCategory) != negated
            }
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.generalCategory == .decimalNumber
    }

    /// Letters, marks, digits and connector punctuation (`_`), as `\w` is in Unicode regular expressions.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber, .connectorPunctuation, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isAlphabetic
        }
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : scalar
    }

    static func uppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32)! : scalar }
        let mapped = scalar.properties.uppercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : scalar
    }
}

/// Why a pattern cannot be read, and where: `offset` counts Unicode scalars from the pattern's start.
struct RegexSyntaxError: Error, Equatable {
    var message: String
    var offset: Int
    var help: String?
}

/// Reads a pattern into a ``RegexNode``.
struct RegexParser {
    /// Groups deeper than this are refused, so reading and compiling (which recurse) stay bounded.
    static let maximumNesting = 100
    /// The largest count in `{n,m}`.
    static let maximumCount = 1000

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var nesting = 0
    private var caseInsensitive = false
    private var multiline = false
    private var dotMatchesNewline = false

    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(scalars: Array(pattern.unicodeScalars))
        let node = try parser.parseAlternation()
        if parser.position < parser.scalars.count {
            throw RegexSyntaxError(message: "unmatched ')'", offset: parser.position, help: "write '\\)' for a literal parenthesis")
        }
        return node
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private func peek(_ ahead: Int) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private func error(_ message: String, at offset: Int? = nil, help: String? = nil) -> RegexSyntaxError {
        RegexSyntaxError(message: message, offset: offset ?? position, help: help)
    }

    // MARK: Structure

    private mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        // Flags set inside a group end with it.
        let flags = (caseInsensitive, multiline, dotMatchesNewline)
        defer { (caseInsensitive, multiline, dotMatchesNewline) = flags }
        var branches = [try parseConcatenation()]
        while current == "|" {
            position += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let start = position
            guard var atom = try parseAtom() else { continue }
            var quantified = false
            while let (minimum, maximum) = try parseQuantifier() {
                if quantified {
                    throw error("a quantifier cannot follow another", at: start,
                                help: "put the repeated part in a group, as in '(a+)*'")
                }
                if case .assertion = atom { throw error("an anchor cannot be repeated", at: start) }
                atom = .repetition(atom, minimum: minimum, maximum: maximum)
                quantified = true
                if current == "?" {
                    position += 1  // lazy: whether there is a match does not depend on it
                } else if current == "+" {
                    throw error("possessive quantifiers are not supported", help: "remove the '+'")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concatenation(items))
    }

    /// `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}` at the current place; a `{` that starts no count is a literal.
    private mutating func parseQuantifier() throws(RegexSyntaxError) -> (Int, Int?)? {
        switch current {
        case "*": position += 1; return (0, nil)
        case "+": position += 1; return (1, nil)
        case "?": position += 1; return (0, 1)
        case "{":
            let start = position
            var cursor = position + 1
            func number() -> Int? {
                var digits = ""
                while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]), digits.count < 9 {
                    digits.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                return Int(digits)
            }
            guard let minimum = number() else { return nil }
            var maximum: Int? = minimum
            if cursor < scalars.count, scalars[cursor] == "," {
                cursor += 1
                maximum = number()
            }
            guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
            position = cursor + 1
            if max(minimum, maximum ?? 0) > RegexParser.maximumCount {
                throw error("a count in '{…}' is at most \(RegexParser.maximumCount)", at: start)
            }
            if let maximum, maximum < minimum { throw error("the counts in '{\(minimum),\(maximum)}' are out of order", at: start) }
            return (minimum, maximum)
        default:
            return nil
        }
    }

    /// One atom, or `nil` for something that matches nothing itself (a flag group, `(?i)`).
    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode? {
        let start = position
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "(":
            return try parseGroup(openedAt: start)
        case "[":
            return .set(try parseSet(openedAt: start))
        case ".":
            return .any(matchesNewline: dotMatchesNewline)
        case "^":
            return .assertion(multiline ? .lineStart : .textStart)
        case "$":
            return .assertion(multiline ? .lineEnd : .textEnd)
        case "\\":
            return try parseEscape(startingAt: start, inSet: false).node(caseInsensitive: caseInsensitive)
        case "*", "+", "?":
            throw error("'\(scalar)' has nothing to repeat", at: start, help: "write '\\\(scalar)' for the character itself")
        case "{" where (try? lookingAtCount(from: start)) == true:
            throw error("'{' has nothing to repeat", at: start, help: "write '\\{' for the character itself")
        default:
            return .scalar(scalar, caseInsensitive: caseInsensitive)
        }
    }

    private func lookingAtCount(from start: Int) throws -> Bool {
        var copy = self
        copy.position = start
        return try copy.parseQuantifier() != nil
    }

    private mutating func parseGroup(openedAt start: Int) throws(RegexSyntaxError) -> RegexNode? {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > RegexParser.maximumNesting {
            throw error("groups nest more than \(RegexParser.maximumNesting) deep", at: start)
        }
        if current == "?" {
            position += 1
            switch current {
            case ":":
                position += 1
            case "<" where peek(1) == "=" || peek(1) == "!", "=", "!":
                throw error("lookahead and lookbehind are not supported", at: start,
                            help: "'matches' runs in time linear in the text, which lookaround would break")
            case "<", "P", "'":
                if current == "P" { position += 1 }
                let close: Unicode.Scalar = current == "'" ? "'" : ">"
                position += 1
                while let scalar = current, scalar != close {
                    guard scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
                        throw error("a group name is letters, digits and '_'")
                    }
                    position += 1
                }
                guard current == close else { throw error("the group name is not closed with '\(close)'", at: start) }
                position += 1
            default:
                // Flags: (?i) (?m) (?s) (?-i) (?i:…)
                var on = true
                var flags = (caseInsensitive, multiline, dotMatchesNewline)
                while let scalar = current, scalar != ")", scalar != ":" {
                    switch scalar {
                    case "i": flags.0 = on
                    case "m": flags.1 = on
                    case "s": flags.2 = on
                    case "-": on = false
                    default:
                        throw error("unknown group or flag '(?\(scalar)'", at: start,
                                    help: "groups are (…), (?:…) and (?<name>…); flags are i, m and s")
                    }
                    position += 1
                }
                guard let end = current else { throw error("'(' is never closed", at: start, help: "add ')'") }
                position += 1
                if end == ")" {
                    (caseInsensitive, multiline, dotMatchesNewline) = flags
                    return nil
                }
                let outer = (caseInsensitive, multiline, dotMatchesNewline)
                (caseInsensitive, multiline, dotMatchesNewline) = flags
                let inner = try parseAlternation()
                (caseInsensitive, multiline, dotMatchesNewline) = outer
                guard current == ")" else { throw error("'(' is never closed", at: start, help: "add ')'") }
                position += 1
                return inner
            }
        }
        let inner = try parseAlternation()
        guard current == ")" else { throw error("'(' is never closed", at: start, help: "add ')'") }
        position += 1
        return inner
    }

    /// What an escape stands for: one scalar, a class, or an anchor.
    private enum Escape {
        case scalar(Unicode.Scalar)
        case item(RegexScalarSet.Item)
        case assertion(RegexAssertion)

        func node(caseInsensitive: Bool) -> RegexNode {
            switch self {
            case .scalar(let scalar): .scalar(scalar, caseInsensitive: caseInsensitive)
            case .item(let item): .set(RegexScalarSet(items: [item], caseInsensitive: caseInsensitive))
            case .assertion(let assertion): .assertion(assertion)
            }
        }
    }

    /// The escape whose backslash is at `start` (the position is just after it).
    private mutating func parseEscape(startingAt start: Int, inSet: Bool) throws(RegexSyntaxError) -> Escape {
        guard let scalar = current else { throw error("the pattern ends with a lone '\\'", at: start, help: "write '\\\\' for a backslash") }
        position += 1
        switch scalar {
        case "d": return .item(.digit(negated: false))
        case "D": return .item(.digit(negated: true))
        case "w": return .item(.word(negated: false))
        case "W": return .item(.word(negated: true))
        case "s": return .item(.space(negated: false))
        case "S": return .item(.space(negated: true))
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "e": return .scalar("\u{1B}")
        case "0": return .scalar("\u{00}")
        case "x", "u":
            return .scalar(try parseHexEscape(startingAt: start, fixedDigits: scalar == "x" ? 2 : 4))
        case "p", "P":
            return .item(try parseProperty(startingAt: start, negated: scalar == "P"))
        case "b" where !inSet: return .assertion(.wordBoundary)
        case "B" where !inSet: return .assertion(.notWordBoundary)
        case "A" where !inSet: return .assertion(.textStart)
        case "z" where !inSet, "Z" where !inSet: return .assertion(.textEnd)
        case "1"..."9", "k":
            throw error("back-references are not supported", at: start,
                        help: "'matches' runs in time linear in the text, which back-references would break")
        default:
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                throw error("unknown escape '\\\(scalar)'", at: start,
                            help: "write the character alone, or escape only punctuation such as '\\.'")
            }
            return .scalar(scalar)
        }
    }

    /// `\xHH`, `\uHHHH`, `\x{H…}`, `\u{H…}`.
    private mutating func parseHexEscape(startingAt start: Int, fixedDigits: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        var digits = ""
        if current == "{" {
            position += 1
            while let scalar = current, scalar != "}", digits.count <= 8 { digits.unicodeScalars.append(scalar); position += 1 }
            guard current == "}" else { throw error("the escape's '{' is never closed", at: start) }
            position += 1
        } else {
            while digits.count < fixedDigits, let scalar = current, scalar.properties.isASCIIHexDigit {
                digits.unicodeScalars.append(scalar)
                position += 1
            }
        }
        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw error("'\(String(String.UnicodeScalarView(scalars[start..<position])))' is not a character code", at: start)
        }
        return scalar
    }

    /// `\p{L}`, `\p{Lu}`, `\pL`, `\P{…}`: Unicode general categories.
    private mutating func parseProperty(startingAt start: Int, negated: Bool) throws(RegexSyntaxError) -> RegexScalarSet.Item {
        var name = ""
        if current == "{" {
            position += 1
            while let scalar = current, scalar != "}", name.count < 40 { name.unicodeScalars.append(scalar); position += 1 }
            guard current == "}" else { throw error("the property's '{' is never closed", at: start) }
            position += 1
        } else if let scalar = current {
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard let categories = RegexParser.categories[name] else {
            throw error("unknown Unicode property '\(name)'", at: start,
                        help: "properties are general categories such as L, Lu, Ll, N, Nd, P, S, Z")
        }
        return .category(categories, negated: negated)
    }

    private mutating func parseSet(openedAt start: Int) throws(RegexSyntaxError) -> RegexScalarSet {
        var set = RegexScalarSet(caseInsensitive: caseInsensitive)
        if current == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while true {
            guard let scalar = current else { throw error("'[' is never closed", at: start, help: "add ']', or write '\\[' for the character") }
            if scalar == "]", !first {
                position += 1
                return set
            }
            first = false
            if scalar == "[", peek(1) == ":" {
                throw error("POSIX classes such as [:alpha:] are not supported", help: "write \\p{L}, \\d, \\w or \\s")
            }
            let lower = try parseSetMember(in: &set)
            guard let low = lower else { continue }
            if current == "-", let next = peek(1), next != "]" {
                let dash = position
                position += 1
                guard let high = try parseSetMember(in: &set) else {
                    throw error("a range in '[…]' runs between two characters", at: dash)
                }
                guard low.value <= high.value else {
                    throw error("the range '\(low)-\(high)' is out of order", at: dash)
                }
                set.items.append(.range(low.value...high.value))
            } else {
                set.items.append(.range(low.value...low.value))
            }
        }
    }

    /// One member of a class: a character (returned, so a range may follow) or a class escape (added to `set`).
    private mutating func parseSetMember(in set: inout RegexScalarSet) throws(RegexSyntaxError) -> Unicode.Scalar? {
        let start = position
        let scalar = scalars[position]
        position += 1
        guard scalar == "\\" else { return scalar }
        switch try parseEscape(startingAt: start, inSet: true) {
        case .scalar(let escaped): return escaped
        case .item(let item):
            set.items.append(item)
            return nil
        case .assertion:
            throw error("an anchor cannot be part of a class", at: start)
        }
    }

    static let categories: [String: Set<Unicode.GeneralCategory>] = {
        let letters: [String: Unicode.GeneralCategory] = [
            "Lu": .uppercaseLetter, "Ll": .lowercaseLetter, "Lt": .titlecaseLetter, "Lm": .modifierLetter, "Lo": .otherLetter,
            "Mn": .nonspacingMark, "Mc": .spacingMark, "Me": .enclosingMark,
            "Nd": .decimalNumber, "Nl": .letterNumber, "No": .otherNumber,
            "Pc": .connectorPunctuation, "Pd": .dashPunctuation, "Ps": .openPunctuation, "Pe": .closePunctuation,
            "Pi": .initialPunctuation, "Pf": .finalPunctuation, "Po": .otherPunctuation,
            "Sm": .mathSymbol, "Sc": .currencySymbol, "Sk": .modifierSymbol, "So": .otherSymbol,
            "Zs": .spaceSeparator, "Zl": .lineSeparator, "Zp": .paragraphSeparator,
            "Cc": .control, "Cf": .format, "Cs": .surrogate, "Co": .privateUse, "Cn": .unassigned,
        ]
        var table = letters.mapValues { Set([$0]) }
        for group in ["L", "M", "N", "P", "S", "Z", "C"] {
            table[group] = Set(letters.filter { $0.key.hasPrefix(group) }.values)
        }
        let long = ["Letter": "L", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll", "Mark": "M", "Number": "N",
                    "Decimal_Number": "Nd", "Punctuation": "P", "Symbol": "S", "Separator": "Z", "Other": "C"]
        for (name, short) in long { table[name] = table[short] }
        return table
    }()
}
