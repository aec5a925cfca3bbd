import DossierCore

/// `timeline [by UNIT]`: how many rows fall in each day, week, month, quarter or year, from the
/// first unit with a row to the last, the units without rows included with a count of 0.
enum Timeline {
    /// The columns of a timeline table.
    static let fields = [Field(name: "bucket", type: .timeRange), Field(name: "count", type: .int)]

    /// The most buckets a timeline may have, so a daily timeline over centuries is an error rather than a stall.
    static let bucketLimit = 100_000

    /// One row per unit, in time order; a row's time is its date, or the first day of its range. Rows
    /// without a time are left out. `nil` when the units would be more than ``bucketLimit``.
    static func rows(for times: [Value], by unit: Granularity) -> [[Value]]? {
        var counts: [Int: Int] = [:]
        for time in times {
            let day: Day
            switch time {
            case .date(let value): day = value
            case .timeRange(let range): day = range.start
            default: continue
            }
            counts[TimeRange.unit(unit, containing: day).start.number, default: 0] += 1
        }
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return [] }
        var rows: [[Value]] = []
        var bucket = TimeRange.unit(unit, containing: Day(number: first))
        while bucket.start.number <= last {
            if rows.count == bucketLimit { return nil }
            rows.append([.timeRange(bucket), .int(counts[bucket.start.number] ?? 0)])
            bucket = TimeRange.unit(unit, containing: bucket.end)
        }
        return rows
    }
}
