import DossierCore
import DossierQuery
import DossierStore
import Foundation
import LineEditing

/// What running a chunk of input came to.
public enum ExecutionStatus: Hashable, Sendable {
    /// It ran; go on.
    case success
    /// It failed and the diagnostic was reported; a script stops here, the interactive shell goes on.
    case failure
    /// The user asked to leave.
    case quit
}

/// The state behind the shell, scripts and `dossier query`: the open workspace, its index and query
/// session (with `let` bindings and script parameters), how results print and where they go.
/// Results go to `output` (or the file `.output` names); messages and diagnostics to `messages`, so
/// piping results elsewhere never mixes them with chatter.
///
/// Nothing here depends on a terminal: the REPL tells the session the terminal's width and how
/// Ctrl-C is noticed; a notebook sets its own, and takes results and diagnostics as values
/// (``presentsResult``, ``reportsDiagnostic``) to show them as tables, charts and errors.
public final class ShellSession {
    /// How results print.
    public var format: OutputFormat
    /// How many rows and columns table and line modes show, and whether headers print.
    public var display = DisplaySettings()
    /// The width of the terminal results go to, asked before each result; `nil` when they go to a
    /// pipe or a file, which get every row and column unless `.maxrows` or `.width` says otherwise.
    public var terminalWidth: () -> Int? = { nil }
    /// Whether each chunk of input is printed, after a prompt, before what it prints: the transcript
    /// `dossier run --expect` compares.
    public var echoesInput = false
    /// Whether each chunk's running time is printed (`.timer on`).
    public var showsTimer = false
    /// The open workspace's path, or `nil` for none.
    public private(set) var workspacePath: String?
    /// Whether the open workspace is the bundled demo corpus (read-only).
    public private(set) var isDemo = false
    /// The last error reported, for a script runner to say where it stopped.
    public private(set) var lastError: Diagnostic?
    private var workspace: Workspace?
    private(set) var engine: QueryEngine
    /// The workspace file's data version when its index was loaded.
    private var loadedDataVersion: Int?
    /// Whether long commands (`.ingest`) show a progress line; set for a person at a terminal.
    public var showsProgress = false
    /// Whether commands that write or create files (`.ingest`, `.open PATH`, `.output FILE`,
    /// `.once FILE`) may run. The interactive shell may; query text and scripts may not unless
    /// asked (`--allow-writes`), so running someone's query cannot change a workspace or make files.
    public var allowsWrites = true
    /// Polled while a query runs and while results print; when it returns `true` the query stops
    /// with "cancelled" and printing stops with a note.
    public var isCancelled: () -> Bool = { false } {
        didSet { engine.session.isCancelled = isCancelled }
    }
    /// Takes the results meant for the screen (statements' results and the tables of `.sources`,
    /// `.stats` and the like) instead of printing them as text; results sent to a file by `.output`
    /// or `.once` are still written as text. A notebook sets it to show tables and charts. Tables the
    /// query did not `render` come with the drawing a notebook gives them: a timeline as bars, a
    /// graph as a network.
    public var presentsResult: ((ResultSet) -> Void)?
    /// Told each diagnostic, with the source text it points into, instead of printing it to the
    /// messages: a notebook shows the one that stops a cell as the cell's error.
    public var reportsDiagnostic: ((Diagnostic, _ source: String?) -> Void)?
    private let standardOutput: (String) -> Void
    let messages: (String) -> Void
    /// The file `.output` sends results to, if any.
    private var redirection: OutputFile?
    /// The file `.once` named for the next statement's results.
    private var pendingOnce: String?
    /// How deep `.read` files are nested.
    var readDepth = 0

    /// Creates a session with no workspace open.
    public init(format: OutputFormat = .table, output: @escaping (String) -> Void, messages: @escaping (String) -> Void) {
        self.format = format
        self.standardOutput = output
        self.messages = messages
        self.engine = QueryEngine()
    }

    /// The number of documents in the open workspace.
    public var documentCount: Int { engine.index.documents.count }

    /// The query session statements run in: its `let` bindings and script parameters. It is
    /// replaced when another workspace opens (the parameters carry over, the bindings do not).
    public var querySession: QuerySession { engine.session }

    /// Opens the bundled demo corpus, building its workspace on first use.
    public func openDemo() throws(Diagnostic) {
        let workspace = try DemoWorkspace.open(announce: messages)
        try use(workspace, isDemo: true)
    }

    /// Opens the workspace at `path`; creates an empty one when `createIfMissing` is set.
    public func open(path: String, createIfMissing: Bool) throws(Diagnostic) {
        let existed = FileManager.default.fileExists(atPath: path)
        try use(try Workspace.open(at: path, createIfMissing: createIfMissing), isDemo: false)
        if !existed { messages("Created an empty workspace at \(path); add documents with .ingest PATH…\n") }
    }

    func use(_ workspace: Workspace, isDemo: Bool) throws(Diagnostic) {
        // Read before loading, so a change committed while the index loads is noticed next time.
        let version = try workspace.dataVersion()
        let engine = try QueryEngine(workspace: workspace)
        engine.session.takeParameters(from: self.engine.session)
        self.workspace = workspace
        self.workspacePath = workspace.path
        self.isDemo = isDemo
        self.engine = engine
        self.loadedDataVersion = version
        engine.session.isCancelled = isCancelled
    }

    /// The open workspace, for commands that write to it or describe it.
    var openWorkspace: Workspace? { workspace }

    /// Reloads the index when another process committed to the workspace file since it was loaded
    /// (SQLite's data version changed), and says so; the names bound by `let` are cleared, since they
    /// refer to rows of the old index.
    func reloadIfChangedElsewhere() throws(Diagnostic) {
        guard let workspace, let loadedDataVersion, try workspace.dataVersion() != loadedDataVersion else { return }
        let before = documentCount
        let bindings = engine.session.boundNames
        try use(workspace, isDemo: isDemo)
        let added = documentCount - before
        let change = added > 0 ? "\(added) document\(added == 1 ? " was" : "s were") added" : "it was changed"
        messages("The workspace changed on disk (\(change) by another process); reloaded its index, now \(documentCount) document\(documentCount == 1 ? "" : "s").\n")
        if !bindings.isEmpty { messages("The names bound by let were cleared: \(bindings.joined(separator: ", ")).\n") }
    }

    /// Runs one chunk. `source` is the whole text the chunk came from (a script's, or everything
    /// typed so far) so diagnostics can quote it; it is built only when there is an error to
    /// report. `sourceName` names it in diagnostics.
    public func execute(_ chunk: InputChunk, source: @autoclosure () -> String, sourceName: String) -> ExecutionStatus {
        if echoesInput { standardOutput(Prompt.echo(chunk)) }
        lastError = nil
        let started = ContinuousClock.now
        defer {
            if showsTimer, case .statements = chunk { messages("run time: \(Self.seconds(since: started)) s\n") }
        }
        do {
            switch chunk {
            case .command(let line, let number):
                let command = try DotCommand.parse(line, lineNumber: number)
                if !allowsWrites, let refusal = Self.refusal(of: command, line: line, lineNumber: number) { throw refusal }
                if command.readsTheIndex { try reloadIfChangedElsewhere() }
                return try execute(command, source: source(), sourceName: sourceName)
            case .statements(let text, let firstLine):
                try reloadIfChangedElsewhere()
                let destination = try takeDestination()
                defer { if !destination.isLasting { destination.file?.close() } }
                let presenter = destination.isScreen ? presentsResult : nil
                let renderer = format.renderer(display, terminalWidth: destination.isScreen ? terminalWidth() : nil)
                var stopped = false
                try engine.run(text, sourceName: sourceName, firstLine: firstLine, drawing: presenter != nil) { outcome in
                    switch outcome {
                    case .result(let result) where !stopped:
                        if let presenter { presenter(result) } else { stopped = !write(renderer.render(result), to: destination) }
                    case .result: break
                    case .binding(let name, let summary): messages("\(name) = \(summary)\n")
                    }
                }
                return .success
            }
        } catch {
            var diagnostic = error.inSource(sourceName)
            if case .statements(let text, let firstLine) = chunk, let note = Self.swallowedLines(text, firstLine: firstLine, failingAt: diagnostic) {
                diagnostic.notes.append(note)
            }
            report(diagnostic, source: source())
            return .failure
        }
    }

    /// For a statement that failed after a bracket or string left open at the end of a line made it
    /// take in the lines after it: which opener, and which lines it took.
    static func swallowedLines(_ text: String, firstLine: Int, failingAt diagnostic: Diagnostic) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var continuation = StatementContinuation(firstLine: firstLine)
        for line in lines { continuation.add(String(line)) }
        let lastLine = firstLine + lines.count - 1
        guard let opener = continuation.firstCarriedOpener, opener.location.line < lastLine else { return nil }
        let neverClosed = continuation.openOpener != nil
        guard neverClosed || (diagnostic.range?.start.line ?? lastLine) > opener.location.line else { return nil }
        let what = opener.text == "\"" ? "the string" : "the '\(opener.text)'"
        let state = neverClosed ? "is never closed" : "was still open at the end of its line"
        let taken = opener.location.line + 1 == lastLine ? "line \(lastLine) was" : "lines \(opener.location.line + 1)–\(lastLine) were"
        return "\(what) opened at line \(opener.location.line), column \(opener.location.column) \(state), so \(taken) read "
            + "as part of the statement that began at line \(firstLine)"
    }

    /// Why `command` may not run where writes are not allowed, or `nil` when it may.
    private static func refusal(of command: DotCommand, line: String, lineNumber: Int) -> Diagnostic? {
        let what: String
        switch command {
        case .ingest: what = "'.ingest' adds documents to the workspace"
        case .open(_?): what = "'.open' opens another workspace, and creates one when it is missing"
        case .output(_?), .once: what = "'\(line.prefix { $0 != " " && $0 != "\t" })' writes results to a file"
        default: return nil
        }
        let name = line.prefix { $0 != " " && $0 != "\t" }
        return Diagnostic(.error, .writeNotAllowed, "\(what); query text and scripts only read", range: CommandWords.range(lineNumber, 1, name.count + 1),
                          help: .init("run with --allow-writes to let them, or type it in the interactive shell"))
    }

    /// Renders a diagnostic to the message stream; a cancelled query is one word.
    public func report(_ diagnostic: Diagnostic, source: String? = nil) {
        lastError = diagnostic
        if let reportsDiagnostic { return reportsDiagnostic(diagnostic, source) }
        if diagnostic.message == "cancelled", diagnostic.range == nil {
            messages("cancelled\n")
            return
        }
        messages(DiagnosticFormatter().format(diagnostic, source: source))
    }

    /// Prints a result as a table in the current mode, to the current destination.
    func show(_ result: ResultSet) throws(Diagnostic) {
        let destination = try takeDestination()
        defer { if !destination.isLasting { destination.file?.close() } }
        if destination.isScreen, let presentsResult { return presentsResult(result) }
        _ = write(format.renderer(display, terminalWidth: destination.isScreen ? terminalWidth() : nil).render(result), to: destination)
    }

    /// What Tab offers for `text`, the statement typed so far up to the cursor.
    public func completions(for text: String) -> CompletionMatches {
        ShellCompleter(engine: engine).matches(for: text)
    }

    /// What `.help WORD` says about `word` (a command, source, stage, field, function, enumeration
    /// case, `let` name, `$parameter` or `@entity`), or `nil` when it has no help.
    public func help(for word: String) -> String? {
        HelpTopic.text(for: word, engine: engine)
    }

    /// Prints a command's answer (`.mode`, `.help`) where results go, `.once` aside.
    func showText(_ text: String) {
        if let redirection {
            do { try redirection.write(text) } catch { report(error) }
        } else {
            standardOutput(text)
        }
    }

    // MARK: Where results go

    /// Where one statement's results go: the screen (standard output), or a file.
    struct Destination {
        /// The file, when results go to one; closed after the statement when it is a `.once` file.
        var file: OutputFile?
        /// Whether `file` is the `.output` file, which stays open.
        var isLasting = false
        var isScreen: Bool { file == nil }
    }

    /// The destination of the next statement's results: a `.once` file (used up), the `.output`
    /// file, or the screen.
    private func takeDestination() throws(Diagnostic) -> Destination {
        if let path = pendingOnce {
            pendingOnce = nil
            return Destination(file: try OutputFile(path: path))
        }
        if let redirection { return Destination(file: redirection, isLasting: true) }
        return Destination()
    }

    /// Writes result text; to the screen in pieces of whole lines (at most ``linesPerPiece`` lines
    /// and ``bytesPerPiece`` bytes, so a slow terminal takes each in a moment), stopping when the
    /// user cancels. Returns whether everything was written.
    private func write(_ text: String, to destination: Destination) -> Bool {
        if let file = destination.file {
            do {
                try file.write(text)
            } catch {
                report(error)
            }
            return true
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard text.hasSuffix("\n"), lines.count > Self.linesPerPiece || text.utf8.count > Self.bytesPerPiece else {
            standardOutput(text)
            return true
        }
        var written = 0
        while written < lines.count {
            if isCancelled() {
                messages("\n(output stopped by Ctrl-C after \(written) of \(lines.count) lines)\n")
                return false
            }
            var end = written
            var bytes = 0
            while end < lines.count, end - written < Self.linesPerPiece, bytes < Self.bytesPerPiece {
                bytes += lines[lines.startIndex + end].utf8.count + 1
                end += 1
            }
            standardOutput(lines[(lines.startIndex + written)..<(lines.startIndex + end)].joined(separator: "\n") + "\n")
            written = end
        }
        return true
    }

    private static let linesPerPiece = 200
    private static let bytesPerPiece = 16_384

    /// Sends results to `path` from now on (`.output FILE`), or back to the screen (`nil`).
    func redirect(to path: String?) throws(Diagnostic) {
        redirection?.close()
        redirection = nil
        if let path { redirection = try OutputFile(path: path) }
    }

    /// Sends the next statement's results to `path` (`.once FILE`).
    func redirectOnce(to path: String) throws(Diagnostic) {
        // Fail now, not at the next statement, when the file cannot be written.
        try OutputFile(path: path).close()
        pendingOnce = path
    }

    /// The file results go to, if any (`.output`).
    var redirectionPath: String? { redirection?.path }

    private static func seconds(since start: ContinuousClock.Instant) -> String {
        let duration = ContinuousClock.now - start
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.3f", seconds)
    }
}

/// A file results are written to (`.output`, `.once`), created or replaced when opened.
final class OutputFile {
    let path: String
    private let handle: FileHandle

    init(path: String) throws(Diagnostic) {
        let expanded = Paths.expandingTilde(path)
        guard FileManager.default.createFile(atPath: expanded, contents: nil), let handle = FileHandle(forWritingAtPath: expanded) else {
            throw Diagnostic(.error, .fileUnwritable, "cannot write to '\(path)'", sourceName: path,
                             help: .init("check that its folder exists and can be written to"))
        }
        self.path = path
        self.handle = handle
    }

    func write(_ text: String) throws(Diagnostic) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw Diagnostic(.error, .fileUnwritable, "writing to '\(path)' failed: \(error.localizedDescription)", sourceName: path)
        }
    }

    func close() { try? handle.close() }
}

/// Paths as a user types them.
enum Paths {
    /// `path` with a leading `~` or `~/` replaced by the home folder.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        var home = homeFolder
        while home.count > 1, home.hasSuffix("/") { home.removeLast() }
        return home + path.dropFirst()
    }
}

extension DotCommand {
    /// Whether the command reads the index, so a change made by another process is loaded first.
    var readsTheIndex: Bool {
        switch self {
        case .sources, .fields, .stats, .read, .ingest: true
        default: false
        }
    }
}

extension Error {
    /// The error as a diagnostic that names `sourceName`.
    func inSource(_ sourceName: String) -> Diagnostic {
        if let diagnostic = self as? Diagnostic { return diagnostic.sourceName == nil ? diagnostic.inSource(sourceName) : diagnostic }
        return Diagnostic(.error, .unexpectedError, String(describing: self), sourceName: sourceName, underlyingError: self)
    }
}

extension ShellSession {
    /// Reports any error as a diagnostic.
    func report(_ error: any Error) {
        report((error as? Diagnostic) ?? Diagnostic(.error, .unexpectedError, String(describing: error), underlyingError: error), source: nil)
    }
}
