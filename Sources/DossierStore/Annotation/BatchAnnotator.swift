import DossierCore

/// The loop behind both ``Workspace/ingest(paths:pipeline:batchSize:progress:isCancelled:)`` and
/// `dossier annotate`: documents, as their inputs are read, gathered into batches; each batch
/// annotated on several threads and handed on whole, in input order.
///
/// Only one batch is held besides the input being read, so a large corpus streams through; and the
/// results are the same, in the same order, for every batch size and number of workers.
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
    ///   - annotate: what a document becomes; called on several threads at once.
    ///   - isCancelled: polled before each input is read and before each batch; when it returns
    ///     `true` the loop stops, every batch handed on before it whole.
    ///   - handle: each batch, with the annotations of its selected documents in their order.
    /// - Returns: `false` when `isCancelled` stopped the loop, `true` when every input was done.
    @discardableResult
    package func run<Annotation: Sendable, Failure: Error>(
        _ inputs: some Sequence<ReadOutcome>,
        selecting: (ReadOutcome) throws(Failure) -> [Int],
        annotate: @Sendable (Document) -> Annotation,
        isCancelled: () -> Bool = { false },
        handle: (_ batch: ReadOutcome, _ annotations: [Annotation]) throws(Failure) -> Void
    ) throws(Failure) -> Bool {
        var pending = ReadOutcome()
        func annotateBatch(of count: Int) throws(Failure) {
            let batch = ReadOutcome(documents: Array(pending.documents.prefix(count)), origins: Array(pending.origins.prefix(count)))
            let chosen = try selecting(batch).map { batch.documents[$0] }
            try handle(batch, Parallel.map(chosen, workers: workers, annotate))
            pending.documents.removeFirst(count)
            pending.origins.removeFirst(min(count, pending.origins.count))
        }
        var reading = inputs.makeIterator()
        while true {
            if isCancelled() { return false }
            guard let input = reading.next() else { break }
            pending.documents += input.documents
            pending.origins += input.origins
            while pending.documents.count >= batchSize {
                if isCancelled() { return false }
                try annotateBatch(of: batchSize)
            }
        }
        if !pending.documents.isEmpty {
            if isCancelled() { return false }
            try annotateBatch(of: pending.documents.count)
        }
        return true
    }

    /// Annotates every document of `inputs` a batch at a time; see
    /// ``run(_:selecting:annotate:isCancelled:handle:)``.
    @discardableResult
    package func run<Annotation: Sendable, Failure: Error>(
        _ inputs: some Sequence<ReadOutcome>,
        annotate: @Sendable (Document) -> Annotation,
        isCancelled: () -> Bool = { false },
        handle: (_ batch: ReadOutcome, _ annotations: [Annotation]) throws(Failure) -> Void
    ) throws(Failure) -> Bool {
        try run(inputs, selecting: { batch throws(Failure) in Array(batch.documents.indices) }, annotate: annotate,
                isCancelled: isCancelled, handle: handle)
    }
}
