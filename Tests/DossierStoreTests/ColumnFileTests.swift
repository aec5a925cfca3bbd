import DossierCore
import Foundation
import GRDB
import Testing
@testable import DossierStore

/// The column file beside a workspace: mapped when it matches the database, rebuilt when it is
/// missing, stale, damaged or another workspace's, and never needed for a correct answer.
@Suite("Column file")
struct ColumnFileTests {
    /// Two documents, one of them not ASCII (sentences are sliced by UTF-8 offsets).
    static func filledWorkspace(_ folder: TemporaryFolder) throws -> Workspace {
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        _ = try workspace.add([
            WorkspaceTests.annotated("a", "Recep Tayyip Erdoğan met Xi in Ankara.", mentions: [
                ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", .person, 0), ("Xi", "Xi Jinping", .person, 0), ("Ankara", "Ankara", .location, 0),
            ]),
            WorkspaceTests.annotated("b", "Xi left.", mentions: [("Xi", "Xi Jinping", .person, 0)]),
        ])
        return workspace
    }

    /// Every column of `index`, written out, so two indexes can be compared whole.
    static func contents(_ index: CorpusIndex) -> [String] {
        var lines: [String] = []
        func add(_ name: String, _ values: some Sequence) { lines.append("\(name): \(Array(values))") }
        add("ids", index.documents.ids); add("titles", index.documents.titles); add("dates", index.documents.dates)
        add("words", index.documents.wordCounts); add("texts", index.documents.texts); add("numbers", index.documents.numbers)
        add("names", index.entities.names); add("kinds", index.entities.kinds); add("aliases", index.entities.aliases)
        add("mentionCounts", index.entities.mentionCounts); add("documentCounts", index.entities.documentCounts)
        add("firstDates", index.entities.firstDates); add("lastDates", index.entities.lastDates)
        add("mention entities", index.mentions.entities); add("mention documents", index.mentions.documents)
        add("mention texts", index.mentions.texts); add("mention starts", index.mentions.starts); add("mention ends", index.mentions.ends)
        add("sentence documents", index.sentences.documents); add("sentence texts", index.sentences.documents.indices.map { index.text(ofSentence: $0) })
        add("relations", index.relations.predicates); add("times", index.times.values)
        for document in 0..<index.documents.count {
            add("entities of \(document)", index.entitiesByDocument[document]); add("sentences of \(document)", index.sentencesByDocument[document])
        }
        for entity in 0..<index.entities.count { add("documents of \(entity)", index.documentsByEntity[entity]) }
        for name in ["xi", "xi jinping", "erdoğan", "recep tayyip erdoğan", "ankara", "nobody"] { add("named \(name)", index.entities(named: name)) }
        return lines
    }

    @Test func anIngestWritesTheFileAndOpeningMapsItWithTheSameColumnsAsTheDatabase() throws {
        let folder = try TemporaryFolder()
        let workspace = try Self.filledWorkspace(folder)
        #expect(FileManager.default.fileExists(atPath: workspace.columnFilePath))
        let stamp = try workspace.run { db in try Workspace.stamp(db) }
        // Every column is there: the file maps whole, and opening does not fall back to the database.
        _ = try CorpusIndex(reading: ColumnFileReader(path: workspace.columnFilePath, stamp: stamp)) { DocumentTexts(count: $0.count) { _ in "" } }
        let mapped = try workspace.openIndex()
        let built = try workspace.loadIndex()
        #expect(Self.contents(mapped) == Self.contents(built))
        #expect(mapped.text(ofSentence: 0) == "Recep Tayyip Erdoğan met Xi in Ankara.")
        #expect(mapped.lookUpEntity(named: "XI") == .found(1))
        #expect(mapped.documents.texts[1] == "Xi left.")
    }

    @Test func sentencesAfterCharactersOfSeveralBytesAreSlicedWhole() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        // Offsets are stored in code points: "ğ" is two UTF-8 bytes, "€" three and "🇹🇷" two code points of four.
        let text = "Erdoğan paid €5. 🇹🇷 Xi left. Done."
        var document = WorkspaceTests.annotated("a", text)
        document.sentences = [Sentence(index: 0, span: TextSpan(start: 0, end: 16)), Sentence(index: 1, span: TextSpan(start: 17, end: 28)),
                              Sentence(index: 2, span: TextSpan(start: 29, end: 34))]
        _ = try workspace.add([document])
        let mapped = try workspace.openIndex()
        #expect((0..<3).map { mapped.text(ofSentence: $0) } == ["Erdoğan paid €5.", "🇹🇷 Xi left.", "Done."])
        #expect(Self.contents(mapped) == Self.contents(try workspace.loadIndex()))
    }

    @Test func theFileWrittenATableAtATimeIsTheOneTheWholeIndexWrites() throws {
        let folder = try TemporaryFolder()
        let workspace = try Self.filledWorkspace(folder)
        _ = try workspace.add([
            WorkspaceTests.annotated("c", "Putin met Erdoğan in Sochi.", mentions: [
                ("Putin", "Vladimir Putin", .person, 0), ("Erdoğan", "Recep Tayyip Erdoğan", .person, 0), ("Sochi", "Sochi", .location, 0),
            ]),
        ])
        let stamp = try workspace.run { db in try Workspace.stamp(db) }
        let whole = folder.file("whole-columns")
        try workspace.loadIndex().write(to: whole, stamp: stamp)
        #expect(try Data(contentsOf: URL(fileURLWithPath: whole)) == Data(contentsOf: URL(fileURLWithPath: workspace.columnFilePath)))
        // Nothing is left behind but the file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") }.isEmpty)
    }

    /// Batches whose entities merge across them: a surname (a relation's subject too) and a
    /// one-word name into the full names that come later, an acronym into its organization; with
    /// mention texts seen before and new ones, and a text that is not ASCII.
    static let growingBatches: [[AnnotatedDocument]] = {
        var visit = RelationStoreTests.visitDocument()
        visit.mentions[0].entity = "Putin"
        visit.relations[0].subject.name = "Putin"
        return [
            [WorkspaceTests.annotated("a", "Recep Tayyip Erdoğan met Xi in Ankara.", mentions: [
                ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", .person, 0), ("Xi", "Xi", .person, 0), ("Ankara", "Ankara", .location, 0),
             ]),
             WorkspaceTests.annotated("icc", "The ICC acted.", mentions: [("ICC", "ICC", .organization, 0)])],
            [visit, WorkspaceTests.annotated("xi", "Xi spoke.", mentions: [("Xi", "Xi", .person, 0)])],
            [WorkspaceTests.annotated("full", "Vladimir Putin spoke again.", mentions: [("Vladimir Putin", "Vladimir Putin", .person, 0)]),
             WorkspaceTests.annotated("court", "The International Criminal Court sat in Ankara.", mentions: [
                ("International Criminal Court", "International Criminal Court", .organization, 0), ("Ankara", "Ankara", .location, 0),
             ])],
            [WorkspaceTests.annotated("xi-full", "Xi Jinping spoke. Xi left for Ankara.", mentions: [
                ("Xi Jinping", "Xi Jinping", .person, 0), ("Xi", "Xi Jinping", .person, 5), ("Ankara", "Ankara", .location, 0),
             ])],
        ]
    }()

    @Test func aFileGrownBatchByBatchIsTheOneBuiltWhole() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let file = URL(fileURLWithPath: workspace.columnFilePath), whole = folder.file("whole-columns")
        for (number, batch) in Self.growingBatches.enumerated() {
            let before = try? Data(contentsOf: file)
            _ = try workspace.add(batch)
            let stamp = try workspace.run { db in try Workspace.stamp(db) }
            try workspace.loadIndex().write(to: whole, stamp: stamp)
            let expected = try Data(contentsOf: URL(fileURLWithPath: whole))
            #expect(try Data(contentsOf: file) == expected, "after batch \(number)")
            // What the ingest did, done again from the file before the batch: its rows are copied and the batch's appended.
            guard let before else { continue }
            try before.write(to: file)
            #expect(try workspace.refreshColumnFile() == .appended(documents: batch.count))
            #expect(try Data(contentsOf: file) == expected, "after batch \(number), again")
        }
        let index = try workspace.openIndex()
        #expect(index.entities.names.sorted() == ["Ankara", "Belt and Road Forum", "China", "International Criminal Court",
                                                  "Recep Tayyip Erdoğan", "Russian delegation", "Vladimir Putin", "Xi Jinping"])
        #expect(index.relations.subjects.map { index.entities.names[Int($0)] }.first == "Vladimir Putin")
        #expect(Self.contents(index) == Self.contents(try workspace.loadIndex()))
    }

    @Test func aFileThatDisagreesWithTheDatabaseIsBuiltWholeNotGrown() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        _ = try workspace.add(Self.growingBatches[0])
        let before = try Data(contentsOf: URL(fileURLWithPath: workspace.columnFilePath))
        _ = try workspace.add(Self.growingBatches[1])
        // Another program moves one mention of an earlier document to another entity, which no merge
        // does, between two entities the batch did not mention.
        try DatabaseQueue(path: workspace.path).write { db in
            try db.execute(sql: """
                UPDATE mentions SET entity = (SELECT number FROM entities WHERE name = 'ICC')
                WHERE text = 'Recep Tayyip Erdoğan'
                """)
            try db.execute(sql: "UPDATE workspace_info SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
        }
        try before.write(to: URL(fileURLWithPath: workspace.columnFilePath))
        #expect(try workspace.refreshColumnFile() == .rebuilt)
        #expect(Self.contents(try workspace.openIndex()) == Self.contents(try workspace.loadIndex()))
        // So does a file of another workspace, or of a workspace that lost a document.
        try DatabaseQueue(path: workspace.path).write { db in
            try db.execute(sql: "DELETE FROM documents WHERE id = 'icc'")
            try db.execute(sql: "UPDATE workspace_info SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
        }
        try before.write(to: URL(fileURLWithPath: workspace.columnFilePath))
        #expect(try workspace.refreshColumnFile() == .rebuilt)
        #expect(try workspace.openIndex().documents.ids == ["a", "visit", "xi"])
    }

    @Test func aFileWhoseLastDocumentOrRelationsChangedIsBuiltWhole() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let file = URL(fileURLWithPath: workspace.columnFilePath)
        _ = try workspace.add(Self.growingBatches[0] + Self.growingBatches[1])
        let before = try Data(contentsOf: file)
        func changeBehindDossier(_ sql: String) throws {
            try DatabaseQueue(path: workspace.path).write { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try db.execute(sql: sql)
                try db.execute(sql: "UPDATE workspace_info SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
            }
        }
        // A relation's subject moved alone, which no merge does: the mentions are as they were.
        try changeBehindDossier("UPDATE relations SET subject = (SELECT number FROM entities WHERE name = 'ICC') WHERE predicate = 'attend'")
        #expect(try workspace.refreshColumnFile() == .rebuilt)
        #expect(Self.contents(try workspace.openIndex()) == Self.contents(try workspace.loadIndex()))
        // The last document deleted, and another given its number: as many documents, mentions and
        // sentences as before.
        try before.write(to: file)
        try changeBehindDossier("DELETE FROM documents WHERE id = 'xi'")
        _ = try workspace.add([WorkspaceTests.annotated("xi-again", "Xi went.", mentions: [("Xi", "Xi", .person, 0)])])
        try before.write(to: file)
        #expect(try workspace.refreshColumnFile() == .rebuilt)
        let index = try workspace.openIndex()
        #expect(index.documents.ids.last == "xi-again" && index.documents.texts[index.documents.count - 1] == "Xi went.")
        #expect(Self.contents(index) == Self.contents(try workspace.loadIndex()))
    }

    @Test func aKilledWritersFileIsRemovedByTheNextOne() throws {
        let folder = try TemporaryFolder()
        let workspace = try Self.filledWorkspace(folder)
        // A process that has ended: its file is abandoned once it is a minute old.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = "\(workspace.columnFilePath).\(ended.processIdentifier).partial"
        let recent = "\(workspace.columnFilePath).\(ended.processIdentifier + 1_000_000).partial"
        let running = "\(workspace.columnFilePath).\(getppid()).partial"
        // As a writer in another process namespace (another container on the volume) would have it: locked.
        let locked = "\(workspace.columnFilePath).\(ended.processIdentifier).1f.partial"
        for file in [abandoned, recent, running, locked] { try Data("half a file".utf8).write(to: URL(fileURLWithPath: file)) }
        let minutesAgo = Date(timeIntervalSinceNow: -120)
        for file in [abandoned, running, locked] { try FileManager.default.setAttributes([.modificationDate: minutesAgo], ofItemAtPath: file) }
        let lock = open(locked, O_RDONLY)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        try FileManager.default.removeItem(atPath: workspace.columnFilePath)
        _ = try workspace.openIndex()
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        // A file written in the last minute, by a process still running, or locked may still be finished.
        #expect(FileManager.default.fileExists(atPath: recent))
        #expect(FileManager.default.fileExists(atPath: running))
        #expect(FileManager.default.fileExists(atPath: locked))
        // The writer's own file is gone once it is in place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") }.count == 3)
    }

    @Test func aTextGoneFromTheDatabaseIsAReadFailureNotAnEmptyString() throws {
        let folder = try TemporaryFolder()
        let workspace = try Self.filledWorkspace(folder)
        let mapped = try workspace.openIndex()
        // Another program takes a document away while the index is open.
        try DatabaseQueue(path: workspace.path).write { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM documents WHERE id = 'b'")
        }
        #expect(mapped.documents.texts[0] == "Recep Tayyip Erdoğan met Xi in Ankara.")
        #expect(mapped.documents.texts.takeReadFailure() == nil)
        #expect(mapped.documents.texts[1] == "")
        let failure = mapped.documents.texts.takeReadFailure()
        #expect(failure?.code == .workspaceReadFailed)
        #expect(failure?.message.hasPrefix("document ") == true && failure?.sourceName == workspace.path)
        #expect(mapped.documents.texts.takeReadFailure() == nil)
    }

    @Test func aStaleFileIsBroughtUpToDateNotTrusted() throws {
        let folder = try TemporaryFolder()
        let workspace = try Self.filledWorkspace(folder)
        let old = try Data(contentsOf: URL(fileURLWithPath: workspace.columnFilePath))
        _ = try workspace.add([WorkspaceTests.annotated("c", "Putin spoke.", mentions: [("Putin", "Vladimir Putin", .person, 0)])])
        // As if the program had been killed after the batch was committed and before the file was written.
        try old.write(to: URL(fileURLWithPath: workspace.columnFilePath))
        let index = try workspace.openIndex()
        #expect(index.documents.ids == ["a", "b", "c"])
        #expect(index.lookUpEntity(named: "putin") == .found(3))
        #expect(Self.contents(index) == Self.contents(try workspace.loadIndex()))
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.columnFilePath)) != old)
    }

    @Test func anotherWorkspacesFileIsNotTrusted() throws {
        let folder = try TemporaryFolder()
        let first = try Self.filledWorkspace(folder)
        let second = try Workspace.open(at: folder.file("v.sqlite"), createIfMissing: true)
        _ = try second.add([WorkspaceTests.annotated("z", "Merkel left.", mentions: [("Merkel", "Angela Merkel", .person, 0)]),
                            WorkspaceTests.annotated("y", "Macron left.", mentions: [("Macron", "Emmanuel Macron", .person, 0)])])
        try FileManager.default.removeItem(atPath: second.columnFilePath)
        try FileManager.default.copyItem(atPath: first.columnFilePath, toPath: second.columnFilePath)
        #expect(try second.openIndex().documents.ids == ["z", "y"])
    }

    @Test(arguments: ["truncated", "table", "section", "empty", "garbage"])
    func aDamagedFileIsRebuilt(_ damage: String) throws {
        let folder = try TemporaryFolder()
        let workspace = try Self.filledWorkspace(folder)
        let expected = Self.contents(try workspace.loadIndex())
        var bytes = try Data(contentsOf: URL(fileURLWithPath: workspace.columnFilePath))
        switch damage {
        case "truncated": bytes = bytes.prefix(bytes.count - 100)
        case "table":
            // A byte inside the table, which the header places.
            let tableOffset = Int(bytes.subdata(in: 8..<16).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
            bytes[tableOffset + 10] ^= 0x20
        case "section": bytes.append(contentsOf: [0, 0, 0, 0])
        case "empty": bytes = Data()
        default: bytes = Data("SQLite format 3\0 not a column file at all".utf8)
        }
        try bytes.write(to: URL(fileURLWithPath: workspace.columnFilePath))
        let stamp = try workspace.run { db in try Workspace.stamp(db) }
        #expect(throws: ColumnFileProblem.self) { try ColumnFileReader(path: workspace.columnFilePath, stamp: stamp) }
        #expect(Self.contents(try workspace.openIndex()) == expected)
        _ = try ColumnFileReader(path: workspace.columnFilePath, stamp: stamp)
    }

    @Test func aTableWhoseSectionsOverflowIsDamageNotACrash() throws {
        let folder = try TemporaryFolder()
        let workspace = try Self.filledWorkspace(folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: workspace.columnFilePath))
        func word(_ at: Int) -> Int { Int(bytes.subdata(in: at..<(at + 8)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }) }
        let tableOffset = word(8), tableLength = word(16)
        var table = try #require(JSONSerialization.jsonObject(with: bytes.subdata(in: tableOffset..<(tableOffset + tableLength))) as? [String: Any])
        var sections = try #require(table["sections"] as? [String: [String: Int]])
        // Past what the file holds, and so large that offset + count × width overflows.
        sections["mentions.starts"]?["count"] = 1 << 62
        table["sections"] = sections
        // A table with a checksum that matches, as someone editing the file would write it.
        var tableBytes = Data()
        var length = 0
        repeat {
            length = tableOffset + tableBytes.count
            table["length"] = length
            tableBytes = try JSONSerialization.data(withJSONObject: table, options: .sortedKeys)
        } while tableOffset + tableBytes.count != length
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in tableBytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var edited = bytes.prefix(tableOffset) + tableBytes
        for (at, value) in [(16, UInt64(tableBytes.count)), (24, hash)] {
            withUnsafeBytes(of: value.littleEndian) { edited.replaceSubrange(at..<(at + 8), with: $0) }
        }
        try edited.write(to: URL(fileURLWithPath: workspace.columnFilePath))
        let stamp = try workspace.run { db in try Workspace.stamp(db) }
        #expect(throws: ColumnFileProblem.damaged("column mentions.starts lies outside the file")) {
            try ColumnFileReader(path: workspace.columnFilePath, stamp: stamp)
        }
        #expect(Self.contents(try workspace.openIndex()) == Self.contents(try workspace.loadIndex()))
    }

    @Test func withoutAWritableFileTheIndexIsBuiltInMemory() throws {
        let folder = try TemporaryFolder()
        let workspace = try Self.filledWorkspace(folder)
        try FileManager.default.removeItem(atPath: workspace.columnFilePath)
        // A folder where the file would go: it cannot be replaced by a file.
        try FileManager.default.createDirectory(atPath: workspace.columnFilePath, withIntermediateDirectories: false)
        #expect(Self.contents(try workspace.openIndex()) == Self.contents(try workspace.loadIndex()))
        let report = try workspace.add([WorkspaceTests.annotated("c", "Putin spoke.", mentions: [("Putin", "Vladimir Putin", .person, 0)])])
        #expect(report.added == 1)
        #expect(report.problems.map(\.code) == [.columnFileUnwritable])
        #expect(report.problems.first?.severity == .warning)
        #expect(try workspace.openIndex().documents.count == 3)
    }

    @Test func aDictionaryColumnContinuedIsCodedAsOneBuiltWhole() {
        let earlier = DictionaryStringColumn(["Erdoğan", "", "Xi", "Erdoğan"])
        let later = ["Xi", "Putin", "", "Erdoğan", "Putin", "Şanlıurfa"]
        var builder = DictionaryStringColumn.Builder(continuing: earlier)
        for string in later { builder.append(string) }
        let continued = builder.column
        let whole = DictionaryStringColumn(Array(earlier) + later)
        #expect(Array(continued.codes) == Array(whole.codes.dropFirst(earlier.count)))
        #expect(Array(continued.values) == ["Putin", "Şanlıurfa"])
        #expect(Array(earlier.values) + Array(continued.values) == Array(whole.values))
    }

    @Test func columnsReadLikeArrays() {
        #expect(StringColumn(["", "é", "abc"]) == ["", "é", "abc"])
        #expect(Array(StringColumn([String]())) == [])
        #expect(OptionalStringColumn(["x", nil, ""]) == ["x", nil, ""])
        #expect(StringListColumn([[], ["a", "b"], ["c"]]) == [[], ["a", "b"], ["c"]])
        #expect(DayColumn([Day(number: -3), nil, Day(number: 19_000)]) == [Day(number: -3), nil, Day(number: 19_000)])
        let range = TimeRange(start: Day(number: 10), end: Day(number: 40), granularity: .month)
        #expect(TimeRangeColumn([nil, range]) == [nil, range])
        #expect(CodedColumn(Modality.allCases.reversed()) == Array(Modality.allCases.reversed()))
        #expect(FlagColumn([true, false]) == [true, false])
        let groups = GroupedRows(keys: [2, 0, 2, 1] as [Int32], keyCount: 4)
        #expect((0..<4).map { Array(groups[$0]) } == [[1], [3], [0, 2], []])
    }
}
