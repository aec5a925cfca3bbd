import DossierCore
import Synchronization

/// The documents' texts, read on demand: from memory for an index built there, or from the
/// workspace's SQLite file for a mapped one, which never holds the corpus's text whole.
package struct DocumentTexts: RandomAccessCollection, Sendable {
    private enum Source: Sendable {
        case strings([String])
        case reader(count: Int, DocumentTextReader)
    }
    private let source: Source

    /// The texts `strings`, held in memory.
    package init(_ strings: [String]) { source = .strings(strings) }

    /// `count` texts that `read` fetches by row; the last text read is kept, because queries read
    /// the sentences of one document one after another. A text that cannot be read reads as empty,
    /// and the failure waits in ``takeReadFailure()`` for whoever runs the query to report it.
    package init(count: Int, read: @escaping @Sendable (Int) throws(Diagnostic) -> String) {
        source = .reader(count: count, DocumentTextReader(read: read))
    }

    /// The first failure to read a text since the last call, which clears it. A query that read
    /// texts checks it before showing its result, so a text that could not be read (a workspace
    /// deleted or damaged while open) is an error, never a silent empty string.
    package func takeReadFailure() -> Diagnostic? {
        switch source {
        case .strings: nil
        case .reader(_, let reader): reader.takeFailure()
        }
    }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int {
        switch source {
        case .strings(let strings): strings.count
        case .reader(let count, _): count
        }
    }

    /// The text of document `position`.
    package subscript(position: Int) -> String {
        switch source {
        case .strings(let strings): strings[position]
        case .reader(let count, let reader):
            { precondition(position >= 0 && position < count, "document out of range"); return reader.text(position) }()
        }
    }
}

/// Fetches texts, keeps the last one, and remembers the first failure.
final class DocumentTextReader: Sendable {
    private let read: @Sendable (Int) throws(Diagnostic) -> String
    private let last = Mutex<(row: Int, text: String)?>(nil)
    private let failure = Mutex<Diagnostic?>(nil)

    init(read: @escaping @Sendable (Int) throws(Diagnostic) -> String) { self.read = read }

    func text(_ row: Int) -> String {
        if let cached = last.withLock({ $0 }), cached.row == row { return cached.text }
        do {
            let text = try read(row)
            last.withLock { $0 = (row, text) }
            return text
        } catch {
            failure.withLock { if $0 == nil { $0 = error } }
            return ""
        }
    }

    func takeFailure() -> Diagnostic? { failure.withLock { failure in defer { failure = nil }; return failure } }
}
