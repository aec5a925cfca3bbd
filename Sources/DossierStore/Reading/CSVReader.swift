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
        var outcome = ReadOutcome()
        let records = CSVParser.records(in: [UInt8](data))
        guard let headerRecord = records.first else {
            return ReadOutcome(problems: [.skipped("the file is empty: a header row is needed", path: path, line: 1)])
        }
        guard case .success(let header) = headerRecord.fields else {
            return ReadOutcome(problems: [.skipped("the header row cannot be read", path: path, line: headerRecord.line)])
        }
        let columns = Dictionary(header.enumerated().map { ($0.element.trimmingCharacters(in: .whitespaces).lowercased(), $0.offset) },
                                 uniquingKeysWith: { first, _ in first })
        guard let textColumn = columns["text"] else {
            var names = header.joined(separator: ", ")
            if names.count > 200 { names = String(names.prefix(200)) + "…" }
            return ReadOutcome(problems: [.skipped("the header row has no 'text' column (it has: \(names))", path: path, line: headerRecord.line)])
        }
        for (rowNumber, record) in records.dropFirst().enumerated() {
            let fields: [String]
            switch record.fields {
            case .failure(let problem):
                outcome.problems.append(.skipped(problem.reason, path: path, line: problem.line, column: problem.column))
                continue
            case .success(let values):
                fields = values
            }
            guard fields.count == header.count else {
                outcome.problems.append(.skipped("the row has \(fields.count) fields, but the header has \(header.count)",
                                                 path: path, line: record.line))
                continue
            }
            func field(_ name: String) -> String? { columns[name].flatMap { ReaderSupport.nonEmpty(fields[$0]) } }
            var date: Day?
            if let dateText = field("date") {
                guard let day = ReaderSupport.day(from: dateText) else {
                    outcome.problems.append(.skipped("the date '\(dateText)' is not of the form YYYY-MM-DD", path: path, line: record.line))
                    continue
                }
                date = day
            }
            let text = fields[textColumn]
            guard !text.allSatisfy(\.isWhitespace) else {
                outcome.problems.append(.skipped("the row has no text", path: path, line: record.line))
                continue
            }
            if let invalid = record.invalidUTF8 {
                outcome.problems.append(ReaderSupport.invalidUTF8(invalid.count, path: path, line: invalid.line, column: invalid.column))
            }
            outcome.add(Document(
                id: field("id") ?? "\(name):\(rowNumber + 1)",
                title: field("title"),
                date: date,
                source: field("source") ?? ReaderSupport.defaultSource(url: field("url"), path: path),
                url: field("url"),
                text: text), at: DocumentOrigin(path: path, line: record.line))
        }
        return outcome
    }
}
