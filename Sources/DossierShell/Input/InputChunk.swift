import DossierQuery

/// A unit of shell input ready to run: one dot-command line, or the text of one or more statements.
public enum InputChunk: Hashable, Sendable {
    /// A line that starts with `.`, such as `.mode csv`, and its line number (from 1).
    case command(String, line: Int)
    /// Query text, which may span lines, and the number of its first line (from 1).
    case statements(String, firstLine: Int)
}

/// Groups input lines into chunks: a dot-command is a line of its own; a statement goes on while
/// lines begin with `|`, or while it is unfinished (an open bracket or string, a trailing `|`).
///
/// Scripts, pipes and the interactive shell all go through it, so they read the same text the same
/// way. Interactively a statement runs as soon as it is complete; from a script or pipe it runs when
/// the next line shows it is not continued, or at once when it ends with `;`.
public struct StatementAssembler {
    private var pending: [String] = []
    private var pendingFirstLine = 0
    /// Whether the pending statement is finished, kept line by line so a long statement is read in
    /// linear time.
    private var continuation = StatementContinuation()
    private let runsEagerly: Bool

    /// Creates an assembler; `interactive` runs statements as soon as they are complete.
    public init(interactive: Bool) {
        self.runsEagerly = interactive
    }

    /// Whether a statement has begun and awaits more lines (the shell shows a continuation prompt).
    public var isInsideStatement: Bool { !pending.isEmpty }

    /// The lines of the statement begun so far.
    public var pendingText: String { pending.joined(separator: "\n") }

    /// Takes line `number`; returns the chunks that are now ready to run. When `moreInputWaiting`
    /// (the rest of a paste has arrived), an interactive assembler waits for the next line before
    /// running a complete statement, as a script would, so a pasted line that begins with `|`
    /// continues it.
    public mutating func add(_ line: String, number: Int, moreInputWaiting: Bool = false) -> [InputChunk] {
        let eager = runsEagerly && !moreInputWaiting
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        var ready: [InputChunk] = []
        if !pending.isEmpty {
            let continues = trimmed.hasPrefix("|") || continuation.needsMoreLines
            let isFiller = trimmed.isEmpty || trimmed.hasPrefix("#")
            if continues || (isFiller && !eager) {
                pending.append(line)
                continuation.add(line)
                if eager || endsWithSemicolon(line) { ready += flushIfComplete() }
                return ready
            }
            ready += flush()
        }
        if trimmed.hasPrefix(".") {
            ready.append(.command(String(trimmed), line: number))
        } else if !(trimmed.isEmpty || trimmed.hasPrefix("#")) {
            pending = [line]
            pendingFirstLine = number
            continuation = StatementContinuation(firstLine: number)
            continuation.add(line)
            if eager || endsWithSemicolon(line) { ready += flushIfComplete() }
        }
        return ready
    }

    /// Ends the input: whatever is pending runs.
    public mutating func finish() -> [InputChunk] { flush() }

    /// Drops a pending statement (Ctrl-C at a continuation prompt).
    public mutating func discard() { pending = [] }

    private mutating func flushIfComplete() -> [InputChunk] {
        continuation.needsMoreLines ? [] : flush()
    }

    private mutating func flush() -> [InputChunk] {
        // Trailing blank and comment lines belong to nobody.
        while let last = pending.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) || last.drop(while: { $0 == " " }).hasPrefix("#") {
            pending.removeLast()
        }
        guard !pending.isEmpty else { return [] }
        defer { pending = [] }
        return [.statements(pending.joined(separator: "\n"), firstLine: pendingFirstLine)]
    }

    private func endsWithSemicolon(_ line: String) -> Bool {
        line.trimmingTrailingSpaces().hasSuffix(";")
    }
}
