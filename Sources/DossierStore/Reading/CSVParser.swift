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

    private let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0

    /// Splits `bytes` into records.
    static func records(in bytes: [UInt8]) -> [Record] {
        var parser = CSVParser(bytes: bytes)
        // A UTF-8 byte-order mark is not part of the first field.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3; parser.lineStart = 3 }
        var records: [Record] = []
        var headerCount: Int?
        while parser.position < bytes.count {
            let start = parser.mark
            let parsed = parser.record()
            switch parsed.record.fields {
            case .success(let fields):
                if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
                if headerCount == nil { headerCount = fields.count }
                records.append(parsed.record)
            case .failure(var problem):
                guard let opened = parsed.multilineQuote else {
                    records.append(parsed.record)
                    continue
                }
                // Start again after the line where the quote opened, at the first line that is a whole row.
                parser.restore(start)
                parser.skipLines(through: opened.line)
                let skippedFrom = opened.line
                while parser.position < bytes.count {
                    let candidate = parser.mark
                    let attempt = parser.record()
                    parser.restore(candidate)
                    if case .success(let fields) = attempt.record.fields, headerCount == nil || fields.count == headerCount,
                       !(fields.count == 1 && fields[0].isEmpty) {
                        break
                    }
                    parser.skipLines(through: parser.line)
                }
                let endsMidLine = parser.position >= bytes.count && bytes.last != parser.newline && bytes.last != parser.carriageReturn
                let lastSkipped = max(skippedFrom, endsMidLine ? parser.line : parser.line - 1)
                problem = Problem(reason: "a quoted field opened at line \(opened.line), column \(opened.column) is never closed"
                                    + (lastSkipped > skippedFrom ? "; lines \(skippedFrom)–\(lastSkipped) are skipped" : ""),
                                  line: opened.line, column: opened.column)
                records.append(Record(line: parsed.record.line, fields: .failure(problem)))
            }
        }
        return records
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var mark: (Int, Int, Int) { (position, line, lineStart) }

    private mutating func restore(_ mark: (Int, Int, Int)) { (position, line, lineStart) = mark }

    /// Moves to the start of the line after line `number` (or the end).
    private mutating func skipLines(through number: Int) {
        while position < bytes.count, line <= number {
            if bytes[position] == newline || (bytes[position] == carriageReturn && (position + 1 >= bytes.count || bytes[position + 1] != newline)) {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
    }

    /// Reads one record from the current place; `multilineQuote` is where a quoted field that ran
    /// over a line break opened, when the record failed after one did.
    private mutating func record() -> (record: Record, multilineQuote: (line: Int, column: Int)?) {
        let recordLine = line
        var fields: [String] = []
        var problem: Problem?
        var multilineQuote: (line: Int, column: Int)?
        var invalid: (line: Int, column: Int, count: Int)?
        func decode(_ value: ArraySlice<UInt8>, line: Int, column: Int) -> String {
            let decoded = ReaderSupport.decodeUTF8(value)
            if let bad = decoded.invalid {
                invalid = (invalid?.line ?? line, invalid?.column ?? column, (invalid?.count ?? 0) + bad.count)
            }
            return decoded.text
        }
        recordLoop: while true {
            if position < bytes.count, bytes[position] == quote {
                let fieldLine = line, fieldColumn = position - lineStart + 1
                position += 1
                var value: [UInt8] = []
                var closed = false
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < bytes.count, bytes[position + 1] == quote {
                            value.append(quote)
                            position += 2
                            continue
                        }
                        position += 1
                        closed = true
                        break
                    }
                    if byte == newline || (byte == carriageReturn && (position + 1 >= bytes.count || bytes[position + 1] != newline)) {
                        line += 1
                        lineStart = position + 1
                    }
                    value.append(byte)
                    position += 1
                }
                let spansLines = line > fieldLine
                if !closed {
                    problem = Problem(reason: "a quoted field opened at line \(fieldLine), column \(fieldColumn) is never closed",
                                      line: fieldLine, column: fieldColumn)
                    if spansLines { multilineQuote = (fieldLine, fieldColumn) }
                    break recordLoop
                }
                fields.append(decode(value[...], line: fieldLine, column: fieldColumn + 1))
                if position < bytes.count, bytes[position] != comma, bytes[position] != newline, bytes[position] != carriageReturn {
                    problem = Problem(reason: "unexpected text after a closing quote", line: line, column: position - lineStart + 1)
                    if spansLines { multilineQuote = (fieldLine, fieldColumn) }
                    while position < bytes.count, bytes[position] != newline, bytes[position] != carriageReturn { position += 1 }
                    break recordLoop
                }
            } else {
                let start = position
                while position < bytes.count, bytes[position] != comma, bytes[position] != newline, bytes[position] != carriageReturn {
                    position += 1
                }
                fields.append(decode(bytes[start..<position], line: line, column: start - lineStart + 1))
            }
            // What ends the field.
            if position >= bytes.count { break recordLoop }
            switch bytes[position] {
            case comma:
                position += 1
            case carriageReturn where position + 1 < bytes.count && bytes[position + 1] == newline:
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
            if position < bytes.count, bytes[position] == carriageReturn, position + 1 < bytes.count, bytes[position + 1] == newline { position += 1 }
            if position < bytes.count, bytes[position] == newline || bytes[position] == carriageReturn {
                position += 1
                line += 1
                lineStart = position
            }
            return (Record(line: recordLine, fields: .failure(problem)), multilineQuote)
        }
        return (Record(line: recordLine, fields: .success(fields), invalidUTF8: invalid), nil)
    }
}
