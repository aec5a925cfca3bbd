import DossierCore
import DossierStore
import Synchronization

extension QuerySession {
    /// Checks and runs a typed query off the caller's thread and decodes the rows it ends with:
    /// ``fetchAll(_:sourceName:)-(RowQuery<Row>,_)`` for Swift concurrency.
    ///
    /// ```swift
    /// let visits = try await session.fetchAll(Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit })
    /// ```
    /// The call keeps the caller's isolation (the main actor, say) while the query is checked and run on
    /// the global concurrent executor, so a long query does not block the caller's thread. Cancelling the
    /// task stops the query where the shell's Ctrl-C stops it: between stages and every 1,024 rows of a scan.
    ///
    /// - Throws: `CancellationError` when the task was cancelled before or while the query ran; otherwise
    ///   a ``Diagnostic`` whose range points into ``TypedQuery/dqlText``.
    public func fetchAll<Row>(_ query: RowQuery<Row>, sourceName: String = "<query>",
                              isolation: isolated (any Actor)? = #isolation) async throws -> [Row] {
        try await runConcurrently(query.pipeline, sourceName: sourceName, isolation: isolation) { evaluated, index throws(Diagnostic) in
            try Self.records(of: query, evaluated, in: index)
        }
    }

    /// Checks and runs a typed query that ends with a table off the caller's thread and decodes its rows
    /// (see ``fetchAll(_:sourceName:isolation:)-(RowQuery<Row>,_,_)``).
    public func fetchAll<Record>(_ query: TableRecordQuery<Record>, sourceName: String = "<query>",
                                 isolation: isolated (any Actor)? = #isolation) async throws -> [Record] {
        try await runConcurrently(query.pipeline, sourceName: sourceName, isolation: isolation) { evaluated, index throws(Diagnostic) in
            try Self.records(of: query, evaluated, in: index)
        }
    }

    /// Checks and runs a query that ends with `count` off the caller's thread and gives the number
    /// (see ``fetchAll(_:sourceName:isolation:)-(RowQuery<Row>,_,_)``).
    public func fetchCount(_ query: CountQuery, sourceName: String = "<query>",
                           isolation: isolated (any Actor)? = #isolation) async throws -> Int {
        try await runConcurrently(query.pipeline, sourceName: sourceName, isolation: isolation) { evaluated, _ throws(Diagnostic) in
            try Self.count(of: query, evaluated)
        }
    }

    /// Checks and runs a query that ends with a table off the caller's thread and gives the table
    /// (see ``fetchAll(_:sourceName:isolation:)-(RowQuery<Row>,_,_)``).
    public func fetchTable(_ query: TableQuery, sourceName: String = "<query>",
                           isolation: isolated (any Actor)? = #isolation) async throws -> ResultTable {
        try await runConcurrently(query.pipeline, sourceName: sourceName, isolation: isolation) { evaluated, index throws(Diagnostic) in
            try Self.table(of: query, evaluated, in: index)
        }
    }

    /// Runs `pipeline` in a detached task over what the session holds now (its index, `let` bindings and
    /// searches), handing the task's cancellation to the evaluator's `isCancelled`, and decodes the result
    /// there, so only `Sendable` values cross between the caller and the task.
    private func runConcurrently<Output: Sendable>(
        _ pipeline: QueryPipeline, sourceName: String, isolation: isolated (any Actor)?,
        decode: @escaping @Sendable ((Plan, Carried), CorpusIndex) throws(Diagnostic) -> Output
    ) async throws -> Output {
        try Task.checkCancellation()
        let run = ConcurrentRun(index: index, postings: postings, bindingTypes: bindingTypes, bindingValues: bindingValues,
                                fullTextSearch: fullTextSearch, sentenceSearch: sentenceSearch)
        let cancellation = CancellationFlag()
        let outcome = await withTaskCancellationHandler {
            await Task.detached(priority: Task.currentPriority) { () -> Result<Output, Diagnostic> in
                Result { () throws(Diagnostic) -> Output in
                    try decode(try run.evaluate(pipeline, isCancelled: { cancellation.isSet }), run.index)
                }
            }.value
        } onCancel: {
            cancellation.set()
        }
        switch outcome {
        case .success(let output):
            return output
        case .failure(let diagnostic):
            // The evaluator's "cancelled" is the task's cancellation, which callers catch as such.
            if cancellation.isSet { throw CancellationError() }
            throw diagnostic.inSource(sourceName)
        }
    }
}

/// What a query needs to run away from its session: the session's index, searches and `let` bindings
/// as they were when the query was asked for, and its shared postings.
private struct ConcurrentRun: Sendable {
    let index: CorpusIndex
    let postings: Postings
    let bindingTypes: [String: PipelineType]
    let bindingValues: [String: Carried]
    let fullTextSearch: FullTextSearch?
    let sentenceSearch: FullTextSearch?

    /// Checks and runs `pipeline`; `isCancelled` is asked between stages and while scanning rows.
    func evaluate(_ pipeline: QueryPipeline, isCancelled: @escaping () -> Bool) throws(Diagnostic) -> (Plan, Carried) {
        let plan = try Checker(index: index, bindings: bindingTypes).check(pipeline)
        let evaluator = Evaluator(index: index, postings: postings, bindings: bindingValues, isCancelled: isCancelled,
                                  fullTextSearch: fullTextSearch, sentenceSearch: sentenceSearch)
        return (plan, try evaluator.run(plan))
    }
}

/// Set once by a task's cancellation handler, read by the evaluator on another thread.
private final class CancellationFlag: Sendable {
    private let value = Atomic(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
}
