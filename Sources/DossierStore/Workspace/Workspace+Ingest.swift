import DossierCore
import DossierText
import Foundation
import GRDB

// Ingest: reading inputs, choosing the documents the workspace lacks, annotating them in batches.
extension Workspace {
    /// Reads `paths` (files, folders, glob patterns), annotates the new documents and adds them.
    ///
    /// Malformed records are reported in the result and skipped; the rest is ingested. A record
    /// whose id the workspace (or an earlier record) already gives to a different text is reported
    /// and skipped, naming both places.
    /// - Parameters:
    ///   - progress: called after each batch with the report so far, once more before a write
    ///     error stops the ingest, so a caller can say what was added before it, and once with
    ///     ``IngestReport/isIndexing`` set before the column file is built.
    ///   - isCancelled: polled before each batch; when it returns `true` the ingest stops after
    ///     writing the batch already being annotated, keeping the batches written (each is whole)
    ///     and marking the report cancelled.
    /// - Throws: a ``Diagnostic`` when a batch cannot be written (the batches before it are kept and
    ///   the diagnostic says how many documents they added), or the workspace stays busy.
    public func ingest(paths: [String], pipeline: Pipeline = Pipeline(), batchSize: Int = 256,
                       progress: (IngestReport) -> Void = { _ in },
                       isCancelled: () -> Bool = { false }) throws(Diagnostic) -> IngestReport {
        let inputs = InputFiles(paths)
        var report = IngestReport()
        report.problems = inputs.problems
        report.pathProblems = inputs.problems.count
        var origins: [String: SeenDocument] = [:]
        // Each file is read when the batches need its documents, a JSON Lines file a few lines at a time.
        let outcomes = inputs.paths.lazy.flatMap { path in
            report.filesRead += 1
            return InputStream(path: path, name: inputs.names[path])
        }.map { outcome in
            report.problems += outcome.problems
            return outcome
        }
        // Each batch is annotated outside any transaction, so readers and other writers are not
        // held up, then written in one.
        do {
            let finished = try BatchAnnotator(batchSize: batchSize).run(outcomes, selecting: { batch throws(Diagnostic) in
                try newDocumentPositions(among: batch, seen: &origins, report: &report)
            }, annotate: pipeline.annotate, isCancelled: isCancelled) { _, annotated throws(Diagnostic) in
                try write(annotated, into: &report)
                progress(report)
            }
            report.wasCancelled = !finished
        } catch {
            progress(report)
            throw error.noting(report)
        }
        refreshColumns(into: &report, progress: progress)
        return report
    }

    /// Annotates `documents` and adds those the workspace does not have yet, in batches.
    public func ingest(documents: [Document], pipeline: Pipeline = Pipeline(), batchSize: Int = 256) throws(Diagnostic) -> IngestReport {
        var report = IngestReport()
        var origins: [String: SeenDocument] = [:]
        do {
            try BatchAnnotator(batchSize: batchSize).run([ReadOutcome(documents: documents)], selecting: { batch throws(Diagnostic) in
                try newDocumentPositions(among: batch, seen: &origins, report: &report)
            }, annotate: pipeline.annotate) { _, annotated throws(Diagnostic) in
                try write(annotated, into: &report)
            }
        } catch {
            throw error.noting(report)
        }
        refreshColumns(into: &report)
        return report
    }

    /// Adds annotations made elsewhere (or by ``Pipeline``), skipping documents already present.
    public func add(_ annotated: [AnnotatedDocument]) throws(Diagnostic) -> IngestReport {
        var report = IngestReport()
        var origins: [String: SeenDocument] = [:]
        let fresh = try newDocumentPositions(among: ReadOutcome(documents: annotated.map(\.document)), seen: &origins, report: &report)
        try write(fresh.map { annotated[$0] }, into: &report)
        refreshColumns(into: &report)
        return report
    }

    /// Brings the column file up to date after an ingest that added documents, so the next query
    /// opens in constant time; when it cannot be written, the report says so as a warning.
    /// `progress` hears of it first (``IngestReport/isIndexing``).
    func refreshColumns(into report: inout IngestReport, progress: (IngestReport) -> Void = { _ in }) {
        guard report.added > 0 else { return }
        report.isIndexing = true
        progress(report)
        report.isIndexing = false
        do {
            try refreshColumnFile()
        } catch {
            report.problems.append(error)
        }
    }

    /// One batch of annotations made elsewhere, read at `origins`, checked and written as an
    /// ingest writes the documents it annotates (see ``ingest(annotations:batchSize:progress:isCancelled:)``).
    func addBatch(_ annotated: [AnnotatedDocument], origins: [DocumentOrigin], seen: inout [String: SeenDocument],
                  into report: inout IngestReport) throws(Diagnostic) {
        let batch = ReadOutcome(documents: annotated.map(\.document), origins: origins)
        let fresh = try newDocumentPositions(among: batch, seen: &seen, report: &report)
        try write(fresh.map { annotated[$0] }, into: &report)
    }

    /// The positions in `batch` of the documents whose id and text neither the workspace nor an
    /// earlier document of the ingest has, so no time goes into annotating the others. A document
    /// whose id is taken by a different text is a problem that names both places; one whose id or
    /// text is there already is counted as present. ``write(_:into:)`` asks again, for real, inside
    /// its transaction. `seen` maps each id taken in this ingest to its record and its text's digest.
    private func newDocumentPositions(among batch: ReadOutcome, seen: inout [String: SeenDocument],
                                      report: inout IngestReport) throws(Diagnostic) -> [Int] {
        var batchTexts = Set<String>()
        var fresh: [Int] = []
        try run { db in
            for (position, document) in batch.documents.enumerated() {
                let origin = batch.origins.indices.contains(position) ? batch.origins[position] : nil
                let digest = TextDigest.of(document.text)
                if let earlier = seen[document.id] {
                    if earlier.digest == digest {
                        report.alreadyPresent += 1
                    } else {
                        report.problems.append(Self.idTaken(document.id, by: earlier.origin.map { "the record at \($0)" } ?? "an earlier document", at: origin))
                    }
                    continue
                }
                if let stored = try String.fetchOne(db, sql: "SELECT text FROM documents WHERE id = ?", arguments: [document.id]) {
                    if stored == document.text {
                        report.alreadyPresent += 1
                    } else {
                        report.problems.append(Self.idTaken(document.id, by: "a document already in the workspace", at: origin))
                    }
                    continue
                }
                if try batchTexts.contains(digest)
                    || Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE text_sha256 = ?", arguments: [digest]) == true {
                    report.alreadyPresent += 1
                    continue
                }
                seen[document.id] = SeenDocument(origin: origin, digest: digest)
                batchTexts.insert(digest)
                fresh.append(position)
            }
        }
        return fresh
    }

    /// An id taken earlier in an ingest: where its record was, and its text's digest.
    struct SeenDocument {
        var origin: DocumentOrigin?
        var digest: String
    }

    /// "the id 'x' is already used by a different text", at the record that lost, naming the one that won.
    private static func idTaken(_ id: String, by owner: String, at origin: DocumentOrigin?) -> Diagnostic {
        var diagnostic = Diagnostic(.error, .idTaken, "the id '\(id)' is already used by \(owner) with a different text; this record is skipped",
                                    sourceName: origin?.path)
        if let origin { diagnostic.range = SourceRange(at: SourceLocation(line: origin.line, column: 1, offset: 0)) }
        diagnostic.help = .init("give the record its own id; files found in folders are named by their path in the folder")
        return diagnostic
    }
}
