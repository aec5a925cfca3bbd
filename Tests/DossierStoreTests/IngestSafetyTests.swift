import DossierCore
import DossierText
import Foundation
import GRDB
import Testing
@testable import DossierStore

/// Bad bytes and odd inputs lose no record without a word; concurrent writers add each text once.
@Suite("Ingest safety")
struct IngestSafetyTests {
    // MARK: NUL bytes and ids

    @Test func aNulInTheTextIsStoredAsReplacementAndReported() throws {
        let folder = try TemporaryFolder()
        let text = "Putin met Xi.\u{0}" + String(repeating: "The talks went on. ", count: 10_000)
        try folder.write("long.txt", text)
        try folder.write("rows.csv", "id,title,text\nr1,Ti\u{0}tle,\"Row\u{0} one.\"\n")
        try folder.write("lines.jsonl", "{\"id\": \"j1\", \"text\": \"Line\\u0000 one.\"}\n")
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let report = try workspace.ingest(paths: [folder.file("long.txt"), folder.file("rows.csv"), folder.file("lines.jsonl")],
                                          pipeline: Pipeline())
        #expect(report.added == 3)
        #expect(report.problems.map(\.description) == [
            // A plain-text article's first line is its title, NUL and all.
            "\(folder.file("long.txt")):1:1: warning: 1 NUL character in the text and 1 NUL character in the title stored as U+FFFD",
            "\(folder.file("rows.csv")):2:1: warning: 1 NUL character in the text and 1 NUL character in the title stored as U+FFFD",
            "\(folder.file("lines.jsonl")):1:1: warning: 1 NUL character in the text stored as U+FFFD",
        ])
        #expect(report.summary == "added 3 documents from 3 files; 3 records changed")
        let index = try workspace.loadIndex()
        // Stored whole: before, the text was cut at the NUL (a 200 KB file kept 14 characters).
        #expect(index.documents.texts[0].unicodeScalars.count == text.unicodeScalars.count)
        #expect(index.documents.texts[0].hasPrefix("Putin met Xi.\u{FFFD}The talks"))
        #expect(index.documents.titles[1] == "Ti\u{FFFD}tle")
    }

    @Test func idsWithANulAreReportedAndTheOtherRecordsKept() throws {
        let folder = try TemporaryFolder()
        var lines = (0..<402).map { "{\"id\": \"good-\($0)\", \"text\": \"Good record \($0).\"}" }
        lines.insert("{\"id\": \"dup\\u0000a\", \"text\": \"First.\"}", at: 10)
        lines.insert("{\"id\": \"dup\\u0000b\", \"text\": \"Second.\"}", at: 20)
        try folder.write("in.jsonl", lines.joined(separator: "\n"))
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let report = try workspace.ingest(paths: [folder.file("in.jsonl")], pipeline: Pipeline())
        // Before, the two ids met in SQLite's unique index and the whole ingest stopped: 0 of 402 kept.
        #expect(report.added == 402)
        #expect(report.problems.map(\.description) == [
            "\(folder.file("in.jsonl")):11:1: error: the id contains a NUL character, which ids may not have",
            "\(folder.file("in.jsonl")):21:1: error: the id contains a NUL character, which ids may not have",
        ])
    }

    // MARK: Ids from folders

    @Test func sameNamedFilesInDifferentFoldersGetTheirOwnIds() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/a/report.txt", "The first report.")
        try folder.write("in/b/report.txt", "The second report.")
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let report = try workspace.ingest(paths: [folder.file("in")], pipeline: Pipeline())
        #expect(report.added == 2)
        #expect(report.problems.isEmpty)
        #expect(try workspace.loadIndex().documents.ids == ["a/report", "b/report"])
    }

    @Test func aCollisionOfIdsNamesBothFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("a/report.txt", "The first report.")
        try folder.write("b/report.txt", "The second report.")
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let report = try workspace.ingest(paths: [folder.file("a/report.txt"), folder.file("b/report.txt")], pipeline: Pipeline())
        #expect(report.added == 1)
        #expect(report.problems.map(\.description) == [
            "\(folder.file("b/report.txt")):1:1: error: the id 'report' is already used by the record at \(folder.file("a/report.txt")):1 "
                + "with a different text; this record is skipped",
        ])
        #expect(!report.isClean)
    }

    // MARK: Concurrency

    /// Two workspaces on one file are two connections, as two programs would have.
    @Test func overlappingIngestsOfTheSameTextsAddEachOnce() throws {
        for trial in 0..<5 {
            let folder = try TemporaryFolder()
            let path = folder.file("w.sqlite")
            _ = try Workspace.open(at: path, createIfMissing: true)
            let texts = (0..<40).map { "Report \($0) of trial \(trial): the minister met the envoy." }
            let outcomes = ConcurrentOutcomes()
            let threads = ["x", "y"].map { prefix in
                Thread {
                    do {
                        let workspace = try Workspace.open(at: path)
                        let documents = texts.enumerated().map { Document(id: "\(prefix)-\($0.offset)", text: $0.element) }
                        outcomes.add(try workspace.ingest(documents: documents, pipeline: Pipeline(), batchSize: 4))
                    } catch {
                        outcomes.fail(error)
                    }
                }
            }
            for thread in threads { thread.start() }
            try outcomes.wait(for: 2)
            #expect(outcomes.reports.map(\.added).reduce(0, +) == texts.count)
            #expect(outcomes.reports.map(\.alreadyPresent).reduce(0, +) == texts.count)
            let index = try Workspace.open(at: path).loadIndex()
            #expect(Set(index.documents.texts).count == index.documents.count)
            #expect(index.documents.count == texts.count)
        }
    }

    @Test func aReaderQueriesWhileAnIngestWrites() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.sqlite")
        let writer = try Workspace.open(at: path, createIfMissing: true)
        let reader = try Workspace.open(at: path)
        let documents = (0..<60).map { Document(id: "d\($0)", text: "Document \($0): the envoy visited the capital.") }
        let outcomes = ConcurrentOutcomes()
        let ingest = Thread {
            do { outcomes.add(try writer.ingest(documents: documents, pipeline: Pipeline(), batchSize: 3)) } catch { outcomes.fail(error) }
        }
        ingest.start()
        var counts: [Int] = []
        var failures: [Diagnostic] = []
        while !outcomes.isDone(count: 1) {
            do {
                counts.append(try reader.documentCount())
                let index = try reader.loadIndex()
                // Whole batches only: a batch is three documents, with their sentences.
                #expect(index.documents.count % 3 == 0)
                #expect(index.sentences.count == index.documents.count)
                _ = try reader.documents(matching: "envoy")
            } catch {
                failures.append(error)
            }
        }
        try outcomes.wait(for: 1)
        #expect(failures.isEmpty)
        #expect(counts.count > 1)
        #expect(counts == counts.sorted())
        #expect(outcomes.reports.first?.added == 60)
    }

    @Test func aSecondWriterWaitsAndThenSaysTheWorkspaceIsBusy() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.sqlite")
        let workspace = try Workspace.open(at: path, createIfMissing: true, busyTimeout: 0.2)
        // Another program holds the write lock until the test lets it go.
        let other = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? other.write { _ in
                locked.signal()
                release.wait()
            }
            done.signal()
        }.start()
        locked.wait()
        defer {
            release.signal()
            done.wait()
        }
        #expect(try workspace.documentCount() == 0)  // reading is not held up
        do {
            _ = try workspace.ingest(documents: [Document(id: "a", text: "Some text.")], pipeline: Pipeline())
            Issue.record("wrote while another program held the lock")
        } catch {
            #expect(error.code == .workspaceBusy)
            #expect((error.underlyingError as? SQLiteError)?.isBusy == true)
            #expect(error.notes == ["nothing was added before it (0 files read)"])
        }
    }

    @Test func anIngestStoppedByAWriteErrorSaysWhatItAddedBefore() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.sqlite")
        let workspace = try Workspace.open(at: path, createIfMissing: true)
        // A full disk, as far as the third document is concerned.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER full BEFORE INSERT ON documents WHEN (SELECT count(*) FROM documents) >= 3
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
                """)
        }
        try folder.write("in.jsonl", (0..<6).map { "{\"id\": \"d\($0)\", \"text\": \"Text \($0).\"}" }.joined(separator: "\n") + "\nnot json\n")
        var latest = IngestReport()
        do {
            _ = try workspace.ingest(paths: [folder.file("in.jsonl")], pipeline: Pipeline(), batchSize: 2, progress: { latest = $0 })
            Issue.record("the ingest went on past the error")
        } catch {
            #expect(error.code == .workspaceWriteFailed)
            // The trigger's RAISE(ABORT) is SQLite's SQLITE_CONSTRAINT, extended SQLITE_CONSTRAINT_TRIGGER.
            #expect((error.underlyingError as? SQLiteError).map { [$0.resultCode, $0.extendedResultCode] } == [19, 1811])
            #expect(error.notes == ["before it, 2 documents were added from 1 file, in whole batches, and are kept"])
        }
        #expect(latest.added == 2)
        #expect(latest.problems.map(\.message) == ["the line is not valid JSON"])
        #expect(try workspace.documentCount() == 2)
    }

    @Test func progressHearsOfTheColumnFileBeforeItIsBuilt() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        try folder.write("in.jsonl", (0..<5).map { "{\"id\": \"d\($0)\", \"text\": \"Text \($0).\"}" }.joined(separator: "\n") + "\n")
        var heard: [(added: Int, indexing: Bool)] = []
        let report = try workspace.ingest(paths: [folder.file("in.jsonl")], pipeline: Pipeline(), batchSize: 2, progress: {
            heard.append(($0.added, $0.isIndexing))
        })
        // One report per batch, then one saying the column file is being built; the result is done.
        #expect(heard.map(\.added) == [2, 4, 5, 5])
        #expect(heard.map(\.indexing) == [false, false, false, true])
        #expect(!report.isIndexing && report.added == 5)
        // An ingest that adds nothing builds nothing.
        heard = []
        _ = try workspace.ingest(paths: [folder.file("in.jsonl")], pipeline: Pipeline(), progress: { heard.append(($0.added, $0.isIndexing)) })
        #expect(!heard.contains { $0.indexing })
    }

    // MARK: Migration

    @Test func aWorkspaceWithDuplicateTextsFromBeforeGetsItsUniqueIndexAndKeepsThem() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        // A workspace of schema 2 in which two racing ingests left one text twice.
        let old = try DatabaseQueue(path: path)
        var migrator = WorkspaceSchema.migrator
        migrator.eraseDatabaseOnSchemaChange = false
        try migrator.migrate(old, upTo: "2: relations")
        try old.write { db in
            for (id, text) in [("a", "Same text."), ("b", "Same text."), ("c", "Other text.")] {
                try db.execute(sql: "INSERT INTO documents (id, words, content_hash, text) VALUES (?, 2, ?, ?)",
                               arguments: [id, ContentHash.of(text), text])
            }
        }
        try old.close()
        let workspace = try Workspace.open(at: path)
        #expect(try workspace.documentCount() == 3)
        let again = try workspace.ingest(documents: [Document(id: "d", text: "Same text."), Document(id: "e", text: "New text.")],
                                         pipeline: Pipeline())
        #expect(again.added == 1 && again.alreadyPresent == 1)
        let digests = try DatabaseQueue(path: path).read { db in
            try String?.fetchAll(db, sql: "SELECT text_sha256 FROM documents ORDER BY number")
        }
        #expect(digests == [TextDigest.of("Same text."), nil, TextDigest.of("Other text."), TextDigest.of("New text.")])
    }
}

/// What threads hand back to a test.
final class ConcurrentOutcomes: @unchecked Sendable {
    private let condition = NSCondition()
    private var finished: [IngestReport] = []
    private var errors: [any Error] = []

    var reports: [IngestReport] { condition.withLock { finished } }

    func add(_ report: IngestReport) { condition.withLock { finished.append(report); condition.broadcast() } }
    func fail(_ error: any Error) { condition.withLock { errors.append(error); condition.broadcast() } }
    func isDone(count: Int) -> Bool { condition.withLock { finished.count + errors.count >= count } }

    /// Waits until `count` threads have finished; throws the first error one of them met.
    func wait(for count: Int) throws {
        condition.lock()
        defer { condition.unlock() }
        while finished.count + errors.count < count { condition.wait() }
        if let error = errors.first { throw error }
    }
}

@Suite("Workspace files")
struct WorkspaceFileTests {
    @Test func aClosedWorkspaceIsWholeInItsFileAlone() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("building.sqlite"), createIfMissing: true)
        _ = try workspace.add([WorkspaceTests.annotated("a", "One."), WorkspaceTests.annotated("b", "Two.")])
        try workspace.close()
        // Renamed without its -wal file, as the demo workspace is: before close(), its batches
        // stayed in the -wal file and the renamed workspace had no documents.
        try FileManager.default.moveItem(atPath: folder.file("building.sqlite"), toPath: folder.file("done.sqlite"))
        #expect(try Workspace.open(at: folder.file("done.sqlite")).documentCount() == 2)
    }
}
