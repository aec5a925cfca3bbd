/// An RFC 4180 CSV parser over UTF-8 bytes that reports a malformed record and goes on.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; lines end in LF or CRLF.
/// Libraries stop at the first malformed record; an ingest must report it and keep the rest,
/// which is why Dossier parses CSV itself.
struct CSVParser {
    /// One record, or why it could not be read, with the line it starts on (from 1).
    struct Record {
        var line: Int
        var fields: Result<[String], Problem>
    }

    /// Why a record could not be read, and the column (in bytes, from 1) where it went wrong.
    struct Problem: Error, Equatable {
        var reason: String
        var line: Int
        var column: Int
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
        newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Splits `bytes` into records.
    static func records(in bytes: [UInt8]) -> [Record] {
        var records: [Record] = []
        var position = 0
        // A UTF-8 byte-order mark is not part of the first field.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var line = 1
        var lineStart = position
        while position < bytes.count {
            let recordLine = line
            var fields: [String] = []
            var problem: Problem?
            recordLoop: while true {
                // One field.
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
                        if byte == newline { line += 1; lineStart = position + 1 }
                        value.append(byte)
                        position += 1
                    }
                    if !closed {
                        problem = Problem(reason: "a quoted field opened at line \(fieldLine), column \(fieldColumn) is never closed",
                                          line: fieldLine, column: fieldColumn)
                        break recordLoop
                    }
                    fields.append(String(decoding: value, as: UTF8.self))
                    if position < bytes.count, bytes[position] != comma, bytes[position] != newline, bytes[position] != carriageReturn {
                        problem = Problem(reason: "unexpected text after a closing quote", line: line, column: position - lineStart + 1)
                        skipToEndOfLine(bytes, &position)
                        break recordLoop
                    }
                } else {
                    let start = position
                    while position < bytes.count, bytes[position] != comma, bytes[position] != newline { position += 1 }
                    var end = position
                    if end > start, bytes[end - 1] == carriageReturn, position >= bytes.count || bytes[position] == newline { end -= 1 }
                    fields.append(String(decoding: bytes[start..<end], as: UTF8.self))
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
                case newline:
                    position += 1
                    line += 1
                    lineStart = position
                    break recordLoop
                default:  // a lone carriage return after a quoted field
                    position += 1
                    break recordLoop
                }
            }
            if let problem {
                records.append(Record(line: recordLine, fields: .failure(problem)))
                if position < bytes.count, bytes[position] == newline { position += 1 }
                line += 1
                lineStart = position
            } else if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: .success(fields)))
            }
        }
        return records
    }

    private static func skipToEndOfLine(_ bytes: [UInt8], _ position: inout Int) {
        while position < bytes.count, bytes[position] != newline { position += 1 }
    }
}
