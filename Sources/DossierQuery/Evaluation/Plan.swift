import DossierCore

/// Where a field's value is read from: a column of the corpus index, or a column of a table.
enum FieldAccessor: Hashable, Sendable {
    case document(DocumentField)
    case entity(EntityField)
    case mention(MentionField)
    case sentence(SentenceField)
    case relation(RelationField)
    case time(TimeField)
    /// A relation's own time, or else its document's date: what the time stages compare.
    case relationTimeOrDate
    case column(Int)
}

/// A type-checked expression whose names are resolved to columns and whose literals are values.
indirect enum BoundExpression {
    case field(FieldAccessor)
    case constant(Value)
    case list([BoundExpression])
    case not(BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`
    case compare(BinaryOperator, BoundExpression, BoundExpression)
    /// `in`: the right side evaluates to a list.
    case member(BoundExpression, BoundExpression)
    /// `contains`, with the needle lower-cased.
    case contains(BoundExpression, String)
    case matches(BoundExpression, LinearRegex)
    case time(TimeRelation, BoundExpression, TimeRange)
    case call(Function, [BoundExpression])
    /// `+ - * /` on numbers, dates and text.
    case arithmetic(BinaryOperator, BoundExpression, BoundExpression)
    /// `-EXPR`
    case negate(BoundExpression)
    /// `EXPR is null`, or `is not null` when `negated`: true or false, never unknown.
    case isNull(BoundExpression, negated: Bool)
}

/// A sort key after checking.
struct PlannedSortKey {
    var expression: BoundExpression
    var descending: Bool
}

/// Where a checked pipeline's rows come from.
enum PlannedSource {
    /// Every row of a kind.
    case all(RowKind)
    /// One entity (an entity literal).
    case entity(Int32)
    /// The value bound to a name by `let`.
    case binding(String)
}

/// A checked stage, ready to run.
enum PlannedStage {
    case filter(BoundExpression)
    case mentioning([Int32])
    case search(String, range: SourceRange)
    case count
    case countBy([BoundExpression], columns: [Field])
    case sort([PlannedSortKey])
    case take(Int)
    case select([BoundExpression], columns: [Field])
    case distinct([BoundExpression], columns: [Field])
    case navigate(RowKind)
    case navigateFromColumn(Int, RowKind)
    case kwic(width: Int)
    /// `kwic "word"` on documents or sentences.
    case kwicWord(String, RowKind, width: Int)
    /// Counts rows per unit of time, read through the accessor, over the bound an earlier time stage kept.
    case timeline(FieldAccessor, Granularity, within: TimeBound, range: SourceRange)
    case cooccur(CooccurrenceOptions)
    case graph
}

/// A type-checked pipeline: what the evaluator runs.
struct Plan {
    var source: PlannedSource
    var stages: [PlannedStage]
    var type: PipelineType
    /// How the result asks to be shown (`render`).
    var presentation: Presentation = .table
    /// Whether a `render` stage chose ``presentation``.
    var presentationIsExplicit = false
}
