import DossierCore
import Foundation
import Testing
@testable import DossierStore

/// A CSV file is read a chunk at a time, holding one record, and reads exactly as when it is read whole.
@Suite("CSV streaming")
struct CSVStreamingTests {
    /// Every awkward thing at once: a byte-order mark, CR LF and lone CR line ends, quoted fields
    /// over line breaks with doubled quotes, blank lines, a row with too few fields, a bad date,
    /// bytes that are not UTF-8, and a quote left open that the parser must resynchronise after.
    static let awkward: [UInt8] = {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("id,date,text\r\na,2019-03-01,\"Two\r\nlines, \"\"quoted\"\".\"\r\n\r\nb,2019-03-02,plain\rc,short\n".utf8)
        bytes += Array("d,2019-3-4,bad date\ne,,caf".utf8) + [0xE9] + Array("\nf,,\"open\nnot a row\ng,,\"good\"\nh,,last".utf8)
        return bytes
    }()

    /// The outcome of reading `path` through a stream of `chunkSize`-byte reads.
    static func streamed(_ path: String, chunkSize: Int, maximumQuotedFieldBytes: Int = CSVParser.maximumQuotedFieldBytes)
        throws -> (outcome: ReadOutcome, largestBuffer: Int) {
        let lines = try LineStream.open(path: path, chunkSize: chunkSize).get()
        var rows = CSVRows(CSVParser(input: lines, maximumQuotedFieldBytes: maximumQuotedFieldBytes), path: path, name: "x")
        var outcome = ReadOutcome()
        var largest = 0
        while let some = rows.next(upTo: 1) {
            outcome.append(some)
            largest = max(largest, rows.bufferedByteCount)
        }
        return (outcome, largest)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64, 1 << 16])
    func anAwkwardFileReadsTheSameInChunksOfAnySize(chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("x.csv")
        try Data(Self.awkward).write(to: URL(fileURLWithPath: path))
        let whole = CSVReader().read(Data(Self.awkward), path: path, name: "x")
        #expect(whole.documents.map(\.id) == ["a", "b", "e", "g", "h"])
        #expect(whole.documents.first?.text == "Two\r\nlines, \"quoted\".")
        #expect(whole.problems.count == 4)
        let streamed = try Self.streamed(path, chunkSize: chunkSize).outcome
        #expect(streamed.documents == whole.documents)
        #expect(streamed.origins == whole.origins)
        #expect(streamed.problems == whole.problems)
    }

    @Test func theDemoCorpusStreamsAsItReadsWhole() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/DossierDemoCorpus/Resources/Corpus/wikinews-2019.csv").path
        let whole = InputFiles.read(path)
        let (streamed, outcomes) = DossierStore.InputStream.outcomes(path: path)
        #expect(whole.documents.count == 171)
        #expect(outcomes == 3)
        #expect(streamed.documents == whole.documents)
        #expect(streamed.origins == whole.origins)
        #expect(streamed.problems == whole.problems)
    }

    @Test func aLargeFileIsReadHoldingOnlyAboutOneChunk() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("big.csv")
        let row = "\"" + String(repeating: "A sentence of news, \"\"quoted\"\".\n", count: 20) + "\""
        let text = "id,text\n" + (0..<5_000).map { "r\($0),\(row)\n" }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let (outcome, largest) = try Self.streamed(path, chunkSize: 1 << 16)
        #expect(text.utf8.count > 3_000_000)
        #expect(outcome.documents.count == 5_000)
        #expect(outcome.problems.isEmpty)
        // Bytes are dropped once 64 KiB have been read past: the buffer stays near two chunks.
        #expect(largest < 3 << 16)
    }

    @Test func aStrayQuoteHoldsAtMostTheLongestFieldAndCostsOnlyItsRow() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("stray.csv")
        let text = "id,text\na,\"stray\n" + (0..<10_000).map { "r\($0),Row \($0).\n" }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let (outcome, largest) = try Self.streamed(path, chunkSize: 64, maximumQuotedFieldBytes: 100)
        #expect(outcome.documents.count == 10_000)
        #expect(outcome.documents.first?.id == "r0")
        #expect(outcome.problems.map(\.message) == ["a quoted field opened at line 2, column 3 runs past 100 bytes without closing"])
        #expect(text.utf8.count > 100_000)
        #expect(largest < 10_000)
        // Read whole with the usual limit, the same row is lost, as never closed.
        let whole = CSVReader().read(Data(text.utf8), path: path, name: "stray")
        #expect(whole.documents.count == 10_000)
        #expect(whole.problems.map(\.message) == ["a quoted field opened at line 2, column 3 is never closed"])
    }

    @Test func aFileThatCannotBeReadIsOneProblem() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("folder.csv"), withIntermediateDirectories: true)
        let outcomes = Array(InputStream(path: folder.file("folder.csv")))
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.problems.map(\.code) == [.fileUnreadable])
        #expect(outcomes.first?.documents.isEmpty == true)
    }
}
