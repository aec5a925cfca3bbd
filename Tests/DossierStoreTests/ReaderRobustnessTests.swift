import DossierCore
import Foundation
import Testing
@testable import DossierStore

/// Malformed input is reported where it is, with a reason that says what is wrong, and costs no good record.
@Suite("Reader robustness")
struct ReaderRobustnessTests {
    @Test func anUnclosedQuoteDoesNotSwallowTheRowsAfterIt() {
        let rows = (1...100).map { "r\($0),\"Row \($0).\"" }
        let input = "id,text\nbad,\"never closed\n" + rows.joined(separator: "\n") + "\n"
        let outcome = CSVReader().read(Data(input.utf8), path: "x.csv")
        // Before, all 100 rows were lost in the bad field: "1 record skipped".
        #expect(outcome.documents.count == 100)
        #expect(outcome.documents.first?.id == "r1")
        #expect(outcome.problems.map(\.description) == ["x.csv:2:5: error: a quoted field opened at line 2, column 5 is never closed"])
    }

    @Test func anUnclosedQuoteAmongQuotedRowsCostsOnlyItsRow() {
        let input = "id,text\na,\"first\"\nb,\"second\nc,\"third\"\nd,\"fourth\"\n"
        let outcome = CSVReader().read(Data(input.utf8), path: "x.csv")
        // Before, row c was lost and the problem was reported at line 4, one too late.
        #expect(outcome.documents.map(\.id) == ["a", "c", "d"])
        #expect(outcome.problems.map(\.description) == ["x.csv:3:3: error: a quoted field opened at line 3, column 3 is never closed"])
    }

    @Test func resynchronisingSaysWhichLinesItPassedOver() {
        let input = "id,text\na,\"open\nnot a row\nstill not\nb,\"good\"\n"
        let outcome = CSVReader().read(Data(input.utf8), path: "x.csv")
        #expect(outcome.documents.map(\.id) == ["b"])
        #expect(outcome.problems.map(\.message) == ["a quoted field opened at line 2, column 3 is never closed; lines 2–4 are skipped"])
    }

    @Test func aQuotedFieldMaySpanLines() {
        let outcome = CSVReader().read(Data("id,text\na,\"two\nlines\"\nb,next\n".utf8), path: "x.csv")
        #expect(outcome.documents.map(\.text) == ["two\nlines", "next"])
        #expect(outcome.problems.isEmpty)
    }

    @Test func carriageReturnsAloneEndLines() {
        let outcome = CSVReader().read(Data("id,text\ra,first\rb,\"second\"\r".utf8), path: "mac.csv")
        // Before: "the header row has no 'text' column", quoting the whole file.
        #expect(outcome.documents.map(\.id) == ["a", "b"])
        #expect(outcome.problems.isEmpty)
    }

    @Test func aHeaderWithoutTextIsQuotedShort() {
        let header = (0..<100).map { "column\($0)" }.joined(separator: ",")
        let outcome = CSVReader().read(Data((header + "\nx\n").utf8), path: "x.csv")
        let message = outcome.problems.first?.message ?? ""
        #expect(message.hasPrefix("the header row has no 'text' column (it has: column0, column1,"))
        #expect(message.count < 260)
    }

    @Test func bytesThatAreNotUTF8AreReportedPerRecord() {
        var input = Data("id,text\na,good\nb,caf".utf8)
        input.append(contentsOf: [0xE9, 0x21])  // Latin-1 é, then "!"
        input.append(Data("\nc,fine\n".utf8))
        let outcome = CSVReader().read(input, path: "latin.csv")
        #expect(outcome.documents.map(\.id) == ["a", "b", "c"])
        #expect(outcome.problems.map(\.description) == [
            "latin.csv:3:3: warning: the record is not valid UTF-8: 1 byte sequence was read as U+FFFD",
        ])
    }

    @Test func jsonLinesThatAreJSONButNotObjectsSaySo() {
        let outcome = JSONLinesReader().read(Data("42\nnull\n\"text\"\ntrue\n[1]\n{\"text\": \"ok\"}\n".utf8), path: "x.jsonl")
        #expect(outcome.documents.count == 1)
        #expect(outcome.problems.map(\.message) == [
            "the line is JSON, but a number, not an object with a \"text\"",
            "the line is JSON, but null, not an object with a \"text\"",
            "the line is JSON, but a string, not an object with a \"text\"",
            "the line is JSON, but true or false, not an object with a \"text\"",
            "the line is JSON, but an array, not an object with a \"text\"",
        ])
    }

    @Test func jsonLinesWithBytesThatAreNotUTF8AreKeptAndReported() {
        var input = Data("{\"id\": \"a\", \"text\": \"caf".utf8)
        input.append(0xE9)
        input.append(Data("\"}\n".utf8))
        let outcome = JSONLinesReader().read(input, path: "x.jsonl")
        #expect(outcome.documents.map(\.text) == ["caf\u{FFFD}"])
        #expect(outcome.problems.map(\.description) == ["x.jsonl:1:25: warning: the record is not valid UTF-8: 1 byte sequence was read as U+FFFD"])
    }

    @Test func aSymbolicLinkLoopIsCalledOne() throws {
        let folder = try TemporaryFolder()
        let loop = folder.file("loop.txt")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let dangling = folder.file("dangling.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder.file("gone.txt"))
        let files = InputFiles([loop, dangling, folder.file("missing.txt")])
        // Before, all three were "no such file or folder".
        #expect(files.problems.map(\.message) == [
            "the path cannot be followed: its symbolic links form a loop",
            "the link points to nothing: its target does not exist",
            "no such file or folder",
        ])
    }

    @Test func aFolderLinkedBackUpIsWalkedOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/a.txt", "A.")
        try FileManager.default.createSymbolicLink(atPath: folder.file("in/up"), withDestinationPath: folder.file("in"))
        let files = InputFiles([folder.file("in")])
        #expect(files.paths == [folder.file("in/a.txt")])
        #expect(files.problems.isEmpty)
    }

    @Test(.enabled(if: getuid() != 0, "root reads every folder")) func anUnreadableFolderIsReportedAsOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/a.txt", "A.")
        chmod(folder.file("in"), 0)
        defer { chmod(folder.file("in"), 0o755) }
        let files = InputFiles([folder.file("in")])
        // Before: "the folder has no .txt, .jsonl, .ndjson or .csv files".
        #expect(files.problems.map(\.code) == [.fileUnreadable])
    }

    @Test func anUnreadableFileSaysWhy() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("dir.txt"), withIntermediateDirectories: true)
        let outcome = InputFiles.read(folder.file("dir.txt"))
        #expect(outcome.problems.first?.code == .fileUnreadable)
    }

    @Test func textDigestIsSHA256() {
        #expect(TextDigest.of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(TextDigest.of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TextDigest.of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(TextDigest.of(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(TextDigest.of("é") == "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c")
    }
}
