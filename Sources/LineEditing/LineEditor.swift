/// What reading a line gave.
public enum LineInput: Hashable, Sendable {
    /// A line, without its line break.
    case line(String)
    /// Ctrl-C was pressed while the line was being typed.
    case interrupted
    /// The input ended (Ctrl-D on an empty line, or the end of a pipe).
    case end
}

/// Where the shell gets its lines from: a terminal with editing and history, or a plain stream.
///
/// The shell talks only to this protocol, so it can be driven by libedit, by a pipe, or by a test.
public protocol LineEditor: AnyObject {
    /// Whether lines come from a person at a terminal (prompts are shown) or from a pipe or file.
    var isInteractive: Bool { get }

    /// Reads one line without its line break, showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput

    /// Remembers `line` so the user can recall it.
    func addToHistory(_ line: String)

    /// Sets what the Tab key offers; the provider gets the text before the cursor and returns the
    /// text at its end to replace and the candidates. It is called on the thread that called
    /// ``readLine(prompt:)``, while that call waits for input.
    func setCompletionProvider(_ provider: @escaping (String) -> CompletionMatches)

    /// Whether another line has already arrived and waits to be read (the rest of a paste), so
    /// the shell can read on before running what it has.
    var hasPendingInput: Bool { get }
}

extension LineEditor {
    /// Streams remember nothing.
    public func addToHistory(_ line: String) {}

    /// Streams complete nothing.
    public func setCompletionProvider(_ provider: @escaping (String) -> CompletionMatches) {}

    /// Streams are read as scripts, which never run a statement early.
    public var hasPendingInput: Bool { false }
}
