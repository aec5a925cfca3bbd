import DossierCore
import DossierStore
import DossierText
import Foundation
import LineEditing

/// What each `dossier` subcommand does, so the executable only parses arguments and calls these.
/// Each returns the process exit status: 0 for success, 1 when something failed or was skipped.
public enum CommandLineActions {
    /// Starts what the command in `arguments` will need before the arguments are parsed: the
    /// extraction pipeline's resources for `annotate` and `ingest`, which take longer to load than
    /// the parsing takes.
    package static func prepare(for arguments: [String]) {
        guard let command = arguments.dropFirst().first, ["annotate", "ingest"].contains(command) else { return }
        Pipeline.startLoadingBundledResources()
    }

    /// `dossier [shell] [-w WORKSPACE]`: the interactive shell on a workspace or the demo corpus;
    /// statements from standard input when it is not a terminal, which like a script may write
    /// (`.ingest`, `.open`) only with `allowWrites`.
    public static func shell(workspace: String?, format: OutputFormat, allowWrites: Bool = false) -> Int32 {
        let session = ShellSession(format: format, output: StandardStreams.output, messages: StandardStreams.messages)
        guard open(workspace, in: session, createIfMissing: true) else { return 1 }
        let editor: any LineEditor
        if standardInputIsTerminal(), let libedit = LibEditLineEditor(historyPath: historyPath) {
            editor = libedit
        } else {
            editor = StreamLineReader()
            session.allowsWrites = allowWrites
        }
        return REPL(session: session, editor: editor, messages: StandardStreams.messages).run()
    }

    /// `dossier run SCRIPT.dq`: runs a saved script (`-` reads standard input), with `parameters`
    /// (`NAME=VALUE`) checked against its `param` declarations before anything runs.
    ///
    /// With `expect`, the script's transcript is compared with that file instead of being printed:
    /// the status is 0 when they match and 1 with a unified diff when not; `updateExpected` writes
    /// the file instead. The script may write (`.ingest`, `.open`, `.output`) only with `allowWrites`.
    public static func run(script: String, workspace: String?, format: OutputFormat, parameters: [String] = [],
                           expect: String? = nil, updateExpected: Bool = false, allowWrites: Bool = false) -> Int32 {
        let text: String
        if script == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: script) else {
                let reason = FileManager.default.fileExists(atPath: script) ? "the script cannot be read" : "no such script"
                StandardStreams.messages(DiagnosticFormatter().format(Diagnostic(.error, FileManager.default.fileExists(atPath: script) ? .fileUnreadable : .fileNotFound, reason, sourceName: script)))
                return 1
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let sourceName = script == "-" ? "<stdin>" : script
        if let expect {
            return check(text, sourceName: sourceName, against: expect, update: updateExpected, workspace: workspace, format: format,
                         parameters: parameters, allowWrites: allowWrites)
        }
        return runText(text, sourceName: sourceName, workspace: workspace, format: format, parameters: parameters, allowWrites: allowWrites)
    }

    /// `dossier query 'TEXT'`: runs query text given on the command line; it may write (`.ingest`,
    /// `.open`, `.output`) only with `allowWrites`.
    public static func query(_ text: String, workspace: String?, format: OutputFormat, parameters: [String] = [],
                             allowWrites: Bool = false) -> Int32 {
        runText(text, sourceName: "<query>", workspace: workspace, format: format, parameters: parameters, allowWrites: allowWrites)
    }

    private static func runText(_ text: String, sourceName: String, workspace: String?, format: OutputFormat, parameters: [String],
                                allowWrites: Bool) -> Int32 {
        let session = ShellSession(format: format, output: StandardStreams.output, messages: StandardStreams.messages)
        session.allowsWrites = allowWrites
        guard open(workspace, in: session, createIfMissing: false),
              ParameterArguments(parameters).apply(to: session, script: text, sourceName: sourceName) else { return 1 }
        return ScriptRunner(session: session).run(text: text, sourceName: sourceName)
    }

    /// `dossier run SCRIPT --expect FILE [--update-expected]`.
    private static func check(_ text: String, sourceName: String, against expected: String, update: Bool,
                              workspace: String?, format: OutputFormat, parameters: [String], allowWrites: Bool) -> Int32 {
        guard let recording = ExpectedOutput.record(text, sourceName: sourceName, parameters: ParameterArguments(parameters), format: format,
                                                    messages: StandardStreams.messages,
                                                    open: { session in
                                                        session.allowsWrites = allowWrites
                                                        return open(workspace, in: session, createIfMissing: false)
                                                    }) else { return 1 }
        if update {
            do {
                try ExpectedOutput.update(expected, with: recording.transcript)
            } catch {
                StandardStreams.messages(DiagnosticFormatter().format(error))
                return 1
            }
            let lines = recording.transcript.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            StandardStreams.messages("wrote the output of \(sourceName) to \(expected) (\(Plural.count(lines, "line")))\n")
            return 0
        }
        switch ExpectedOutput.compare(recording.transcript, withFileAt: expected) {
        case .matches:
            StandardStreams.messages("\(sourceName): the output matches \(expected)\n")
            return 0
        case .differs(let diff):
            StandardStreams.messages(diff + "\(sourceName): the output differs from \(expected); --update-expected accepts the new output\n")
            return 1
        case .missing:
            StandardStreams.messages(DiagnosticFormatter().format(Diagnostic(
                .error, .expectedOutputMissing, "there is no expected output to compare with", sourceName: expected,
                help: .init("write it from this run with --update-expected, then review it"))))
            return 1
        }
    }

    /// `dossier ingest WORKSPACE PATH…`: adds documents, creating the workspace when missing; with
    /// `annotations`, the paths are annotation JSONL made elsewhere (`dossier annotate` under Spark),
    /// loaded without running extraction (``Workspace/ingest(annotations:batchSize:progress:isCancelled:)``).
    public static func ingest(workspace: String, paths: [String], annotations: Bool = false) -> Int32 {
        let formatter = DiagnosticFormatter()
        // On a terminal, a line that counts up shows a long ingest is alive; logs stay clean.
        let showsProgress = isatty(STDERR_FILENO) == 1
        // The report as of the last batch, so an ingest stopped by an error still reports its records.
        var latest = IngestReport()
        do {
            let store = try Workspace.open(at: workspace, createIfMissing: true)
            // Counting the input first is a read of its bytes, worth it only when someone watches.
            let bar = showsProgress ? IngestProgress(paths: paths) : nil
            let progress = { (report: IngestReport) in
                latest = report
                if let bar { StandardStreams.messages("\r\(bar.line(for: report))\u{1B}[K") }
            }
            let report = try annotations ? store.ingest(annotations: paths, progress: progress) : store.ingest(paths: paths, progress: progress)
            if showsProgress { StandardStreams.messages("\r\u{1B}[K") }
            for problem in report.problems { StandardStreams.messages(formatter.format(problem)) }
            StandardStreams.messages(report.summary + "; \(workspace) has \(Plural.count(try store.documentCount(), "document")).\n")
            return report.isClean ? 0 : 1
        } catch {
            if showsProgress { StandardStreams.messages("\r\u{1B}[K") }
            for problem in latest.problems { StandardStreams.messages(formatter.format(problem)) }
            StandardStreams.messages(formatter.format(error))
            return 1
        }
    }

    /// `dossier annotate [FILES|-] [--format jsonl|timeml|conllu] [--output DIR]`: annotates each document,
    /// in input order. JSONL streams to standard output, one line per document (``AnnotationStream``:
    /// one line per input line for JSONL input, as Spark's `pipe` needs); CoNLL-U goes there too, every
    /// sentence of every document parsed. TimeML is one document per
    /// file: `<id>.tml` in `outputFolder` (created when missing), or standard output when exactly one
    /// document was read and no folder is named. Files are read a few records at a time and each
    /// batch is written when it is annotated, so memory does not grow with the input; only TimeML to
    /// standard output, which must first know that there is one document, reads everything first.
    public static func annotate(paths: [String], format: AnnotationFormat = .jsonl, outputFolder: String? = nil) -> Int32 {
        let formatter = DiagnosticFormatter()
        if format == .jsonl, outputFolder == nil { return AnnotationStream.annotate(paths: paths) }
        if format != .timeml, outputFolder != nil {
            StandardStreams.messages(formatter.format(Diagnostic(.error, .invalidArgument, "--output is for --format timeml; \(format.rawValue) goes to standard output")))
            return 1
        }
        var problems = 0
        func report(_ diagnostics: [Diagnostic]) {
            problems += diagnostics.count
            for problem in diagnostics { StandardStreams.messages(formatter.format(problem)) }
        }
        // Arguments one by one, so documents come out in the order they were named.
        var inputs: AnySequence<ReadOutcome> = AnySequence(paths.lazy.flatMap { Self.outcomes(of: $0) })
        if format == .timeml, outputFolder == nil {
            var outcome = ReadOutcome()
            for some in inputs { outcome.append(some) }
            guard outcome.documents.count == 1 else {
                report(outcome.problems)
                let message = "TimeML is one file per document and \(outcome.documents.count) documents were read: "
                    + "name a folder with --output DIR to write <id>.tml files there"
                StandardStreams.messages(formatter.format(Diagnostic(.error, .invalidArgument, message)))
                return 1
            }
            inputs = AnySequence([outcome])
        }
        var files = outputFolder.map { TimeMLFolder(path: $0) }
        if let folder = files, let problem = folder.create() {
            StandardStreams.messages(formatter.format(problem))
            return 1
        }
        let pipeline = Pipeline()
        let batches = BatchAnnotator(batchSize: 512)
        // Each outcome's problems are reported as it is read; its documents go on to be annotated.
        let documents = inputs.lazy.map { outcome in
            report(outcome.problems)
            return ReadOutcome(documents: outcome.documents, origins: outcome.origins)
        }
        switch format {
        case .jsonl:
            preconditionFailure("annotation JSONL is written by AnnotationStream, returned to above")
        case .conllu:
            batches.run(documents, annotate: { CoNLLUWriter.document(id: $0.id, text: $0.text, sentences: pipeline.syntax(of: $0)) }) { _, parsed in
                for document in parsed { StandardStreams.output(document) }
            }
        case .timeml:
            batches.run(documents, annotate: pipeline.annotate) { _, annotated in
                for document in annotated {
                    let text = TimeMLWriter.document(for: document)
                    if files == nil {
                        StandardStreams.output(text)
                    } else if let problem = files?.write(text, for: document.document.id) {
                        report([problem])
                    }
                }
            }
        }
        if let files { StandardStreams.messages("wrote \(files.written) TimeML files to \(files.path)\n") }
        return problems == 0 ? 0 : 1
    }

    /// What one command-line argument reads, as it is needed: standard input (`-`) a few JSON Lines
    /// at a time, or whole when it is one text; a file, folder or pattern file by file, each a few
    /// records at a time, after the problems of finding them.
    private static func outcomes(of path: String) -> AnySequence<ReadOutcome> {
        if path == "-" {
            var input = LineStream(descriptor: STDIN_FILENO)
            if input.firstNonBlankByte() == UInt8(ascii: "{") { return AnySequence(DossierStore.InputStream(jsonLines: input, path: "<stdin>")) }
            return AnySequence(CollectionOfOne(standardInputDocuments(Data(input.remainder()))))
        }
        let files = InputFiles([path])
        struct Reading {
            var found: [Diagnostic]
            var files: ArraySlice<String>
            var current: DossierStore.InputStream?
        }
        return AnySequence(sequence(state: Reading(found: files.problems, files: files.paths[...])) { state -> ReadOutcome? in
            if !state.found.isEmpty {
                defer { state.found = [] }
                return ReadOutcome(problems: state.found)
            }
            while true {
                if let outcome = state.current?.next() { return outcome }
                guard let file = state.files.popFirst() else { return nil }
                state.current = DossierStore.InputStream(path: file, name: files.names[file])
            }
        })
    }

    /// `data` read from standard input: JSONL when its first character opens an object, else one text document.
    static func standardInputDocuments(_ data: Data) -> ReadOutcome {
        let firstByte = data.first { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }
        if firstByte == UInt8(ascii: "{") { return JSONLinesReader().read(data, path: "<stdin>") }
        var outcome = PlainTextReader().read(data, path: "stdin.txt")
        for index in outcome.documents.indices { outcome.documents[index].source = "<stdin>" }
        return outcome
    }

    /// Opens `workspace` (the demo corpus when `nil`) in `session`; a problem is reported through the session.
    package static func open(_ workspace: String?, in session: ShellSession, createIfMissing: Bool) -> Bool {
        do {
            if let workspace {
                try session.open(path: workspace, createIfMissing: createIfMissing)
            } else {
                try session.openDemo()
            }
            return true
        } catch {
            session.report(error)
            return false
        }
    }

    /// `$DOSSIER_HISTORY`, else `~/.dossier_history`.
    private static var historyPath: String {
        if let path = ProcessInfo.processInfo.environment["DOSSIER_HISTORY"], !path.isEmpty { return path }
        return (homeFolder as NSString).appendingPathComponent(".dossier_history")
    }
}

extension DiagnosticFormatter {
    func format(_ error: any Error) -> String {
        let diagnostic: Diagnostic = (error as? Diagnostic) ?? Diagnostic(.error, .unexpectedError, String(describing: error), underlyingError: error)
        return format(diagnostic, source: nil)
    }
}
