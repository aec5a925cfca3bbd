#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output for results and standard error for messages.
public enum StandardStreams {
    /// Writes results to standard output.
    public static func output(_ text: String) { writeAll(text, to: STDOUT_FILENO) }

    /// Writes messages and diagnostics to standard error.
    public static func messages(_ text: String) { writeAll(text, to: STDERR_FILENO) }

    /// Writes all of `text`, going on after a signal (Ctrl-C) interrupts a write part-way, and
    /// giving up quietly when the reader has gone (a closed pipe).
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
