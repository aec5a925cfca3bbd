import DossierCore
import DossierText
import Foundation
import Synchronization
import Testing
@testable import DossierStore

/// The one batch-and-annotate loop of ingest and `dossier annotate`, and the parallel map under it:
/// the same results, in the same order, for every number of workers and every batch size.
@Suite("Batch annotation")
struct BatchAnnotatorTests {
    /// Work that takes longer for early elements than for late ones, so with several workers the
    /// late ones finish first and only the ordering of the results can put them back.
    static func unevenWork(_ number: Int) -> String {
        var state = UInt64(number)
        for _ in 0..<((50 - number % 50) * 200) { state = state &* 6_364_136_223_846_793_005 &+ 1 }
        return "\(number):\(state % 1000)"
    }

    @Test(arguments: [1, 2, 3, 4, 8, 64])
    func parallelMapKeepsTheInputOrderForAnyNumberOfWorkers(workers: Int) {
        let numbers = Array(0..<500)
        #expect(Parallel.map(numbers, workers: workers, Self.unevenWork) == numbers.map(Self.unevenWork))
    }

    @Test func parallelMapOfNothingIsNothing() {
        #expect(Parallel.map([Int](), workers: 4, Self.unevenWork).isEmpty)
        #expect(Parallel.map([7], workers: 4, Self.unevenWork) == [Self.unevenWork(7)])
    }

    static let documents = (1...23).map { number in
        Document(id: "d\(number)", text: number.isMultiple(of: 3)
            ? "Vladimir Putin visited China on 12 March 2019, story \(number)."
            : "Angela Merkel met Emmanuel Macron in Paris last week. Story \(number) ends here.")
    }

    /// The documents cut into inputs of uneven sizes, as files of several records would come.
    static var inputs: [ReadOutcome] {
        [0..<1, 1..<8, 8..<8, 8..<20, 20..<23].map { ReadOutcome(documents: Array(documents[$0])) }
    }

    @Test(arguments: [(1, 1), (1, 4), (2, 2), (5, 3), (7, 1), (256, 2)])
    func theAnnotationsAreTheSameForEveryBatchSizeAndNumberOfWorkers(batchSize: Int, workers: Int) {
        let pipeline = Pipeline()
        var annotated: [AnnotatedDocument] = []
        var batchSizes: [Int] = []
        let finished = BatchAnnotator(batchSize: batchSize, workers: workers).run(Self.inputs, annotate: pipeline.annotate) { batch, annotations in
            #expect(annotations.map(\.document) == batch.documents)
            batchSizes.append(batch.documents.count)
            annotated += annotations
        }
        #expect(finished)
        #expect(annotated == Self.documents.map(pipeline.annotate))
        // Every batch is full but the last, which holds the rest.
        let full = Self.documents.count / batchSize
        let rest = Self.documents.count % batchSize
        #expect(batchSizes == Array(repeating: batchSize, count: full) + (rest == 0 ? [] : [rest]))
    }

    @Test func onlyTheSelectedDocumentsAreAnnotatedInTheirOrder() {
        var seen: [String] = []
        BatchAnnotator(batchSize: 4, workers: 3).run(Self.inputs, selecting: { batch in
            batch.documents.indices.filter { batch.documents[$0].id.hasSuffix("1") || batch.documents[$0].id.hasSuffix("3") }
        }, annotate: { $0.id }) { _, ids in
            seen += ids
        }
        #expect(seen == ["d1", "d3", "d11", "d13", "d21", "d23"])
    }

    @Test func inputsAreReadOnlyAsTheBatchesNeedThem() {
        var read = 0
        var readBeforeEachBatch: [Int] = []
        let lazily = Self.inputs.lazy.map { input in
            read += 1
            return input
        }
        BatchAnnotator(batchSize: 5, workers: 2).run(lazily, annotate: { $0.id }) { _, _ in readBeforeEachBatch.append(read) }
        // Inputs of 1, 7, 0, 12 and 3 documents: the first batch needs two inputs, the second,
        // third and fourth the fourth input; the last batch is the rest after the fifth. A batch is
        // handed on once the next one is being annotated, so by then the next one's inputs are read.
        #expect(readBeforeEachBatch == [4, 4, 4, 5, 5])
    }

    @Test func aFailureStopsTheLoopAfterTheBatchesHandedOn() {
        struct Stop: Error {}
        var handed: [[String]] = []
        #expect(throws: Stop.self) {
            try BatchAnnotator(batchSize: 3, workers: 2).run(Self.inputs, annotate: { $0.id }) { (_, ids: [String]) throws(Stop) in
                if handed.count == 2 { throw Stop() }
                handed.append(ids)
            }
        }
        #expect(handed == [["d1", "d2", "d3"], ["d4", "d5", "d6"]])
    }

    @Test func aFailureToSelectHandsOnTheBatchAlreadyAnnotated() {
        struct Stop: Error {}
        var handed: [[String]] = []
        var selected = 0
        #expect(throws: Stop.self) {
            try BatchAnnotator(batchSize: 3, workers: 2).run(Self.inputs, selecting: { (batch: ReadOutcome) throws(Stop) in
                selected += 1
                if selected == 3 { throw Stop() }
                return Array(batch.documents.indices)
            }, annotate: { $0.id }) { (_, ids: [String]) throws(Stop) in handed.append(ids) }
        }
        // The second batch was annotated while the first was handed on; the third failed to select.
        #expect(handed == [["d1", "d2", "d3"], ["d4", "d5", "d6"]])
    }

    @Test func noAnnotationRunsOnAfterAFailure() throws {
        struct Stop: Error {}
        let annotated = Mutex(0)
        #expect(throws: Stop.self) {
            try BatchAnnotator(batchSize: 2, workers: 2).run(Self.inputs, annotate: { (document: Document) -> String in
                Thread.sleep(forTimeInterval: 0.05)
                annotated.withLock { $0 += 1 }
                return document.id
            }) { (_, ids: [String]) throws(Stop) in
                if ids.first == "d1" { throw Stop() }
            }
        }
        // The second batch was being annotated when handing on the first failed: the loop waited
        // for it, so nothing is annotated after it returned.
        let atReturn = annotated.withLock { $0 }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(annotated.withLock { $0 } == atReturn)
        #expect(atReturn == 4)
    }

    @Test func cancellingStopsBeforeTheNextBatch() {
        var handed: [[String]] = []
        let finished = BatchAnnotator(batchSize: 2, workers: 2).run(Self.inputs, annotate: { $0.id }, isCancelled: { handed.count == 3 }) {
            handed.append($1)
        }
        #expect(!finished)
        // The fourth batch was being annotated when the third was handed on: it is handed on whole,
        // and no batch after it is started.
        #expect(handed == [["d1", "d2"], ["d3", "d4"], ["d5", "d6"], ["d7", "d8"]])
    }

    @Test func handingOnOverlapsAnnotatingTheNextBatch() {
        // While the first batch is handed on, the second is annotated on other threads: the handler
        // waits for an annotation of the second batch to start.
        let started = DispatchSemaphore(value: 0)
        var overlapped: [Bool] = []
        BatchAnnotator(batchSize: 4, workers: 2).run([ReadOutcome(documents: Array(Self.documents.prefix(8)))], annotate: { document in
            if document.id == "d5" { started.signal() }
            return document.id
        }) { _, ids in
            if ids.first == "d1" { overlapped.append(started.wait(timeout: .now() + 30) == .success) }
        }
        #expect(overlapped == [true])
    }

    @Test(arguments: [1, 3, 256])
    func aWorkspaceHoldsTheSameRowsForEveryBatchSize(batchSize: Int) throws {
        let folder = try TemporaryFolder()
        let reference = try Workspace.open(at: folder.file("reference.sqlite"), createIfMissing: true)
        _ = try reference.add(Self.documents.map(Pipeline().annotate))
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        let report = try workspace.ingest(documents: Self.documents, batchSize: batchSize)
        #expect(report.added == Self.documents.count)
        let expected = try reference.loadIndex()
        let index = try workspace.loadIndex()
        #expect(index.documents.ids == expected.documents.ids)
        #expect(index.entities.names == expected.entities.names)
        #expect(index.mentions.entities == expected.mentions.entities)
        #expect(index.mentions.documents == expected.mentions.documents)
        #expect(index.mentions.starts == expected.mentions.starts)
        #expect(index.relations.subjects == expected.relations.subjects)
        #expect(index.relations.predicates == expected.relations.predicates)
        #expect(index.relations.objects == expected.relations.objects)
        #expect(index.times.texts == expected.times.texts)
    }
}
