import DossierStore
import Foundation

/// The line a long ingest redraws on a terminal after each batch: a bar, the share done, the rate
/// and the time left when the input's size is known (``DocumentEstimate``), else the count and rate.
///
/// ```
/// [########------------] 41% 4,096 of 10,000 documents · 163/s · 36 s left
/// [####################] 100% 10,000 of 10,000 documents · 163/s · building the column file…
/// ```
struct IngestProgress {
    /// How many documents the input holds, when it could be counted.
    let expected: Int?
    /// When the ingest started.
    let started: Date
    /// The bar's width in characters.
    static let barWidth = 20

    /// Progress for `paths`, counted before the ingest starts.
    init(paths: [String], started: Date = Date()) {
        self.init(expected: DocumentEstimate.count(of: InputFiles(paths)), started: started)
    }

    init(expected: Int?, started: Date) {
        self.expected = expected
        self.started = started
    }

    /// The documents the ingest has gone through: added, already present, or skipped as malformed.
    static func done(_ report: IngestReport) -> Int {
        report.added + report.alreadyPresent + report.problems.dropFirst(report.pathProblems).filter { $0.severity == .error }.count
    }

    /// The line for `report` at `now`, without the carriage return that redraws it.
    func line(for report: IngestReport, now: Date = Date()) -> String {
        let done = Self.done(report)
        let seconds = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / seconds
        let rateText = "\(Discovery.grouped(Int(rate.rounded())))/s"
        guard let expected, expected > 0 else {
            return "\(Discovery.grouped(done)) documents · \(rateText)" + (report.isIndexing ? " · " + Self.indexing : "")
        }
        let share = min(1, Double(done) / Double(expected))
        let filled = Int((share * Double(Self.barWidth)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: Self.barWidth - filled) + "]"
        var line = "\(bar) \(Int((share * 100).rounded(.down)))% \(Discovery.grouped(done)) of \(Discovery.grouped(expected)) documents · \(rateText)"
        if report.isIndexing { return line + " · " + Self.indexing }
        if rate > 0, done < expected { line += " · \(Self.duration(Double(expected - done) / rate)) left" }
        return line
    }

    /// What the line says once every batch is written: the column file is built next, a pass that
    /// can take minutes on a large workspace and would otherwise look like a hang.
    static let indexing = "building the column file…"

    /// `45 s`, `3 min 20 s`, `2 h 05 min`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(String(format: "%02d", total % 60)) s" }
        return "\(total / 3600) h \(String(format: "%02d", total % 3600 / 60)) min"
    }
}
