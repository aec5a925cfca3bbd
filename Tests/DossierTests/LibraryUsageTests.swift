import Dossier
import DossierDemoCorpus
import Foundation
import Testing

/// The library as a Swift user meets it: one `import Dossier`, the README's example.
@Suite("Library usage")
struct LibraryUsageTests {
    @Test func theReadmeExampleWorks() throws {
        let folder = NSTemporaryDirectory() + "dossier-library-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let seeds = DemoCorpus.files.filter { $0.path.contains("/seeds/") }.map(\.path)

        let workspace = try Workspace.open(at: folder + "/news.sqlite", createIfMissing: true)
        #expect(try workspace.ingest(paths: seeds).summary == "added 2 documents from 2 files")
        let session = try QuerySession(workspace: workspace)
        let results = try session.run("documents | mentioning @icc | select id, date | sort id", sourceName: "<example>")
        guard case .rows(let table) = try #require(results.first).result else {
            Issue.record("expected rows")
            return
        }
        #expect(table.columns.map(\.name) == ["id", "date"])
        #expect(table.rows.map { $0.map(\.displayText) } == [["000_a2bef38422b75170", ""], ["003_9500509ab041714a", "2023-07-25"]])
        let searched = try session.run(#"documents | search "Pyongyang" | count"#)
        #expect(searched.first?.result == .scalar(.int(1)))
    }

    @Test func extractionIsAvailableWithoutAWorkspace() {
        let annotated = Pipeline().annotate(Document(id: "d", date: Day(iso: "2023-07-25"),
                                                     text: "Chinese President Xi Jinping will visit Moscow in October."))
        #expect(annotated.mentions.contains { $0.entity == "Xi Jinping" && $0.kind == .person })
        #expect(annotated.times.contains { $0.value == "2023-10" && $0.range == TimeRange(literal: "2023-10") })
    }
}
