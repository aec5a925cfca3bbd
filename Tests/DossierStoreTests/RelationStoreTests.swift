import DossierCore
import Foundation
import GRDB
import Testing
@testable import DossierStore

/// Relations, times and sentences go into the workspace with their document and come back as columns.
@Suite("Relations in the workspace")
struct RelationStoreTests {
    /// "Putin “will” visit China in October. The Russian delegation did not attend." — a planned visit
    /// with a time, and a negated attendance whose subject ("Russian delegation") has no mention.
    static func visitDocument(id: String = "visit") -> AnnotatedDocument {
        let text = "Putin “will” visit China in October. The Russian delegation did not attend the forum."
        var document = WorkspaceTests.annotated(id, text, mentions: [("Putin", "Vladimir Putin", .person, 0), ("China", "China", .location, 0)])
        let firstEnd = 36
        document.sentences = [Sentence(index: 0, span: TextSpan(start: 0, end: firstEnd)),
                              Sentence(index: 1, span: TextSpan(start: firstEnd + 1, end: text.unicodeScalars.count))]
        let october = TimeRange(literal: "2023-10")
        document.times = [TimeExpression(span: TextSpan(start: 28, end: 35), text: "October", type: .date, value: "2023-10",
                                         range: october, sentence: 0)]
        document.relations = [
            Relation(subject: RelationArgument(name: "Vladimir Putin", kind: .person, span: TextSpan(start: 0, end: 5)), predicate: .visit,
                     object: RelationArgument(name: "China", kind: .location, span: TextSpan(start: 19, end: 24)),
                     time: "2023-10", timeRange: october, modality: .planned, sentence: 0, evidence: TextSpan(start: 0, end: firstEnd)),
            Relation(subject: RelationArgument(name: "Russian delegation", kind: .group, span: TextSpan(start: 41, end: 59)), predicate: .attend,
                     object: RelationArgument(name: "Belt and Road Forum", kind: .event, span: TextSpan(start: 79, end: 84)),
                     isNegated: true, sentence: 1, evidence: document.sentences[1].span),
        ]
        return document
    }

    @Test func storesRelationsTimesAndSentencesAndLoadsThemAsColumns() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        #expect(try workspace.add([Self.visitDocument()]).added == 1)
        let index = try workspace.loadIndex()
        let relations = index.relations
        #expect(relations.count == 2)
        #expect(relations.subjects.map { index.entities.names[Int($0)] } == ["Vladimir Putin", "Russian delegation"])
        #expect(relations.objects.map { index.entities.names[Int($0)] } == ["China", "Belt and Road Forum"])
        #expect(index.entities.kinds[Int(relations.subjects[1])] == .group)
        #expect(index.entities.mentionCounts[Int(relations.subjects[1])] == 0)
        #expect(relations.predicates == [.visit, .attend])
        #expect(relations.times == ["2023-10", nil])
        #expect(relations.timeRanges == [TimeRange(literal: "2023-10"), nil])
        #expect(relations.modalities == [.planned, .asserted])
        #expect(relations.negations == [false, true])
        #expect(relations.sentences == [0, 1])
        #expect(index.evidence(ofRelation: 0) == "Putin “will” visit China in October.")
        #expect(index.evidence(ofRelation: 1) == "The Russian delegation did not attend the forum.")
        #expect(index.sentences.count == 2)
        #expect(index.text(ofSentence: 1) == "The Russian delegation did not attend the forum.")
        #expect(index.sentenceRow(document: 0, position: 1) == 1)
        #expect(index.times.values == ["2023-10"])
        #expect(index.times.ranges == [TimeRange(literal: "2023-10")])
        #expect(index.times.types == [.date])
    }

    @Test func aFailedRelationLeavesTheWholeDocumentOut() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("w.sqlite")
        let workspace = try Workspace.open(at: path, createIfMissing: true)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TRIGGER fail BEFORE INSERT ON relations WHEN NEW.predicate = 'attend' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        #expect(throws: Diagnostic.self) { try workspace.add([Self.visitDocument()]) }
        let index = try workspace.loadIndex()
        #expect(index.documents.count == 0 && index.entities.count == 0 && index.relations.count == 0 && index.sentences.count == 0)
    }

    @Test func aWorkspaceOfTheFirstSchemaGainsTheRelationsTable() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try WorkspaceSchema.migrator.migrate(queue, upTo: "1: documents, sentences, entities, mentions, times")
        #expect(try queue.read { try $0.tableExists("relations") } == false)
        _ = try Workspace.open(at: path)
        #expect(try DatabaseQueue(path: path).read { try $0.tableExists("relations") })
    }

    @Test func aWorkspaceOfTheFirstSchemaIsResolvedWhenItGainsResolution() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try WorkspaceSchema.migrator.migrate(queue, upTo: "1: documents, sentences, entities, mentions, times")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO documents (number, id, words, content_hash, text) VALUES (1, 'a', 2, 'x', 'Putin spoke.'),
                    (2, 'b', 3, 'y', 'Vladimir Putin spoke.');
                INSERT INTO entities (number, name, kind) VALUES (1, 'Putin', 'person'), (2, 'Vladimir Putin', 'person');
                INSERT INTO mentions (entity, document, sentence, start, end, text) VALUES (1, 1, 0, 0, 5, 'Putin'),
                    (2, 2, 0, 0, 14, 'Vladimir Putin');
                """)
        }
        let index = try Workspace.open(at: path).loadIndex()
        #expect(index.entities.names == ["Vladimir Putin"])
        #expect(index.entities.aliases == [["Putin"]])
        #expect(index.entities.mentionCounts == [2])
    }
}

@Suite("Workspace schema")
struct WorkspaceSchemaTests {
    @Test func theSchemaVersionCountsTheMigrations() throws {
        let queue = try DatabaseQueue()
        try WorkspaceSchema.migrator.migrate(queue)
        #expect(try queue.read { try WorkspaceSchema.migrator.appliedIdentifiers($0).count } == Workspace.schemaVersion)
    }
}
