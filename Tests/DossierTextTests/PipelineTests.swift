import DossierCore
import DossierText
import Testing

@Suite("Pipeline")
struct PipelineTests {
    @Test func spansAreCodePointOffsets() {
        let text = "🎉🎉 “Breaking”: Russian President Vladimir Putin’s 👍 trip to Beijing — on July 27 — in the U.S.’s view."
        let annotated = TestSupport.pipeline.annotate(Document(id: "t", date: Day(year: 2023, month: 7, day: 25), text: text))
        #expect(!annotated.mentions.isEmpty && !annotated.times.isEmpty)
        for mention in annotated.mentions { #expect(TestSupport.text(text, mention.span) == mention.text) }
        for time in annotated.times { #expect(TestSupport.text(text, time.span) == time.text) }
        for sentence in annotated.sentences { #expect(sentence.span.end <= text.unicodeScalars.count) }
        #expect(annotated.mentions.map(\.text).contains("Vladimir Putin"))
        #expect(annotated.mentions.map(\.text).contains("Beijing"))
        #expect(annotated.times.map(\.value) == ["2023-07-27"])
    }

    @Test func namesInsideTimeExpressionsAreTimesNotEntities() {
        let text = "Mark Rutte spoke on Christmas Eve."
        let annotated = TestSupport.pipeline.annotate(Document(id: "t", date: Day(year: 2023, month: 7, day: 25), text: text))
        #expect(annotated.times.map(\.text).contains("Christmas Eve"))
        #expect(annotated.mentions.map(\.text) == ["Mark Rutte"])
    }

    @Test func pluggableParts() {
        struct NoNames: EntityRecognizer {
            func candidates(in text: AnalyzedText) -> [EntityCandidate] { [] }
        }
        struct EveryYearIs2000: TimeTagger {
            func times(in text: AnalyzedText) -> [TimeExpression] {
                [TimeExpression(span: TextSpan(start: 0, end: 1), text: "x", type: .date, value: "2000", range: .year(2000), sentence: 0)]
            }
        }
        let pipeline = Pipeline(recognizer: NoNames(), tagger: EveryYearIs2000())
        let annotated = pipeline.annotate(Document(id: "t", text: "President Vladimir Putin went to China."))
        #expect(annotated.mentions.isEmpty)
        #expect(annotated.times.map(\.value) == ["2000"])
        #expect(annotated.sentences.count == 1)
    }

    @Test func emptyDocument() {
        let annotated = TestSupport.pipeline.annotate(Document(id: "t", text: ""))
        #expect(annotated.sentences.isEmpty && annotated.mentions.isEmpty && annotated.times.isEmpty)
    }

    @Test func parallelAnnotationIsDeterministic() async {
        let text = "Russian President Vladimir Putin will visit China in October, the Kremlin said on Tuesday."
        let document = Document(id: "t", date: Day(year: 2023, month: 7, day: 25), text: text)
        let expected = TestSupport.pipeline.annotate(document)
        let pipeline = TestSupport.pipeline
        let results = await withTaskGroup(of: AnnotatedDocument.self) { group in
            for _ in 0..<16 { group.addTask { pipeline.annotate(document) } }
            var all: [AnnotatedDocument] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
