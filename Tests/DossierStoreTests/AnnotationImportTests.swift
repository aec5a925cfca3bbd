import DossierCore
import DossierText
import Foundation
import Testing
@testable import DossierStore

@Suite("Annotation JSONL import")
struct AnnotationImportTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/DossierDemoCorpus/Resources/Corpus/seeds").path

    static func seedDocuments() -> [AnnotatedDocument] {
        let inputs = InputFiles([seeds])
        let documents = inputs.paths.flatMap { InputFiles.read($0, name: inputs.names[$0]).documents }
        return documents.map(Pipeline().annotate)
    }

    static func record(_ json: String) -> Result<AnnotatedDocument, AnnotationJSONLines.Problem> {
        AnnotationJSONLines.record(from: Array(json.utf8))
    }

    @Test func readsBackEverythingItWrote() throws {
        let annotated = Self.seedDocuments()
        #expect(annotated.count == 2)
        #expect(annotated.allSatisfy { !$0.relations.isEmpty && !$0.times.isEmpty })
        for document in annotated {
            let line = AnnotationJSONLines.line(for: document)
            #expect(try Self.record(line).get() == document)
        }
    }

    @Test func worksOutWhatAnotherToolLeavesOut() throws {
        // ANNOTATIONS.md's fields only: no sentences, no sentence indices, no spans or kinds of the arguments.
        let text = "Putin met Xi in Beijing. He will visit China in October."
        let read = try Self.record("""
            {"id": "x", "date": "2023-07-25", "text": "\(text)",
             "entities": [{"start": 0, "end": 5, "text": "Putin", "type": "person", "entity": "Vladimir Putin"},
                          {"start": 39, "end": 44, "type": "location"}],
             "times": [{"start": 48, "end": 55, "type": "DATE", "value": "2023-10", "text": "October", "range": ["2023-10-01", "2023-11-01"]}],
             "relations": [{"subject": "Vladimir Putin", "predicate": "visit", "object": "China", "time": "2023-10",
                            "modality": "planned", "negated": false, "sentence": [25, 56]}]}
            """.replacingOccurrences(of: "\n", with: " ")).get()
        #expect(read.sentences.map(\.span) == [TextSpan(start: 0, end: 24), TextSpan(start: 25, end: 56)])
        #expect(read.mentions.map(\.sentence) == [0, 1])
        #expect(read.mentions[1].entity == "China")  // the text at the span, when "entity" is missing
        #expect(read.times[0].range == TimeRange(literal: "2023-10"))
        #expect(read.times[0].range?.granularity == .month)
        #expect(read.times[0].sentence == 1)
        let relation = try #require(read.relations.first)
        #expect(relation.sentence == 1)
        #expect(relation.subject.kind == .person)
        #expect(relation.object.kind == .location)
        #expect(relation.object.span == TextSpan(start: 39, end: 44))
        #expect(relation.subject.span == TextSpan(start: 25, end: 56))  // no mention of Putin in that sentence: the evidence
        #expect(relation.timeRange == TimeRange(literal: "2023-10"))
        #expect(relation.modality == .planned)
    }

    @Test(arguments: [
        ("not json", "the line is not valid JSON"),
        ("[1, 2]", "the line is JSON, but not an object"),
        (#"{"text": "Hi."}"#, #"the record has no "id""#),
        (#"{"id": "a"}"#, #"the record has no "text""#),
        (#"{"id": "a", "text": "Hi.", "date": "July"}"#, #""date" 'July' is not a date"#),
        (#"{"id": "a", "text": "Hi.", "entities": [{"start": 0, "end": 9, "type": "person"}]}"#,
         "entities[0]: 0..<9 goes past the end of the text (3 code points)"),
        (#"{"id": "a", "text": "Hi.", "entities": [{"start": 0, "end": 2, "text": "Ho", "type": "person"}]}"#,
         #"entities[0]: "text" 'Ho' is not the text at 0..<2, which is 'Hi'"#),
        (#"{"id": "a", "text": "Hi.", "entities": [{"start": 0, "end": 2, "type": "human"}]}"#,
         #"entities[0]: "type" 'human' is not an entity kind"#),
        (#"{"id": "a", "text": "Hi.", "entities": [{"start": "0", "end": 2, "type": "person"}]}"#,
         "entities[0].start is not a whole number"),
        (#"{"id": "a", "text": "Hi.", "times": [{"start": 0, "end": 2, "type": "EPOCH", "value": "x"}]}"#,
         #"times[0]: "type" 'EPOCH' is not a TIMEX3 type"#),
        (#"{"id": "a", "text": "Hi.", "relations": [{"subject": "A", "predicate": "greet", "object": "B", "sentence": [0, 3]}]}"#,
         #"relations[0]: "predicate" 'greet' is not a predicate"#),
        (#"{"id": "a", "text": "Hi.", "relations": [{"subject": "A", "predicate": "meet", "object": "B", "sentence": [0, 3]}]}"#,
         #"relations[0]: the subject 'A' has no "subject_type""#),
        (#"{"id": "a", "text": "Hi. Ho.", "sentences": [[0, 3], [2, 7]]}"#, "sentences[1]: the sentence starts at 2, inside the one before it"),
        (#"{"id": "a", "text": "Hi.", "relations": [{"subject": "A", "predicate": "meet", "object": "B", "sentence": [0, 3], "subject_type": "person", "object_type": "person", "negated": 1}]}"#,
         #"relations[0]: "negated" is not true or false"#),
    ])
    func saysWhatIsWrongWithARecord(line: String, reason: String) {
        switch Self.record(line) {
        case .success: Issue.record("accepted \(line)")
        case .failure(let problem): #expect(problem.reason.hasPrefix(reason), "\(problem.reason)")
        }
    }

    @Test func recognizesTheErrorRecordsOfTheStreamingFilter() {
        let line = AnnotationJSONLines.errorLine("the line is not valid JSON", input: "<stdin>", line: 7, id: "a")
        #expect(line == #"{"error": "the line is not valid JSON", "input": "<stdin>", "line": 7, "id": "a"}"#)
        #expect(AnnotationJSONLines.failure(in: Array(line.utf8)) == "<stdin>:7: the line is not valid JSON")
        #expect(AnnotationJSONLines.failure(in: Array(#"{"id": "error", "text": "x"}"#.utf8)) == nil)
    }

    @Test func skipsBadRecordsWithTheirPlaceAndKeepsTheRest() throws {
        let folder = try TemporaryFolder()
        let good = Self.seedDocuments().map(AnnotationJSONLines.line(for:))
        try folder.write("a.jsonl", [
            good[0],
            #"{"id": "bad", "text": "Hi.", "entities": [{"start": 0, "end": 9, "type": "person"}]}"#,
            AnnotationJSONLines.errorLine("the object has no \"text\"", input: "<stdin>", line: 3),
            "",
            good[1],
        ].joined(separator: "\n") + "\n")
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let report = try workspace.ingest(annotations: [folder.file("a.jsonl")])
        #expect(report.added == 2)
        #expect(report.problems.map { "\($0.sourceName.map { ($0 as NSString).lastPathComponent } ?? ""):\($0.range?.start.line ?? 0): \($0.message)" } == [
            "a.jsonl:2: entities[0]: 0..<9 goes past the end of the text (3 code points)",
            "a.jsonl:3: dossier annotate could not annotate this document: <stdin>:3: the object has no \"text\"",
        ])
        #expect(report.summary == "added 2 documents from 1 file; 2 records skipped")
        #expect(try workspace.loadIndex().documents.ids == ["000_a2bef38422b75170", "003_9500509ab041714a"])
        // Loading them again adds nothing: the same ids and texts are there.
        let again = try workspace.ingest(annotations: [folder.file("a.jsonl")])
        #expect(again.added == 0 && again.alreadyPresent == 2)
    }

    @Test func storesWhatADirectIngestStores() throws {
        let folder = try TemporaryFolder()
        let direct = try Workspace.open(at: folder.file("direct.sqlite"), createIfMissing: true)
        _ = try direct.ingest(paths: [Self.seeds])
        try folder.write("seeds.jsonl", Self.seedDocuments().map(AnnotationJSONLines.line(for:)).joined(separator: "\n") + "\n")
        let imported = try Workspace.open(at: folder.file("imported.sqlite"), createIfMissing: true)
        let report = try imported.ingest(annotations: [folder.file("seeds.jsonl")])
        #expect(report.isClean && report.added == 2)
        let expected = try direct.loadIndex(), actual = try imported.loadIndex()
        #expect(actual.documents.ids == expected.documents.ids)
        #expect(actual.documents.texts == expected.documents.texts)
        #expect(actual.entities.names == expected.entities.names)
        #expect(actual.entities.kinds == expected.entities.kinds)
        #expect(actual.entities.aliases == expected.entities.aliases)
        #expect(actual.entities.mentionCounts == expected.entities.mentionCounts)
        #expect(actual.relations.documents == expected.relations.documents)
        #expect(actual.relations.sentences == expected.relations.sentences)
        #expect(actual.relations.evidenceStarts == expected.relations.evidenceStarts)
        #expect(actual.sentences.starts == expected.sentences.starts)
    }
}
