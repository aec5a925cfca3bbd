import DossierCore
import Foundation

/// Reads a plain-text article: the whole file is one document whose id is the file name without
/// its extension, and whose title is its first line when that is short, else its first sentence,
/// cut at a word to at most ``titleLength`` characters.
///
/// A file may open with a `date YYYY-MM-DD` header (after optional white space, on the same line
/// as the text or a line of its own); it becomes the document date and is not part of the text.
package struct PlainTextReader: DocumentReader {
    /// Creates a reader.
    package init() {}

    /// Reads one document from `data`, whose id is `name`.
    package func read(_ data: Data, path: String, name: String) -> ReadOutcome {
        var outcome = ReadOutcome()
        let bytes = [UInt8](data)
        let (text, invalid) = ReaderSupport.decodeUTF8(bytes)
        if let invalid {
            let place = ReaderSupport.place(ofByte: invalid.offset, in: bytes)
            outcome.problems.append(ReaderSupport.invalidUTF8(invalid.count, path: path, line: place.line, column: place.column))
        }
        let header: DateHeader
        do {
            header = try DateHeader.parse(text)
        } catch let problem {
            return ReadOutcome(problems: [.skipped(problem.reason, path: path, line: problem.line, column: problem.column)])
        }
        let body = String(text[header.bodyStart...])
        guard !body.allSatisfy(\.isWhitespace) else {
            return ReadOutcome(problems: [.skipped("the file has no text", path: path, line: 1)])
        }
        outcome.add(Document(id: name, title: Self.title(of: body), date: header.date, source: (path as NSString).lastPathComponent,
                             text: body), at: DocumentOrigin(path: path, line: 1))
        return outcome
    }

    /// The longest title taken from a text, in characters.
    package static let titleLength = 100

    /// A title for an article that has none: its first line when that has at most ``titleLength``
    /// characters; else the first sentence of that line when short enough (without its full stop);
    /// else the line cut at the last space before ``titleLength`` characters, with "…".
    package static func title(of text: String) -> String? {
        guard let line = text.split(whereSeparator: \.isNewline).lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
            .first(where: { !$0.isEmpty }) else { return nil }
        if line.count <= titleLength { return line }
        let characters = Array(line)
        for index in characters.indices.dropFirst(20).prefix(titleLength - 20)
        where ".!?".contains(characters[index]) && index + 1 < characters.count && characters[index + 1] == " " {
            return String(characters[..<(characters[index] == "." ? index : index + 1)])
        }
        let cut = characters[..<(titleLength - 1)].lastIndex(of: " ") ?? (titleLength - 1)
        return String(characters[..<cut]).trimmingCharacters(in: .whitespaces) + "…"
    }
}

/// The optional `date YYYY-MM-DD` header of a plain-text article.
struct DateHeader {
    /// A header that names no real date.
    struct Problem: Error {
        var reason: String
        var line: Int
        var column: Int
    }

    /// The date the header gives, if there is a header.
    var date: Day?
    /// Where the article's text starts.
    var bodyStart: String.Index

    /// Finds the header at the start of `text`.
    static func parse(_ text: String) throws(Problem) -> DateHeader {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var line = 1, column = 1
        while index < scalars.endIndex, CharacterSet.whitespacesAndNewlines.contains(scalars[index]) {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = scalars.index(after: index)
        }
        let rest = text.unicodeScalars[index...]
        guard rest.starts(with: "date".unicodeScalars) else { return DateHeader(date: nil, bodyStart: text.startIndex) }
        var cursor = scalars.index(index, offsetBy: 4)
        guard cursor < scalars.endIndex, scalars[cursor] == " " || scalars[cursor] == "\t" else {
            return DateHeader(date: nil, bodyStart: text.startIndex)
        }
        while cursor < scalars.endIndex, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor = scalars.index(after: cursor) }
        let valueStart = cursor
        while cursor < scalars.endIndex, !CharacterSet.whitespacesAndNewlines.contains(scalars[cursor]) { cursor = scalars.index(after: cursor) }
        let value = String(scalars[valueStart..<cursor])
        let valueColumn = column + scalars.distance(from: index, to: valueStart)
        // "date night …" is prose, not a header: a header's value starts with a digit.
        guard value.first?.isNumber == true else { return DateHeader(date: nil, bodyStart: text.startIndex) }
        guard let date = Day(iso: value) else {
            throw Problem(reason: "the date header '\(value)' is not a date of the form YYYY-MM-DD", line: line, column: valueColumn)
        }
        while cursor < scalars.endIndex, CharacterSet.whitespacesAndNewlines.contains(scalars[cursor]) { cursor = scalars.index(after: cursor) }
        return DateHeader(date: date, bodyStart: cursor.samePosition(in: text) ?? text.endIndex)
    }
}
