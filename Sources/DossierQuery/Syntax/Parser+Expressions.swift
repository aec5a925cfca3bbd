import DossierCore

/// Arithmetic (`+ - * /`, a leading `-`), the null test (`is null`, `is not null`) and entity
/// literals with a kind (`@Dover:location`).
///
/// Arithmetic binds tighter than comparisons, and `*` and `/` tighter than `+` and `-`, all to the
/// left: `mentions / documents > 2`, `len(title) - 10`, `(a + b) * 2`.
extension Parser {
    /// `TERM (('+' | '-') TERM)*`
    mutating func parseArithmetic() throws(Diagnostic) -> Expression {
        var left = try parseTerm()
        var operators = 0
        while current.kind == .plus || current.kind == .minus {
            let operatorToken = advance()
            try countChained(&operators, at: operatorToken)
            let right = try parseOperand(after: operatorToken) { (parser: inout Parser) throws(Diagnostic) in try parser.parseTerm() }
            let operation: BinaryOperator = operatorToken.kind == .plus ? .add : .subtract
            left = Expression(kind: .binary(operation, left, right, operatorRange: operatorToken.range), range: left.range.union(right.range))
        }
        return left
    }

    /// `FACTOR (('*' | '/') FACTOR)*`
    private mutating func parseTerm() throws(Diagnostic) -> Expression {
        var left = try parseFactor()
        var operators = 0
        while current.kind == .star || current.kind == .slash {
            let operatorToken = advance()
            try countChained(&operators, at: operatorToken)
            let right = try parseOperand(after: operatorToken) { (parser: inout Parser) throws(Diagnostic) in try parser.parseFactor() }
            let operation: BinaryOperator = operatorToken.kind == .star ? .multiply : .divide
            left = Expression(kind: .binary(operation, left, right, operatorRange: operatorToken.range), range: left.range.union(right.range))
        }
        return left
    }

    /// `'-'* PRIMARY`; a minus before a number literal makes a negative literal. The minus signs
    /// are counted in a loop, so a long run of them cannot exhaust the stack.
    private mutating func parseFactor() throws(Diagnostic) -> Expression {
        var minuses: [QueryToken] = []
        while current.kind == .minus {
            minuses.append(advance())
            // Each minus before something that is not a number nests the tree one level deeper.
            if minuses.count > Parser.maximumNesting { throw tooDeep(at: minuses.last!, "a run of '-' signs") }
        }
        guard !minuses.isEmpty else { return try parsePrimary() }
        if current.kind == .end {
            throw Diagnostic(.error, .expectedValue, "expected a value after '-'", range: minuses.last!.range)
        }
        var operand = try parsePrimary()
        for minus in minuses.reversed() {
            let range = minus.range.union(operand.range)
            switch operand.kind {
            case .integer(let value) where value != Int.min: operand = Expression(kind: .integer(-value), range: range)
            case .float(let value): operand = Expression(kind: .float(-value), range: range)
            default: operand = Expression(kind: .negate(operand), range: range)
            }
        }
        return operand
    }

    /// A chain `a + b + c …` is a tree one level deeper per operator, which the checker and the
    /// evaluator recurse into: past ``Parser/maximumNesting`` operators it is an error at the next.
    private func countChained(_ operators: inout Int, at token: QueryToken) throws(Diagnostic) {
        operators += 1
        if operators > Parser.maximumNesting { throw tooDeep(at: token, "a chain of '+', '-', '*' or '/'") }
    }

    private func tooDeep(at token: QueryToken, _ what: String) -> Diagnostic {
        Diagnostic(.error, .nestedTooDeeply, "the expression is nested too deeply", range: token.range,
                   notes: ["\(what) may have at most \(Parser.maximumNesting) operators; each nests the expression one level deeper"])
    }

    private mutating func parseOperand(after operatorToken: QueryToken,
                                       _ parse: (inout Parser) throws(Diagnostic) -> Expression) throws(Diagnostic) -> Expression {
        if current.kind == .end {
            throw Diagnostic(.error, .expectedValue, "expected a value after '\(operatorToken.text)'", range: operatorToken.range)
        }
        return try parse(&self)
    }

    /// `EXPR is null` or `EXPR is not null`, with the current token at `is`.
    mutating func parseNullTest(of operand: Expression) throws(Diagnostic) -> Expression {
        let isToken = advance()
        var negated = false
        if current.isWord("not") {
            advance()
            negated = true
        }
        guard current.isWord("null") else {
            throw error(.unexpectedToken, "expected 'null' after '\(negated ? "is not" : "is")'", at: current.kind == .end ? isToken : current,
                        help: "write 'is null' or 'is not null'")
        }
        let null = advance()
        return Expression(kind: .isNull(operand, negated: negated), range: operand.range.union(null.range))
    }

    /// An entity literal at the current token, with the kind written right after it, when there is
    /// one (`@Dover:location`, `@"New York":location`, no spaces around ':').
    mutating func parseEntityLiteral() -> EntityLiteral {
        let token = advance()
        guard case .entity(let name) = token.kind else { preconditionFailure("parseEntityLiteral is called at an entity token") }
        var literal = EntityLiteral(name: name, range: token.range)
        if current.kind == .colon, current.range.start == token.range.end,
           next.kind == .identifier, next.range.start == current.range.end {
            advance()
            let kind = identifier(advance())
            literal.kind = kind
            literal.range = token.range.union(kind.range)
        }
        return literal
    }
}

extension Parser {
    /// The entity literal `text` is on its own (`@putin`, `@"Xi Jinping"`, `@Dover:location`), or
    /// `nil` when it is something else.
    static func entityLiteral(in text: String) -> EntityLiteral? {
        var tokens = Lexer.tokens(in: text)
        tokens.removeAll { $0.kind == .newline }
        guard case .entity = tokens.first?.kind else { return nil }
        var parser = Parser(tokens: tokens, text: text)
        let literal = parser.parseEntityLiteral()
        return parser.current.kind == .end ? literal : nil
    }
}

extension EntityLiteral {
    /// How to write the entity called `name` as a literal: `@putin`, `@"Xi Jinping"`, and with
    /// `:kind` when a kind is given (`@Dover:location`).
    package static func text(name: String, kind: EntityKind? = nil) -> String {
        let scalars = name.unicodeScalars
        var text: String
        if let first = scalars.first, Lexer.isIdentifierStart(first),
           scalars.allSatisfy({ Lexer.isIdentifierContinuation($0) || $0 == "-" || $0 == "'" }) {
            text = "@" + name
        } else {
            text = "@" + ParameterValue.stringLiteral(name)
        }
        if let kind { text += ":" + kind.rawValue }
        return text
    }
}
