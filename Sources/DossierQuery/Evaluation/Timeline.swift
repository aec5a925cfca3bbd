import DossierCore

/// `timeline [by UNIT]`: how many rows fall in each day, week, month, quarter or year, in time order.
///
/// The timeline starts where an earlier `during`, `overlapping` or `after` starts (else at the first
/// unit with a row) and ends where `during`, `overlapping` or `before` ends (else at the last unit with
/// a row). Inside a `during` or `overlapping` range every unit has its row, counted 0 when empty;
/// elsewhere a long stretch of empty units (``longestGap(of:)``) becomes one row whose bucket is the
/// whole stretch, so a stray date in 1119 does not fill nine centuries with zeros.
enum Timeline {
    /// The columns of a timeline table.
    static let fields = [Field(name: "bucket", type: .timeRange), Field(name: "count", type: .int)]

    /// The most buckets a timeline may have, so a daily timeline over centuries is an error rather than a stall.
    static let bucketLimit = 100_000

    /// One row per unit, in time order; a row's time is its date, or the first day of its range. Rows
    /// without a time are left out. `nil` when the units would be more than ``bucketLimit``.
    static func rows(for times: [Value], by unit: Granularity, within bound: TimeBound = TimeBound()) -> [[Value]]? {
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
        let lower = bound.lower.map { TimeRange.unit(unit, containing: $0).start.number }
        let upper = bound.upper.map { TimeRange.unit(unit, containing: $0.adding(days: -1)).start.number }
        guard let first = [counts.keys.min(), lower].compactMap({ $0 }).min(),
              let last = [counts.keys.max(), upper].compactMap({ $0 }).max(), first <= last else { return [] }
        func isInsideBound(_ bucket: TimeRange) -> Bool {
            guard let lower, let upper else { return false }
            return bucket.start.number >= lower && bucket.start.number <= upper
        }
        let longestGap = longestGap(of: unit)
        var rows: [[Value]] = []
        var bucket = TimeRange.unit(unit, containing: Day(number: first))
        while bucket.start.number <= last {
            if rows.count == bucketLimit { return nil }
            if counts[bucket.start.number] == nil, !isInsideBound(bucket) {
                // Measure the stretch of empty units outside the bound that starts here.
                var end = bucket
                var length = 0
                while end.start.number <= last, counts[end.start.number] == nil, !isInsideBound(end), length <= longestGap {
                    end = TimeRange.unit(unit, containing: end.end)
                    length += 1
                }
                if length > longestGap {
                    while end.start.number <= last, counts[end.start.number] == nil, !isInsideBound(end) {
                        end = TimeRange.unit(unit, containing: end.end)
                    }
                    rows.append([.timeRange(TimeRange(start: bucket.start, end: end.start, granularity: unit)), .int(0)])
                    bucket = end
                    continue
                }
            }
            rows.append([.timeRange(bucket), .int(counts[bucket.start.number] ?? 0)])
            bucket = TimeRange.unit(unit, containing: bucket.end)
        }
        return rows
    }

    /// The most empty units in a row a timeline shows one by one outside a `during` range: a month of
    /// days, a quarter of weeks, a year of months, two years of quarters, a decade of years.
    static func longestGap(of unit: Granularity) -> Int {
        switch unit {
        case .day: 31
        case .week: 13
        case .month: 12
        case .quarter: 8
        default: 10
        }
    }
}

/// The days an earlier stage kept (`during`, `overlapping`, `after`, `before`), which a later
/// `timeline` spans: a first day, and the first day after, either of which may be open.
struct TimeBound: Hashable, Sendable {
    /// The first day kept, when there is a lower bound.
    var lower: Day?
    /// The first day after those kept, when there is an upper bound.
    var upper: Day?

    /// The bound after `stage`: narrowed by a time stage, kept by stages that only drop or reorder
    /// rows, forgotten by stages that make other rows.
    func after(_ stage: Stage) -> TimeBound {
        switch stage.kind {
        case .time(let relation, let literal):
            var bound = self
            switch relation {
            case .during, .overlaps:
                bound.lower = max(lower ?? literal.value.start, literal.value.start)
                bound.upper = min(upper ?? literal.value.end, literal.value.end)
            case .after: bound.lower = max(lower ?? literal.value.end, literal.value.end)
            case .before: bound.upper = min(upper ?? literal.value.start, literal.value.start)
            }
            return bound
        case .filter, .sort, .take, .top, .mentioning, .search:
            return self
        default:
            return TimeBound()
        }
    }
}
