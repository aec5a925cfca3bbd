import Dispatch
import DossierCore

/// The loop behind both ``Workspace/ingest(paths:pipeline:batchSize:progress:isCancelled:)`` and
/// `dossier annotate`: documents, as their inputs are read, gathered into batches; each batch
/// annotated on several threads and handed on whole, in input order.
///
/// Handing on overlaps annotating: while a batch is handed on (an ingest writes it to the
/// workspace), the next one is already being annotated on the other threads, so the cores are not
/// idle while SQLite writes. So a batch is selected (`selecting`) before the batch before it is
/// handed on; should selecting fail, the batch before is handed on first. At most two batches are
/// held besides the input being read, so a large corpus streams through; and the results are the
/// same, in the same order, for every batch size and number of workers.
package struct BatchAnnotator: Sendable {
    /// How many documents make a batch (at least 1).
    package var batchSize: Int
    /// How many threads annotate a batch.
    package var workers: Int

    /// A loop with batches of `batchSize` documents, annotated by `workers` threads.
    package init(batchSize: Int = 256, workers: Int = Parallel.coreCount) {
        self.batchSize = max(1, batchSize)
        self.workers = max(1, workers)
    }

    /// Annotates the documents of `inputs` a batch at a time.
    ///
    /// - Parameters:
    ///   - inputs: what each input gave when read. The sequence is iterated only as batches need
    ///     more documents, so one that reads a file per element streams the files. Its problems
    ///     are the caller's to report: batches carry documents and their origins only.
    ///   - selecting: the positions in a batch worth annotating (an ingest leaves out what the
    ///     workspace has).
    ///   - annotate: what a document becomes; called on several threads at once, while `handle`
    ///     runs for the batch before.
    ///   - isCancelled: polled before each input is read and before each batch; when it returns
    ///     `true` the loop stops, after handing on the batch being annotated: every batch started
    ///     is handed on whole.
    ///   - handle: each batch, with the annotations of its selected documents in their order.
    /// - Returns: `false` when `isCancelled` stopped the loop, `true` when every input was done.
    @discardableResult
    package func run<Annotation: Sendable, Failure: Error>(
        _ inputs: some Sequence<ReadOutcome>,
        selecting: (ReadOutcome) throws(Failure) -> [Int],
        annotate: @escaping @Sendable (Document) -> Annotation,
        isCancelled: () -> Bool = { false },
        handle: (_ batch: ReadOutcome, _ annotations: [Annotation]) throws(Failure) -> Void
    ) throws(Failure) -> Bool {
        var pending = ReadOutcome()
        // The batch being annotated on other threads, handed on once the next one has started.
        var annotating: AnnotatingBatch<Annotation>?
        // Whatever ends the loop, no annotation is left running.
        defer { _ = annotating?.annotations() }
        func handOn(_ batch: AnnotatingBatch<Annotation>?) throws(Failure) {
            guard let batch else { return }
            try handle(batch.batch, batch.annotations())
        }
        /// Hands on the batch being annotated, the last one.
        func finish() throws(Failure) {
            let last = annotating
            annotating = nil
            try handOn(last)
        }
        func startBatch(of count: Int) throws(Failure) {
            let batch = ReadOutcome(documents: Array(pending.documents.prefix(count)), origins: Array(pending.origins.prefix(count)))
            let positions: [Int]
            do throws(Failure) {
                positions = try selecting(batch)
            } catch {
                // The batch before is annotated: hand it on before stopping, as if it were the last.
                try finish()
                throw error
            }
            pending.documents.removeFirst(count)
            pending.origins.removeFirst(min(count, pending.origins.count))
            // The next batch is the one being annotated before the one before it is handed on, so
            // that the `defer` above waits for it should handing on fail.
            let previous = annotating
            annotating = AnnotatingBatch(batch, chosen: positions.map { batch.documents[$0] }, workers: workers, annotate: annotate)
            try handOn(previous)
        }
        var reading = inputs.makeIterator()
        while true {
            if isCancelled() { try finish(); return false }
            guard let input = reading.next() else { break }
            pending.documents += input.documents
            pending.origins += input.origins
            while pending.documents.count >= batchSize {
                if isCancelled() { try finish(); return false }
                try startBatch(of: batchSize)
            }
        }
        if !pending.documents.isEmpty {
            if isCancelled() { try finish(); return false }
            try startBatch(of: pending.documents.count)
        }
        try finish()
        return true
    }

    /// Annotates every document of `inputs` a batch at a time; see
    /// ``run(_:selecting:annotate:isCancelled:handle:)``.
    @discardableResult
    package func run<Annotation: Sendable, Failure: Error>(
        _ inputs: some Sequence<ReadOutcome>,
        annotate: @escaping @Sendable (Document) -> Annotation,
        isCancelled: () -> Bool = { false },
        handle: (_ batch: ReadOutcome, _ annotations: [Annotation]) throws(Failure) -> Void
    ) throws(Failure) -> Bool {
        try run(inputs, selecting: { batch throws(Failure) in Array(batch.documents.indices) }, annotate: annotate,
                isCancelled: isCancelled, handle: handle)
    }
}

/// One batch whose documents are being annotated on other threads.
private final class AnnotatingBatch<Annotation: Sendable>: @unchecked Sendable {
    /// The batch as read.
    let batch: ReadOutcome
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the annotating thread before `finished` is signalled; read after waiting.
    private var results: [Annotation] = []
    /// Whether the caller has waited for `finished` (touched by the caller's thread only).
    private var hasFinished = false

    /// Starts annotating `chosen` (the documents of `batch` worth annotating) on `workers` threads.
    init(_ batch: ReadOutcome, chosen: [Document], workers: Int, annotate: @escaping @Sendable (Document) -> Annotation) {
        self.batch = batch
        DispatchQueue.global(qos: .userInitiated).async {
            self.results = Parallel.map(chosen, workers: workers, annotate)
            self.finished.signal()
        }
    }

    /// The annotations, in the order of the chosen documents, once they are all made.
    func annotations() -> [Annotation] {
        if !hasFinished {
            finished.wait()
            hasFinished = true
        }
        return results
    }
}
