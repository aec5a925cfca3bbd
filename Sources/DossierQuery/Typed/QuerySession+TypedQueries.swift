import DossierCore

extension QuerySession {
    /// Checks and runs a typed query and decodes the rows it ends with into `Row` records.
    ///
    /// The query is checked as the pipeline it builds (``TypedQuery/pipeline``), by the checker that
    /// checks query text, so it gives the rows its ``TypedQuery/dqlText`` gives:
    /// ```swift
    /// let visits = try session.fetchAll(Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit })
    /// ```
    /// - Parameter sourceName: The name diagnostics give the query's text.
    /// - Throws: A ``Diagnostic`` whose range points into ``TypedQuery/dqlText``: an entity name that
    ///   is unknown or ambiguous, a stage the rows do not allow (`during` on entities), a bad pattern.
    public func fetchAll<Row>(_ query: RowQuery<Row>, sourceName: String = "<query>") throws(Diagnostic) -> [Row] {
        guard case .rows(_, let rows) = try run(query, sourceName: sourceName) else {
            preconditionFailure("a row query is checked to give rows of its kind")
        }
        return rows.map { Row(id: RowIdentity(row: $0), in: index) }
    }

    /// Checks and runs a query that ends with `count` and gives the number.
    public func fetchCount(_ query: CountQuery, sourceName: String = "<query>") throws(Diagnostic) -> Int {
        guard case .value(.int(let count)) = try run(query, sourceName: sourceName) else {
            preconditionFailure("'count' is checked to give an Int")
        }
        return count
    }

    /// Checks and runs a query that ends with a table (`count by`, `distinct`) and gives the table,
    /// its cells ``Value``s as ``run(_:sourceName:firstLine:)`` gives them.
    public func fetchTable(_ query: TableQuery, sourceName: String = "<query>") throws(Diagnostic) -> ResultTable {
        guard case .rows(let table) = try run(query, sourceName: sourceName).result(in: index) else {
            preconditionFailure("a table query is checked to give a table")
        }
        return table
    }

    /// The checked plan of `query`, as text: equal to the plan of its ``TypedQuery/dqlText`` when both
    /// are checked the same way.
    package func planDescription(of query: some TypedQuery) throws(Diagnostic) -> String {
        String(describing: try plan(of: query.pipeline))
    }

    /// The checked plan of the one pipeline `text` holds, as text.
    package func planDescription(ofText text: String) throws(Diagnostic) -> String {
        let program = try Parser.parse(text)
        guard program.statements.count == 1, case .pipeline(let pipeline) = program.statements[0].kind else {
            throw Diagnostic(.error, .expectedPipeline, "expected one pipeline", range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)))
        }
        return String(describing: try plan(of: pipeline))
    }

    private func run(_ query: some TypedQuery, sourceName: String) throws(Diagnostic) -> Carried {
        let pipeline = query.pipeline
        do throws(Diagnostic) {
            guard let (_, carried) = try evaluate(Statement(kind: .pipeline(pipeline), range: pipeline.range)) else {
                preconditionFailure("a pipeline declares no parameter")
            }
            return carried
        } catch {
            throw error.inSource(sourceName)
        }
    }
}
