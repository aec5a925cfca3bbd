import DossierCore
import DossierStore

/// Finds the documents whose sentences match full-text search words, as ascending row numbers of the
/// index; throws a ``Diagnostic`` for words the search engine cannot read.
public typealias FullTextSearch = (String) throws(Diagnostic) -> [Int32]

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
    public let index: CorpusIndex
    /// Asked between stages and while scanning rows; when it returns `true` the query stops with a
    /// "cancelled" diagnostic and leaves the bindings as they were.
    public var isCancelled: () -> Bool = { false }
    /// What `search "words"` asks: the documents (rows of ``index``, ascending) with a sentence
    /// that matches the words. Whoever holds the workspace sets it; without it `search` is an error.
    public var fullTextSearch: FullTextSearch?
    /// What `search "words"` on sentences asks: the sentences (rows of ``index``, ascending) that
    /// match the words. Whoever holds the workspace sets it; without it `search` on sentences is an error.
    public var sentenceSearch: FullTextSearch?

    private struct Binding {
        var type: PipelineType
        var value: Carried
    }

    private var bindings: [String: Binding] = [:]
    private let postings: Postings

    /// Creates a session over `index` with no bindings.
    public init(index: CorpusIndex) {
        self.index = index
        postings = Postings(index: index)
    }

    /// The names bound by `let`, sorted.
    public var boundNames: [String] { bindings.keys.sorted() }

    /// What the name `name` is bound to, or `nil` when it is not bound.
    public func typeOfBinding(named name: String) -> PipelineType? { bindings[name]?.type }

    /// Forgets every `let` binding.
    public func removeAllBindings() { bindings.removeAll() }

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
                let statement = try Parser.parseStatement(tokens, in: text)
                if let result = try execute(statement) { handle(result) }
            }
        } catch {
            throw error.inSource(sourceName)
        }
    }

    /// Parses and type-checks `text` without running it (bindings made inside `text` are followed by type).
    /// - Returns: The type each statement ends with.
    @discardableResult
    public func check(_ text: String, sourceName: String = "<query>") throws(Diagnostic) -> [PipelineType] {
        var types = bindings.mapValues(\.type)
        var results: [PipelineType] = []
        do throws(Diagnostic) {
            for tokens in Parser.statementTokens(in: text) {
                let statement = try Parser.parseStatement(tokens, in: text)
                switch statement.kind {
                case .pipeline(let pipeline):
                    results.append(try Checker(index: index, bindings: types).check(pipeline).type)
                case .binding(let name, let pipeline):
                    let type = try Checker(index: index, bindings: types).check(pipeline).type
                    types[name.name] = type
                    results.append(type)
                case .parameter(let keyword):
                    throw QuerySession.parameterDiagnostic(keyword)
                }
            }
        } catch {
            throw error.inSource(sourceName)
        }
        return results
    }

    /// Whether the shell should read another line before running `text`: a bracket or a string is
    /// still open, or the text ends with `|`.
    public static func needsContinuation(_ text: String) -> Bool {
        var depth = 0
        var last: QueryToken.Kind?
        for token in Lexer.tokens(in: text) {
            if token.isIncomplete { return true }
            switch token.kind {
            case .leftParenthesis, .leftBracket: depth += 1
            case .rightParenthesis, .rightBracket: depth = max(0, depth - 1)
            case .newline, .end: continue
            default: break
            }
            last = token.kind
        }
        return depth > 0 || last == .pipe
    }

    // MARK: Running

    private func execute(_ statement: Statement) throws(Diagnostic) -> StatementResult? {
        let checker = Checker(index: index, bindings: bindings.mapValues(\.type))
        switch statement.kind {
        case .pipeline(let pipeline):
            let plan = try checker.check(pipeline)
            let value = try evaluator().run(plan)
            var result = value.result(in: index)
            if case .rows(var table) = result {
                table.presentation = plan.presentation
                result = .rows(table)
            }
            return StatementResult(range: statement.range, boundName: nil, result: result)
        case .binding(let name, let pipeline):
            let plan = try checker.check(pipeline)
            let value = try evaluator().run(plan)
            bindings[name.name] = Binding(type: plan.type, value: value)
            return StatementResult(range: statement.range, boundName: name.name, result: value.result(in: index))
        case .parameter(let keyword):
            throw QuerySession.parameterDiagnostic(keyword)
        }
    }

    private func evaluator() -> Evaluator {
        Evaluator(index: index, postings: postings, bindings: bindings.mapValues(\.value), isCancelled: isCancelled,
                  fullTextSearch: fullTextSearch, sentenceSearch: sentenceSearch)
    }

    private static func parameterDiagnostic(_ keyword: Identifier) -> Diagnostic {
        Diagnostic(.error, "script parameters ('param') are not supported yet", range: keyword.range,
                   help: .init("bind the value with 'let' instead"))
    }
}
