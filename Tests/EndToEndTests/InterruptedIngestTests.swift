import Foundation
import Testing

/// An ingest killed part-way leaves only whole batches behind, and a second run completes it.
@Suite("interrupted ingest")
struct InterruptedIngestTests {
    static let documentCount = 3000
    static let batchSize = 256  // Workspace.ingest's default

    @Test func aKilledIngestKeepsWholeBatchesAndResumes() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let paragraph = "Russian President Vladimir Putin met Chancellor Angela Merkel in Berlin on Monday to discuss "
            + "trade, energy and the war in Ukraine, the Kremlin said. The European Union and NATO were not invited. "
        let lines = (0..<Self.documentCount).map { number in
            "{\"id\": \"doc-\(number)\", \"date\": \"2019-03-04\", \"text\": \"Report \(number). "
                + String(repeating: paragraph, count: 6) + "\"}"
        }
        try dossier.write("many.jsonl", lines.joined(separator: "\n") + "\n")
        let workspace = dossier.path("w.sqlite")

        let ingest = try dossier.start(["ingest", workspace, dossier.path("many.jsonl")])
        // Kill it once the first batch has been committed, while later ones are being written.
        let deadline = Date().addingTimeInterval(60)
        var firstBatchSeen = false
        while ingest.isRunning, Date() < deadline, !firstBatchSeen {
            usleep(20_000)
            let count = try dossier.run(["query", "documents | count", "-w", workspace])
            firstBatchSeen = count.status == 0 && (Int(count.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0
        }
        kill(ingest.processIdentifier, SIGKILL)
        ingest.waitUntilExit()

        let kept = try dossier.run(["query", "documents | count", "-w", workspace])
        #expect(kept.status == 0, "\(kept.messages)")
        let keptCount = try #require(Int(kept.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(keptCount < Self.documentCount, "the ingest finished before it could be killed")
        #expect(keptCount > 0 && keptCount % Self.batchSize == 0, "\(keptCount) documents survived: not whole batches")
        // No document is there without its annotations.
        let annotated = try dossier.run(["query", "mentions | count by document | count", "-w", workspace])
        #expect(annotated.output == "\(keptCount)\n")

        let resumed = try dossier.run(["ingest", workspace, dossier.path("many.jsonl")])
        #expect(resumed.status == 0, "\(resumed.messages)")
        #expect(resumed.messages.contains("added \(Self.documentCount - keptCount) documents"))
        let total = try dossier.run(["query", "documents | count", "-w", workspace])
        #expect(total.output == "\(Self.documentCount)\n")
    }
}
