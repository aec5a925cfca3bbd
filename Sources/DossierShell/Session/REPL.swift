import DossierCore
import LineEditing

/// The interactive loop: prompts, reads edited lines, runs them, and keeps going after errors.
///
/// When the input is not a terminal (a pipe or a redirected file) there are no prompts and the
/// input runs as a script: the first error stops it with exit status 1.
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
        messages("Dossier — \(place), \(session.documentCount) documents. Type .help for help, .quit to leave.\n")
        let session = self.session
        editor.setCompletionProvider { text in session.completions(for: text) }
        var assembler = StatementAssembler(interactive: true, needsContinuation: QueryEngine.needsContinuation)
        var typed: [String] = []
        Interrupts.install()
        session.isCancelled = { Interrupts.isPending }
        session.showsProgress = true
        reading: while true {
            let line: String
            switch editor.readLine(prompt: assembler.isInsideStatement ? "   ...> " : "dossier> ") {
            case .line(let text): line = text
            case .interrupted:
                // Ctrl-C drops the line (and an unfinished statement), as shells do.
                assembler.discard()
                messages("^C\n")
                continue reading
            case .end: break reading
            }
            typed.append(line)
            for chunk in assembler.add(line, number: typed.count) {
                let entry: String
                switch chunk {
                case .command(let text, _): entry = text
                case .statements(let text, _): entry = text
                }
                editor.addToHistory(entry)
                if session.execute(chunk, source: typed.joined(separator: "\n"), sourceName: "<input>") == .quit { return 0 }
            }
        }
        for chunk in assembler.finish() where session.execute(chunk, source: typed.joined(separator: "\n"), sourceName: "<input>") == .quit {
            return 0
        }
        messages("\n")
        return 0
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

