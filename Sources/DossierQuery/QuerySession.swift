import DossierCore
import DossierStore

/// Finds the documents whose sentences match full-text search words, as ascending row numbers of the
/// index; throws a ``Diagnostic`` for words the search engine cannot read.
package typealias FullTextSearch = @Sendable (String) throws(Diagnostic) -> [Int32]

/// Runs query text against a corpus index and keeps the names bound by `let` between runs.
///
/// This is the entry point of the shell and the script runner:
/// ```swift
/// let session = QuerySession(index: index)
/// let results = try session.run("@putin | documents | count", sourceName: "<query>")
/// ```
/// Each statement is parsed, type-checked over its whole pipeline and then evaluated, in order; the
/// first error stops the run and is thrown as a ``Diagnostic`` whose range indexes the text given.
public final class QuerySession {
    /// The corpus the queries run over.
    package let index: CorpusIndex
    /// Asked between stages and while scanning rows; when it returns `true` the query stops with a
    /// "cancelled" diagnostic and leaves the bindings as they were.
    public var isCancelled: () -> Bool = { false }
    /// What `search "words"` asks: the documents (rows of ``index``, ascending) with a sentence
    /// that matches the words. Whoever holds the workspace sets it; without it `search` is an error.
    package var fullTextSearch: FullTextSearch?
    /// What `search "words"` on sentences asks: the sentences (rows of ``index``, ascending) that
    /// match the words. Whoever holds the workspace sets it; without it `search` on sentences is an error.
    package var sentenceSearch: FullTextSearch?

    /// The types and the values of the names bound by `let`, kept apart so a statement hands both
    /// to the checker and the evaluator without copying them (a session may bind thousands).
    private(set) var bindingTypes: [String: PipelineType] = [:]
    private(set) var bindingValues: [String: Carried] = [:]
    private var parameterStore = ParameterStore()
    let postings: Postings

    /// Creates a session over `index` with no bindings.
    package init(index: CorpusIndex) {
        self.index = index
        postings = Postings(index: index)
    }

    /// The names bound by `let`, sorted.
    public var boundNames: [String] { bindingTypes.keys.sorted() }

    /// What the name `name` is bound to, or `nil` when it is not bound.
    public func typeOfBinding(named name: String) -> PipelineType? { bindingTypes[name] }

    /// Forgets every `let` binding.
    public func removeAllBindings() {
        bindingTypes.removeAll()
        bindingValues.removeAll()
    }

    // MARK: Parameters

    /// The script parameters the session knows (declared by `param`, or set), sorted by name.
    public var parameters: [ScriptParameter] { parameterStore.parameters }

    /// Sets the parameter `name` to the value `text` gives, checked against its declared type; a
    /// parameter not declared yet takes the type the text reads as (`@name`, `2023-07`, `42`, text),
    /// and its declaration checks it again. A value set this way wins over a declaration's default.
    public func setParameter(_ name: String, to text: String) throws(ParameterValue.Problem) {
        try parameterStore.set(name, to: text)
    }

    /// Forgets the value set for `name`, so its default applies again. Returns whether it existed.
    @discardableResult
    public func unsetParameter(_ name: String) -> Bool { parameterStore.unset(name) }

    /// Forgets every parameter.
    public func removeAllParameters() { parameterStore.removeAll() }

    /// Takes the parameters of `other` (a session over another workspace), replacing these.
    package func takeParameters(from other: QuerySession) { parameterStore = other.parameterStore }

    /// Checks that an entity value names exactly one entity of the corpus; the diagnostic (an unknown
    /// or ambiguous name, with candidates) has no range, for the caller to place.
    public func checkEntity(_ value: ParameterValue) throws(Diagnostic) {
        try ParameterStore.check(value, at: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))) { literal throws(Diagnostic) in
            _ = try Checker(index: index, bindings: [:]).resolve(literal)
        }
    }

    /// Runs every statement of `text` in order and gives their results.
    ///
    /// - Parameters:
    ///   - text: One or more statements: a line typed in the shell, or a whole script.
    ///   - sourceName: The name diagnostics give the text: a file path, `<query>`, `<stdin>`.
    ///   - firstLine: The line of its source the text starts on, so diagnostics for a statement taken
    ///     from the middle of a script give the script's line numbers.
    /// - Throws: The first ``Diagnostic`` met, with `sourceName` set; statements before it have run
    ///   and their `let` bindings are kept.
    public func run(_ text: String, sourceName: String = "<query>", firstLine: Int = 1) throws(Diagnostic) -> [StatementResult] {
        var results: [StatementResult] = []
        try run(text, sourceName: sourceName, firstLine: firstLine) { results.append($0) }
        return results
    }

    /// Runs every statement of `text` in order, handing each result to `handle` as soon as it is ready,
    /// so a script's output appears before a later statement's error.
    public func run(_ text: String, sourceName: String = "<query>", firstLine: Int = 1,
                    handle: (StatementResult) -> Void) throws(Diagnostic) {
        do throws(Diagnostic) {
            for tokens in Parser.statementTokens(in: text, firstLine: firstLine) {
                let statement = try Parser.parseStatement(try parameterStore.substitute(tokens), in: text)
                guard let result = try execute(statement) else { continue }
                // A document's text that could not be read (the workspace deleted or changed while open) made the
                // result wrong: report that instead of it.
                if var failure = index.documents.texts.takeReadFailure() {
                    if let workspace = failure.sourceName { failure.notes.append("in the workspace \(workspace)") }
                    failure.range = statement.range
                    throw failure
                }
                handle(result)
            }
        } catch {
            throw error.inSource(sourceName)
        }
    }

    /// Parses and type-checks `text` without running it (bindings made inside `text` are followed by type).
    /// - Returns: The type each statement ends with.
    @discardableResult
    public func check(_ text: String, sourceName: String = "<query>") throws(Diagnostic) -> [PipelineType] {
        var types = bindingTypes
        var results: [PipelineType] = []
        var parameters = parameterStore
        do throws(Diagnostic) {
            for tokens in Parser.statementTokens(in: text) {
                let statement = try Parser.parseStatement(try parameters.substitute(tokens), in: text)
                switch statement.kind {
                case .pipeline(let pipeline):
                    results.append(try Checker(index: index, bindings: types).check(pipeline).type)
                case .binding(let name, let pipeline):
                    let type = try Checker(index: index, bindings: types).check(pipeline).type
                    types[name.name] = type
                    results.append(type)
                case .parameter(let declaration):
                    try parameters.declare(declaration, resolve: resolver)
                }
            }
        } catch {
            throw error.inSource(sourceName)
        }
        return results
    }

    /// Whether the shell should read another line before running `text`: a bracket or a string is
    /// still open, or the text ends with `|` or `,`.
    package static func needsContinuation(_ text: String) -> Bool {
        StatementContinuation.needsMoreLines(after: text)
    }

    // MARK: Running

    private func execute(_ statement: Statement) throws(Diagnostic) -> StatementResult? {
        guard let (plan, value) = try evaluate(statement) else { return nil }
        if case .binding(let name, _) = statement.kind {
            return StatementResult(range: statement.range, boundName: name.name, result: value.result(in: index))
        }
        var result = value.result(in: index)
        if case .rows(var table) = result {
            table.presentation = plan.presentation
            table.presentationIsExplicit = plan.presentationIsExplicit
            result = .rows(table)
        }
        return StatementResult(range: statement.range, boundName: nil, result: result)
    }

    /// Checks and runs `statement`, binding its value when it is a `let` and declaring it when it
    /// is a `param` (which gives `nil`); `inspect` sees the checked plan before it runs.
    func evaluate(_ statement: Statement,
                          inspect: (Plan, QueryPipeline) throws(Diagnostic) -> Void = { _, _ in }) throws(Diagnostic) -> (Plan, Carried)? {
        switch statement.kind {
        case .pipeline(let pipeline):
            let plan = try Checker(index: index, bindings: bindingTypes).check(pipeline)
            try inspect(plan, pipeline)
            return (plan, try evaluator().run(plan))
        case .binding(let name, let pipeline):
            let plan = try Checker(index: index, bindings: bindingTypes).check(pipeline)
            try inspect(plan, pipeline)
            let value = try evaluator().run(plan)
            bindingTypes[name.name] = plan.type
            bindingValues[name.name] = value
            return (plan, value)
        case .parameter(let declaration):
            try parameterStore.declare(declaration, resolve: resolver)
            return nil
        }
    }

    /// The plan the checker makes of `pipeline` with the session's bindings, without running it.
    func plan(of pipeline: QueryPipeline) throws(Diagnostic) -> Plan {
        try Checker(index: index, bindings: bindingTypes).check(pipeline)
    }

    /// Runs every statement of `text` in order and gives the rows the last one ends with, which the
    /// checker must find to be rows of `kind` before it runs; otherwise a diagnostic at its final
    /// stage says what it gives instead.
    func rows(of kind: RowKind, in text: String, sourceName: String, firstLine: Int) throws(Diagnostic) -> [Int32] {
        do throws(Diagnostic) {
            let statements = Parser.statementTokens(in: text, firstLine: firstLine)
            guard let last = statements.last else {
                throw Diagnostic(.error, .resultKindMismatch, "the query has no statement, so it gives no \(kind.rawValue)",
                                 range: SourceRange(at: SourceLocation(line: firstLine, column: 1, offset: 0)))
            }
            for tokens in statements.dropLast() {
                let statement = try Parser.parseStatement(try parameterStore.substitute(tokens), in: text)
                _ = try evaluate(statement)
            }
            let statement = try Parser.parseStatement(try parameterStore.substitute(last), in: text)
            let evaluated = try evaluate(statement) { plan, pipeline throws(Diagnostic) in
                guard plan.type == .rows(.source(kind)) else {
                    throw Diagnostic(.error, .resultKindMismatch, "the query gives \(plan.type), not \(kind.rawValue)", range: Self.finalStageRange(of: pipeline),
                                     help: .init("end the query with '| \(kind.rawValue)', or decode what it gives"))
                }
            }
            guard let (_, carried) = evaluated, case .rows(_, let rows) = carried else {
                throw Diagnostic(.error, .resultKindMismatch, "the query ends with a parameter declaration, so it gives no \(kind.rawValue)",
                                 range: statement.range)
            }
            return rows
        } catch {
            throw error.inSource(sourceName)
        }
    }

    /// Where the stage that decides what a pipeline gives lies: its last stage other than `render`,
    /// or its source when it has no other stage.
    private static func finalStageRange(of pipeline: QueryPipeline) -> SourceRange {
        pipeline.stages.last { if case .render = $0.kind { false } else { true } }?.range ?? pipeline.source.range
    }

    /// Resolves an entity literal against the corpus, for checking entity parameters.
    private var resolver: (EntityLiteral) throws(Diagnostic) -> Void {
        { [index] literal throws(Diagnostic) in _ = try Checker(index: index, bindings: [:]).resolve(literal) }
    }

    private func evaluator() -> Evaluator {
        Evaluator(index: index, postings: postings, bindings: bindingValues, isCancelled: isCancelled,
                  fullTextSearch: fullTextSearch, sentenceSearch: sentenceSearch)
    }
}
