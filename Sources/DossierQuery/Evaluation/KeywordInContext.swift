import DossierCore
import DossierStore

/// Keyword in context: each mention, or each place a word occurs, with the words around it.
enum KeywordInContext {
    /// The columns of a `kwic` table.
    static let fields = [
        Field(name: "document", type: .document), Field(name: "left", type: .string),
        Field(name: "match", type: .string), Field(name: "right", type: .string),
    ]

    /// The most words of context on each side (`kwic width N`).
    static let maximumWidth = 50
    /// The most characters of context on each side, whatever the words: a text without spaces is one
    /// long word. Longer context is cut at its far end, marked with `…`.
    static let maximumContext = 1_000

    /// One row per mention: its document, up to `width` words before it, the mention, and up to `width` words after.
    static func rows(for mentions: [Int32], width: Int, in index: CorpusIndex) -> [[Value]] {
        var cachedDocument: Int32 = -1
        var scalars: [Unicode.Scalar] = []
        var rows: [[Value]] = []
        rows.reserveCapacity(mentions.count)
        for mention in mentions {
            let document = index.mentions.documents[Int(mention)]
            if document != cachedDocument {
                scalars = Array(index.documents.texts[Int(document)].unicodeScalars)
                cachedDocument = document
            }
            let start = min(max(0, Int(index.mentions.starts[Int(mention)])), scalars.count)
            let end = min(max(start, Int(index.mentions.ends[Int(mention)])), scalars.count)
            let left = words(in: scalars, before: start, count: width)
            let right = words(in: scalars, after: end, count: width)
            rows.append([
                index.documentValue(document),
                .string(left), .string(string(scalars[start..<end])), .string(right),
            ])
        }
        return rows
    }

    /// One row per place where `word` (one or more words, matched whole and ignoring case) occurs in
    /// the texts of `rows`, documents or sentences; the context stays inside the row's text.
    static func rows(matching word: String, in rows: [Int32], of kind: RowKind, width: Int, in index: CorpusIndex) -> [[Value]] {
        var table: [[Value]] = []
        forEachOccurrence(of: word, in: rows, of: kind, in: index) { document, scalars, lower, start, end, upper in
            table.append([
                index.documentValue(document),
                .string(words(in: scalars, before: start, count: width, from: lower)), .string(string(scalars[start..<end])),
                .string(words(in: scalars, after: end, count: width, upTo: upper)),
            ])
        }
        return table
    }

    /// How many rows `kwic "word"` gives, without making them.
    static func occurrenceCount(of word: String, in rows: [Int32], of kind: RowKind, in index: CorpusIndex) -> Int {
        var count = 0
        forEachOccurrence(of: word, in: rows, of: kind, in: index) { _, _, _, _, _, _ in count += 1 }
        return count
    }

    /// Calls `body` with the document, its scalars, the row's bounds in them and the occurrence's
    /// bounds, for every whole-word occurrence of `word` in the texts of `rows`.
    private static func forEachOccurrence(of word: String, in rows: [Int32], of kind: RowKind, in index: CorpusIndex,
                                          _ body: (Int32, [Unicode.Scalar], Int, Int, Int, Int) -> Void) {
        let needle = word.unicodeScalars.map(folded)
        guard !needle.isEmpty else { return }
        var cachedDocument: Int32 = -1
        var scalars: [Unicode.Scalar] = []
        for row in rows.map(Int.init) {
            let document = kind == .sentences ? index.sentences.documents[row] : Int32(row)
            if document != cachedDocument {
                scalars = Array(index.documents.texts[Int(document)].unicodeScalars)
                cachedDocument = document
            }
            let lower = kind == .sentences ? min(Int(index.sentences.starts[row]), scalars.count) : 0
            let upper = kind == .sentences ? min(max(lower, Int(index.sentences.ends[row])), scalars.count) : scalars.count
            var start = lower
            while start + needle.count <= upper {
                let end = start + needle.count
                if (start == lower || !isWordScalar(scalars[start - 1])) && (end == upper || !isWordScalar(scalars[end]))
                    && (0..<needle.count).allSatisfy({ folded(scalars[start + $0]) == needle[$0] }) {
                    body(document, scalars, lower, start, end, upper)
                    start = end
                } else {
                    start += 1
                }
            }
        }
    }

    /// The scalar lower-cased when that gives one scalar, as case-insensitive matching compares them.
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar }
        let lowered = scalar.properties.lowercaseMapping.unicodeScalars
        return lowered.count == 1 ? lowered.first! : scalar
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Up to `count` whitespace-separated words that end before `position` and start at or after
    /// `lower`, joined with spaces.
    private static func words(in scalars: [Unicode.Scalar], before position: Int, count: Int, from lower: Int = 0) -> String {
        var words: [String] = []
        var cursor = position
        let isCut = position - maximumContext > lower
        let lower = max(lower, position - maximumContext)
        while words.count < count {
            while cursor > lower, scalars[cursor - 1].properties.isWhitespace { cursor -= 1 }
            if cursor == lower { break }
            let end = cursor
            while cursor > lower, !scalars[cursor - 1].properties.isWhitespace { cursor -= 1 }
            words.append(string(scalars[cursor..<end]))
        }
        let context = words.reversed().joined(separator: " ")
        return isCut && cursor == lower && !context.isEmpty ? "…" + context : context
    }

    /// Up to `count` whitespace-separated words that start after `position` and end by `upper`
    /// (the end of the text when `nil`), joined with spaces.
    private static func words(in scalars: [Unicode.Scalar], after position: Int, count: Int, upTo upper: Int? = nil) -> String {
        let isCut = position + maximumContext < (upper ?? scalars.count)
        let upper = min(upper ?? scalars.count, position + maximumContext)
        var words: [String] = []
        var cursor = position
        while words.count < count {
            while cursor < upper, scalars[cursor].properties.isWhitespace { cursor += 1 }
            if cursor == upper { break }
            let start = cursor
            while cursor < upper, !scalars[cursor].properties.isWhitespace { cursor += 1 }
            words.append(string(scalars[start..<cursor]))
        }
        let context = words.joined(separator: " ")
        return isCut && cursor == upper && !context.isEmpty ? context + "…" : context
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
