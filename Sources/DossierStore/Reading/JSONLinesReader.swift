import DossierCore
import Foundation

/// Reads JSON Lines: one document per line, `{"id", "date", "title", "text", "url", "source"}`.
///
/// `text` is required. A line without `id` gets `FILE:LINE`; `date` is `YYYY-MM-DD` or an ISO 8601
/// timestamp. Blank lines are skipped; a line that is not such an object is reported and skipped.
public struct JSONLinesReader: DocumentReader {
    /// Creates a reader.
    public init() {}

    /// Reads every line of `data`.
    public func read(_ data: Data, path: String) -> ReadOutcome {
        var outcome = ReadOutcome()
        let stem = ReaderSupport.stem(of: path)
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            switch document(from: Data(line), fallbackID: "\(stem):\(lineNumber)", path: path) {
            case .success(let document): outcome.documents.append(document)
            case .failure(let problem): outcome.problems.append(.skipped(problem.reason, path: path, line: lineNumber))
            }
        }
        return outcome
    }

    private struct Problem: Error { var reason: String }

    private func document(from line: Data, fallbackID: String, path: String) -> Result<Document, Problem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line)
        } catch {
            return .failure(Problem(reason: "the line is not valid JSON"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(Problem(reason: "the line is not a JSON object"))
        }
        guard let text = fields["text"] as? String else {
            return .failure(Problem(reason: fields["text"] == nil ? "the object has no \"text\"" : "\"text\" is not a string"))
        }
        for key in ["id", "title", "url", "source", "date"] where fields[key] != nil && !(fields[key] is String) && !(fields[key] is NSNull) {
            if key == "id", let number = fields[key] as? NSNumber, !(number is Bool) { continue }
            return .failure(Problem(reason: "\"\(key)\" is not a string"))
        }
        var date: Day?
        if let dateText = ReaderSupport.nonEmpty(fields["date"] as? String) {
            guard let day = ReaderSupport.day(from: dateText) else {
                return .failure(Problem(reason: "\"date\" '\(dateText)' is not a date of the form YYYY-MM-DD"))
            }
            date = day
        }
        let id = ReaderSupport.nonEmpty(fields["id"] as? String) ?? (fields["id"] as? NSNumber).map { "\($0)" } ?? fallbackID
        return .success(Document(
            id: id,
            title: ReaderSupport.nonEmpty(fields["title"] as? String),
            date: date,
            source: ReaderSupport.nonEmpty(fields["source"] as? String)
                ?? ReaderSupport.defaultSource(url: fields["url"] as? String, path: path),
            url: ReaderSupport.nonEmpty(fields["url"] as? String),
            text: text))
    }
}
