import DossierCore
import Foundation

/// What reading one input gave: the documents, and the records that were reported and skipped.
public struct ReadOutcome: Sendable {
    /// The documents read, in input order.
    public var documents: [Document]
    /// One diagnostic per skipped record or file, with its path and line.
    public var problems: [Diagnostic]

    /// Creates an outcome.
    public init(documents: [Document] = [], problems: [Diagnostic] = []) {
        self.documents = documents
        self.problems = problems
    }

    /// Appends another outcome.
    public mutating func append(_ other: ReadOutcome) {
        documents += other.documents
        problems += other.problems
    }
}

/// Turns the bytes of one input file into documents. There is one reader per format.
public protocol DocumentReader: Sendable {
    /// Reads `data`, which came from `path`; never throws: a bad record is a problem, the rest is read.
    func read(_ data: Data, path: String) -> ReadOutcome
}

extension Diagnostic {
    /// A skipped record at `path:line:column`.
    static func skipped(_ reason: String, path: String, line: Int, column: Int = 1) -> Diagnostic {
        Diagnostic(.error, reason, sourceName: path,
                   range: SourceRange(at: SourceLocation(line: line, column: column, offset: 0)))
    }
}

/// Helpers the readers share.
enum ReaderSupport {
    /// The file name without its folder and extension: `seeds/003_9500509ab041714a.txt` → `003_9500509ab041714a`.
    static func stem(of path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    /// Reads a date field: `YYYY-MM-DD`, or an ISO 8601 timestamp whose first ten characters are one.
    static func day(from text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(iso: trimmed) { return day }
        let separator = trimmed.dropFirst(10).first
        guard separator == "T" || separator == " " else { return nil }
        return Day(iso: trimmed.prefix(10))
    }

    /// Where a record without a `source` came from: its address's host, else the file's name.
    static func defaultSource(url: String?, path: String) -> String {
        if let url = nonEmpty(url), let host = URLComponents(string: url)?.host { return host }
        return (path as NSString).lastPathComponent
    }

    /// `nil` for an empty or all-blank field.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }
}
