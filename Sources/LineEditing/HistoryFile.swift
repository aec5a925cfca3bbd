import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libedit's history file: a `_HiStOrY_V2_` line, then one entry a line with bytes escaped as
/// `vis(3)` does, which libedit's loader undoes with `strunvis(3)`.
///
/// libedit can only save the whole history, which made each line typed cost a rewrite of up to
/// 2,000 entries; appending the one new entry keeps a long session's lines at constant cost, and a
/// crash still loses nothing. The editor rewrites the file whole (and trimmed) when it closes.
package enum HistoryFile {
    static let header = "_HiStOrY_V2_\n"

    /// Appends `entry` to the file at `path`, starting the file when it is new or empty.
    package static func append(_ entry: String, to path: String) {
        guard let file = fopen(path, "a") else { return }
        defer { fclose(file) }
        if ftell(file) == 0 { fputs(header, file) }
        fputs(encode(entry) + "\n", file)
    }

    /// `entry` as one line of the file: printable ASCII as it is, a backslash doubled, and every
    /// other byte (space, control, UTF-8 of other scripts) as a three-digit octal escape.
    package static func encode(_ entry: String) -> String {
        var line = ""
        for byte in entry.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): line += "\\\\"
            case 0x21...0x7E: line.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let octal = String(byte, radix: 8)
                line += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return line
    }

    /// The entries libedit loads from the file at `path`, oldest first.
    package static func entries(at path: String) -> [String] {
        guard let history = history_init() else { return [] }
        defer { history_end(history) }
        dossier_history_set_size(history, Int32.max)
        dossier_history_load(history, path)
        var entries: [String] = []
        var entry = dossier_history_last(history)
        while let text = entry {
            entries.append(String(cString: text))
            entry = dossier_history_previous(history)
        }
        return entries
    }
}
