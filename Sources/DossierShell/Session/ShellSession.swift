import DossierCore
import DossierStore
import DossierText
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
/// session, and the output mode. Results go to `output`; messages and diagnostics to `messages`,
/// so piping results elsewhere never mixes them with chatter.
public final class ShellSession {
    /// How results print.
    public var format: OutputFormat
    /// The open workspace's path, or `nil` for none.
    public private(set) var workspacePath: String?
    /// Whether the open workspace is the bundled demo corpus (read-only).
    public private(set) var isDemo = false
    private var workspace: Workspace?
    private var engine: QueryEngine
    /// Whether long commands (`.ingest`) show a progress line; set for a person at a terminal.
    public var showsProgress = false
    /// Polled while a query runs; when it returns `true` the query stops with "cancelled".
    public var isCancelled: () -> Bool = { false } {
        didSet { engine.session.isCancelled = isCancelled }
    }
    private let output: (String) -> Void
    private let messages: (String) -> Void

    /// Creates a session with no workspace open.
    public init(format: OutputFormat = .table, output: @escaping (String) -> Void, messages: @escaping (String) -> Void) {
        self.format = format
        self.output = output
        self.messages = messages
        self.engine = QueryEngine()
    }

    /// The number of documents in the open workspace.
    public var documentCount: Int { engine.index.documents.count }

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

    private func use(_ workspace: Workspace, isDemo: Bool) throws(Diagnostic) {
        let engine = try QueryEngine(workspace: workspace)
        self.workspace = workspace
        self.workspacePath = workspace.path
        self.isDemo = isDemo
        self.engine = engine
        engine.session.isCancelled = isCancelled
    }

    /// Runs one chunk. `source` is the whole text the chunk came from (a script's, or everything
    /// typed so far) so diagnostics can quote it; it is built only when there is an error to
    /// report. `sourceName` names it in diagnostics.
    public func execute(_ chunk: InputChunk, source: @autoclosure () -> String, sourceName: String) -> ExecutionStatus {
        do {
            switch chunk {
            case .command(let line, let number):
                return try execute(DotCommand.parse(line, lineNumber: number))
            case .statements(let text, let firstLine):
                let renderer = format.renderer
                try engine.run(text, sourceName: sourceName, firstLine: firstLine) { outcome in
                    switch outcome {
                    case .result(let result): output(renderer.render(result))
                    case .binding(let name, let summary): messages("\(name) = \(summary)\n")
                    }
                }
                return .success
            }
        } catch {
            report(error.inSource(sourceName), source: source())
            return .failure
        }
    }

    /// Renders a diagnostic to the message stream.
    public func report(_ diagnostic: Diagnostic, source: String? = nil) {
        messages(DiagnosticFormatter().format(diagnostic, source: source))
    }

    private func execute(_ command: DotCommand) throws(Diagnostic) -> ExecutionStatus {
        switch command {
        case .help:
            output(ShellHelp.text)
        case .quit:
            return .quit
        case .mode(nil):
            output(format.rawValue + "\n")
        case .mode(let format?):
            self.format = format
        case .open(nil):
            try openDemo()
            messages("Opened the demo corpus (\(documentCount) documents).\n")
        case .open(let path?):
            try open(path: path, createIfMissing: true)
            messages("Opened \(path) (\(documentCount) documents).\n")
        case .ingest(let paths):
            guard let workspace, !isDemo else {
                throw Diagnostic(.error, "no workspace to ingest into: the demo corpus is read-only",
                                 help: .init("open or create one first: .open my-workspace.sqlite"))
            }
            let showsProgress = self.showsProgress
            let report = try workspace.ingest(paths: paths, progress: { [messages] report in
                if showsProgress { messages("\r\(report.added) documents added, \(report.alreadyPresent) already present …") }
            }, isCancelled: isCancelled)
            if showsProgress { messages("\r\u{1B}[K") }
            for problem in report.problems { self.report(problem) }
            let bindings = engine.session.boundNames
            try use(workspace, isDemo: false)
            if !bindings.isEmpty {
                messages("The workspace changed, so the names bound by let were cleared: \(bindings.joined(separator: ", ")).\n")
            }
            messages(report.summary + "; the workspace has \(documentCount) documents.\n")
            return report.isClean ? .success : .failure
        }
        return .success
    }

    /// What Tab offers for the text before the cursor.
    public func completions(for textBeforeCursor: String) -> [String] {
        let trimmed = textBeforeCursor.drop(while: { $0 == " " })
        let word = Completion.lastWord(of: textBeforeCursor)
        if trimmed.hasPrefix("."), !trimmed.contains(" ") {
            return (DotCommand.summaries.map(\.name) + [".exit"]).filter { $0.hasPrefix(word) }
        }
        if trimmed.hasPrefix(".mode ") { return OutputFormat.allCases.map(\.rawValue).filter { $0.hasPrefix(word) } }
        if word.hasPrefix("@") {
            let prefix = word.dropFirst().lowercased().replacingOccurrences(of: "\"", with: "")
            let names = engine.index.entities.names.filter { $0.lowercased().hasPrefix(prefix) }
            return Array(Set(names.map { $0.contains(" ") ? "@\"\($0)\"" : "@\($0)" })).sorted().prefix(200).map { $0 }
        }
        return engine.keywords.filter { $0.hasPrefix(word) && $0 != word }
    }
}

extension Error {
    /// The error as a diagnostic that names `sourceName`.
    func inSource(_ sourceName: String) -> Diagnostic {
        if let diagnostic = self as? Diagnostic { return diagnostic.sourceName == nil ? diagnostic.inSource(sourceName) : diagnostic }
        return Diagnostic(.error, String(describing: self), sourceName: sourceName)
    }
}
