import Foundation
import Testing
@testable import DossierStore

@Suite("LineStream")
struct LineStreamTests {
    @Test func readsLinesOfAnyLengthWithTheirNumbers() throws {
        let folder = try TemporaryFolder()
        // A line several chunks long, a CR LF line, a blank line, and a last line without a line break.
        let long = String(repeating: "x", count: 200_000)
        try folder.write("lines.jsonl", "first\n\(long)\r\nthird\n\nlast")
        var stream = try LineStream.open(path: folder.file("lines.jsonl")).get()
        defer { stream.close() }
        var lines: [(Int, String)] = []
        while let line = stream.nextLine() { lines.append((stream.lineNumber, String(decoding: line, as: UTF8.self))) }
        #expect(lines.map(\.0) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.1) == ["first", long, "third", "", "last"])
        #expect(stream.readError == nil)
    }

    @Test func looksAheadWithoutConsuming() throws {
        let folder = try TemporaryFolder()
        try folder.write("text.txt", "\n\n  Hello\nworld\n")
        var stream = try LineStream.open(path: folder.file("text.txt")).get()
        defer { stream.close() }
        let first = stream.firstNonBlankByte()
        #expect(first == UInt8(ascii: "H"))
        let ready = stream.canReadWithoutWaiting()
        #expect(ready)
        let remainder = stream.remainder()
        #expect(String(decoding: remainder, as: UTF8.self) == "\n\n  Hello\nworld\n")
        let after = stream.nextLine()
        #expect(after == nil)
    }

    @Test func aStreamLeftBeforeItsEndClosesItsFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("documents.jsonl")
        let lines = (1...200).map { #"{"id": "d\#($0)", "text": "Text \#($0)."}"# }
        try folder.write("documents.jsonl", lines.joined(separator: "\n"))
        do {
            // An ingest cancelled after its first batch stops asking for more.
            var documents = InputStream(path: path)
            #expect(documents.next() != nil)
            #expect(Self.openDescriptors(of: path) == 1)
        }
        #expect(Self.openDescriptors(of: path) == 0)
    }

    /// How many of this process's descriptors are open on the file at `path`.
    static func openDescriptors(of path: String) -> Int {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return descriptors.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == target }.count
    }

    @Test func saysWhyAFileCannotBeOpened() {
        switch LineStream.open(path: "/nonexistent/annotations.jsonl") {
        case .success: Issue.record("opened a file that is not there")
        case .failure(let failure): #expect(failure.reason == "No such file or directory")
        }
    }
}
