import DossierCore
import Foundation
import GRDB
import Testing
@testable import DossierStore

@Suite("Workspace")
struct WorkspaceTests {
    static func annotated(_ id: String, _ text: String, mentions: [(String, String, EntityKind, Int)] = [],
                          times: [TimeExpression] = []) -> AnnotatedDocument {
        let scalars = Array(text.unicodeScalars)
        func offset(of word: String, from start: Int) -> Int {
            let target = Array(word.unicodeScalars)
            for index in start...(scalars.count - target.count) where Array(scalars[index..<index + target.count]) == target { return index }
            fatalError("\(word) is not in \(text)")
        }
        let mentionValues = mentions.map { text, entity, kind, from -> Mention in
            let start = offset(of: text, from: from)
            return Mention(span: TextSpan(start: start, end: start + text.unicodeScalars.count), text: text, kind: kind, entity: entity, sentence: 0)
        }
        return AnnotatedDocument(document: Document(id: id, date: Day(iso: "2023-07-25"), text: text),
                                 sentences: [Sentence(index: 0, span: TextSpan(start: 0, end: scalars.count))],
                                 mentions: mentionValues, times: times)
    }

    @Test func storesDocumentsEntitiesAndMentionsAndLoadsThemAsColumns() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let report = try workspace.add([
            Self.annotated("a", "Vladimir Putin met Xi. Putin left.", mentions: [
                ("Vladimir Putin", "Vladimir Putin", .person, 0), ("Xi", "Xi Jinping", .person, 0), ("Putin", "Vladimir Putin", .person, 20),
            ]),
            Self.annotated("b", "The ICC acted.", mentions: [("ICC", "International Criminal Court", .organization, 0)]),
        ])
        #expect(report.added == 2)
        let index = try workspace.loadIndex()
        #expect(index.documents.ids == ["a", "b"])
        #expect(index.entities.names == ["Vladimir Putin", "Xi Jinping", "International Criminal Court"])
        #expect(index.entities.aliases == [["Putin"], ["Xi"], ["ICC"]])
        #expect(index.entities.mentionCounts == [2, 1, 1])
        #expect(index.mentions.count == 4)
        #expect(Array(index.documentsByEntity[0]) == [0])
        #expect(index.lookUpEntity(named: "icc") == .found(2))
        #expect(index.lookUpEntity(named: "putin") == .found(0))
        // Suggestions come from canonical names, then from aliases close in spelling.
        #expect(index.lookUpEntity(named: "criminal") == .notFound(suggestions: ["International Criminal Court"]))
        #expect(index.lookUpEntity(named: "putn") == .notFound(suggestions: ["Vladimir Putin"]))
        #expect(index.entities.firstDates[0] == Day(iso: "2023-07-25"))
    }

    @Test func neverDuplicatesADocumentBySameIDOrSameText() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        _ = try workspace.add([Self.annotated("a", "One."), Self.annotated("b", "Two.")])
        let again = try workspace.add([Self.annotated("a", "Changed."), Self.annotated("c", "Two."), Self.annotated("d", "Three."),
                                       Self.annotated("d", "Three, again.")])
        #expect(again.added == 1)
        #expect(again.alreadyPresent == 1)
        // An id given to another text is not "already present": that record would be lost without a word.
        #expect(again.problems.map(\.message) == [
            "the id 'a' is already used by a document already in the workspace with a different text; this record is skipped",
            "the id 'd' is already used by an earlier document with a different text; this record is skipped",
        ])
        #expect(try workspace.documentCount() == 3)
    }

    @Test func ingestsFilesReportingBadRecordsAndKeepingTheRest() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/a.txt", "date 2023-07-25 Putin visited China.")
        try folder.write("in/b.jsonl", "{\"id\": \"b1\", \"text\": \"One.\"}\nnot json\n{\"id\": \"b2\", \"text\": \"Two.\"}\n")
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let report = try workspace.ingest(paths: [folder.file("in"), folder.file("missing.txt")], batchSize: 2)
        #expect(report.added == 3)
        #expect(report.filesRead == 2)
        #expect(report.problems.map(\.description) == ["\(folder.file("missing.txt")): error: no such file or folder",
                                                       "\(folder.file("in/b.jsonl")):2:1: error: the line is not valid JSON"])
        let second = try workspace.ingest(paths: [folder.file("in")])
        #expect(second.added == 0 && second.alreadyPresent == 3)
        let index = try workspace.loadIndex()
        #expect(index.documents.ids == ["a", "b1", "b2"])
        #expect(index.documents.dates[0] == Day(iso: "2023-07-25"))
        #expect(index.documents.wordCounts[0] == 3)
    }

    @Test func aCancelledIngestKeepsTheBatchesWritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/news.jsonl", (1...5).map { "{\"id\": \"d\($0)\", \"text\": \"Story \($0).\"}" }.joined(separator: "\n"))
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        var checks = 0
        let report = try workspace.ingest(paths: [folder.file("in")], batchSize: 2, isCancelled: {
            checks += 1
            return checks > 2  // the file, then the first batch, may go ahead
        })
        #expect(report.wasCancelled && !report.isClean)
        #expect(report.added == 2)
        #expect(report.summary == "cancelled after adding 2 documents from 1 file")
        #expect(try workspace.loadIndex().documents.ids == ["d1", "d2"])
    }

    @Test func aFailedBatchLeavesTheWorkspaceAsItWas() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.sqlite")
        let workspace = try Workspace.open(at: path, createIfMissing: true)
        _ = try workspace.add([Self.annotated("a", "One.")])
        // Make the last write of the next batch fail, after its first document went in.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TRIGGER fail BEFORE INSERT ON times WHEN NEW.text = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        let boom = TimeExpression(span: TextSpan(start: 0, end: 4), text: "boom", type: .date, value: "2023", range: nil, sentence: 0)
        #expect(throws: Diagnostic.self) {
            try workspace.add([Self.annotated("b", "Two."), Self.annotated("c", "boom.", times: [boom])])
        }
        #expect(try workspace.documentCount() == 1)
        #expect(try workspace.loadIndex().documents.ids == ["a"])
    }

    @Test func refusesFilesThatAreNotWorkspaces() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes.txt", "just text, not SQLite, long enough to have a header of sorts ............................................")
        do {
            _ = try Workspace.open(at: folder.file("notes.txt"))
            Issue.record("opened a text file")
        } catch {
            #expect(error.code == .notAWorkspace)
            #expect((error.underlyingError as? SQLiteError)?.resultCode == 26)  // SQLITE_NOTADB
        }
        try DatabaseQueue(path: folder.file("other.sqlite")).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        do {
            _ = try Workspace.open(at: folder.file("other.sqlite"))
            Issue.record("opened a foreign database")
        } catch {
            #expect(error.code == .notAWorkspace)
        }
        do {
            _ = try Workspace.open(at: folder.file("missing.sqlite"))
            Issue.record("opened a missing workspace")
        } catch {
            #expect(error.code == .workspaceMissing)
            #expect(error.sourceName == folder.file("missing.sqlite"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("missing.sqlite")))
    }

    @Test func findsSentencesWithFullTextSearch() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        _ = try workspace.add([Self.annotated("a", "The arrest warrant was issued."), Self.annotated("b", "Nothing here.")])
        #expect(try workspace.documents(matching: "warrant") == ["a"])
        #expect(try workspace.documents(matching: "arrest OR nothing") == ["a", "b"])
        #expect(try workspace.documents(matching: "\"warrant was\"") == ["a"])
        #expect(try workspace.documents(matching: "warrant nothing").isEmpty)
        do {
            _ = try workspace.documents(matching: "\"unbalanced")
            Issue.record("accepted a malformed search")
        } catch {
            #expect(error.code == .invalidSearchWords)
        }
    }
}

@Suite("AnnotationJSONLines")
struct AnnotationJSONLinesTests {
    @Test func writesTheExchangeFormat() throws {
        var annotated = WorkspaceTests.annotated("003", "Putin “intends” to go in October.", mentions: [("Putin", "Vladimir Putin", .person, 0)])
        annotated.times = [TimeExpression(span: TextSpan(start: 26, end: 33), text: "October", type: .date, value: "2023-10",
                                          range: TimeRange(literal: "2023-10"), sentence: 0)]
        #expect(AnnotationJSONLines.line(for: annotated) == """
            {"id": "003", "date": "2023-07-25", "entities": [{"start": 0, "end": 5, "text": "Putin", "type": "person", "entity": "Vladimir Putin", "sentence": 0}], \
            "times": [{"start": 26, "end": 33, "type": "DATE", "value": "2023-10", "text": "October", "range": ["2023-10-01", "2023-11-01"], \
            "granularity": "month", "sentence": 0}], "relations": [], "sentences": [[0, 33]], "text": "Putin “intends” to go in October."}
            """)
    }
}
