import DossierCore

/// Rows of values under named, typed columns: what a row-producing pipeline ends as.
public struct ResultTable: Hashable, Sendable {
    /// A column: its name and the type of its values.
    public struct Column: Hashable, Sendable {
        /// The column's name (a field name, an `as` name, or the expression as written).
        public var name: String
        /// The type of the column's values.
        public var type: FieldType

        /// Creates a column.
        public init(name: String, type: FieldType) {
            self.name = name
            self.type = type
        }
    }

    /// The columns, in order.
    public var columns: [Column]
    /// The rows; each has one value per column.
    public var rows: [[Value]]
    /// The kind of corpus rows the table shows, when the pipeline ended with documents, entities or
    /// mentions rather than with a table of its own.
    public var rowKind: RowKind?
    /// How the pipeline asked the table to be shown (`render`).
    public var presentation: Presentation
    /// Whether the pipeline ended with `render`, so ``presentation`` is what it asked for rather than
    /// the default table (a notebook draws timelines and graphs unless asked for a table).
    public var presentationIsExplicit: Bool

    /// Creates a table.
    public init(columns: [Column], rows: [[Value]], rowKind: RowKind? = nil, presentation: Presentation = .table,
                presentationIsExplicit: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.rowKind = rowKind
        self.presentation = presentation
        self.presentationIsExplicit = presentationIsExplicit
    }

    /// The values of the column named `name`, or `nil` when there is no such column.
    public func values(of name: String) -> [Value]? {
        guard let position = columns.firstIndex(where: { $0.name == name }) else { return nil }
        return rows.map { $0[position] }
    }
}

/// What one statement produced.
public enum QueryResult: Hashable, Sendable {
    /// Rows, as a table.
    case rows(ResultTable)
    /// One value, such as the result of `count`.
    case scalar(Value)
}

/// The outcome of one statement of a query text.
public struct StatementResult: Hashable, Sendable {
    /// Where the statement lies in the text that was run.
    public var range: SourceRange
    /// The name the statement bound with `let`, or `nil` for a plain pipeline.
    public var boundName: String?
    /// The statement's result (for `let`, the value that was bound).
    public var result: QueryResult

    /// Creates a statement result.
    public init(range: SourceRange, boundName: String?, result: QueryResult) {
        self.range = range
        self.boundName = boundName
        self.result = result
    }
}
