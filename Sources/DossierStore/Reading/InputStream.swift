import DossierCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's documents as a sequence of small outcomes, read as they are needed: a JSON Lines file
/// streams a few lines at a time and a CSV file a few rows at a time (so an ingest's memory does
/// not grow with its input); a text file, which is one document, is read whole, as one outcome.
package struct InputStream: Sequence, IteratorProtocol {
    private let path: String
    private let name: String
    private var lines: LineStream?
    private var rows: CSVRows?
    private var whole: ReadOutcome?
    private var finished = false
    /// How many lines (or CSV rows) make one outcome.
    static let linesPerOutcome = 64

    /// The documents of the file at `path`, named after `name` (its stem when not given).
    package init(path: String, name: String? = nil) {
        self.path = path
        self.name = name ?? ReaderSupport.stem(of: path)
        let format = InputFormat(path: path)
        guard format != .text else {
            whole = InputFiles.read(path, name: name)
            return
        }
        switch LineStream.open(path: path) {
        case .success(let stream) where format == .csv: rows = CSVRows(CSVParser(input: stream), path: path, name: self.name)
        case .success(let stream): lines = stream
        case .failure(let failure):
            whole = ReadOutcome(problems: [.unreadableFile(failure.reason.lowercased(), path: path)])
        }
    }

    /// The documents of the JSON Lines that `lines` reads (standard input), reported as read from
    /// `path`, a few lines at a time.
    package init(jsonLines lines: LineStream, path: String) {
        self.path = path
        name = ReaderSupport.stem(of: path)
        self.lines = lines
    }

    /// The next few documents and problems, or `nil` at the end of the file.
    package mutating func next() -> ReadOutcome? {
        if let outcome = whole {
            whole = nil
            finished = true
            return outcome
        }
        if rows != nil { return rows?.next(upTo: Self.linesPerOutcome) }
        guard !finished, var stream = lines else { return nil }
        var outcome = ReadOutcome()
        var read = 0
        let reader = JSONLinesReader()
        while read < Self.linesPerOutcome, let line = stream.nextLine() {
            read += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            outcome.append(reader.read(line: line, number: stream.lineNumber, path: path, name: name))
        }
        if read < Self.linesPerOutcome {
            if let reason = stream.readError {
                outcome.problems.append(.readingStopped("at line \(stream.lineNumber + 1)", reason: reason, path: path))
            }
            stream.close()
            finished = true
        }
        lines = stream
        return read == 0 && outcome.problems.isEmpty ? nil : outcome
    }
}
