import Foundation
import Testing

/// Several `dossier` processes on one workspace: queries during an ingest, two ingests at once.
@Suite("concurrent use")
struct ConcurrentUseTests {
    static let batchSize = 256  // Workspace.ingest's default

    /// JSON Lines of `count` short reports, their ids starting with `prefix`.
    static func reports(_ count: Int, prefix: String) -> String {
        (0..<count).map { number in
            "{\"id\": \"\(prefix)-\(number)\", \"date\": \"2019-03-04\", \"text\": \"Report \(number). "
                + "Chancellor Angela Merkel met President Emmanuel Macron in Paris on Monday, the ministry said.\"}"
        }.joined(separator: "\n") + "\n"
    }

    @Test func queriesAndSearchesRunInALoopWhileAnIngestWrites() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let total = 5 * Self.batchSize + 40
        try dossier.write("many.jsonl", Self.reports(total, prefix: "doc"))
        let workspace = dossier.path("w.sqlite")

        let ingest = try dossier.start(["ingest", workspace, dossier.path("many.jsonl")])
        // Until the ingest has made the file, 'there is no workspace' is the right answer.
        while ingest.isRunning, !FileManager.default.fileExists(atPath: workspace) { usleep(5_000) }
        var counts: [Int] = []
        var failures: [String] = []
        var searches = 0
        while ingest.isRunning {
            let count = try dossier.run(["query", "documents | count", "-w", workspace])
            if count.status != 0 { failures.append(count.messages) }
            counts.append(Int(count.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
            let search = try dossier.run(["query", "documents | search \"Merkel\" | count", "-w", workspace])
            if search.status != 0 { failures.append(search.messages) } else { searches += 1 }
        }
        ingest.waitUntilExit()
        // Before, a query during an ingest aborted it ("the batch was rolled back: database is locked").
        #expect(ingest.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures)")
        #expect(counts.count > 1 && searches > 0)
        #expect(counts == counts.sorted(), "a reader saw fewer documents later")
        #expect(counts.allSatisfy { $0 % Self.batchSize == 0 || $0 == total }, "a reader saw part of a batch: \(counts)")
        let final = try dossier.run(["query", "documents | count", "-w", workspace])
        #expect(final.output == "\(total)\n")
    }

    @Test func twoIngestsOfTheSameTextsAtOnceAddEachTextOnce() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let total = 2 * Self.batchSize
        try dossier.write("first.jsonl", Self.reports(total, prefix: "first"))
        try dossier.write("second.jsonl", Self.reports(total, prefix: "second"))
        for trial in 0..<2 {
            let workspace = dossier.path("w\(trial).sqlite")
            let first = try dossier.start(["ingest", workspace, dossier.path("first.jsonl")])
            let second = try dossier.start(["ingest", workspace, dossier.path("second.jsonl")])
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
            let count = try dossier.run(["query", "documents | count", "-w", workspace])
            // Before, 3 trials in 20 stored duplicates, both ingests exiting 0.
            #expect(count.output == "\(total)\n", "trial \(trial)")
            let texts = try dossier.run(["query", "documents | distinct text | count", "-w", workspace])
            #expect(texts.output == "\(total)\n")
        }
    }

    @Test func queryTextAndScriptsOnlyRead() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        try dossier.write("a.txt", "Putin met Xi.")
        let workspace = dossier.path("w.sqlite")
        #expect(try dossier.run(["ingest", workspace, dossier.path("a.txt")]).status == 0)
        let ingest = try dossier.run(["query", ".ingest /etc/os-release\ndocuments | count", "-w", workspace])
        #expect(ingest.status == 1)
        #expect(ingest.output.isEmpty)
        #expect(ingest.messages.contains("error: '.ingest' adds documents to the workspace; query text and scripts only read"))
        try dossier.write("s.dq", ".open \(dossier.path("elsewhere.sqlite"))\ndocuments | count\n")
        let open = try dossier.run(["run", dossier.path("s.dq"), "-w", workspace])
        #expect(open.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dossier.path("elsewhere.sqlite")))
        let piped = try dossier.run(["-w", workspace], input: ".ingest \(dossier.path("a.txt"))\n")
        #expect(piped.status == 1)
        #expect(piped.messages.contains("help: run with --allow-writes"))
        let output = try dossier.run(["query", ".output \(dossier.path("out.txt"))\ndocuments | count", "-w", workspace])
        #expect(output.messages.contains("error: '.output' writes results to a file; query text and scripts only read"))
        #expect(!FileManager.default.fileExists(atPath: dossier.path("out.txt")))
        let allowed = try dossier.run(["run", dossier.path("s.dq"), "-w", workspace, "--allow-writes"])
        #expect(allowed.status == 0, "\(allowed.messages)")
        #expect(allowed.output == "0\n")
    }

    @Test func queryTextMayStartWithADash() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let outcome = try dossier.run(["query", "-1"])
        // Before: "Error: Missing expected argument '<text>'" and the usage, exit 64.
        #expect(outcome.status == 1)
        #expect(outcome.messages.contains("error: expected a source such as 'documents', 'entities', 'mentions' or '@name', found '-'\n --> <query>:1:1"))
        let typo = try dossier.run(["query", "--formt", "csv", "documents | count"])
        #expect(typo.status == 64)
        #expect(typo.messages.contains("Unknown option '--formt'"))
    }
}
