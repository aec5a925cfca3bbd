import DossierCore
import DossierStore

/// Keyword in context: each mention with the words around it.
enum KeywordInContext {
    /// The columns of a `kwic` table.
    static let fields = [
        Field(name: "document", type: .document), Field(name: "left", type: .string),
        Field(name: "match", type: .string), Field(name: "right", type: .string),
    ]

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
                .document(document, id: index.documents.ids[Int(document)]),
                .string(left), .string(string(scalars[start..<end])), .string(right),
            ])
        }
        return rows
    }

    /// Up to `count` whitespace-separated words that end before `position`, joined with spaces.
    private static func words(in scalars: [Unicode.Scalar], before position: Int, count: Int) -> String {
        var words: [String] = []
        var cursor = position
        while words.count < count {
            while cursor > 0, scalars[cursor - 1].properties.isWhitespace { cursor -= 1 }
            if cursor == 0 { break }
            let end = cursor
            while cursor > 0, !scalars[cursor - 1].properties.isWhitespace { cursor -= 1 }
            words.append(string(scalars[cursor..<end]))
        }
        return words.reversed().joined(separator: " ")
    }

    /// Up to `count` whitespace-separated words that start after `position`, joined with spaces.
    private static func words(in scalars: [Unicode.Scalar], after position: Int, count: Int) -> String {
        var words: [String] = []
        var cursor = position
        while words.count < count {
            while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
            if cursor == scalars.count { break }
            let start = cursor
            while cursor < scalars.count, !scalars[cursor].properties.isWhitespace { cursor += 1 }
            words.append(string(scalars[start..<cursor]))
        }
        return words.joined(separator: " ")
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
