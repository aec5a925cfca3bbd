import Dossier
import Foundation
import Testing

/// Annotations made elsewhere, relations included, go into a workspace and are queried with one `import Dossier`.
@Suite("Relations through the library")
struct RelationLibraryTests {
    @Test func importedRelationsAreQueryable() throws {
        let folder = NSTemporaryDirectory() + "dossier-relations-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "Xi invited Putin. Putin will visit Beijing in October."
        let putin = RelationArgument(name: "Vladimir Putin", kind: .person, span: TextSpan(start: 11, end: 16))
        let document = AnnotatedDocument(
            document: Document(id: "trip", date: Day(iso: "2023-07-25"), text: text),
            sentences: [Sentence(index: 0, span: TextSpan(start: 0, end: 17)), Sentence(index: 1, span: TextSpan(start: 18, end: 54))],
            mentions: [Mention(span: TextSpan(start: 0, end: 2), text: "Xi", kind: .person, entity: "Xi Jinping", sentence: 0),
                       Mention(span: TextSpan(start: 11, end: 16), text: "Putin", kind: .person, entity: "Vladimir Putin", sentence: 0),
                       Mention(span: TextSpan(start: 18, end: 23), text: "Putin", kind: .person, entity: "Vladimir Putin", sentence: 1),
                       Mention(span: TextSpan(start: 35, end: 42), text: "Beijing", kind: .location, entity: "Beijing", sentence: 1)],
            times: [TimeExpression(span: TextSpan(start: 46, end: 53), text: "October", type: .date, value: "2023-10",
                                   range: TimeRange(literal: "2023-10"), sentence: 1)],
            relations: [
                Relation(subject: RelationArgument(name: "Xi Jinping", kind: .person, span: TextSpan(start: 0, end: 2)), predicate: .invite,
                         object: putin, sentence: 0, evidence: TextSpan(start: 0, end: 17)),
                Relation(subject: putin, predicate: .visit,
                         object: RelationArgument(name: "Beijing", kind: .location, span: TextSpan(start: 35, end: 42)),
                         time: "2023-10", timeRange: TimeRange(literal: "2023-10"), modality: .planned, sentence: 1,
                         evidence: TextSpan(start: 18, end: 54)),
            ])
        let workspace = try Workspace.open(at: folder + "/news.sqlite", createIfMissing: true)
        #expect(try workspace.add([document]).added == 1)
        let session = try QuerySession(workspace: workspace)
        let beijing = try #require(try session.entities("@Beijing").first)
        let results = try session.run("""
            @putin | relations | where predicate == visit | select object, time, modality, evidence
            sentences | search "visit" | select index
            """)
        #expect(results.map(\.result) == [
            .rows(ResultTable(columns: [.init(name: "object", type: .entity), .init(name: "time", type: .timeRange),
                                        .init(name: "modality", type: .modality), .init(name: "evidence", type: .string)],
                              rows: [[.entity(beijing.id, name: "Beijing"), .timeRange(TimeRange(literal: "2023-10")!), .modality(.planned),
                                      .string("Putin will visit Beijing in October.")]])),
            .rows(ResultTable(columns: [.init(name: "index", type: .int)], rows: [[.int(1)]])),
        ])
    }
}
