import DossierCore
import DossierDemoCorpus
import DossierQuery
import DossierShell
import DossierStore
import Foundation

/// Runs query texts through the whole front end on a small workspace (the two seed articles) and
/// checks what must hold for any text, however hostile: it ends (no crash, no hang), and a text
/// that fails gives a diagnostic whose place lies inside the text.
///
/// The test suite runs a bounded, seeded slice (`FuzzSliceTests`); `dossier-fuzz` runs the same
/// checks for as long as asked, or under libFuzzer (see the README).
package final class QueryFuzzer {
    /// A broken promise: the text, and what went wrong with it.
    package struct Failure: Error, CustomStringConvertible {
        package var text: String
        package var problem: String
        package var description: String { "\(problem)\n--- text (\(text.unicodeScalars.count) characters) ---\n\(text.prefix(2_000))" }
    }

    /// What the executions came to.
    package struct Tally: CustomStringConvertible {
        /// Texts run.
        package var executions = 0
        /// Texts that ran to a result.
        package var results = 0
        /// Texts that stopped at a diagnostic, by its message's first words.
        package var diagnostics: [String: Int] = [:]
        /// Texts run through the script runner and a renderer as well.
        package var scripts = 0

        package var description: String {
            let stopped = diagnostics.values.reduce(0, +)
            let common = diagnostics.sorted { $0.value > $1.value }.prefix(12).map { "  \($0.value)× \($0.key)" }
            return "\(executions) executions: \(results) ran to a result, \(stopped) stopped at a diagnostic, \(scripts) also as scripts\n"
                + "most frequent diagnostics:\n" + common.joined(separator: "\n")
        }
    }

    private let folder: String
    private let workspace: Workspace
    /// The entity names of the workspace, for the generator.
    package let entityNames: [String]
    private var session: QuerySession
    package private(set) var tally = Tally()

    /// A fuzzer on a new workspace of the seed articles, in a temporary folder removed at the end.
    package init() throws {
        folder = NSTemporaryDirectory() + "dossier-fuzz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/seeds.sqlite"
        workspace = try Workspace.open(at: path, createIfMissing: true)
        _ = try workspace.ingest(paths: DemoCorpus.files.filter { $0.path.contains("/seeds/") }.map(\.path))
        session = try QuerySession(workspace: workspace)
        entityNames = Array(session.index.entities.names)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `text` and checks it; `asScript` also runs it as a script, printing in `format`.
    package func execute(_ text: String, asScript: Bool = false, format: OutputFormat = .table) throws(Failure) {
        tally.executions += 1
        try checkTokens(of: text)
        // Bindings pile up over a long run; a fresh session now and then keeps them few.
        if tally.executions % 50 == 0 { session.removeAllBindings() }
        do {
            _ = try session.run(text, sourceName: "<fuzz>")
            tally.results += 1
        } catch {
            try check(error, in: text)
            tally.diagnostics[Self.kind(of: error.message), default: 0] += 1
        }
        if asScript { try runScript(text, format: format) }
    }

    /// The lexer covers the text: tokens in order, ranges inside it, and one end token last.
    private func checkTokens(of text: String) throws(Failure) {
        let tokens = Lexer.tokens(in: text)
        guard tokens.last?.kind == .end else { throw Failure(text: text, problem: "the tokens do not end with an end token") }
        var previous = SourceLocation(line: 1, column: 1, offset: 0)
        for token in tokens {
            guard previous.offset <= token.range.start.offset, token.range.start.offset <= token.range.end.offset,
                  token.range.end.offset <= text.utf8.count else {
                throw Failure(text: text, problem: "token \(token.kind) at \(token.range) is out of order or outside the text")
            }
            previous = token.range.end
        }
    }

    /// A diagnostic says something, and its place is inside the text: a line of it, a column
    /// within that line or just past its end, the end not before the start.
    private func check(_ diagnostic: Diagnostic, in text: String) throws(Failure) {
        guard !diagnostic.message.isEmpty else { throw Failure(text: text, problem: "a diagnostic without a message") }
        guard let range = diagnostic.range else {
            // Errors of the whole statement have no place, but those are few and named here.
            guard Self.unplaced.contains(where: diagnostic.message.hasPrefix) else {
                throw Failure(text: text, problem: "no place for '\(diagnostic.message)'")
            }
            return
        }
        // Lines end at each line feed, as the lexer counts them ("\r\n" is one Character, so not by Characters).
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for location in [range.start, range.end] {
            guard location.line >= 1, location.line <= lines.count else {
                throw Failure(text: text, problem: "'\(diagnostic.message)' is placed at line \(location.line) of \(lines.count)")
            }
            let length = lines[location.line - 1].count
            guard location.column >= 1, location.column <= length + 1 else {
                throw Failure(text: text, problem: "'\(diagnostic.message)' is placed at \(location), past the end of its line (\(length) characters)")
            }
        }
        guard (range.start.line, range.start.column) <= (range.end.line, range.end.column) else {
            throw Failure(text: text, problem: "'\(diagnostic.message)' ends at \(range.end), before it starts at \(range.start)")
        }
        _ = DiagnosticFormatter().format(diagnostic.inSource("<fuzz>"), source: text)
    }

    /// The same text as a script: the statement assembler, dot-commands (refused: scripts only
    /// read) and a renderer.
    private func runScript(_ text: String, format: OutputFormat) throws(Failure) {
        tally.scripts += 1
        let shell = ShellSession(format: format, output: { _ in }, messages: { _ in })
        shell.allowsWrites = false
        do {
            try shell.open(path: workspace.path, createIfMissing: false)
        } catch {
            throw Failure(text: text, problem: "the workspace did not open: \(error)")
        }
        _ = ScriptRunner(session: shell).run(text: text, sourceName: "<fuzz>")
    }

    /// Messages of diagnostics that concern a whole statement and so have no place.
    private static let unplaced = ["cancelled"]

    /// The first words of a message, so similar diagnostics count together.
    private static func kind(of message: String) -> String {
        let words = message.split(separator: " ")
        return words.prefix(5).joined(separator: " ")
    }
}

