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
    /// the sentences of one document one after another.
    package init(count: Int, read: @escaping @Sendable (Int) -> String) {
        source = .reader(count: count, DocumentTextReader(read: read))
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

/// Fetches texts and keeps the last one.
final class DocumentTextReader: Sendable {
    private let read: @Sendable (Int) -> String
    private let last = Mutex<(row: Int, text: String)?>(nil)

    init(read: @escaping @Sendable (Int) -> String) { self.read = read }

    func text(_ row: Int) -> String {
        if let cached = last.withLock({ $0 }), cached.row == row { return cached.text }
        let text = read(row)
        last.withLock { $0 = (row, text) }
        return text
    }
}
