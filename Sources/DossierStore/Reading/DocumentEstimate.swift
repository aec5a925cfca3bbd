import Foundation

/// How many documents some input files hold, counted on bytes before an ingest reads them, so a
/// progress bar can say how far along it is and how long is left.
///
/// JSON Lines files count their non-blank lines, CSV files their records after the header (a line
/// break inside quotes does not end a record), and any other file is one document. The count is
/// what the files hold, not what will be added: records already present or malformed are counted
/// too, as the ingest also counts them when it reports its progress.
package enum DocumentEstimate {
    /// The number of documents in `files`, or `nil` when one of them cannot be read.
    package static func count(of files: InputFiles) -> Int? {
        var total = 0
        for path in files.paths {
            switch InputFormat(path: path) {
            case .text: total += 1
            case .jsonLines:
                guard let lines = scan(path, countingLines) else { return nil }
                total += lines
            case .csv:
                guard let records = scan(path, countingRecords) else { return nil }
                total += max(0, records - 1)
            }
        }
        return total
    }

    /// Reads `path` a chunk at a time through `count`, which keeps its own state across chunks.
    private static func scan(_ path: String, _ count: () -> (UnsafeRawBufferPointer?) -> Int) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let counter = count()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { return nil }
            // No data, or empty data, is the end of the file.
            guard let chunk, !chunk.isEmpty else { return counter(nil) }
            _ = chunk.withUnsafeBytes { counter($0) }
        }
    }

    /// Non-blank lines; called with `nil` at the end, it gives the count.
    private static func countingLines() -> (UnsafeRawBufferPointer?) -> Int {
        var lines = 0
        var lineHasText = false
        return { chunk in
            guard let chunk else { return lines + (lineHasText ? 1 : 0) }
            for byte in chunk {
                if byte == 0x0A {
                    if lineHasText { lines += 1 }
                    lineHasText = false
                } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                    lineHasText = true
                }
            }
            return lines
        }
    }

    /// CSV records, header included: line breaks outside quotes that end a non-empty record.
    private static func countingRecords() -> (UnsafeRawBufferPointer?) -> Int {
        var records = 0
        var quoted = false
        var recordHasText = false
        return { chunk in
            guard let chunk else { return records + (recordHasText ? 1 : 0) }
            for byte in chunk {
                if byte == 0x22 { quoted.toggle() }
                if byte == 0x0A && !quoted {
                    if recordHasText { records += 1 }
                    recordHasText = false
                } else if byte != 0x0D && byte != 0x0A {
                    recordHasText = true
                }
            }
            return records
        }
    }
}
