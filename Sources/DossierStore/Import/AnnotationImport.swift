import DossierCore
import Foundation

extension Workspace {
    /// Adds documents with annotations made elsewhere — annotation JSONL as `dossier annotate`
    /// writes it, for instance on a Spark cluster through `RDD.pipe` — without running extraction.
    ///
    /// The files are read a line at a time and written in batches of `batchSize` documents, each in
    /// one transaction, with the cross-document entity resolution a direct ingest runs after each
    /// batch, and the same checks for documents already present (same id, or same text). So the
    /// annotations of a corpus, loaded in the corpus's order, give the workspace a direct ingest of
    /// it gives, row for row. Each record is checked against its text (see
    /// ``AnnotationJSONLines/record(from:)``); a record that fails, or that is an error record of
    /// `dossier annotate`, is reported with its file and line and skipped, and the rest is kept.
    /// `paths` are files, folders and glob patterns, read in the order given; `-` is standard input.
    /// - Parameters:
    ///   - progress: called after each batch with the report so far, and once with
    ///     ``IngestReport/isIndexing`` set before the column file is built.
    ///   - isCancelled: polled before each batch; when it returns `true` the import stops, keeping
    ///     the batches already written.
    /// - Throws: a ``Diagnostic`` when a batch cannot be written; the batches before it are kept,
    ///   and the diagnostic says how many documents they added.
    public func ingest(annotations paths: [String], batchSize: Int = 256, progress: (IngestReport) -> Void = { _ in },
                       isCancelled: () -> Bool = { false }) throws(Diagnostic) -> IngestReport {
        var report = IngestReport()
        var seen: [String: SeenDocument] = [:]
        var pending: [AnnotatedDocument] = []
        var origins: [DocumentOrigin] = []
        func writePending() throws(Diagnostic) {
            guard !pending.isEmpty else { return }
            do {
                try addBatch(pending, origins: origins, seen: &seen, into: &report)
            } catch {
                progress(report)
                throw error.noting(report)
            }
            pending.removeAll(keepingCapacity: true)
            origins.removeAll(keepingCapacity: true)
            progress(report)
        }
        // Arguments one by one, so records load in the order named; `-` is standard input.
        var files: [String] = []
        for argument in paths {
            if argument == "-" {
                files.append(argument)
                continue
            }
            let inputs = InputFiles([argument])
            report.problems += inputs.problems
            report.pathProblems += inputs.problems.count
            files += inputs.paths
        }
        for path in files {
            var lines: LineStream
            if path == "-" {
                lines = LineStream(descriptor: STDIN_FILENO)
            } else {
                switch LineStream.open(path: path) {
                case .success(let opened): lines = opened
                case .failure(let failure):
                    report.problems.append(.unreadableFile(failure.reason, path: path))
                    continue
                }
            }
            defer { lines.close() }
            report.filesRead += 1
            let name = path == "-" ? "<stdin>" : path
            while let line = lines.nextLine() {
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                let origin = DocumentOrigin(path: name, line: lines.lineNumber)
                switch Self.annotatedDocument(from: line, at: origin) {
                case .success(let read):
                    report.problems += read.warnings
                    pending.append(read.document)
                    origins.append(origin)
                case .failure(let problem):
                    report.problems.append(problem)
                }
                if pending.count >= batchSize {
                    report.wasCancelled = isCancelled()
                    if report.wasCancelled {
                        refreshColumns(into: &report, progress: progress)
                        return report
                    }
                    try writePending()
                }
            }
            if let reason = lines.readError {
                report.problems.append(.readingStopped("at line \(lines.lineNumber + 1)", reason: reason, path: name))
            }
        }
        report.wasCancelled = !pending.isEmpty && isCancelled()
        if !report.wasCancelled { try writePending() }
        refreshColumns(into: &report, progress: progress)
        return report
    }

    /// The record on `line`, with the checks every reader applies to a document (see
    /// ``ReadOutcome``) and warnings for what they changed; or the error that skips it.
    private static func annotatedDocument(from line: ArraySlice<UInt8>, at origin: DocumentOrigin)
        -> Result<(document: AnnotatedDocument, warnings: [Diagnostic]), Diagnostic> {
        guard String(validating: line, as: UTF8.self) != nil else {
            return .failure(.skipped("the record is not valid UTF-8, so its code-point offsets cannot be trusted", path: origin.path, line: origin.line))
        }
        if let failure = AnnotationJSONLines.failure(in: line) {
            return .failure(.skipped("dossier annotate could not annotate this document: \(failure)", path: origin.path, line: origin.line))
        }
        switch AnnotationJSONLines.record(from: line) {
        case .failure(let problem):
            return .failure(.skipped(problem.reason, path: origin.path, line: origin.line))
        case .success(var annotated):
            var checked = ReadOutcome()
            checked.add(annotated.document, at: origin)
            guard let document = checked.documents.first else {
                return .failure(checked.problems.first ?? .skipped("the record cannot be read", path: origin.path, line: origin.line))
            }
            annotated.document = document
            return .success((annotated, checked.problems))
        }
    }
}
