import DossierCore
import DossierStore
import Foundation
import Testing
@testable import DossierShell

/// The progress line of a long ingest, and the count of documents it is measured against.
@Suite("Ingest progress")
struct IngestProgressTests {
    static func report(added: Int, present: Int = 0, skipped: Int = 0) -> IngestReport {
        var report = IngestReport()
        report.added = added
        report.alreadyPresent = present
        report.problems = (0..<skipped).map { _ in Diagnostic(.error, .malformedRecord, "bad") }
            + [Diagnostic(.warning, .malformedRecord, "changed, not skipped")]
        return report
    }

    @Test func theLineHasABarTheShareTheRateAndTheTimeLeft() {
        let start = Date(timeIntervalSince1970: 0)
        let progress = IngestProgress(expected: 10_000, started: start)
        #expect(progress.line(for: Self.report(added: 3_000, present: 1_000, skipped: 96), now: start.addingTimeInterval(20))
            == "[########------------] 40% 4,096 of 10,000 documents · 205/s · 29 s left")
        #expect(progress.line(for: Self.report(added: 10_000), now: start.addingTimeInterval(100))
            == "[####################] 100% 10,000 of 10,000 documents · 100/s")
        #expect(progress.line(for: Self.report(added: 100), now: start.addingTimeInterval(50)).hasSuffix("· 2/s · 1 h 22 min left"))
        #expect(IngestProgress(expected: nil, started: start).line(for: Self.report(added: 512), now: start.addingTimeInterval(2))
            == "512 documents · 256/s")
        var indexing = Self.report(added: 10_000)
        indexing.isIndexing = true
        #expect(progress.line(for: indexing, now: start.addingTimeInterval(100))
            == "[####################] 100% 10,000 of 10,000 documents · 100/s · building the column file…")
        #expect(IngestProgress(expected: nil, started: start).line(for: indexing, now: start.addingTimeInterval(100))
            == "10,000 documents · 100/s · building the column file…")
        #expect(IngestProgress.duration(7_500) == "2 h 05 min")
        #expect(IngestProgress.duration(200.2) == "3 min 21 s")
    }

    @Test func theInputIsCountedOnBytes() throws {
        let folder = NSTemporaryDirectory() + "dossier-estimate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{\"text\": \"a\"}\n\n  \n{\"text\": \"b\"}\n{\"text\": \"c\"}".write(toFile: folder + "/a.jsonl", atomically: true, encoding: .utf8)
        try "id,text\n1,\"two\nlines\"\n2,plain\r\n".write(toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
        try "One article.".write(toFile: folder + "/c.txt", atomically: true, encoding: .utf8)
        #expect(DocumentEstimate.count(of: InputFiles([folder])) == 3 + 2 + 1)
        #expect(IngestProgress(paths: [folder + "/a.jsonl"]).expected == 3)
    }
}
