#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from standard input with no prompt and no editing: batch mode, for pipes and files.
public final class StreamLineReader: LineEditor {
    /// Creates a reader of standard input.
    public init() {}

    /// Always `false`: no prompts.
    public var isInteractive: Bool { false }

    /// Reads the next line of standard input.
    public func readLine(prompt: String) -> LineInput {
        Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }
}

/// Whether standard input is a terminal, which decides between editing and batch mode.
public func standardInputIsTerminal() -> Bool { isatty(STDIN_FILENO) == 1 }
