import DossierCore
import Foundation

/// Reads CSV with a header row naming the columns: `text` is required; `id`, `url`, `date`,
/// `title` and `source` are used when present (the Wikinews file has `url,date,title,text`).
///
/// A row without an `id` gets `NAME:ROW`, where NAME is the file's name without its extension (or
/// its path in the folder ingested) and ROW counts data rows from 1.
package struct CSVReader: DocumentReader {
    /// Creates a reader.
    package init() {}

    /// Reads every row of `data`.
    package func read(_ data: Data, path: String, name: String) -> ReadOutcome {
        var rows = CSVRows(CSVParser(bytes: [UInt8](data)), path: path, name: name)
        var outcome = ReadOutcome()
        while let some = rows.next(upTo: .max) { outcome.append(some) }
        return outcome
    }
}

/// The documents of a CSV input a few rows at a time, so that a file of any size is read in
/// constant memory (see ``CSVReader`` for the columns).
struct CSVRows {
    private var parser: CSVParser
    private let path: String
    private let name: String
    /// The header's fields and each column's place, once read.
    private var header: (fields: [String], columns: [String: Int], text: Int)?
    private var rowNumber = 0
    private var finished = false

    /// The rows `parser` reads from the file at `path`, named after `name`.
    init(_ parser: CSVParser, path: String, name: String) {
        self.parser = parser
        self.path = path
        self.name = name
    }

    /// The documents and problems of up to `count` more records, or `nil` at the end; a header
    /// that is missing or has no `text` column ends the file with one problem.
    mutating func next(upTo count: Int) -> ReadOutcome? {
        guard !finished else { return nil }
        var outcome = ReadOutcome()
        if header == nil {
            if let problem = readHeader() {
                finish()
                guard let reason = parser.readError else { return ReadOutcome(problems: [problem]) }
                return ReadOutcome(problems: [.unreadableFile(reason.lowercased(), path: path)])
            }
        }
        var read = 0
        while read < count, let record = parser.next() {
            read += 1
            rowNumber += 1
            add(record, to: &outcome)
        }
        if read < count {
            if let reason = parser.readError {
                outcome.problems.append(.readingStopped("after row \(rowNumber)", reason: reason, path: path))
            }
            finish()
        }
        return read == 0 && outcome.problems.isEmpty ? nil : outcome
    }

    /// How many bytes the parser holds.
    var bufferedByteCount: Int { parser.bufferedByteCount }

    private mutating func finish() {
        finished = true
        parser.close()
    }

    /// Reads the header row; a problem when it is missing, unreadable or lacks `text`.
    private mutating func readHeader() -> Diagnostic? {
        guard let record = parser.next() else { return .skipped("the file is empty: a header row is needed", path: path, line: 1) }
        guard case .success(let fields) = record.fields else { return .skipped("the header row cannot be read", path: path, line: record.line) }
        let columns = Dictionary(fields.enumerated().map { ($0.element.trimmingCharacters(in: .whitespaces).lowercased(), $0.offset) },
                                 uniquingKeysWith: { first, _ in first })
        guard let text = columns["text"] else {
            var names = fields.joined(separator: ", ")
            if names.count > 200 { names = String(names.prefix(200)) + "…" }
            return .skipped("the header row has no 'text' column (it has: \(names))", path: path, line: record.line)
        }
        header = (fields, columns, text)
        return nil
    }

    /// The document of one data row, or the problem that skips it.
    private func add(_ record: CSVParser.Record, to outcome: inout ReadOutcome) {
        guard let header else { return }
        let fields: [String]
        switch record.fields {
        case .failure(let problem):
            outcome.problems.append(.skipped(problem.reason, path: path, line: problem.line, column: problem.column))
            return
        case .success(let values):
            fields = values
        }
        guard fields.count == header.fields.count else {
            outcome.problems.append(.skipped("the row has \(fields.count) fields, but the header has \(header.fields.count)",
                                             path: path, line: record.line))
            return
        }
        func field(_ name: String) -> String? { header.columns[name].flatMap { ReaderSupport.nonEmpty(fields[$0]) } }
        var date: Day?
        if let dateText = field("date") {
            guard let day = ReaderSupport.day(from: dateText) else {
                outcome.problems.append(.skipped("the date '\(dateText)' is not of the form YYYY-MM-DD", path: path, line: record.line))
                return
            }
            date = day
        }
        let text = fields[header.text]
        guard !text.allSatisfy(\.isWhitespace) else {
            outcome.problems.append(.skipped("the row has no text", path: path, line: record.line))
            return
        }
        if let invalid = record.invalidUTF8 {
            outcome.problems.append(ReaderSupport.invalidUTF8(invalid.count, path: path, line: invalid.line, column: invalid.column))
        }
        outcome.add(Document(
            id: field("id") ?? "\(name):\(rowNumber)",
            title: field("title"),
            date: date,
            source: field("source") ?? ReaderSupport.defaultSource(url: field("url"), path: path),
            url: field("url"),
            text: text), at: DocumentOrigin(path: path, line: record.line))
    }
}
