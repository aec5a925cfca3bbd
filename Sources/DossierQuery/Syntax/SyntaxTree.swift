import DossierCore

/// A name as written, with its place: a source, a stage, a field, a `let` name.
package struct Identifier: Hashable, Sendable {
    /// The name.
    package var name: String
    /// Where it was written.
    package var range: SourceRange

    /// Creates an identifier.
    package init(name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// An entity literal, `@putin`, `@"Xi Jinping"` or `@Dover:location`, before it is resolved against the corpus.
package struct EntityLiteral: Hashable, Sendable {
    /// The name after the `@`, with quotes removed.
    package var name: String
    /// The kind written after the name (`@Dover:location`), which picks one of several entities
    /// that go by the name; `nil` when none is written.
    package var kind: Identifier?
    /// Where the literal was written, `@` and kind included.
    package var range: SourceRange

    /// Creates an entity literal.
    package init(name: String, kind: Identifier? = nil, range: SourceRange) {
        self.name = name
        self.kind = kind
        self.range = range
    }
}

/// A time literal (`2023`, `2023-Q3`, `2023-03..2023-10`) with the range of days it denotes.
package struct TimeLiteral: Hashable, Sendable {
    /// The days the literal denotes.
    package var value: TimeRange
    /// Where it was written.
    package var range: SourceRange

    /// Creates a time literal.
    package init(value: TimeRange, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A whole-number argument of a stage, such as the `10` of `take 10`.
package struct IntegerLiteral: Hashable, Sendable {
    /// The number.
    package var value: Int
    /// Where it was written.
    package var range: SourceRange

    /// Creates an integer literal.
    package init(value: Int, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A parsed query text: its statements in order.
package struct Program: Hashable, Sendable {
    /// The statements.
    package var statements: [Statement]

    /// Creates a program.
    package init(statements: [Statement]) { self.statements = statements }
}

/// One statement: a pipeline, a `let` binding or a `param` declaration.
package struct Statement: Hashable, Sendable {
    /// The forms a statement takes.
    package enum Kind: Hashable, Sendable {
        /// A pipeline whose result is shown.
        case pipeline(QueryPipeline)
        /// `let NAME = PIPELINE`: the result is bound to a name later statements use as a source.
        case binding(name: Identifier, pipeline: QueryPipeline)
        /// `param NAME: TYPE = DEFAULT`: a script parameter, used as `$NAME`.
        case parameter(ParameterDeclaration)
    }

    /// What the statement is.
    package var kind: Kind
    /// Where it lies in the source.
    package var range: SourceRange

    /// Creates a statement.
    package init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A source followed by stages joined with `|`.
public struct QueryPipeline: Hashable, Sendable {
    /// Where the rows come from.
    package var source: Source
    /// The stages, in order.
    package var stages: [Stage]
    /// Where the pipeline lies in the source.
    package var range: SourceRange

    /// Creates a pipeline.
    package init(source: Source, stages: [Stage], range: SourceRange) {
        self.source = source
        self.stages = stages
        self.range = range
    }
}

/// The first element of a pipeline.
package struct Source: Hashable, Sendable {
    /// The forms a source takes.
    package enum Kind: Hashable, Sendable {
        /// A word: `documents`, `entities`, `mentions`, … or a name bound by `let`.
        case name(Identifier)
        /// An entity literal: a one-row `entities` source.
        case entity(EntityLiteral)
    }

    /// What the source is.
    package var kind: Kind
    /// Where it was written.
    package var range: SourceRange

    /// Creates a source.
    package init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// How a time-bearing value relates to a time literal.
public enum TimeRelation: String, Hashable, Sendable, CaseIterable {
    /// Inside the range.
    case during
    /// Sharing at least one day with the range.
    case overlaps
    /// Ending before the range starts.
    case before
    /// Starting after the range ends.
    case after
}

/// A sort key: an expression and a direction.
package struct SortKey: Hashable, Sendable {
    /// What to sort by.
    package var expression: Expression
    /// `true` for `desc`, `false` for `asc`, `nil` when not written (the stage's default).
    package var descending: Bool?
    /// Where the key was written, direction included.
    package var range: SourceRange

    /// Creates a sort key.
    package init(expression: Expression, descending: Bool?, range: SourceRange) {
        self.expression = expression
        self.descending = descending
        self.range = range
    }
}

/// One item of `select`, `count by` or `distinct`: an expression and the column name it gets.
package struct SelectItem: Hashable, Sendable {
    /// The value of the column.
    package var expression: Expression
    /// The name given with `as`, if any.
    package var alias: Identifier?
    /// The expression as written, used as the column name for computed columns without `as`.
    package var text: String
    /// Where the item was written.
    package var range: SourceRange

    /// Creates a select item.
    package init(expression: Expression, alias: Identifier?, text: String, range: SourceRange) {
        self.expression = expression
        self.alias = alias
        self.text = text
        self.range = range
    }

    /// The column name: the `as` name, the field name, or the expression as written.
    package var columnName: String {
        if let alias { return alias.name }
        if case .name(let name) = expression.kind { return name }
        return text
    }
}

/// One stage of a pipeline.
package struct Stage: Hashable, Sendable {
    /// The stages and their arguments.
    package enum Kind: Hashable, Sendable {
        /// `where EXPR`
        case filter(Expression)
        /// `during T`, `overlapping T`, `before T`, `after T`
        case time(TimeRelation, TimeLiteral)
        /// `mentioning @a, @b`
        case mentioning([EntityLiteral])
        /// `search "words"`: full-text search; `range` is where the quoted words were written
        case search(String, range: SourceRange)
        /// `count`, or `count by F, …` when the list is not empty
        case count(by: [SelectItem])
        /// `sort F [asc|desc], …`
        case sort([SortKey])
        /// `take N`
        case take(IntegerLiteral)
        /// `top N by F [asc|desc], …`
        case top(IntegerLiteral, by: [SortKey])
        /// `select F, EXPR as name, …`
        case select([SelectItem])
        /// `distinct F, …`
        case distinct([SelectItem])
        /// `documents`, `entities`, `mentions`, `sentences`, `relations`, `times`
        case navigation(RowKind)
        /// `kwic [width N]`, or `kwic "word" [width N]`
        case kwic(word: String?, width: IntegerLiteral?)
        /// `timeline [by UNIT]`, with the unit as written (checked against day, week, month, quarter, year)
        case timeline(unit: Identifier?)
        /// `cooccur [with KIND] [in sentence|document] [min N]`
        case cooccur(kind: Identifier?, unit: Identifier?, minimum: IntegerLiteral?)
        /// `graph`: the edges subject —predicate→ object of relations, weighted by how many there are
        case graph
        /// `render table|bar|line|graph`, the last stage: how to show the result
        case render(Identifier?)
    }

    /// The stage's name as written.
    package var name: Identifier
    /// The stage and its arguments.
    package var kind: Kind
    /// Where the stage lies in the source, arguments included.
    package var range: SourceRange

    /// Creates a stage.
    package init(name: Identifier, kind: Kind, range: SourceRange) {
        self.name = name
        self.kind = kind
        self.range = range
    }
}

/// Binary operators of expressions.
package enum BinaryOperator: Hashable, Sendable, CustomStringConvertible {
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
    /// `and`
    case and
    /// `or`
    case or
    /// `in`
    case `in`
    /// `contains`, case-insensitive
    case contains
    /// `matches`, a regular expression
    case matches
    /// `during`, `overlaps`, `before`, `after`
    case time(TimeRelation)
    /// `+`: numbers, text joined, a date and a number of days
    case add
    /// `-`: numbers, a date less a number of days, the days between two dates
    case subtract
    /// `*`
    case multiply
    /// `/`, always a Float; dividing by zero gives a missing value
    case divide

    /// The operator as written.
    package var description: String {
        switch self {
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .and: "and"
        case .or: "or"
        case .in: "in"
        case .contains: "contains"
        case .matches: "matches"
        case .time(let relation): relation.rawValue
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        case .divide: "/"
        }
    }

    /// Whether the operator is arithmetic (`+ - * /`).
    var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide: true
        default: false
        }
    }

    /// Whether the operator compares two values (`==` … `>=`).
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}

/// An expression of `where`, `select`, `sort` and the other stages that take one.
package struct Expression: Hashable, Sendable {
    /// The forms an expression takes.
    package indirect enum Kind: Hashable, Sendable {
        /// A bare word: a field of the row, or an enum case where an enum is expected.
        case name(String)
        /// A string literal.
        case string(String)
        /// A whole number.
        case integer(Int)
        /// A floating-point number.
        case float(Double)
        /// `true` or `false`.
        case bool(Bool)
        /// A time literal other than a bare year (a bare year is an integer until the checker sees a time).
        case time(TimeRange)
        /// An entity literal.
        case entity(EntityLiteral)
        /// `[a, b, …]`
        case list([Expression])
        /// `not EXPR`
        case not(Expression)
        /// `LEFT OP RIGHT`, with where the operator was written.
        case binary(BinaryOperator, Expression, Expression, operatorRange: SourceRange)
        /// `null`: the missing value, compared with `==`, `!=` or written `is null`.
        case null
        /// `-EXPR`
        case negate(Expression)
        /// `EXPR is null`, or `EXPR is not null` when `negated`.
        case isNull(Expression, negated: Bool)
        /// `name(arguments)`
        case call(Identifier, [Expression])
    }

    /// What the expression is.
    package var kind: Kind
    /// Where it was written.
    package var range: SourceRange

    /// Creates an expression.
    package init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
