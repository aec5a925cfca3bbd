import DossierCore
import Foundation

/// Where a document was read: its file and the line its record starts on (1 for a whole file).
public struct DocumentOrigin: Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The line, from 1.
    public var line: Int

    /// Creates an origin.
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    /// `path:line`.
    public var description: String { "\(path):\(line)" }
}

/// What reading one input gave: the documents, and the records that were reported and skipped.
public struct ReadOutcome: Sendable {
    /// The documents read, in input order.
    public var documents: [Document]
    /// Where each document was read, one per document when the reader knows it.
    public var origins: [DocumentOrigin]
    /// One diagnostic per skipped record or file (an error) and per record kept with a change (a
    /// warning), with its path and line.
    public var problems: [Diagnostic]

    /// Creates an outcome.
    public init(documents: [Document] = [], origins: [DocumentOrigin] = [], problems: [Diagnostic] = []) {
        self.documents = documents
        self.origins = origins
        self.problems = problems
    }

    /// Appends another outcome.
    public mutating func append(_ other: ReadOutcome) {
        documents += other.documents
        origins += other.origins
        problems += other.problems
    }

    /// Adds `document`, read at `origin`, after the checks every reader applies: an id with a
    /// control character (a NUL would cut it short in SQLite) is reported and the record skipped;
    /// NUL characters in the text and other fields are stored as U+FFFD and reported as a change.
    mutating func add(_ document: Document, at origin: DocumentOrigin) {
        if let bad = document.id.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let name = bad == "\u{0}" ? "a NUL character" : "the control character U+\(String(bad.value, radix: 16, uppercase: true))"
            problems.append(.skipped("the id contains \(name), which ids may not have", path: origin.path, line: origin.line))
            return
        }
        var document = document
        var changed: [String] = []
        func clean(_ value: inout String, _ name: String) {
            guard value.utf8.contains(0) else { return }
            let count = value.utf8.filter { $0 == 0 }.count
            value = String(String.UnicodeScalarView(value.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
            changed.append("\(count) NUL character\(count == 1 ? "" : "s") in the \(name)")
        }
        clean(&document.text, "text")
        for (keyPath, name) in [(\Document.title, "title"), (\Document.source, "source"), (\Document.url, "url")] {
            guard var value = document[keyPath: keyPath] else { continue }
            clean(&value, name)
            document[keyPath: keyPath] = value
        }
        if !changed.isEmpty {
            problems.append(.changed(changed.joined(separator: " and ") + " stored as U+FFFD", path: origin.path, line: origin.line))
        }
        documents.append(document)
        origins.append(origin)
    }
}

/// Turns the bytes of one input file into documents. There is one reader per format.
public protocol DocumentReader: Sendable {
    /// Reads `data`, which came from `path`; never throws: a bad record is a problem, the rest is read.
    /// `name` is what ids are made from when the input gives none: for a file found in a folder, its
    /// path relative to that folder without the extension (`2019/report`), else its name without it.
    func read(_ data: Data, path: String, name: String) -> ReadOutcome
}

extension DocumentReader {
    /// Reads `data` from `path`, naming documents after the file's name without its extension.
    public func read(_ data: Data, path: String) -> ReadOutcome {
        read(data, path: path, name: ReaderSupport.stem(of: path))
    }
}

extension Diagnostic {
    /// A skipped record at `path:line:column`.
    static func skipped(_ reason: String, path: String, line: Int, column: Int = 1) -> Diagnostic {
        Diagnostic(.error, .malformedRecord, reason, sourceName: path,
                   range: SourceRange(at: SourceLocation(line: line, column: column, offset: 0)))
    }

    /// A file that cannot be opened or read, with the system's words for why.
    package static func unreadableFile(_ reason: String, path: String) -> Diagnostic {
        Diagnostic(.error, .fileUnreadable, "the file cannot be read: \(reason)", sourceName: path)
    }

    /// A read that failed part-way through a file, at `place` ("at line 12", "after row 40").
    package static func readingStopped(_ place: String, reason: String, path: String) -> Diagnostic {
        Diagnostic(.error, .fileUnreadable, "reading stopped \(place): \(reason)", sourceName: path)
    }

    /// A record kept with a change, at `path:line:column`.
    static func changed(_ what: String, path: String, line: Int, column: Int = 1) -> Diagnostic {
        Diagnostic(.warning, .recordChanged, what, sourceName: path, range: SourceRange(at: SourceLocation(line: line, column: column, offset: 0)))
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

    /// `bytes` as text, each sequence that is not UTF-8 read as U+FFFD; `invalid` says where the
    /// first was (a byte offset) and how many there were, so the reader can report the change.
    static func decodeUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (text: String, invalid: (offset: Int, count: Int)?) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        var offset = 0
        var first: Int?
        var count = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                scalars.append("\u{FFFD}")
                first = first ?? offset
                count += 1
                offset += length
            case .emptyInput:
                return (String(scalars), first.map { ($0, count) })
            }
        }
    }

    /// The line and column (in characters, from 1) of the byte at `offset` of `bytes`.
    static func place(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = 1 + before.filter { $0 == UInt8(ascii: "\n") }.count
        return (line, 1 + String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count)
    }

    /// The warning for a record whose bytes were not all UTF-8.
    static func invalidUTF8(_ count: Int, path: String, line: Int, column: Int = 1) -> Diagnostic {
        .changed("the record is not valid UTF-8: \(count) byte sequence\(count == 1 ? " was" : "s were") read as U+FFFD",
                 path: path, line: line, column: column)
    }
}
