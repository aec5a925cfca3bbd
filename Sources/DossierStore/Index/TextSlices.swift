/// Spans of document texts as UTF-8 offsets, so a sentence or an evidence span is sliced from its
/// document in constant time instead of being stored a second time.
struct TextSlices: Sendable {
    /// UTF-8 offsets where each slice starts and ends.
    let starts: Column<Int32>
    let ends: Column<Int32>

    /// Converts code-point spans, each in the document `documents[row]`, to UTF-8 offsets; rows are
    /// grouped by document, so each text is read once.
    init(documents: some IndexColumn<Int32>, starts codePointStarts: some IndexColumn<Int32>, ends codePointEnds: some IndexColumn<Int32>,
         readText: (Int) throws -> String) rethrows {
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(documents.count)
        ends.reserveCapacity(documents.count)
        var cachedDocument: Int32 = -1
        var offsets: [Int32]? = nil
        for row in documents.indices {
            let document = documents[row]
            if document != cachedDocument {
                cachedDocument = document
                offsets = TextSlices.utf8Offsets(of: try readText(Int(document)))
            }
            if let offsets {
                let last = Int32(offsets.count - 1)
                starts.append(offsets[Int(min(max(0, codePointStarts[row]), last))])
                ends.append(offsets[Int(min(max(0, codePointEnds[row]), last))])
            } else {
                starts.append(codePointStarts[row])
                ends.append(codePointEnds[row])
            }
        }
        self.init(starts: Column(starts), ends: Column(ends))
    }

    init(starts: Column<Int32>, ends: Column<Int32>) {
        self.starts = starts
        self.ends = ends
    }

    /// The slices stored in `file` under `name`.
    init(reading file: ColumnFileReader, _ name: String) throws(ColumnFileProblem) {
        self.init(starts: try file.column("\(name).starts"), ends: try file.column("\(name).ends"))
    }

    /// Writes the slices to `file` under `name`, after `old`'s when it is given.
    func write(_ name: String, into file: inout ColumnFileWriter, after old: TextSlices? = nil) {
        file.add("\(name).starts", starts, after: old?.starts)
        file.add("\(name).ends", ends, after: old?.ends)
    }

    /// For a text that is not ASCII, the UTF-8 offset of every code point and of the end; `nil` for
    /// ASCII, where the two kinds of offset are the same.
    private static func utf8Offsets(of text: String) -> [Int32]? {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // A code point starts at every byte that is not a continuation byte (10xxxxxx).
            var offsets: [Int32] = []
            offsets.reserveCapacity(bytes.count + 1)
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { offsets.append(Int32(offset)) }
            offsets.append(Int32(bytes.count))
            return offsets
        }
    }

    /// The text of slice `row` in `text`, clamped to it.
    func text(_ row: Int, in text: String) -> String {
        let utf8 = text.utf8
        let start = min(Int(starts[row]), utf8.count)
        let end = min(max(start, Int(ends[row])), utf8.count)
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(utf8.startIndex, offsetBy: end)
        return String(Substring(utf8[lower..<upper]))
    }
}
