import Dossier
import DossierDemoCorpus
import Foundation
import Testing

/// Query text run through a session and decoded into typed records, as a Swift user of `import Dossier` does.
@Suite("Typed query results")
struct TypedResultTests {
    /// A session over a fresh workspace of the two seed articles, and the folder to remove after.
    static func seedSession() throws -> (QuerySession, folder: String) {
        let folder = NSTemporaryDirectory() + "dossier-typed-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let workspace = try Workspace.open(at: folder + "/news.sqlite", createIfMissing: true)
        _ = try workspace.ingest(paths: DemoCorpus.files.filter { $0.path.contains("/seeds/") }.map(\.path))
        return (try QuerySession(workspace: workspace), folder)
    }

    @Test func putinsVisitsDecodeAsRelations() throws {
        let (session, folder) = try Self.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let visits = try session.relations("@putin | relations | where predicate == visit")
        let china = try #require(visits.first { $0.object.name == "China" && $0.time == "2023-10" })
        #expect(china.subject.name == "Vladimir Putin")
        #expect(china.subject.kind == .person)
        #expect(china.object.kind == .location)
        #expect(china.predicate == .visit)
        #expect(china.time == "2023-10")
        #expect(china.timeRange == TimeRange(literal: "2023-10"))
        #expect(china.modality == .planned)
        #expect(!china.isNegated)
        #expect(china.evidence == "Russian President Vladimir Putin “intends” to visit China in October to attend the Belt and Road Forum, "
                + "Kremlin confirmed on Tuesday (July 25).")
        #expect(china.sentence == 0)
        #expect(china.document.identifier == "003_9500509ab041714a")
        #expect(china.date == Day(iso: "2023-07-25"))
        #expect(china.cameoCode == "042")
        #expect(visits.contains { $0.object.name == "South Africa" && $0.modality == .canceled })
        #expect(visits.contains { $0.object.name == "South Africa" && $0.document.identifier == "000_a2bef38422b75170" })
        // Every decoded row is a visit with Putin as one of its two sides, as the query asked.
        #expect(visits.allSatisfy { $0.predicate == .visit && [$0.subject.name, $0.object.name].contains("Vladimir Putin") })

        // The identities are the same rows the untyped result refers to, and lead back to their records.
        let putin = try #require(try session.entities("@putin").first)
        #expect(china.subject.id == putin.id)
        #expect(china.subject == putin.reference)
        #expect(RelationRecord(id: china.id, in: session.index) == china)
        let row = try session.run("@putin | relations | where predicate == visit and object == @china and timex == \"2023-10\" | select subject, document")
        guard case .rows(let table) = try #require(row.first).result else {
            Issue.record("expected rows")
            return
        }
        #expect(table.rows == [[.entity(putin.id, name: "Vladimir Putin"), .document(china.document.id, id: "003_9500509ab041714a")]])
    }

    @Test func documentsAndEntitiesDecode() throws {
        let (session, folder) = try Self.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let documents = try session.documents("documents | mentioning @icc | sort id")
        #expect(documents.map(\.identifier) == ["000_a2bef38422b75170", "003_9500509ab041714a"])
        #expect(documents.map(\.date) == [nil, Day(iso: "2023-07-25")])
        let dated = try #require(documents.last)
        #expect(dated.text.contains("Belt and Road Forum"))
        #expect(dated.wordCount > 100)
        #expect(dated.document.id == dated.identifier)
        #expect(DocumentRecord(id: dated.id, in: session.index) == dated)

        let people = try session.entities("entities | where kind == person and mentions >= 2 | sort mentions desc")
        let putin = try #require(people.first { $0.name == "Vladimir Putin" })
        #expect(putin.kind == .person)
        #expect(putin.mentionCount >= 2)
        #expect(putin.documentCount == 2)
        #expect(putin.aliases.contains("Putin"))
        #expect(putin.lastDate == Day(iso: "2023-07-25"))
        #expect(people.map(\.mentionCount) == people.map(\.mentionCount).sorted(by: >))
        #expect(Set(people.map(\.id)).count == people.count)
        let counted = try session.run("entities | where kind == person and mentions >= 2 | count")
        #expect(counted.first?.result == .scalar(.int(people.count)))
    }

    @Test func mentionsSentencesAndTimesDecode() throws {
        let (session, folder) = try Self.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let mentions = try session.mentions(#"@"Xi Jinping" | mentions"#)
        #expect(!mentions.isEmpty)
        #expect(mentions.allSatisfy { $0.entity.name == "Xi Jinping" && $0.entity.kind == .person })
        let first = try #require(mentions.first)
        let text = try #require(try session.documents("documents").first { $0.id == first.document.id }).text
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[first.span.start..<first.span.end])) == first.text)

        let sentences = try session.sentences(#"sentences | search "Pyongyang""#)
        #expect(Set(sentences.map(\.document.identifier)) == ["003_9500509ab041714a"])
        #expect(try session.run(#"sentences | search "Pyongyang" | count"#).first?.result == .scalar(.int(sentences.count)))
        #expect(sentences.allSatisfy { $0.text.contains("Pyongyang") })

        let times = try session.times("times | where value == \"2023-10\"")
        #expect(!times.isEmpty)
        #expect(times.allSatisfy { $0.range == TimeRange(literal: "2023-10") && $0.type == .date })
    }

    @Test func earlierStatementsBindWhatTheLastDecodes() throws {
        let (session, folder) = try Self.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let planned = try session.relations("""
            let trips = @putin | relations | where predicate == visit
            trips | where modality == planned
            """)
        #expect(!planned.isEmpty && planned.allSatisfy { $0.modality == .planned && $0.predicate == .visit })
        #expect(planned.contains { $0.object.name == "China" && $0.timeRange == TimeRange(literal: "2023-10") })
        #expect(try session.run("trips | where modality == planned | count").first?.result == .scalar(.int(planned.count)))
        #expect(session.boundNames == ["trips"])
        let ordered = try session.fetchAll(DocumentRecord.self, "param who: entity = @putin\n$who | documents | sort id")
        #expect(ordered.count == 2)
    }

    @Test func aQueryThatGivesOtherRowsIsALocatedError() throws {
        let (session, folder) = try Self.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let text = "@putin | documents | where date == 2023-07-25"
        let mismatch = try #require(throws: Diagnostic.self) { try session.relations(text, sourceName: "visits.dq") }
        #expect(mismatch.code == .resultKindMismatch)
        #expect(mismatch.sourceName == "visits.dq")
        let range = try #require(mismatch.range)
        #expect(range.start.line == 1 && range.start.column == 22)
        #expect(mismatch.help?.message == "end the query with '| relations', or decode what it gives")
        #expect(DiagnosticFormatter().format(mismatch, source: text).contains("^^^^^^^^^^^^^^^^^^^^^^^^"))

        let table = try #require(throws: Diagnostic.self) { try session.entities("entities\n  | select name, kind | render table") }
        #expect(table.code == .resultKindMismatch)
        #expect(table.range?.start.line == 2 && table.range?.start.column == 5)

        let scalar = try #require(throws: Diagnostic.self) { try session.documents("documents | count") }
        #expect(scalar.code == .resultKindMismatch)

        let empty = try #require(throws: Diagnostic.self) { try session.mentions("  ") }
        #expect(empty.code == .resultKindMismatch)
    }
}
