import Foundation

/// Standard output for results and standard error for messages.
public enum StandardStreams {
    /// Writes results to standard output.
    public static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes messages and diagnostics to standard error.
    public static func messages(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
