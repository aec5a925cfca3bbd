import DossierCore

/// What an ingest did: how many documents it added, which it skipped as already present, and the
/// records it reported and skipped as malformed.
public struct IngestReport: Sendable {
    /// Documents added to the workspace.
    public var added = 0
    /// Documents skipped because the workspace already had the same id or the same text.
    public var alreadyPresent = 0
    /// Files read.
    public var filesRead = 0
    /// Malformed records and unreadable files (errors: skipped), and records kept with a change
    /// (warnings: a NUL or bytes that were not UTF-8 stored as U+FFFD), each with its path and line.
    public var problems: [Diagnostic] = []
    /// How many of ``problems`` are paths that named nothing to read (no such file or folder, a
    /// pattern that matches nothing, an empty folder) rather than records.
    public var pathProblems = 0

    /// Whether the ingest was cancelled before it read everything; the batches written are kept.
    public var wasCancelled = false

    /// Whether every batch is written and the ingest is building the column file that queries map
    /// (a pass over the whole workspace, seconds to minutes on a large one); a progress callback
    /// gets one report with this set before that pass starts. The returned report has it unset.
    public var isIndexing = false

    /// Creates an empty report.
    public init() {}

    /// Whether every record was usable; the command line exits non-zero when not.
    public var isClean: Bool { problems.isEmpty && !wasCancelled }

    /// One line: `added 171 documents (2 already present) from 3 files; 1 record skipped; 1 record
    /// changed`, `added 0 documents from 0 files; 1 path named nothing to read`, or `cancelled after
    /// adding 256 documents from 1 file`.
    public var summary: String {
        var text = (wasCancelled ? "cancelled after adding " : "added ") + "\(added) document\(added == 1 ? "" : "s")"
        if alreadyPresent > 0 { text += " (\(alreadyPresent) already present)" }
        text += " from \(filesRead) file\(filesRead == 1 ? "" : "s")"
        if pathProblems > 0 { text += "; \(pathProblems) path\(pathProblems == 1 ? "" : "s") named nothing to read" }
        // The paths' problems come first; the records' follow, errors skipped, warnings kept changed.
        let records = problems.dropFirst(pathProblems)
        let skipped = records.filter { $0.severity == .error }.count
        let changed = records.count - skipped
        if skipped > 0 { text += "; \(skipped) record\(skipped == 1 ? "" : "s") skipped" }
        if changed > 0 { text += "; \(changed) record\(changed == 1 ? "" : "s") changed" }
        return text
    }
}

extension Diagnostic {
    /// The error that stopped an ingest, with a note of what the ingest had done before it.
    func noting(_ report: IngestReport) -> Diagnostic {
        var diagnostic = self
        let files = "\(report.filesRead) file\(report.filesRead == 1 ? "" : "s")"
        diagnostic.notes.append(report.added == 0
            ? "nothing was added before it (\(files) read)"
            : "before it, \(report.added) document\(report.added == 1 ? " was" : "s were") added from \(files), in whole batches, and are kept")
        return diagnostic
    }
}
