/// An RFC 4180 CSV parser over UTF-8 bytes that reports a malformed record and goes on.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; lines end in LF, CRLF or a lone
/// CR. Libraries stop at the first malformed record; an ingest must report it and keep the rest,
/// which is why Dossier parses CSV itself.
///
/// A quote that is never closed would swallow every row after it. So when a record that failed
/// has a quoted field running over a line break, the problem is reported where that field opened,
/// and reading starts again at the first later line that reads as a whole row (as many fields as
/// the header, no problem), reporting the lines it passed over.
///
/// Records come one at a time (``next()``), from bytes in memory or from a file read a chunk at a
/// time, and only the record being read is kept, so a CSV file of any size is read in constant
/// memory. That is also why a quoted field may hold at most ``maximumQuotedFieldBytes``: past that
/// it counts as never closed.
struct CSVParser {
    /// One record, or why it could not be read, with the line it starts on (from 1).
    struct Record {
        var line: Int
        var fields: Result<[String], Problem>
        /// Where the record has bytes that are not UTF-8 (read as U+FFFD), and how many such places.
        var invalidUTF8: (line: Int, column: Int, count: Int)?
    }

    /// Why a record could not be read, and the column (in bytes, from 1) where it went wrong.
    struct Problem: Error, Equatable {
        var reason: String
        var line: Int
        var column: Int
    }

    /// The longest quoted field, in bytes: far beyond any article, and short enough that a stray
    /// quote cannot make the parser hold a whole file.
    static let maximumQuotedFieldBytes = 1 << 24

    private let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// The bytes read and not yet dropped; positions count from the first of them.
    private var bytes: [UInt8]
    /// Where more bytes come from, when `bytes` is not the whole input.
    private var input: LineStream?
    /// The last byte read so far: once the input has ended, its last byte (which `bytes` may have
    /// dropped).
    private var lastByte: UInt8?
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var headerCount: Int?
    private var limit: Int

    /// The records of `bytes`.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        lastByte = bytes.last
        limit = Self.maximumQuotedFieldBytes
        skipByteOrderMark()
    }

    /// The records of what `input` reads, a chunk at a time; `maximumQuotedFieldBytes` is for tests.
    init(input: LineStream, maximumQuotedFieldBytes: Int = Self.maximumQuotedFieldBytes) {
        bytes = []
        self.input = input
        limit = maximumQuotedFieldBytes
        skipByteOrderMark()
    }

    /// Why the input stopped early, when a read failed (reading then ends as if the input had).
    var readError: String? { input?.readError }

    /// How many bytes the parser holds: the record being read and the rest of the last chunk.
    var bufferedByteCount: Int { bytes.count }

    /// Closes the file the input read.
    mutating func close() { input?.close() }

    /// A UTF-8 byte-order mark is not part of the first field.
    private mutating func skipByteOrderMark() {
        if has(2), bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3; lineStart = 3 }
    }

    /// Whether the input has a byte at `index`, reading more of it when it is not yet there.
    @inline(__always)
    private mutating func has(_ index: Int) -> Bool {
        index < bytes.count || readMore(through: index)
    }

    private mutating func readMore(through index: Int) -> Bool {
        while index >= bytes.count {
            guard let chunk = input?.nextBytes() else { return false }
            bytes.append(contentsOf: chunk)
            lastByte = chunk.last
        }
        return true
    }

    /// Drops the bytes before the current record, which nothing will read again, once they are
    /// at least half of what is held (so each byte is moved at most about once).
    private mutating func dropReadBytes() {
        let done = min(position, lineStart)
        guard input != nil, done >= 4096, 2 * done >= bytes.count else { return }
        bytes.removeSubrange(0..<done)
        position -= done
        lineStart -= done
    }

    /// The next record, or `nil` at the end of the input.
    mutating func next() -> Record? {
        while true {
            dropReadBytes()
            guard has(position) else { return nil }
            let start = mark
            let parsed = record()
            switch parsed.record.fields {
            case .success(let fields):
                if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
                if headerCount == nil { headerCount = fields.count }
                return parsed.record
            case .failure:
                guard let opened = parsed.multilineQuote else { return parsed.record }
                // Start again after the line where the quote opened, at the first line that is a whole row.
                restore(start)
                skipLines(through: opened.line)
                let skippedFrom = opened.line
                while has(position) {
                    dropReadBytes()
                    let candidate = mark
                    let attempt = record()
                    restore(candidate)
                    if case .success(let fields) = attempt.record.fields, headerCount == nil || fields.count == headerCount,
                       !(fields.count == 1 && fields[0].isEmpty) {
                        break
                    }
                    skipLines(through: line)
                }
                let endsMidLine = !has(position) && lastByte != newline && lastByte != carriageReturn
                let lastSkipped = max(skippedFrom, endsMidLine ? line : line - 1)
                let problem = Problem(reason: opened.reason + (lastSkipped > skippedFrom ? "; lines \(skippedFrom)–\(lastSkipped) are skipped" : ""),
                                  line: opened.line, column: opened.column)
                return Record(line: parsed.record.line, fields: .failure(problem))
            }
        }
    }

    private var mark: (Int, Int, Int) { (position, line, lineStart) }

    private mutating func restore(_ mark: (Int, Int, Int)) { (position, line, lineStart) = mark }

    /// Moves to the start of the line after line `number` (or the end).
    private mutating func skipLines(through number: Int) {
        while has(position), line <= number {
            if bytes[position] == newline || (bytes[position] == carriageReturn && (!has(position + 1) || bytes[position + 1] != newline)) {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
    }

    /// Reads one record from the current place; `multilineQuote` is where a quoted field that ran
    /// over a line break (or past the longest field) opened, and what to report of it, when the
    /// record failed after one did.
    private mutating func record() -> (record: Record, multilineQuote: (line: Int, column: Int, reason: String)?) {
        let recordLine = line
        var fields: [String] = []
        var problem: Problem?
        var multilineQuote: (line: Int, column: Int, reason: String)?
        var invalid: (line: Int, column: Int, count: Int)?
        func decode(_ value: ArraySlice<UInt8>, line: Int, column: Int) -> String {
            let decoded = ReaderSupport.decodeUTF8(value)
            if let bad = decoded.invalid {
                invalid = (invalid?.line ?? line, invalid?.column ?? column, (invalid?.count ?? 0) + bad.count)
            }
            return decoded.text
        }
        recordLoop: while true {
            if has(position), bytes[position] == quote {
                let fieldLine = line, fieldColumn = position - lineStart + 1
                position += 1
                var value: [UInt8] = []
                var closed = false, overlong = false
                while has(position) {
                    if value.count > limit {
                        overlong = true
                        break
                    }
                    let byte = bytes[position]
                    if byte == quote {
                        if has(position + 1), bytes[position + 1] == quote {
                            value.append(quote)
                            position += 2
                            continue
                        }
                        position += 1
                        closed = true
                        break
                    }
                    if byte == newline || (byte == carriageReturn && (!has(position + 1) || bytes[position + 1] != newline)) {
                        line += 1
                        lineStart = position + 1
                    }
                    value.append(byte)
                    position += 1
                }
                let spansLines = line > fieldLine
                let neverClosed = "a quoted field opened at line \(fieldLine), column \(fieldColumn) is never closed"
                if overlong {
                    let reason = "a quoted field opened at line \(fieldLine), column \(fieldColumn) runs past \(limit) bytes without closing"
                    problem = Problem(reason: reason, line: fieldLine, column: fieldColumn)
                    multilineQuote = (fieldLine, fieldColumn, reason)
                    break recordLoop
                }
                if !closed {
                    problem = Problem(reason: neverClosed, line: fieldLine, column: fieldColumn)
                    if spansLines { multilineQuote = (fieldLine, fieldColumn, neverClosed) }
                    break recordLoop
                }
                fields.append(decode(value[...], line: fieldLine, column: fieldColumn + 1))
                if has(position), bytes[position] != comma, bytes[position] != newline, bytes[position] != carriageReturn {
                    problem = Problem(reason: "unexpected text after a closing quote", line: line, column: position - lineStart + 1)
                    if spansLines { multilineQuote = (fieldLine, fieldColumn, neverClosed) }
                    while has(position), bytes[position] != newline, bytes[position] != carriageReturn { position += 1 }
                    break recordLoop
                }
            } else {
                let start = position
                while has(position), bytes[position] != comma, bytes[position] != newline, bytes[position] != carriageReturn {
                    position += 1
                }
                fields.append(decode(bytes[start..<position], line: line, column: start - lineStart + 1))
            }
            // What ends the field.
            if !has(position) { break recordLoop }
            switch bytes[position] {
            case comma:
                position += 1
            case carriageReturn where has(position + 1) && bytes[position + 1] == newline:
                position += 2
                line += 1
                lineStart = position
                break recordLoop
            default:  // a line feed, or a lone carriage return
                position += 1
                line += 1
                lineStart = position
                break recordLoop
            }
        }
        if let problem {
            // Past the end of the line the problem is on.
            if has(position), bytes[position] == carriageReturn, has(position + 1), bytes[position + 1] == newline { position += 1 }
            if has(position), bytes[position] == newline || bytes[position] == carriageReturn {
                position += 1
                line += 1
                lineStart = position
            }
            return (Record(line: recordLine, fields: .failure(problem)), multilineQuote)
        }
        return (Record(line: recordLine, fields: .success(fields), invalidUTF8: invalid), nil)
    }
}
