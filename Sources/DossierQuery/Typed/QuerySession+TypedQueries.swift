import DossierCore
import DossierStore

extension QuerySession {
    /// Checks and runs a typed query and decodes the rows it ends with into `Row` records.
    ///
    /// The query is checked as the pipeline it builds (``TypedQuery/pipeline``), by the checker that
    /// checks query text, so it gives the rows its ``TypedQuery/dqlText`` gives:
    /// ```swift
    /// let visits = try session.fetchAll(Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit })
    /// ```
    /// - Parameters:
    ///   - query: The typed query.
    ///   - sourceName: The name diagnostics give the query's text.
    /// - Throws: A ``Diagnostic`` whose range points into ``TypedQuery/dqlText``: an entity name that
    ///   is unknown or ambiguous, a stage the rows do not allow (`during` on entities), a bad pattern.
    public func fetchAll<Row>(_ query: RowQuery<Row>, sourceName: String = "<query>") throws(Diagnostic) -> [Row] {
        try Self.records(of: query, run(query.pipeline, sourceName: sourceName), in: index)
    }

    /// Checks and runs a typed query that ends with a table (`count by`, `timeline`, `cooccur`,
    /// `kwic`, `graph`) and decodes its rows into `Record`s:
    /// ```swift
    /// let quarters = try session.fetchAll(Query.relations.where { $0.predicate == .visit }.timeline(by: .quarter))
    /// for bucket in quarters { print(bucket.range, bucket.count) }
    /// ```
    /// - Throws: A ``Diagnostic`` whose range points into ``TypedQuery/dqlText``.
    public func fetchAll<Record>(_ query: TableRecordQuery<Record>, sourceName: String = "<query>") throws(Diagnostic) -> [Record] {
        try Self.records(of: query, run(query.pipeline, sourceName: sourceName), in: index)
    }

    /// Checks and runs a query that ends with `count` and gives the number.
    public func fetchCount(_ query: CountQuery, sourceName: String = "<query>") throws(Diagnostic) -> Int {
        try Self.count(of: query, run(query.pipeline, sourceName: sourceName))
    }

    /// Checks and runs a query that ends with a table (`count by`, `distinct`, `select`) and gives the
    /// table, its cells ``Value``s as ``run(_:sourceName:firstLine:)`` gives them, with the
    /// presentation a `render` stage asked for.
    public func fetchTable(_ query: TableQuery, sourceName: String = "<query>") throws(Diagnostic) -> ResultTable {
        try Self.table(of: query, run(query.pipeline, sourceName: sourceName), in: index)
    }

    /// Runs every statement of `text` in order and decodes the table the last one ends with into
    /// `Record`s, as ``fetchAll(_:_:sourceName:firstLine:)-7lren`` does with rows of the corpus:
    /// ```swift
    /// let edges = try session.fetchAll(GraphEdge.self, "@putin | relations | graph")
    /// ```
    /// - Throws: The first ``Diagnostic`` met, with `sourceName` set; a last statement that gives
    ///   another table, rows or a single value is a diagnostic at that statement.
    public func fetchAll<Record: TableRecord>(_ type: Record.Type, _ text: String, sourceName: String = "<query>",
                                              firstLine: Int = 1) throws(Diagnostic) -> [Record] {
        let results = try run(text, sourceName: sourceName, firstLine: firstLine)
        guard let last = results.last else {
            throw Diagnostic(.error, .resultKindMismatch, "the query has no statement, so it gives no \(Record.rowsDescription)",
                             sourceName: sourceName, range: SourceRange(at: SourceLocation(line: firstLine, column: 1, offset: 0)))
        }
        do throws(Diagnostic) {
            guard case .rows(let table) = last.result else {
                throw Diagnostic(.error, .resultKindMismatch, "the query gives a single value, not \(Record.rowsDescription)", range: last.range)
            }
            return try Record.decode(table, in: index, range: last.range)
        } catch {
            throw error.inSource(sourceName)
        }
    }

    // MARK: let

    /// Runs `binding`, `let NAME = QUERY`, and gives the query whose source is the name, as a later
    /// statement `NAME | …` uses it:
    /// ```swift
    /// let trips = try session.bind(Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit }.bound(to: "trips"))
    /// let planned = try session.fetchAll(trips.where { $0.modality == .planned })   // trips | where modality == planned
    /// ```
    /// The name is bound in the session as a `let` in query text binds it, so text run later may use it too.
    /// - Throws: A ``Diagnostic`` whose range points into the binding's ``QueryBinding/dqlText``: a
    ///   name the language keeps for itself (`documents`, `and`), or a problem of the query.
    public func bind<Bound>(_ binding: QueryBinding<Bound>, sourceName: String = "<query>") throws(Diagnostic) -> Bound {
        do throws(Diagnostic) {
            // The parser says what is wrong with a name that is no identifier or is a word of the language.
            _ = try Parser.parse(binding.dqlText)
            _ = try evaluate(binding.statement)
        } catch {
            throw error.inSource(sourceName)
        }
        return binding.source
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

    /// Checks and runs `pipeline`, a typed query's syntax tree, as the statement it is.
    func run(_ pipeline: QueryPipeline, sourceName: String) throws(Diagnostic) -> (Plan, Carried) {
        do throws(Diagnostic) {
            guard let evaluated = try evaluate(Statement(kind: .pipeline(pipeline), range: pipeline.range)) else {
                preconditionFailure("a pipeline declares no parameter")
            }
            return evaluated
        } catch {
            throw error.inSource(sourceName)
        }
    }

    // MARK: Decoding

    /// The records of the rows `query` ended with; a query whose source is a `let` name bound to
    /// other rows since is a diagnostic, not a wrong decoding.
    static func records<Row>(of query: RowQuery<Row>, _ evaluated: (Plan, Carried), in index: CorpusIndex) throws(Diagnostic) -> [Row] {
        guard case .rows(let kind, let rows) = evaluated.1, kind == Row.rowKind else {
            throw mismatch(query.pipeline, gives: evaluated.0.type, not: Row.rowKind.rawValue)
        }
        return rows.map { Row(id: RowIdentity(row: $0), in: index) }
    }

    /// The records of the table `query` ended with.
    static func records<Record>(of query: TableRecordQuery<Record>, _ evaluated: (Plan, Carried),
                                in index: CorpusIndex) throws(Diagnostic) -> [Record] {
        guard case .table = evaluated.1, case .rows(let table) = evaluated.1.result(in: index) else {
            throw mismatch(query.pipeline, gives: evaluated.0.type, not: Record.rowsDescription)
        }
        return try Record.decode(table, in: index, range: query.pipeline.range)
    }

    /// The number a `count` query ended with.
    static func count(of query: CountQuery, _ evaluated: (Plan, Carried)) throws(Diagnostic) -> Int {
        guard case .value(.int(let count)) = evaluated.1 else { throw mismatch(query.pipeline, gives: evaluated.0.type, not: "a count") }
        return count
    }

    /// The table a table query ended with, with the presentation its plan asks for.
    static func table(of query: TableQuery, _ evaluated: (Plan, Carried), in index: CorpusIndex) throws(Diagnostic) -> ResultTable {
        guard case .rows(var table) = evaluated.1.result(in: index) else {
            throw mismatch(query.pipeline, gives: evaluated.0.type, not: "a table")
        }
        table.presentation = evaluated.0.presentation
        table.presentationIsExplicit = evaluated.0.presentationIsExplicit
        return table
    }

    private static func mismatch(_ pipeline: QueryPipeline, gives type: PipelineType, not wanted: String) -> Diagnostic {
        Diagnostic(.error, .resultKindMismatch, "the query gives \(type), not \(wanted)", range: pipeline.source.range,
                   notes: ["a name bound by 'let' holds what it was last bound to"])
    }
}
