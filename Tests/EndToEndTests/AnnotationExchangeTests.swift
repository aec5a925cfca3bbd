import Foundation
import Testing

/// `dossier annotate` as a streaming filter (what Spark's `RDD.pipe` runs), `dossier ingest
/// --annotations` and `dossier export`, through the built binary.
@Suite("Annotation exchange")
struct AnnotationExchangeTests {
    static let tables = ["documents", "sentences", "entities", "mentions", "relations", "times"]

    static func object(_ line: some StringProtocol) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func annotateGivesOneLineOutPerLineInAndGoesOnAfterABadLine() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let outcome = try dossier.run(["annotate", "-"], input: """
            {"id": "a", "date": "2023-07-25", "text": "Foreign Minister Sergey Lavrov flew to Beijing on Tuesday."}
            {"id": "b", "text": "unterminated
            
            {"id": "c", "title": "no text"}
            {"id": "d", "text": "The ICC issued a warrant."}

            """)
        #expect(outcome.status == 1)
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 5)
        #expect(try Self.object(lines[0])["id"] as? String == "a")
        #expect(lines[1] == #"{"error": "the line is not valid JSON", "input": "<stdin>", "line": 2}"#)
        #expect(lines[2] == #"{"error": "the line is blank", "input": "<stdin>", "line": 3}"#)
        #expect(lines[3] == #"{"error": "the object has no \"text\"", "input": "<stdin>", "line": 4, "id": "c"}"#)
        let last = try Self.object(lines[4])
        #expect(last["id"] as? String == "d")
        #expect(last["text"] as? String == "The ICC issued a warrant.")
        #expect(try #require(last["entities"] as? [[String: Any]]).contains { $0["entity"] as? String == "International Criminal Court" })
        #expect(outcome.messages.contains(" --> <stdin>:2:1"))
        #expect(outcome.messages.contains("3 of 5 lines could not be annotated; their lines of output are error records"))
    }

    @Test func annotateAnswersEachLineBeforeTheInputEnds() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let process = dossier.process(["annotate", "-"])
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let lines = LineCollector(output.fileHandleForReading)
        for id in ["first", "second"] {
            try input.fileHandleForWriting.write(contentsOf: Data(#"{"id": "\#(id)", "text": "Xi Jinping visited Moscow."}"#.utf8 + [10]))
            // The stream is still open: the answer must come anyway.
            let line = try #require(lines.next(within: 120), "no answer to the line \(id) while the input stayed open")
            #expect(try Self.object(line)["id"] as? String == id)
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func ingestOfAnnotationsReportsBadRecordsAndKeepsTheRest() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let annotated = try dossier.run(["annotate", DossierBinary.seeds])
        #expect(annotated.status == 0, "\(annotated.messages)")
        let good = annotated.output.split(separator: "\n")
        #expect(good.count == 2)
        try dossier.write("annotations.jsonl", [
            String(good[0]),
            #"{"id": "bad", "text": "Hi.", "relations": [{"subject": "A", "predicate": "greet", "object": "B", "sentence": [0, 3]}]}"#,
            String(good[1]),
            "{",
        ].joined(separator: "\n") + "\n")
        let outcome = try dossier.run(["ingest", "w.sqlite", "--annotations", "annotations.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.messages.contains("error: relations[0]: \"predicate\" 'greet' is not a predicate"))
        #expect(outcome.messages.contains(" --> annotations.jsonl:2:1"))
        #expect(outcome.messages.contains("error: the line is not valid JSON\n --> annotations.jsonl:4:1"))
        #expect(outcome.messages.contains("added 2 documents from 1 file; 2 records skipped"))
        #expect(try dossier.run(["query", "documents | count", "-w", "w.sqlite"]).output == "2\n")
        // From standard input, as `dossier annotate docs.jsonl | dossier ingest W --annotations -`.
        let piped = try dossier.run(["ingest", "piped.sqlite", "--annotations", "-"], input: annotated.output)
        #expect(piped.status == 0, "\(piped.messages)")
        #expect(piped.messages.contains("added 2 documents from 1 file; piped.sqlite has 2 documents."))
        let both = try dossier.run(["ingest", "w.sqlite", "x.txt", "--annotations", "annotations.jsonl"])
        #expect(both.status != 0)
        #expect(both.messages.contains("not both"))
    }

    @Test func annotationsThroughThePipeLoadAsADirectIngestStores() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        #expect(try dossier.run(["ingest", "direct.sqlite", DossierBinary.seeds]).status == 0)
        // The documents as a JSONL stream, through the filter, loaded without extraction.
        let documents = try dossier.run(["export", "direct.sqlite", "documents"])
        #expect(documents.status == 0, "\(documents.messages)")
        let annotated = try dossier.run(["annotate", "-"], input: documents.output)
        #expect(annotated.status == 0, "\(annotated.messages)")
        try dossier.write("annotations.jsonl", annotated.output)
        let loaded = try dossier.run(["ingest", "piped.sqlite", "--annotations", "annotations.jsonl"])
        #expect(loaded.status == 0, "\(loaded.messages)")
        for table in Self.tables {
            let expected = try dossier.run(["export", "direct.sqlite", table]).output
            let actual = try dossier.run(["export", "piped.sqlite", table]).output
            #expect(!expected.isEmpty)
            #expect(actual == expected, "the \(table) differ")
        }
    }

    @Test func exportWritesJSONLinesAndCSVWithEveryField() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        try dossier.write("news.csv", #"""
            url,date,title,text
            https://example.org/a,2023-07-25,"Putin, ""the visitor""","Vladimir Putin will visit China in October.
            Xi Jinping said so."

            """#)
        #expect(try dossier.run(["ingest", "w.sqlite", "news.csv"]).status == 0)
        let csv = try dossier.run(["export", "w.sqlite", "documents", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.messages)")
        #expect(csv.output == #"""
            id,title,date,source,url,words,text
            news:1,"Putin, ""the visitor""",2023-07-25,example.org,https://example.org/a,11,"Vladimir Putin will visit China in October.
            Xi Jinping said so."

            """#)
        let written = try dossier.run(["export", "w.sqlite", "relations", "--format", "jsonl", "--output", "relations.jsonl"])
        #expect(written.status == 0)
        #expect(written.output.isEmpty)
        #expect(written.messages.contains("to relations.jsonl"))
        let relation = try Self.object(try #require(try String(contentsOfFile: dossier.path("relations.jsonl"), encoding: .utf8)
            .split(separator: "\n").first))
        #expect(relation["subject"] as? String == "Vladimir Putin")
        #expect(relation["predicate"] as? String == "visit")
        #expect(relation["time"] as? String == "2023-10")
        #expect(relation["time_start"] as? String == "2023-10-01")
        #expect(relation["time_end"] as? String == "2023-11-01")
        #expect(relation["negated"] as? Bool == false)
        #expect(relation["document"] as? String == "news:1")
        let entities = try dossier.run(["export", "w.sqlite", "entities"]).output.split(separator: "\n").map(Self.object)
        let putin = try #require(entities.first { $0["name"] as? String == "Vladimir Putin" })
        let mentions = try dossier.run(["export", "w.sqlite", "mentions", "--format", "jsonl"]).output.split(separator: "\n").map(Self.object)
        #expect(mentions.contains { $0["entity"] as? String == "Vladimir Putin" && $0["entity_id"] as? Int == putin["id"] as? Int })
        #expect(relation["subject_id"] as? Int == putin["id"] as? Int)
        #expect(putin["aliases"] is [Any])
    }

    @Test func exportSaysWhatIsWrong() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        #expect(try dossier.run(["ingest", "w.sqlite", DossierBinary.seeds]).status == 0)
        let table = try dossier.run(["export", "w.sqlite", "entitys"])
        #expect(table.status == 1)
        #expect(table.messages.contains("there is no table 'entitys'; the tables are documents, sentences, entities, mentions, relations, times"))
        #expect(table.messages.contains("did you mean 'entities'?"))
        let format = try dossier.run(["export", "w.sqlite", "entities", "--format", "xml"])
        #expect(format.status != 0)
        #expect(format.messages.contains("xml"))
        let missing = try dossier.run(["export", "none.sqlite", "entities"])
        #expect(missing.status == 1)
        #expect(missing.messages.contains("there is no workspace at 'none.sqlite'"))
        // A Python without pyarrow (site-packages left out): the error says what to install.
        try dossier.write("python", "#!/bin/sh\nexec python3 -I -S \"$@\"\n")
        chmod(dossier.path("python"), 0o755)
        let parquet = try dossier.run(["export", "w.sqlite", "entities", "--format", "parquet", "-o", "e.parquet"],
                                      environment: ["DOSSIER_PYTHON": dossier.path("python")])
        #expect(parquet.status == 1)
        #expect(parquet.messages.contains("Parquet is written through Python's pyarrow, and \(dossier.path("python")) does not have it"))
        #expect(parquet.messages.contains("pip install pyarrow"))
    }
}

/// Lines read from a pipe on a thread of their own, handed over as they arrive.
private final class LineCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [String] = []
    private var buffer = Data()

    init(_ handle: FileHandle) {
        Thread {
            while true {
                let data = handle.availableData
                self.condition.lock()
                if data.isEmpty {
                    self.condition.unlock()
                    return
                }
                self.buffer.append(data)
                while let newline = self.buffer.firstIndex(of: 10) {
                    self.lines.append(String(decoding: self.buffer[..<newline], as: UTF8.self))
                    self.buffer.removeSubrange(...newline)
                }
                self.condition.broadcast()
                self.condition.unlock()
            }
        }.start()
    }

    /// The next line, waiting up to `seconds` for it.
    func next(within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while lines.isEmpty {
            if !condition.wait(until: deadline) { return nil }
        }
        return lines.removeFirst()
    }
}
