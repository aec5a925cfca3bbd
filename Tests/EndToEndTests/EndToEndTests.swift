import Foundation
import Testing

/// The built `dossier` binary on the seed articles and the demo corpus.
@Suite("dossier end to end", .serialized)
struct EndToEndTests {
    @Test func pipedStatementsRunOnTheDemoCorpus() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let first = try dossier.run([], input: "documents | count\n")
        #expect(first.status == 0, "\(first.messages)")
        #expect(first.output == "173\n")
        #expect(first.messages.contains("Building the demo workspace"))
        // The second start reuses the cached workspace.
        let second = try dossier.run([], input: "documents | count\n")
        #expect(second.output == "173\n")
        #expect(!second.messages.contains("Building"))
    }

    @Test func ingestsTheSeedsOnceAndAnswersTheAcceptanceQueries() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let workspace = dossier.path("seeds.sqlite")
        let ingest = try dossier.run(["ingest", workspace, DossierBinary.seeds])
        #expect(ingest.status == 0, "\(ingest.messages)")
        #expect(ingest.messages.contains("added 2 documents from 2 files"))
        let again = try dossier.run(["ingest", workspace, DossierBinary.seeds + "/*.txt"])
        #expect(again.messages.contains("added 0 documents (2 already present) from 2 files"))

        let persons = try dossier.run(["query", "entities | where kind == person | select name | sort name", "-w", workspace, "--format", "csv"])
        #expect(persons.status == 0, "\(persons.messages)")
        #expect(persons.output == "name\nLi Hongzhong\nSergei Shoigu\nSergey Lavrov\nVladimir Putin\nXi Jinping\nYuri Ushakov\n")

        let icc = try dossier.run(["query", "documents | mentioning @icc | count", "-w", workspace])
        #expect(icc.output == "2\n", "\(icc.messages)")

        let dated = try dossier.run(["query", "documents | during 2023-07 | select id, date", "-w", workspace, "--format", "json"])
        #expect(dated.output == "[\n  {\"id\": \"003_9500509ab041714a\", \"date\": \"2023-07-25\"}\n]\n", "\(dated.messages)")
    }

    @Test func aScriptErrorStopsWithItsPlaceAndAFailingStatus() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        try dossier.write("analysis.dq", """
            # how many documents, then a typo
            documents | count
            .mode csv
            documents | where titel contains "Putin"
            documents | count
            """)
        let outcome = try dossier.run(["run", "analysis.dq"])
        #expect(outcome.status == 1)
        #expect(outcome.output == "173\n")
        #expect(outcome.messages.contains(" --> analysis.dq:4:19\n"), "\(outcome.messages)")
        #expect(outcome.messages.contains("4 | documents | where titel contains \"Putin\"\n  |                   ^^^^^"))
        // The last line says the output above is not all there was to be.
        #expect(outcome.messages.hasSuffix(
            "stopped at analysis.dq:4 by the error above; the 2 statements before it ran, the 1 statement after it did not run\n"))
        let piped = try dossier.run([], input: "documents | count\ndocuments | titel\ndocuments | count\n")
        #expect(piped.status == 1 && piped.output == "173\n")
        #expect(piped.messages.hasSuffix("stopped at <stdin>:2 by the error above; the input after it did not run\n"))
    }

    @Test func aMalformedInputIsReportedAndTheRestIngested() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        try dossier.write("news.jsonl", """
            {"id": "a", "date": "2023-07-25", "text": "Russian President Vladimir Putin will visit China."}
            {"id": "b", "text": unquoted}
            {"id": "c", "text": "The ICC issued a warrant."}
            """)
        let outcome = try dossier.run(["ingest", dossier.path("w.sqlite"), dossier.path("news.jsonl")])
        #expect(outcome.status == 1)
        #expect(outcome.messages.contains("error: the line is not valid JSON\n --> \(dossier.path("news.jsonl")):2:1\n"))
        #expect(outcome.messages.contains("added 2 documents from 1 file; 1 record skipped"))
        let count = try dossier.run(["query", "documents | count", "-w", dossier.path("w.sqlite")])
        #expect(count.output == "2\n")
    }

    /// On a terminal (`script` gives the command one), a long ingest redraws a bar with its share,
    /// rate and time left after each batch, and clears it before the summary; in a pipe, no bar.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script (util-linux) is not installed"))
    func anIngestOnATerminalShowsABarWithRateAndTimeLeft() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        try dossier.write("news.jsonl", (0..<300).map { #"{"id": "n\#($0)", "text": "Story \#($0) of the day."}"# }.joined(separator: "\n") + "\n")
        let command = [DossierBinary.executable.path, "ingest", dossier.path("w.sqlite"), dossier.path("news.jsonl")]
            .map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(["DOSSIER_CACHE": dossier.cache, "HOME": dossier.folder]) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: dossier.folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(shown)")
        #expect(shown.contains("\r[#################---] 85% 256 of 300 documents · "), "\(shown)")
        #expect(shown.contains(" left\u{1B}[K"), "\(shown)")
        #expect(shown.contains("\r[####################] 100% 300 of 300 documents · "), "\(shown)")
        #expect(shown.contains(" · building the column file…\u{1B}[K"), "\(shown)")
        #expect(shown.contains("\r\u{1B}[Kadded 300 documents from 1 file"), "\(shown)")
        let piped = try dossier.run(["ingest", dossier.path("v.sqlite"), dossier.path("news.jsonl")])
        #expect(piped.messages.hasPrefix("added 300 documents from 1 file"), "\(piped.messages)")
    }

    @Test func annotateWritesJSONLinesWithCodePointOffsets() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let outcome = try dossier.run(["annotate", "--format", "jsonl", DossierBinary.seeds])
        #expect(outcome.status == 0, "\(outcome.messages)")
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.count == 2)
        let texts = try ["000_a2bef38422b75170", "003_9500509ab041714a"].map { name in
            var text = try String(contentsOfFile: DossierBinary.seeds + "/\(name).txt", encoding: .utf8)
            if name.hasPrefix("003") { text = String(text.dropFirst(" date 2023-07-25 ".count)) }
            return Array(text.unicodeScalars)
        }
        for (line, text) in zip(lines, texts) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let entities = try #require(object["entities"] as? [[String: Any]])
            #expect(!entities.isEmpty)
            for entity in entities {
                let start = try #require(entity["start"] as? Int), end = try #require(entity["end"] as? Int)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: text[start..<end])
                #expect(String(view) == entity["text"] as? String)
            }
            let times = try #require(object["times"] as? [[String: Any]])
            for time in times {
                let start = try #require(time["start"] as? Int), end = try #require(time["end"] as? Int)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: text[start..<end])
                #expect(String(view) == time["text"] as? String)
            }
        }
        let dated = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(dated["date"] as? String == "2023-07-25")
        let values = try #require(dated["times"] as? [[String: Any]]).compactMap { $0["value"] as? String }
        #expect(values.contains("2023-10"))
    }

    @Test func annotateReadsJSONLinesFromStandardInput() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let outcome = try dossier.run(["annotate"], input: """
            {"id": "x", "date": "2023-07-25", "text": "Foreign Minister Sergey Lavrov flew to Beijing on Tuesday."}

            """)
        #expect(outcome.status == 0, "\(outcome.messages)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "x")
        let entities = try #require(object["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["entity"] as? String == "Sergey Lavrov" && $0["type"] as? String == "person" })
        #expect(entities.contains { $0["entity"] as? String == "Beijing" && $0["type"] as? String == "location" })
        let times = try #require(object["times"] as? [[String: Any]])
        #expect(times.contains { $0["text"] as? String == "Tuesday" && $0["value"] as? String == "2023-07-25" })
    }

    @Test func unknownSubcommandsAndBadFormatsAreUsageErrors() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let outcome = try dossier.run(["query", "documents | count", "--format", "xml"])
        #expect(outcome.status != 0)
        #expect(outcome.messages.contains("xml"))
    }
}
