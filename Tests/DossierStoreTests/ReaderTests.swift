import DossierCore
import Foundation
import Testing
@testable import DossierStore

@Suite("PlainTextReader")
struct PlainTextReaderTests {
    @Test func takesTheDateHeaderOnTheSameLineAsTheText() throws {
        let outcome = PlainTextReader().read(Data(" date 2023-07-25 Russian President Vladimir Putin visits.\n".utf8),
                                             path: "seeds/003_9500509ab041714a.txt")
        let document = try #require(outcome.documents.first)
        #expect(outcome.problems.isEmpty)
        #expect(document.id == "003_9500509ab041714a")
        #expect(document.date == Day(iso: "2023-07-25"))
        #expect(document.text == "Russian President Vladimir Putin visits.\n")
        #expect(document.source == "003_9500509ab041714a.txt")
    }

    @Test func takesTheDateHeaderOnALineOfItsOwn() throws {
        let outcome = PlainTextReader().read(Data("date 2019-01-04\nText.".utf8), path: "a.txt")
        #expect(outcome.documents.first?.date == Day(iso: "2019-01-04"))
        #expect(outcome.documents.first?.text == "Text.")
    }

    @Test func leavesAFileWithoutHeaderWhole() throws {
        let text = "Russian President Vladimir Putin is gearing up.\n"
        let outcome = PlainTextReader().read(Data(text.utf8), path: "/x/000_a2bef38422b75170.txt")
        #expect(outcome.documents.first?.date == nil)
        #expect(outcome.documents.first?.text == text)
        #expect(outcome.documents.first?.id == "000_a2bef38422b75170")
    }

    @Test func treatsProseThatStartsWithDateAsText() {
        let outcome = PlainTextReader().read(Data("date night is back.".utf8), path: "a.txt")
        #expect(outcome.documents.first?.text == "date night is back.")
        #expect(outcome.documents.first?.date == nil)
    }

    @Test func reportsAnImpossibleDateWithItsPlace() throws {
        let outcome = PlainTextReader().read(Data("\n  date 2023-13-01 Text".utf8), path: "bad.txt")
        #expect(outcome.documents.isEmpty)
        let problem = try #require(outcome.problems.first)
        #expect(problem.description == "bad.txt:2:8: error: the date header '2023-13-01' is not a date of the form YYYY-MM-DD")
    }

    @Test func keepsTextWithBytesThatAreNotUTF8AndSaysSo() {
        let outcome = PlainTextReader().read(Data([0x66, 0x0A, 0x67, 0xFF, 0xFE, 0x68]), path: "binary.txt")
        #expect(outcome.documents.map(\.text) == ["f\ng\u{FFFD}\u{FFFD}h"])
        #expect(outcome.problems.map(\.description) == [
            "binary.txt:2:2: warning: the record is not valid UTF-8: 2 byte sequences were read as U+FFFD",
        ])
    }
}

@Suite("JSONLinesReader")
struct JSONLinesReaderTests {
    @Test func readsGoodLinesAndReportsBadOnes() {
        let input = """
            {"id": "a", "date": "2023-07-25", "title": "A", "text": "First.", "url": "https://example.org/a"}
            {"id": "b", "text": "Second."

            [1, 2]
            {"title": "no text"}
            {"text": "Third.", "date": "2019-01-04T10:00:00Z"}
            {"id": "d", "text": "Fourth.", "date": "July"}
            """
        let outcome = JSONLinesReader().read(Data(input.utf8), path: "news.jsonl")
        #expect(outcome.documents.map(\.id) == ["a", "news:6"])
        #expect(outcome.documents[0].date == Day(iso: "2023-07-25"))
        #expect(outcome.documents[0].source == "example.org")
        #expect(outcome.documents[1].date == Day(iso: "2019-01-04"))
        #expect(outcome.problems.map(\.description) == [
            "news.jsonl:2:1: error: the line is not valid JSON",
            "news.jsonl:4:1: error: the line is JSON, but an array, not an object with a \"text\"",
            "news.jsonl:5:1: error: the object has no \"text\"",
            "news.jsonl:7:1: error: \"date\" 'July' is not a date of the form YYYY-MM-DD",
        ])
    }
}

@Suite("CSVReader")
struct CSVReaderTests {
    @Test func readsQuotedMultilineFieldsAndDoubledQuotes() throws {
        let input = "url,date,title,text\r\nhttps://en.wikinews.org/wiki/A,2019-01-04,\"A, b\",\"Line one\r\n\r\nHe said \"\"no\"\".\"\r\n"
        let outcome = CSVReader().read(Data(input.utf8), path: "wikinews.csv")
        #expect(outcome.problems.isEmpty)
        let document = try #require(outcome.documents.first)
        #expect(document.id == "wikinews:1")
        #expect(document.title == "A, b")
        #expect(document.text == "Line one\r\n\r\nHe said \"no\".")
        #expect(document.source == "en.wikinews.org")
        #expect(document.date == Day(iso: "2019-01-04"))
    }

    @Test func reportsBadRowsWithTheirLinesAndKeepsTheRest() {
        let input = """
            \u{FEFF}id,date,text
            a,2019-01-01,"first
            row"
            b,2019-01-02
            c,2019-02-30,third
            d,2019-01-04,"fourth" row
            e,,fifth
            f,2019-01-06,"never closed
            """
        let outcome = CSVReader().read(Data(input.utf8), path: "x.csv")
        #expect(outcome.documents.map(\.id) == ["a", "e"])
        #expect(outcome.documents.first?.text == "first\nrow")
        #expect(outcome.problems.map(\.description) == [
            "x.csv:4:1: error: the row has 2 fields, but the header has 3",
            "x.csv:5:1: error: the date '2019-02-30' is not of the form YYYY-MM-DD",
            "x.csv:6:22: error: unexpected text after a closing quote",
            "x.csv:8:14: error: a quoted field opened at line 8, column 14 is never closed",
        ])
    }

    @Test func needsATextColumn() {
        let outcome = CSVReader().read(Data("url,title\nx,y\n".utf8), path: "x.csv")
        #expect(outcome.documents.isEmpty)
        #expect(outcome.problems.first?.message == "the header row has no 'text' column (it has: url, title)")
    }
}

@Suite("InputFiles")
struct InputFilesTests {
    @Test func expandsFoldersAndGlobsAndReportsMissingPaths() throws {
        let folder = try TemporaryFolder()
        try folder.write("b.txt", "B")
        try folder.write("nested/a.jsonl", "{\"text\": \"A\"}")
        try folder.write("notes.pdf", "%PDF")
        try folder.write(".hidden.txt", "H")
        let inFolder = InputFiles([folder.path])
        #expect(inFolder.paths.map { $0.replacingOccurrences(of: folder.path + "/", with: "") } == ["b.txt", "nested/a.jsonl"])
        let globbed = InputFiles([folder.path + "/*.txt", folder.path + "/missing.csv", folder.path + "/*.csv"])
        #expect(globbed.paths == [folder.path + "/b.txt"])
        #expect(globbed.problems.map(\.code) == [.fileNotFound, .fileNotFound])
    }

    @Test func choosesTheReaderByExtension() {
        #expect(InputFormat(path: "a.JSONL") == .jsonLines)
        #expect(InputFormat(path: "a.ndjson") == .jsonLines)
        #expect(InputFormat(path: "a.csv") == .csv)
        #expect(InputFormat(path: "a.txt") == .text)
        #expect(InputFormat(path: "README") == .text)
    }
}

/// A folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "dossier-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ text: String) throws {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}

/// An ingest reads a JSON Lines file a few lines at a time: the same documents, origins and
/// problems as reading it whole, in the same order.
@Suite("Input stream")
struct InputStreamTests {
    @Test func aStreamedFileReadsAsTheWholeFile() throws {
        let folder = try TemporaryFolder()
        var lines = (0..<150).map { #"{"id": "d\#($0)", "text": "Story \#($0)."}"# }
        lines[3] = ""
        lines[70] = #"{"id": "bad", "text": unquoted}"#
        lines[100] = "   \r"
        let path = folder.file("news.jsonl")
        try (lines.joined(separator: "\r\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let whole = InputFiles.read(path)
        let (streamed, outcomes) = DossierStore.InputStream.outcomes(path: path)
        #expect(outcomes == 3)
        #expect(streamed.documents == whole.documents)
        #expect(streamed.documents.count == 147)
        #expect(streamed.origins == whole.origins)
        #expect(streamed.problems == whole.problems)
        #expect(streamed.problems.count == 1)
        let missing = Array(InputStream(path: folder.file("none.jsonl")))
        #expect(missing.count == 1 && missing[0].problems.first?.code == .fileUnreadable)
        #expect(Array(InputStream(path: folder.file("news.txt"))).count == 1)
    }
}

extension DossierStore.InputStream {
    /// Everything the stream of `path` reads, and in how many outcomes it came.
    static func outcomes(path: String) -> (ReadOutcome, count: Int) {
        var all = ReadOutcome()
        var count = 0
        for outcome in InputStream(path: path) {
            all.append(outcome)
            count += 1
        }
        return (all, count)
    }
}
