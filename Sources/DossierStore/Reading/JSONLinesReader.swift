import DossierCore
import Foundation

/// Reads JSON Lines: one document per line, `{"id", "date", "title", "text", "url", "source"}`.
///
/// `text` is required. A line without `id` gets `NAME:LINE` (NAME as ``CSVReader`` makes it); `date` is `YYYY-MM-DD` or an ISO 8601
/// timestamp. Blank lines are skipped; a line that is not such an object is reported and skipped.
package struct JSONLinesReader: DocumentReader {
    /// Creates a reader.
    package init() {}

    /// Reads every line of `data`.
    package func read(_ data: Data, path: String, name: String) -> ReadOutcome {
        var outcome = ReadOutcome()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            outcome.append(read(line: line, number: lineNumber, path: path, name: name))
        }
        return outcome
    }

    /// One line (not blank), number `number` of `path`: its document, or the error that skipped it;
    /// a warning when its bytes were changed (not UTF-8, or NUL characters).
    package func read(line: some Collection<UInt8>, number lineNumber: Int, path: String, name: String) -> ReadOutcome {
        var outcome = ReadOutcome()
        var json = Data(line)
        let decoded = ReaderSupport.decodeUTF8(line)
        if let invalid = decoded.invalid {
            let column = ReaderSupport.place(ofByte: invalid.offset, in: [UInt8](line)).column
            json = Data(decoded.text.utf8)
            outcome.problems.append(ReaderSupport.invalidUTF8(invalid.count, path: path, line: lineNumber, column: column))
        }
        switch document(from: json, fallbackID: "\(name):\(lineNumber)", path: path) {
        case .success(let document): outcome.add(document, at: DocumentOrigin(path: path, line: lineNumber))
        case .failure(let problem):
            if decoded.invalid != nil { outcome.problems.removeLast() }
            outcome.problems.append(.skipped(problem.reason, path: path, line: lineNumber))
        }
        return outcome
    }

    private struct Problem: Error { var reason: String }

    private func document(from line: Data, fallbackID: String, path: String) -> Result<Document, Problem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line, options: .fragmentsAllowed)
        } catch {
            return .failure(Problem(reason: "the line is not valid JSON"))
        }
        guard let fields = object as? [String: Any] else {
            // What the line holds, by its first character (Foundation bridges true and 1 alike).
            let what = switch line.first(where: { $0 != 32 && $0 != 9 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) {
            case UInt8(ascii: "n"): "null"
            case UInt8(ascii: "\""): "a string"
            case UInt8(ascii: "["): "an array"
            case UInt8(ascii: "t"), UInt8(ascii: "f"): "true or false"
            default: "a number"
            }
            return .failure(Problem(reason: "the line is JSON, but \(what), not an object with a \"text\""))
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
