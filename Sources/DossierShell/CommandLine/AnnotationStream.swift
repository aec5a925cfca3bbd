import DossierCore
import DossierStore
import DossierText
import Foundation

/// `dossier annotate` writing annotation JSONL: a streaming filter, fit for Spark's `RDD.pipe`
/// and `mapPartitions`.
///
/// JSONL input (standard input, or `.jsonl`/`.ndjson` files) is read a line at a time and each
/// line's annotation is written as soon as its small batch is done, so memory stays the same
/// however long the input, and a reader waiting for answers gets them. Every input line gives
/// exactly one output line, in order: its document's annotation, or for a line that cannot be
/// read (not JSON, no `text`, blank) an error record saying where and why
/// (``AnnotationJSONLines/errorLine(_:input:line:id:)``), after which the stream goes on. A CSV
/// file is read a few rows at a time (a document per row, a bad row reported and skipped); a text
/// file is one document.
enum AnnotationStream {
    /// Lines annotated together on all cores; small, so output follows input closely.
    static let batchSize = 64

    /// Annotates `paths` in order (`-` is standard input); the status is 1 when any record failed or was changed.
    static func annotate(paths: [String]) -> Int32 {
        var filter = Filter()
        for path in paths {
            if path == "-" {
                filter.readStandardInput()
                continue
            }
            let files = InputFiles([path])
            filter.report(files.problems)
            for file in files.paths {
                if InputFormat(path: file) == .jsonLines {
                    switch LineStream.open(path: file) {
                    case .success(var lines):
                        filter.stream(&lines, input: file, name: files.names[file] ?? file)
                        lines.close()
                    case .failure(let failure):
                        filter.report([.unreadableFile(failure.reason, path: file)])
                    }
                } else {
                    // A text file is one document; a CSV file comes a few rows at a time.
                    for outcome in DossierStore.InputStream(path: file, name: files.names[file]) {
                        filter.report(outcome.problems)
                        filter.annotate(outcome.documents)
                    }
                }
            }
        }
        return filter.finish()
    }

    /// The pipeline, and what has gone wrong so far.
    private struct Filter {
        let pipeline = Pipeline()
        let formatter = DiagnosticFormatter()
        var failedRecords = 0
        var problems = 0
        var lines = 0

        /// Standard input: streamed as JSONL when its first character opens an object, else one text document.
        mutating func readStandardInput() {
            var input = LineStream(descriptor: STDIN_FILENO)
            if input.firstNonBlankByte() == UInt8(ascii: "{") {
                stream(&input, input: "<stdin>", name: "stdin")
            } else {
                let outcome = CommandLineActions.standardInputDocuments(Data(input.remainder()))
                report(outcome.problems)
                annotate(outcome.documents)
            }
        }

        /// One output line per line of `input`, a batch at a time.
        mutating func stream(_ input: inout LineStream, input name: String, name stem: String) {
            let reader = JSONLinesReader()
            var batch: [Entry] = []
            while let line = input.nextLine() {
                lines += 1
                let number = input.lineNumber
                let outcome: ReadOutcome
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                    let place = SourceRange(at: SourceLocation(line: number, column: 1, offset: 0))
                    outcome = ReadOutcome(problems: [Diagnostic(.error, .malformedRecord, "the line is blank", sourceName: name, range: place)])
                } else {
                    outcome = reader.read(line: line, number: number, path: name, name: stem)
                }
                report(outcome.problems)
                if let document = outcome.documents.first {
                    batch.append(.document(document))
                } else {
                    let reason = outcome.problems.first { $0.severity == .error }?.message ?? "the line cannot be read"
                    batch.append(.failure(AnnotationJSONLines.errorLine(reason, input: name, line: number, id: Self.id(in: line))))
                    failedRecords += 1
                }
                if batch.count >= AnnotationStream.batchSize || !input.canReadWithoutWaiting() {
                    write(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            write(batch)
            if let reason = input.readError {
                report([.readingStopped("after line \(input.lineNumber)", reason: reason, path: name)])
            }
        }

        /// Documents of text and CSV files, annotated a batch at a time.
        mutating func annotate(_ documents: [Document]) {
            var start = 0
            while start < documents.count {
                let end = min(start + AnnotationStream.batchSize, documents.count)
                write(documents[start..<end].map(Entry.document))
                start = end
            }
        }

        /// The batch's lines, in order, in one write.
        private func write(_ batch: [Entry]) {
            guard !batch.isEmpty else { return }
            let documents = batch.compactMap { entry -> Document? in
                if case .document(let document) = entry { return document }
                return nil
            }
            var annotated = Parallel.map(documents, pipeline.annotate).makeIterator()
            var output = ""
            for entry in batch {
                switch entry {
                case .document: output += AnnotationJSONLines.line(for: annotated.next()!)
                case .failure(let line): output += line
                }
                output += "\n"
            }
            StandardStreams.output(output)
        }

        mutating func report(_ diagnostics: [Diagnostic]) {
            problems += diagnostics.count
            for diagnostic in diagnostics { StandardStreams.messages(formatter.format(diagnostic)) }
        }

        /// Says how many records failed; the exit status.
        func finish() -> Int32 {
            if failedRecords > 0 {
                StandardStreams.messages("\(failedRecords) of \(lines) lines could not be annotated; their lines of output are error records\n")
            }
            return problems == 0 ? 0 : 1
        }

        /// The record's `"id"`, when the line is an object that has one, for its error record.
        private static func id(in line: ArraySlice<UInt8>) -> String? {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
            return (object["id"] as? String) ?? (object["id"] as? NSNumber).map { "\($0)" }
        }
    }

    /// One input line: the document it holds, or its error record.
    private enum Entry {
        case document(Document)
        case failure(String)
    }
}
