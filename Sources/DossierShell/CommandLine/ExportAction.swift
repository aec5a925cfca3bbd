import DossierCore
import DossierQuery
import DossierStore
import Foundation

extension CommandLineActions {
    /// `dossier export WORKSPACE TABLE [--format jsonl|csv|parquet] [--output FILE]`: a table of
    /// the workspace (documents, sentences, entities, mentions, relations, times: the query
    /// language's sources, every field of each) for Spark SQL, DuckDB or pandas, to `output` or
    /// standard output. See ``TableExport`` for the columns, ``ParquetExport`` for Parquet.
    public static func export(workspace: String, table: String, format: ExportFormat = .jsonl, output: String? = nil) -> Int32 {
        let formatter = DiagnosticFormatter()
        guard let kind = RowKind(rawValue: table) else {
            let names = RowKind.allCases.map(\.rawValue)
            var diagnostic = Diagnostic(.error, .unknownSource, "there is no table '\(table)'; the tables are \(names.joined(separator: ", "))")
            if let nearest = EditDistance.nearest(to: table, in: names) { diagnostic.help = .init("did you mean '\(nearest)'?") }
            StandardStreams.messages(formatter.format(diagnostic))
            return 1
        }
        do {
            let session = try QuerySession(workspace: try Workspace.open(at: workspace))
            let exported = try TableExport(kind, of: session)
            let destination = output == "-" ? nil : output
            switch format {
            case .parquet:
                try ParquetExport.write(exported, to: destination)
            case .jsonl, .csv:
                var sink = try ExportSink(path: destination)
                if format == .csv { sink.append(exported.csvHeader + "\n") }
                for row in exported.rows {
                    sink.append(format == .csv ? exported.csvLine(row) + "\n" : exported.jsonLine(row) + "\n")
                }
                try sink.close()
            }
            if let destination {
                StandardStreams.messages("wrote \(Plural.count(exported.rows.count, "row")) of \(kind.rawValue) to \(destination)\n")
            }
            return 0
        } catch {
            StandardStreams.messages(formatter.format(error))
            return 1
        }
    }
}

/// Where exported text goes: a file (created or emptied) or standard output, written in chunks.
struct ExportSink {
    private let file: FileHandle?
    private let path: String?
    private var pending = ""
    private var writeError: (any Error)?

    init(path: String?) throws(Diagnostic) {
        self.path = path
        guard let path else {
            file = nil
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw Diagnostic(.error, .fileUnwritable, "the file cannot be written", sourceName: path)
        }
        file = handle
    }

    mutating func append(_ text: String) {
        pending += text
        if pending.utf8.count >= 1 << 16 { flush() }
    }

    /// Writes what is pending; a write that fails (a full disk) is reported by ``close()``.
    private mutating func flush() {
        guard !pending.isEmpty else { return }
        if let file {
            do {
                try file.write(contentsOf: Data(pending.utf8))
            } catch {
                writeError = writeError ?? error
            }
        } else {
            StandardStreams.output(pending)
        }
        pending = ""
    }

    mutating func close() throws(Diagnostic) {
        flush()
        guard let file else { return }
        do {
            if let writeError { throw writeError }
            try file.synchronize()
            try file.close()
        } catch {
            throw Diagnostic(.error, .fileUnwritable, "the file cannot be written: \(error.localizedDescription)", sourceName: path)
        }
    }
}
