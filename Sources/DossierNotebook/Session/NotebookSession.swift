import DossierCore
import DossierShell
import LineEditing

/// A shell session that runs notebook cells: the one thing the kernel and `dossier notebook run`
/// both drive, so a notebook gives the same outputs in Jupyter and headless.
///
/// A cell is read as a script is (statements, `|` continuation lines, dot-commands), runs on the
/// shell's ``ShellSession`` (with its workspace, `let` names, parameters, `.mode` and display
/// limits, and Ctrl-C cancellation), and stops at its first error. What it prints becomes outputs:
/// results as tables and charts (``ResultDisplay``), messages as text, the error that stopped it as
/// an error with the caret excerpt.
final class NotebookSession {
    /// What running a cell came to.
    enum Outcome: Equatable {
        case success
        /// The cell stopped at an error; the error output says which.
        case failure(name: String, value: String, traceback: [String])
    }

    let shell: ShellSession
    /// Where outputs of the running cell go; between cells, text goes to `log`.
    private var sink: ((CellOutput) -> Void)?
    /// Messages while no cell runs (opening the workspace at start): the kernel's standard error.
    private let log: (String) -> Void
    /// Text waiting to become one stream output, so consecutive messages make one output.
    private var pendingStream: (name: String, text: String)?
    /// The last result so far, shown as the cell's result if nothing follows it.
    private var pendingResult: MimeBundle?
    /// Diagnostics reported while the current chunk runs.
    private var diagnostics: [(Diagnostic, String?)] = []

    /// A session with no workspace open; `log` takes messages printed outside cells.
    init(log: @escaping (String) -> Void) {
        self.log = log
        var emit: ((String, String) -> Void)?
        shell = ShellSession(format: .table, output: { emit?("stdout", $0) }, messages: { emit?("stdout", $0) })
        emit = { [unowned self] name, text in self.write(text, to: name) }
        shell.presentsResult = { [unowned self] result in self.present(result) }
        shell.reportsDiagnostic = { [unowned self] diagnostic, source in
            if sink == nil { return log(DiagnosticFormatter().format(diagnostic, source: source)) }
            diagnostics.append((diagnostic, source))
        }
        shell.isCancelled = { Interrupts.isPending }
    }

    /// Opens `workspace`, or the demo corpus when it is `nil`; a problem goes to the log and is returned.
    func open(workspace: String?) -> Diagnostic? {
        CommandLineActions.open(workspace, in: shell, createIfMissing: false) ? nil : shell.lastError
    }

    /// Checks `--param NAME=VALUE` values against the `param` declarations of `script` (the notebook's
    /// code cells) and sets them, as `dossier run` does; problems go to the log. Returns whether all was well.
    func applyParameters(_ parameters: [String], script: String, sourceName: String) -> Bool {
        ParameterArguments(parameters).apply(to: shell, script: script, sourceName: sourceName)
    }

    /// Runs `code` as cell `count` (named `In[count]` in diagnostics), handing each output to `emit`.
    func execute(_ code: String, count: Int, emit: @escaping (CellOutput) -> Void) -> Outcome {
        sink = emit
        defer {
            flush()
            if let pendingResult { emit(.result(pendingResult)) }
            pendingResult = nil
            sink = nil
        }
        Interrupts.clear()
        let sourceName = "In[\(count)]"
        let chunks = NotebookCells.chunks(of: code)
        for (position, chunk) in chunks.enumerated() {
            diagnostics = []
            let status = shell.execute(chunk, source: code, sourceName: sourceName)
            let reported = diagnostics
            diagnostics = []
            switch status {
            case .success:
                for (diagnostic, source) in reported { write(DiagnosticFormatter().format(diagnostic, source: source), to: "stderr") }
            case .quit:
                write("(.quit does nothing in a notebook; restart the kernel to start afresh)\n", to: "stderr")
            case .failure:
                for (diagnostic, source) in reported.dropLast() { write(DiagnosticFormatter().format(diagnostic, source: source), to: "stderr") }
                let (diagnostic, source) = reported.last ?? (shell.lastError ?? Diagnostic(.error, .unexpectedError, "the statement failed"), code)
                let outcome = Self.failure(diagnostic, source: source, notRun: chunks.count - position - 1)
                showPending()
                flush()
                if case .failure(let name, let value, let traceback) = outcome { emit(.error(name: name, value: value, traceback: traceback)) }
                return outcome
            }
        }
        return .success
    }

    /// The error output for `diagnostic`: its caret excerpt, and what of the cell did not run.
    static func failure(_ diagnostic: Diagnostic, source: String?, notRun: Int) -> Outcome {
        if diagnostic.message == "cancelled", diagnostic.range == nil {
            return .failure(name: "Cancelled", value: "cancelled", traceback: ["cancelled: the query was interrupted"
                + (notRun > 0 ? "; the \(Plural.count(notRun, "statement")) after it did not run" : "")])
        }
        var lines = DiagnosticFormatter().format(diagnostic, source: source).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if notRun > 0 { lines.append("(the \(Plural.count(notRun, "statement")) after it in this cell did not run)") }
        return .failure(name: "DossierError", value: diagnostic.message, traceback: lines)
    }

    // MARK: Outputs

    private func present(_ result: ResultSet) {
        showPending()
        flush()
        pendingResult = ResultDisplay(format: shell.format, settings: shell.display).bundle(for: result)
    }

    private func write(_ text: String, to name: String) {
        guard sink != nil else { return log(text) }
        showPending()
        if let pending = pendingStream, pending.name != name { flush() }
        pendingStream = (name, (pendingStream?.text ?? "") + text)
    }

    /// Shows the result held back, as a display: something came after it.
    private func showPending() {
        if let pendingResult { sink?(.display(pendingResult)) }
        pendingResult = nil
    }

    private func flush() {
        if let pendingStream, !pendingStream.text.isEmpty { sink?(.stream(name: pendingStream.name, text: pendingStream.text)) }
        pendingStream = nil
    }
}
