import DossierCore
import Foundation

/// Writes a typed query as query text and, at the same time, as the syntax tree the parser makes of
/// that text: each node's range is where the node lies in the text, so a diagnostic of the checker
/// points into ``TypedQuery/dqlText`` as it points into a query typed in the shell.
struct QueryWriter {
    private(set) var text = ""
    private var location = SourceLocation(line: 1, column: 1, offset: 0)

    static func write(_ draft: QueryDraft) -> (text: String, pipeline: QueryPipeline) {
        var writer = QueryWriter()
        let pipeline = writer.pipeline(draft)
        return (writer.text, pipeline)
    }

    /// `let NAME = PIPELINE`: the text and the statement the parser makes of it.
    static func writeBinding(_ name: String, to draft: QueryDraft) -> (text: String, statement: Statement) {
        var writer = QueryWriter()
        let keyword = writer.append("let ")
        let identifier = writer.identifier(name)
        writer.append(" = ")
        let pipeline = writer.pipeline(draft)
        let range = SourceRange(start: keyword.start, end: pipeline.range.end)
        return (writer.text, Statement(kind: .binding(name: identifier, pipeline: pipeline), range: range))
    }

    private mutating func pipeline(_ draft: QueryDraft) -> QueryPipeline {
        let source = source(draft.source)
        var stages: [Stage] = []
        for stage in draft.stages {
            append(" | ")
            stages.append(self.stage(stage))
        }
        if let style = draft.presentation {
            append(" | ")
            let (name, range) = spanning { writer -> Identifier in
                let name = writer.identifier("render")
                writer.append(" ")
                return name
            }
            let word = identifier(style.rawValue)
            stages.append(Stage(name: name, kind: .render(word), range: range.union(word.range)))
        }
        return QueryPipeline(source: source, stages: stages, range: source.range.union(stages.last?.range ?? source.range))
    }

    /// Appends `piece` and gives where it lies.
    @discardableResult
    private mutating func append(_ piece: String) -> SourceRange {
        let start = location
        text += piece
        location.column += piece.unicodeScalars.count
        location.offset += piece.utf8.count
        return SourceRange(start: start, end: location)
    }

    /// Writes what `body` writes and gives it with the range it covers.
    private mutating func spanning<Node>(_ body: (inout QueryWriter) -> Node) -> (Node, SourceRange) {
        let start = location
        let node = body(&self)
        return (node, SourceRange(start: start, end: location))
    }

    private mutating func identifier(_ name: String) -> Identifier { Identifier(name: name, range: append(name)) }

    // MARK: Sources and stages

    private mutating func source(_ source: QueryDraft.Source) -> Source {
        switch source {
        case .rows(let kind):
            let range = append(kind.rawValue)
            return Source(kind: .name(Identifier(name: kind.rawValue, range: range)), range: range)
        case .entity(let name):
            let literal = entityLiteral(name)
            return Source(kind: .entity(literal), range: literal.range)
        case .binding(let name):
            let range = append(name)
            return Source(kind: .name(Identifier(name: name, range: range)), range: range)
        }
    }

    private mutating func stage(_ stage: QueryDraft.Stage) -> Stage {
        let ((name, kind), range) = spanning { writer -> (Identifier, Stage.Kind) in
            switch stage {
            case .filter(let term):
                let name = writer.identifier("where")
                writer.append(" ")
                return (name, .filter(writer.expression(term, atLeast: .lowest)))
            case .time(let relation, let value):
                let name = writer.identifier(relation == .overlaps ? "overlapping" : relation.rawValue)
                writer.append(" ")
                return (name, .time(relation, TimeLiteral(value: value, range: writer.append(value.description))))
            case .mentioning(let entities):
                let name = writer.identifier("mentioning")
                writer.append(" ")
                return (name, .mentioning(writer.separated(entities) { $0.entityLiteral($1) }))
            case .search(let words):
                let name = writer.identifier("search")
                writer.append(" ")
                return (name, .search(words, range: writer.append(ParameterValue.stringLiteral(words))))
            case .count(let fields):
                let name = writer.identifier("count")
                guard !fields.isEmpty else { return (name, .count(by: [])) }
                writer.append(" by ")
                return (name, .count(by: writer.separated(fields) { $0.selectItem($1) }))
            case .sort(let keys):
                let name = writer.identifier("sort")
                writer.append(" ")
                return (name, .sort(writer.separated(keys) { $0.sortKey($1) }))
            case .take(let count):
                let name = writer.identifier("take")
                writer.append(" ")
                return (name, .take(writer.integer(count)))
            case .top(let count, let keys):
                let name = writer.identifier("top")
                writer.append(" ")
                let literal = writer.integer(count)
                writer.append(" by ")
                return (name, .top(literal, by: writer.separated(keys) { $0.sortKey($1) }))
            case .distinct(let fields):
                let name = writer.identifier("distinct")
                writer.append(" ")
                return (name, .distinct(writer.separated(fields) { $0.selectItem($1) }))
            case .select(let fields):
                let name = writer.identifier("select")
                writer.append(" ")
                return (name, .select(writer.separated(fields) { $0.selectItem($1) }))
            case .navigation(let kind):
                return (writer.identifier(kind.rawValue), .navigation(kind))
            case .kwic(let word, let width):
                let name = writer.identifier("kwic")
                if let word {
                    writer.append(" ")
                    writer.append(ParameterValue.stringLiteral(word))
                }
                var widthLiteral: IntegerLiteral?
                if let width {
                    writer.append(" width ")
                    widthLiteral = writer.integer(width)
                }
                return (name, .kwic(word: word, width: widthLiteral))
            case .timeline(let unit):
                let name = writer.identifier("timeline")
                guard let unit else { return (name, .timeline(unit: nil)) }
                writer.append(" by ")
                return (name, .timeline(unit: writer.identifier(unit.rawValue)))
            case .cooccur(let kind, let unit, let minimum):
                let name = writer.identifier("cooccur")
                var kindWord: Identifier?, unitWord: Identifier?, minimumLiteral: IntegerLiteral?
                if let kind {
                    writer.append(" with ")
                    kindWord = writer.identifier(kind.rawValue)
                }
                if let unit {
                    writer.append(" in ")
                    unitWord = writer.identifier(unit.rawValue)
                }
                if let minimum {
                    writer.append(" min ")
                    minimumLiteral = writer.integer(minimum)
                }
                return (name, .cooccur(kind: kindWord, unit: unitWord, minimum: minimumLiteral))
            case .graph:
                return (writer.identifier("graph"), .graph)
            }
        }
        return Stage(name: name, kind: kind, range: range)
    }

    private mutating func separated<Item, Node>(_ items: [Item], _ write: (inout QueryWriter, Item) -> Node) -> [Node] {
        var nodes: [Node] = []
        for (position, item) in items.enumerated() {
            if position > 0 { append(", ") }
            nodes.append(write(&self, item))
        }
        return nodes
    }

    private mutating func integer(_ value: Int) -> IntegerLiteral { IntegerLiteral(value: value, range: append(String(value))) }

    private mutating func entityLiteral(_ name: EntityName) -> EntityLiteral {
        let start = location
        append(EntityLiteral.text(name: name.name))
        var kind: Identifier?
        if let entityKind = name.kind {
            append(":")
            kind = identifier(entityKind.rawValue)
        }
        return EntityLiteral(name: name.name, kind: kind, range: SourceRange(start: start, end: location))
    }

    private mutating func selectItem(_ field: String) -> SelectItem {
        let range = append(field)
        return SelectItem(expression: Expression(kind: .name(field), range: range), alias: nil, text: field, range: range)
    }

    private mutating func sortKey(_ ordering: QueryOrdering) -> SortKey {
        let (expression, range) = spanning { writer in
            let expression = Expression(kind: .name(ordering.field), range: writer.append(ordering.field))
            if let descending = ordering.descending { writer.append(descending ? " desc" : " asc") }
            return expression
        }
        return SortKey(expression: expression, descending: ordering.descending, range: range)
    }

    /// `value` as the lexer reads a floating-point number: digits, a point, digits (no exponent).
    static func decimal(_ value: Double) -> String {
        let shortest = String(value)
        if !shortest.contains("e") { return shortest }
        var digits = String(format: "%.20f", value)
        while digits.hasSuffix("0"), !digits.hasSuffix(".0") { digits.removeLast() }
        return digits
    }

    // MARK: Expressions

    /// How tightly an expression binds, loosest first, as the parser reads them.
    enum Precedence: Int, Comparable {
        case lowest, or, and, not, comparison, primary

        static func < (left: Precedence, right: Precedence) -> Bool { left.rawValue < right.rawValue }
    }

    private static func precedence(of term: QueryTerm) -> Precedence {
        switch term.kind {
        case .binary(.or, _, _): .or
        case .binary(.and, _, _): .and
        case .not: .not
        case .binary: .comparison
        default: .primary
        }
    }

    /// Writes `term`, in parentheses when it binds more loosely than `atLeast` asks.
    private mutating func expression(_ term: QueryTerm, atLeast required: Precedence) -> Expression {
        guard Self.precedence(of: term) >= required else {
            // The parser's range of a parenthesized expression takes in its parentheses.
            let open = append("(")
            var inner = expression(term, atLeast: .lowest)
            inner.range = open.union(append(")"))
            return inner
        }
        switch term.kind {
        case .field(let name), .word(let name):
            return Expression(kind: .name(name), range: append(name))
        case .string(let value):
            return Expression(kind: .string(value), range: append(ParameterValue.stringLiteral(value)))
        case .integer(let value):
            return Expression(kind: .integer(value), range: append(String(value)))
        case .float(let value):
            return Expression(kind: .float(value), range: append(Self.decimal(value)))
        case .bool(let value):
            return Expression(kind: .bool(value), range: append(value ? "true" : "false"))
        case .time(let value):
            let written = value.description
            let range = append(written)
            // A bare year reads as a whole number until the checker sees it compared with a time.
            if value.granularity == .year, let year = Int(written) { return Expression(kind: .integer(year), range: range) }
            return Expression(kind: .time(value), range: range)
        case .entity(let name):
            let literal = entityLiteral(name)
            return Expression(kind: .entity(literal), range: literal.range)
        case .list(let items):
            let (elements, range) = spanning { writer in
                writer.append("[")
                let elements = writer.separated(items) { $0.expression($1, atLeast: .lowest) }
                writer.append("]")
                return elements
            }
            return Expression(kind: .list(elements), range: range)
        case .not(let operand):
            let start = append("not ")
            let inner = expression(operand, atLeast: .not)
            return Expression(kind: .not(inner), range: start.union(inner.range))
        case .binary(let operation, let left, let right):
            let own = Self.precedence(of: term)
            // `and` and `or` read left to right: a chain of the same operator on the right needs parentheses.
            let leftSide = expression(left, atLeast: own == .comparison ? .primary : own)
            let operatorRange = append(" \(operation) ")
            let rightSide = expression(right, atLeast: own == .comparison ? .primary : Precedence(rawValue: own.rawValue + 1)!)
            let trimmed = SourceRange(start: SourceLocation(line: 1, column: operatorRange.start.column + 1, offset: operatorRange.start.offset + 1),
                                      end: SourceLocation(line: 1, column: operatorRange.end.column - 1, offset: operatorRange.end.offset - 1))
            return Expression(kind: .binary(operation, leftSide, rightSide, operatorRange: trimmed), range: leftSide.range.union(rightSide.range))
        }
    }
}
