import DossierCore
import LineEditing

/// The interactive loop: prompts, reads edited lines, runs them, and keeps going after errors.
///
/// When the input is not a terminal (a pipe or a redirected file) there are no prompts and the
/// input runs as a script: the first error stops it with exit status 1.
///
/// Lines that arrive together (a paste, or a statement of several lines recalled from history)
/// are read as a script reads them: a statement runs once the next line shows it is not continued
/// by `|`, so a pasted script runs as it would from a file.
public struct REPL {
    private let session: ShellSession
    private let editor: any LineEditor
    private let messages: (String) -> Void

    /// Creates a loop over `editor` for `session`; `messages` receives the banner.
    public init(session: ShellSession, editor: any LineEditor, messages: @escaping (String) -> Void) {
        self.session = session
        self.editor = editor
        self.messages = messages
    }

    /// Runs until `.quit` or the end of input; returns the exit status.
    public func run() -> Int32 {
        guard editor.isInteractive else {
            return ScriptRunner(session: session).run(lines: EditorLines(editor: editor), sourceName: "<stdin>")
        }
        let place = session.isDemo ? "the demo corpus" : (session.workspacePath ?? "no workspace")
        messages("Dossier — \(place), \(Plural.count(session.documentCount, "document")). Type .help for help, .quit to leave.\n")
        let session = self.session
        var assembler = StatementAssembler(interactive: true)
        // The statement begun so far is joined only when Tab asks, so a long statement is read in linear time.
        editor.setCompletionProvider { text in
            session.completions(for: assembler.isInsideStatement ? assembler.pendingText + "\n" + text : text)
        }
        // Every line typed so far, one entry per line, so a diagnostic's line number is its place here.
        var typed: [String] = []
        Interrupts.install()
        session.isCancelled = { Interrupts.isPending }
        session.showsProgress = true
        if Terminal.isTerminal(1) { session.terminalWidth = { Terminal.columns() } }
        reading: while true {
            let input: String
            switch editor.readLine(prompt: assembler.isInsideStatement ? Prompt.continuation : Prompt.primary) {
            case .line(let text): input = text
            case .interrupted:
                // Ctrl-C drops the line (and an unfinished statement), as shells do.
                assembler.discard()
                messages("^C\n")
                continue reading
            case .end: break reading
            }
            // A statement recalled from history may hold several lines: each counts as one.
            let lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (position, line) in lines.enumerated() {
                typed.append(line)
                let moreWaiting = position < lines.count - 1 || editor.hasPendingInput
                let chunks = assembler.add(line, number: typed.count, moreInputWaiting: moreWaiting)
                for chunk in chunks {
                    editor.addToHistory(Self.historyEntry(chunk))
                    Interrupts.clear()
                    if session.execute(chunk, source: typed.joined(separator: "\n"), sourceName: "<input>") == .quit { return 0 }
                }
            }
        }
        for chunk in assembler.finish() where session.execute(chunk, source: typed.joined(separator: "\n"), sourceName: "<input>") == .quit {
            return 0
        }
        messages("\n")
        return 0
    }

    private static func historyEntry(_ chunk: InputChunk) -> String {
        switch chunk {
        case .command(let text, _): text
        case .statements(let text, _): text
        }
    }
}

/// Reads lines from an editor as a sequence.
struct EditorLines: IteratorProtocol {
    let editor: any LineEditor
    mutating func next() -> String? {
        if case .line(let text) = editor.readLine(prompt: "") { return text }
        return nil
    }
}
