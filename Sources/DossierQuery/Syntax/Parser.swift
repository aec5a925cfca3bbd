import DossierCore

/// Parses query text into statements and pipelines with a source range on every node.
///
/// Statements end at a line break, unless the next line begins with `|`, the line ends with `|` or `,`,
/// or a bracket is open; `;` also ends a statement. Use ``Parser/parse(_:)`` for a whole text, or
/// a ``QuerySession`` to run statement by statement.
package struct Parser {
    let tokens: [QueryToken]
    private let text: String
    var position = 0
    var previousEnd: SourceLocation
    /// How many parentheses, brackets, calls and `not`s enclose the expression being parsed.
    var nesting = 0

    /// The deepest expressions may nest: parentheses, brackets, function calls and `not`s together.
    /// Parsing, checking and evaluating recurse once per level, so the limit keeps the stack bounded.
    package static let maximumNesting = 100

    /// Parses every statement of `text`, stopping at the first error.
    package static func parse(_ text: String) throws(Diagnostic) -> Program {
        var statements: [Statement] = []
        for tokens in statementTokens(in: text) {
            statements.append(try parseStatement(tokens, in: text))
        }
        return Program(statements: statements)
    }

    /// Parses one statement from the tokens ``statementTokens(in:)`` gave for `text`.
    static func parseStatement(_ tokens: [QueryToken], in text: String) throws(Diagnostic) -> Statement {
        var parser = Parser(tokens: tokens, text: text)
        return try parser.parseStatement()
    }

    /// Splits the tokens of `text` into statements; each ends with an ``QueryToken/Kind/end`` token and
    /// holds no line breaks.
    static func statementTokens(in text: String, firstLine: Int = 1) -> [[QueryToken]] {
        let tokens = Lexer.tokens(in: text, firstLine: firstLine)
        var statements: [[QueryToken]] = []
        var current: [QueryToken] = []
        var depth = 0
        func finish() {
            guard let last = current.last else { return }
            current.append(QueryToken(kind: .end, text: "", range: SourceRange(at: last.range.end)))
            statements.append(current)
            current = []
        }
        func nextSignificant(after index: Int) -> QueryToken? {
            tokens[(index + 1)...].first { $0.kind != .newline }
        }
        for index in tokens.indices {
            let token = tokens[index]
            switch token.kind {
            case .end:
                break
            case .newline:
                if depth > 0 || current.isEmpty || current.last?.kind == .pipe || current.last?.kind == .comma || nextSignificant(after: index)?.kind == .pipe {
                    continue
                }
                finish()
            case .semicolon where depth == 0:
                finish()
            case .leftParenthesis, .leftBracket:
                depth += 1
                current.append(token)
            case .rightParenthesis, .rightBracket:
                depth = max(0, depth - 1)
                current.append(token)
            default:
                current.append(token)
            }
        }
        finish()
        return statements
    }

    init(tokens: [QueryToken], text: String) {
        self.tokens = tokens
        self.text = text
        previousEnd = tokens.first?.range.start ?? SourceLocation(line: 1, column: 1, offset: 0)
    }

    // MARK: Statements

    private mutating func parseStatement() throws(Diagnostic) -> Statement {
        if let invalid = tokens.first(where: { if case .invalid = $0.kind { true } else { false } }),
           case .invalid(let diagnostic) = invalid.kind {
            throw diagnostic
        }
        let start = current.range.start
        if current.isWord("let") {
            advance()
            guard current.kind == .identifier else {
                throw error(.unexpectedToken, "expected a name after 'let'", at: current, help: "write 'let NAME = PIPELINE'")
            }
            let name = identifier(advance())
            if RowKind(word: name.name) != nil || Vocabulary.wordsNoNameMayTake.contains(name.name) {
                throw Diagnostic(.error, .reservedName, "'\(name.name)' cannot be bound by 'let': it is a word of the language", range: name.range,
                                 help: .init("choose another name"))
            }
            guard current.kind == .assign else {
                throw error(.unexpectedToken, "expected '=' after 'let \(name.name)'", at: current, help: "write 'let \(name.name) = PIPELINE'")
            }
            let assign = advance()
            if current.kind == .end {
                throw Diagnostic(.error, .expectedPipeline, "expected a pipeline after 'let \(name.name) ='", range: assign.range)
            }
            let pipeline = try parsePipeline()
            return Statement(kind: .binding(name: name, pipeline: pipeline), range: SourceRange(start: start, end: previousEnd))
        }
        if current.isWord("param") {
            let declaration = try parseParameterDeclaration(keyword: advance())
            return Statement(kind: .parameter(declaration), range: SourceRange(start: start, end: previousEnd))
        }
        let pipeline = try parsePipeline()
        return Statement(kind: .pipeline(pipeline), range: pipeline.range)
    }

    private mutating func parsePipeline() throws(Diagnostic) -> QueryPipeline {
        let start = current.range.start
        let source: Source
        switch current.kind {
        case .identifier:
            let name = identifier(advance())
            source = Source(kind: .name(name), range: name.range)
        case .entity:
            let literal = parseEntityLiteral()
            source = Source(kind: .entity(literal), range: literal.range)
        case .pipe:
            throw error(.expectedSource, "a pipeline starts with a source, not with '|'", at: current,
                        help: "start with a source such as 'documents', 'entities', 'mentions' or '@name'")
        default:
            throw error(.expectedSource, "expected a source such as 'documents', 'entities', 'mentions' or '@name', found '\(current)'", at: current)
        }
        var stages: [Stage] = []
        while true {
            if current.kind == .end { break }
            guard current.kind == .pipe else { throw strayToken() }
            let pipe = advance()
            stages.append(try parseStage(after: pipe))
        }
        return QueryPipeline(source: source, stages: stages, range: SourceRange(start: start, end: previousEnd))
    }

    private func strayToken() -> Diagnostic {
        let token = current
        if token.kind == .identifier, Vocabulary.stage(named: token.text) != nil {
            return Diagnostic(.error, .unexpectedToken, "unexpected '\(token.text)'", range: token.range,
                              help: .init("stages are joined with '|': insert '| ' before '\(token.text)'"))
        }
        return Diagnostic(.error, .unexpectedToken, "unexpected '\(token)'", range: token.range)
    }

    // MARK: Stages

    private mutating func parseStage(after pipe: QueryToken) throws(Diagnostic) -> Stage {
        guard current.kind == .identifier else {
            let range = current.kind == .end ? pipe.range : current.range
            throw Diagnostic(.error, .expectedStage, current.kind == .end ? "expected a stage after '|'" : "expected a stage after '|', found '\(current)'",
                             range: range)
        }
        let nameToken = advance()
        let name = identifier(nameToken)
        let word = name.name
        let kind: Stage.Kind
        switch word {
        case "where":
            kind = .filter(try parseExpression(expecting: "a condition after 'where'"))
        case "during", "overlapping", "before", "after":
            let relation: TimeRelation = word == "overlapping" ? .overlaps : TimeRelation(rawValue: word)!
            kind = .time(relation, try parseTimeLiteral(after: nameToken))
        case "mentioning":
            var literals: [EntityLiteral] = []
            repeat {
                if !literals.isEmpty { advance() }
                guard case .entity = current.kind else {
                    throw error(.invalidStageArgument, "'mentioning' takes entity literals such as @putin or @\"Xi Jinping\"", at: current.kind == .end ? nameToken : current,
                                help: current.kind == .identifier ? "write '@\(current.text)'" : nil)
                }
                literals.append(parseEntityLiteral())
            } while current.kind == .comma
            kind = .mentioning(literals)
        case "search":
            guard case .string(let words) = current.kind else {
                throw error(.invalidStageArgument, "'search' takes words in quotes, as in 'search \"arrest warrant\"'", at: current.kind == .end ? nameToken : current)
            }
            kind = .search(words, range: advance().range)
        case "count":
            if current.isWord("by") {
                advance()
                kind = .count(by: try parseSelectItems(after: "count by"))
            } else {
                kind = .count(by: [])
            }
        case "sort":
            kind = .sort(try parseSortKeys(after: "sort"))
        case "take":
            kind = .take(try parseCount(for: nameToken, example: "take 10"))
        case "top":
            let count = try parseCount(for: nameToken, example: "top 5 by count")
            guard current.isWord("by") else {
                throw error(.invalidStageArgument, "'top' needs 'by' and a field, as in 'top \(count.value) by count'", at: current.kind == .end ? nameToken : current)
            }
            advance()
            kind = .top(count, by: try parseSortKeys(after: "top \(count.value) by"))
        case "select":
            kind = .select(try parseSelectItems(after: "select"))
        case "distinct":
            kind = .distinct(try parseSelectItems(after: "distinct"))
        case "kwic":
            var word: String?
            var width: IntegerLiteral?
            if case .string(let value) = current.kind {
                advance()
                word = value
            }
            if current.isWord("width") {
                let widthToken = advance()
                width = try parseCount(for: widthToken, example: "kwic width 5")
            }
            kind = .kwic(word: word, width: width)
        case "timeline":
            kind = .timeline(unit: try parseOptionalWord(after: "by", example: "timeline by month"))
        case "cooccur":
            var kindWord: Identifier?
            var unit: Identifier?
            var minimum: IntegerLiteral?
            while true {
                if kindWord == nil, let word = try parseOptionalWord(after: "with", example: "cooccur with person") {
                    kindWord = word
                } else if unit == nil, let word = try parseOptionalWord(after: "in", example: "cooccur in sentence") {
                    unit = word
                } else if minimum == nil, current.isWord("min") {
                    let minToken = advance()
                    minimum = try parseCount(for: minToken, example: "cooccur min 2")
                } else {
                    break
                }
            }
            kind = .cooccur(kind: kindWord, unit: unit, minimum: minimum)
        case "graph":
            kind = .graph
        case "render":
            kind = .render(current.kind == .identifier ? identifier(advance()) : nil)
        default:
            if let rowKind = RowKind(word: word) {
                kind = .navigation(rowKind)
            } else {
                var diagnostic = Diagnostic(.error, .unknownStage, "unknown stage '\(word)'", range: name.range)
                if let suggestion = EditDistance.nearest(to: word, in: Vocabulary.stageNames) {
                    diagnostic.help = .init("did you mean '\(suggestion)'?")
                }
                diagnostic.notes = ["the stages are: " + Vocabulary.stageNames.joined(separator: ", ")]
                throw diagnostic
            }
        }
        return Stage(name: name, kind: kind, range: SourceRange(start: name.range.start, end: previousEnd))
    }

    /// The word after `keyword` when the next token is `keyword` (`by month`), else `nil`.
    private mutating func parseOptionalWord(after keyword: String, example: String) throws(Diagnostic) -> Identifier? {
        guard current.isWord(keyword) else { return nil }
        let keywordToken = advance()
        guard current.kind == .identifier else {
            throw error(.invalidStageArgument, "'\(keyword)' needs a word after it, as in '\(example)'", at: current.kind == .end ? keywordToken : current)
        }
        return identifier(advance())
    }

    private mutating func parseTimeLiteral(after keyword: QueryToken) throws(Diagnostic) -> TimeLiteral {
        let token = current
        switch token.kind {
        case .integer(let year) where token.text.count == 4:
            advance()
            return TimeLiteral(value: .year(year), range: token.range)
        case .time:
            advance()
            return TimeLiteral(value: try Parser.timeRange(token), range: token.range)
        default:
            throw error(.invalidStageArgument, "'\(keyword.text)' needs a time literal such as 2023, 2023-07 or 2023-03..2023-10",
                        at: token.kind == .end ? keyword : token)
        }
    }

    /// The range a time-literal token denotes, or the diagnostic for a malformed one.
    static func timeRange(_ token: QueryToken) throws(Diagnostic) -> TimeRange {
        if let range = TimeRange(literal: token.text) { return range }
        var notes: [String] = []
        if let problem = timeLiteralProblem(token.text) { notes.append(problem) }
        notes.append("time literals are written 2023, 2023-07, 2023-07-25, 2023-Q3, 2023-W30, or as a range such as 2023-03..2023-10")
        throw Diagnostic(.error, .malformedTimeLiteral, "malformed time literal '\(token.text)'", range: token.range, notes: notes)
    }

    static func timeLiteralProblem(_ text: String) -> String? {
        if let dots = text.firstRange(of: "..") {
            let first = String(text[..<dots.lowerBound]), last = String(text[dots.upperBound...])
            if TimeRange(literal: first) == nil { return timeLiteralProblem(first) }
            if TimeRange(literal: last) == nil { return timeLiteralProblem(last) }
            return "the range ends before it starts"
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 4, let year = Int(parts[0]) else { return "a time literal starts with a four-digit year" }
        guard parts.count >= 2 else { return nil }
        let second = parts[1]
        if second.first == "Q" { return "a year has quarters Q1 to Q4" }
        if second.first == "W" { return "\(year) has no week \(second.dropFirst())" }
        guard second.count == 2, let month = Int(second) else { return "the month is written with two digits, as in 2023-07" }
        if !(1...12).contains(month) { return "there is no month \(second); months run from 01 to 12" }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]) else { return "the day is written with two digits, as in 2023-07-05" }
            return "\(parts[0])-\(second) has no day \(day)"
        }
        return nil
    }

    private mutating func parseCount(for keyword: QueryToken, example: String) throws(Diagnostic) -> IntegerLiteral {
        guard case .integer(let value) = current.kind else {
            if current.kind == .end {
                throw Diagnostic(.error, .invalidStageArgument, "'\(keyword.text)' needs a number, as in '\(example)'", range: keyword.range)
            }
            throw error(.invalidStageArgument, "'\(keyword.text)' needs a number, as in '\(example)', found '\(current)'", at: current)
        }
        return IntegerLiteral(value: value, range: advance().range)
    }

    private mutating func parseSortKeys(after keyword: String) throws(Diagnostic) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            if !keys.isEmpty { advance() }
            let expression = try parseExpression(expecting: "a field after '\(keyword)'")
            var descending: Bool?
            if current.isWord("asc") || current.isWord("desc") {
                descending = advance().text == "desc"
            }
            keys.append(SortKey(expression: expression, descending: descending, range: SourceRange(start: expression.range.start, end: previousEnd)))
        } while current.kind == .comma
        return keys
    }

    private mutating func parseSelectItems(after keyword: String) throws(Diagnostic) -> [SelectItem] {
        var items: [SelectItem] = []
        repeat {
            if !items.isEmpty { advance() }
            let expression = try parseExpression(expecting: "a field after '\(keyword)'")
            var alias: Identifier?
            if current.isWord("as") {
                let asToken = advance()
                guard current.kind == .identifier else { throw error(.unexpectedToken, "expected a column name after 'as'", at: current.kind == .end ? asToken : current) }
                alias = identifier(advance())
            }
            items.append(SelectItem(expression: expression, alias: alias, text: slice(expression.range),
                                    range: SourceRange(start: expression.range.start, end: previousEnd)))
        } while current.kind == .comma
        return items
    }

    // MARK: Expressions

    private mutating func parseExpression(expecting what: String) throws(Diagnostic) -> Expression {
        if current.kind == .end {
            throw Diagnostic(.error, .expectedValue, "expected \(what)", range: SourceRange(at: previousEnd))
        }
        return try parseOr()
    }

    private mutating func parseOr() throws(Diagnostic) -> Expression {
        var operands = [try parseAnd()]
        var operators: [SourceRange] = []
        while current.isWord("or") {
            operators.append(advance().range)
            operands.append(try parseAnd())
        }
        return Parser.chain(.or, operands[...], operators[...])
    }

    private mutating func parseAnd() throws(Diagnostic) -> Expression {
        var operands = [try parseNot()]
        var operators: [SourceRange] = []
        while current.isWord("and") {
            operators.append(advance().range)
            operands.append(try parseNot())
        }
        return Parser.chain(.and, operands[...], operators[...])
    }

    /// `a and b and c …` as a balanced tree, so a long chain is only log2(n) deep for the checker
    /// and the evaluator, which recurse on it (`and` and `or` are associative, also with unknowns);
    /// up to three operands it is the usual left-nested tree. `operators[i]` joins operands i and i+1.
    private static func chain(_ operation: BinaryOperator, _ operands: ArraySlice<Expression>,
                              _ operators: ArraySlice<SourceRange>) -> Expression {
        guard operands.count > 1 else { return operands[operands.startIndex] }
        let middle = operands.startIndex + (operands.count + 1) / 2
        let left = chain(operation, operands[..<middle], operators[..<(middle - 1)])
        let right = chain(operation, operands[middle...], operators[middle...])
        return Expression(kind: .binary(operation, left, right, operatorRange: operators[middle - 1]), range: left.range.union(right.range))
    }

    private mutating func parseNot() throws(Diagnostic) -> Expression {
        if current.isWord("not") {
            let keyword = advance()
            try enterNesting(at: keyword)
            let operand = try parseNot()
            nesting -= 1
            return Expression(kind: .not(operand), range: keyword.range.union(operand.range))
        }
        return try parseComparison()
    }

    /// Counts one more level of nesting, opened by `token`; past ``maximumNesting`` it is an error there.
    mutating func enterNesting(at token: QueryToken) throws(Diagnostic) {
        nesting += 1
        guard nesting > Parser.maximumNesting else { return }
        throw Diagnostic(.error, .nestedTooDeeply, "the expression is nested too deeply", range: token.range,
                         notes: ["parentheses, brackets, function calls and 'not' may nest at most \(Parser.maximumNesting) levels deep"])
    }

    private mutating func parseComparison() throws(Diagnostic) -> Expression {
        let left = try parseArithmetic()
        if current.isWord("is") { return try parseNullTest(of: left) }
        let operation: BinaryOperator
        switch current.kind {
        case .equal: operation = .equal
        case .notEqual: operation = .notEqual
        case .less: operation = .less
        case .lessOrEqual: operation = .lessOrEqual
        case .greater: operation = .greater
        case .greaterOrEqual: operation = .greaterOrEqual
        case .assign:
            throw error(.unexpectedToken, "'=' binds names in 'let'; compare with '=='", at: current, help: "write '=='")
        case .identifier:
            switch current.text {
            case "in": operation = .in
            case "contains": operation = .contains
            case "matches": operation = .matches
            case "during", "overlaps", "before", "after": operation = .time(TimeRelation(rawValue: current.text)!)
            default: return left
            }
        default:
            return left
        }
        let operatorToken = advance()
        if current.kind == .end {
            throw Diagnostic(.error, .expectedValue, "expected a value after '\(operatorToken.text)'", range: operatorToken.range)
        }
        let right = try parseArithmetic()
        return Expression(kind: .binary(operation, left, right, operatorRange: operatorToken.range), range: left.range.union(right.range))
    }

    mutating func parsePrimary() throws(Diagnostic) -> Expression {
        let token = current
        switch token.kind {
        case .identifier:
            if Vocabulary.reservedWords.contains(token.text) {
                throw error(.expectedValue, "expected a value, found '\(token.text)'", at: token)
            }
            advance()
            if token.text == "true" || token.text == "false" {
                return Expression(kind: .bool(token.text == "true"), range: token.range)
            }
            if token.text == "null" { return Expression(kind: .null, range: token.range) }
            if current.kind == .leftParenthesis {
                let open = advance()
                try enterNesting(at: open)
                defer { nesting -= 1 }
                var arguments: [Expression] = []
                if current.kind != .rightParenthesis {
                    repeat {
                        if !arguments.isEmpty { advance() }
                        arguments.append(try parseOr())
                    } while current.kind == .comma
                }
                guard current.kind == .rightParenthesis else {
                    throw current.kind == .end ? unclosed(open, by: ")")
                        : error(.unexpectedToken, "expected ')' to close the arguments of '\(token.text)'", at: current)
                }
                let close = advance()
                return Expression(kind: .call(identifier(token), arguments), range: token.range.union(close.range))
            }
            return Expression(kind: .name(token.text), range: token.range)
        case .string(let value):
            advance()
            return Expression(kind: .string(value), range: token.range)
        case .integer(let value):
            advance()
            return Expression(kind: .integer(value), range: token.range)
        case .float(let value):
            advance()
            return Expression(kind: .float(value), range: token.range)
        case .time:
            advance()
            return Expression(kind: .time(try Parser.timeRange(token)), range: token.range)
        case .entity:
            let literal = parseEntityLiteral()
            return Expression(kind: .entity(literal), range: literal.range)
        case .leftBracket:
            try enterNesting(at: advance())
            defer { nesting -= 1 }
            var elements: [Expression] = []
            if current.kind != .rightBracket {
                repeat {
                    if !elements.isEmpty { advance() }
                    elements.append(try parseOr())
                } while current.kind == .comma
            }
            guard current.kind == .rightBracket else {
                throw current.kind == .end ? unclosed(token, by: "]") : error(.unexpectedToken, "expected ']' to close the list", at: current)
            }
            let close = advance()
            return Expression(kind: .list(elements), range: token.range.union(close.range))
        case .leftParenthesis:
            try enterNesting(at: advance())
            defer { nesting -= 1 }
            var inner = try parseOr()
            guard current.kind == .rightParenthesis else {
                throw current.kind == .end ? unclosed(token, by: ")") : error(.unexpectedToken, "expected ')'", at: current)
            }
            let close = advance()
            inner.range = token.range.union(close.range)
            return inner
        default:
            throw error(.expectedValue, "expected a value, found '\(token)'", at: token)
        }
    }

    // MARK: Tokens

    var current: QueryToken { tokens[position] }

    /// The token after the current one (the end token at the end).
    var next: QueryToken { tokens[min(position + 1, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> QueryToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        previousEnd = token.range.end
        return token
    }

    /// A bracket the statement ends without closing, reported where it opened: a script's
    /// following lines may have been read into the statement while it waited for the close.
    func unclosed(_ opener: QueryToken, by closer: String) -> Diagnostic {
        Diagnostic(.error, .unclosedBracket, "'\(opener.text)' is never closed", range: opener.range,
                   help: .init("add '\(closer)' to close it"))
    }

    func identifier(_ token: QueryToken) -> Identifier { Identifier(name: token.text, range: token.range) }

    func error(_ code: Diagnostic.Code, _ message: String, at token: QueryToken, help: String? = nil) -> Diagnostic {
        let range = token.kind == .end ? SourceRange(at: previousEnd) : token.range
        return Diagnostic(.error, code, message, range: range, help: help.map { Diagnostic.Help($0) })
    }

    func slice(_ range: SourceRange) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.start.offset)
        let end = utf8.index(utf8.startIndex, offsetBy: range.end.offset)
        return String(text[start..<end])
    }
}
