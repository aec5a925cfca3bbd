/// How coarse a time range is: the unit it was written in.
public enum Granularity: String, CaseIterable, Comparable, Sendable {
    case day, week, month, quarter, year, decade, century

    private var rank: Int { Granularity.allCases.firstIndex(of: self)! }

    public static func < (lhs: Granularity, rhs: Granularity) -> Bool { lhs.rank < rhs.rank }
}

/// A half-open range of days, `[start, end)`, with the granularity it was written at.
///
/// `2023-10` is `[2023-10-01, 2023-11-01)` at month granularity; the range literal
/// `2023-03..2023-10` includes both ends at their own granularity.
public struct TimeRange: Hashable, Sendable, CustomStringConvertible {
    /// The first day in the range.
    public let start: Day
    /// The first day after the range.
    public let end: Day
    /// The unit the range was written in.
    public let granularity: Granularity

    /// Creates a range; `end` must not precede `start`.
    public init(start: Day, end: Day, granularity: Granularity) {
        precondition(start <= end, "a time range cannot end before it starts")
        self.start = start
        self.end = end
        self.granularity = granularity
    }

    /// The one day.
    public static func day(_ day: Day) -> TimeRange { TimeRange(start: day, end: day.adding(days: 1), granularity: .day) }

    /// A calendar month.
    public static func month(year: Int, month: Int) -> TimeRange? {
        guard let start = Day(year: year, month: month, day: 1) else { return nil }
        return TimeRange(start: start, end: start.adding(days: Day.daysIn(month: month, year: year)), granularity: .month)
    }

    /// A calendar quarter (1–4).
    public static func quarter(year: Int, quarter: Int) -> TimeRange? {
        guard (1...4).contains(quarter), let start = Day(year: year, month: quarter * 3 - 2, day: 1) else { return nil }
        let end = quarter == 4 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: quarter * 3 + 1, day: 1)!
        return TimeRange(start: start, end: end, granularity: .quarter)
    }

    /// A calendar year.
    public static func year(_ year: Int) -> TimeRange {
        TimeRange(start: Day(year: year, month: 1, day: 1)!, end: Day(year: year + 1, month: 1, day: 1)!, granularity: .year)
    }

    /// An ISO 8601 week, Monday to Sunday.
    public static func week(year: Int, week: Int) -> TimeRange? {
        guard let monday = Day.startOfISOWeek(year: year, week: week) else { return nil }
        return TimeRange(start: monday, end: monday.adding(days: 7), granularity: .week)
    }

    /// A decade such as the 1990s (`firstYear` 1990).
    public static func decade(startingIn firstYear: Int) -> TimeRange {
        TimeRange(start: Day(year: firstYear, month: 1, day: 1)!, end: Day(year: firstYear + 10, month: 1, day: 1)!, granularity: .decade)
    }

    /// The unit of `granularity` that contains `day` (for timelines and "this week").
    public static func unit(_ granularity: Granularity, containing day: Day) -> TimeRange {
        let (year, month, _) = day.components
        switch granularity {
        case .day: return .day(day)
        case .week:
            let (weekYear, week) = day.isoWeek
            return .week(year: weekYear, week: week)!
        case .month: return .month(year: year, month: month)!
        case .quarter: return .quarter(year: year, quarter: (month - 1) / 3 + 1)!
        case .year: return .year(year)
        case .decade: return .decade(startingIn: year - ((year % 10) + 10) % 10)
        case .century:
            let first = year - ((year % 100) + 100) % 100
            return TimeRange(start: Day(year: first, month: 1, day: 1)!, end: Day(year: first + 100, month: 1, day: 1)!, granularity: .century)
        }
    }

    /// The range from the start of `first` to the end of `last`, at the coarser of their granularities.
    public static func spanning(_ first: TimeRange, through last: TimeRange) -> TimeRange? {
        guard first.start < last.end else { return nil }
        return TimeRange(start: first.start, end: last.end, granularity: max(first.granularity, last.granularity))
    }

    /// Parses a time literal: `2023`, `2023-07`, `2023-07-25`, `2023-Q3`, `2023-W30`, a decade `199X`
    /// (TIMEX3 style), or a range of two of them joined by `..`.
    public init?(literal text: some StringProtocol) {
        if let dots = text.firstRange(of: "..") {
            guard let first = TimeRange(literal: text[..<dots.lowerBound]),
                  let last = TimeRange(literal: text[dots.upperBound...]),
                  let range = TimeRange.spanning(first, through: last) else { return nil }
            self = range
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let head = parts.first, head.count == 4 else { return nil }
        if parts.count == 1 {
            if let year = Int(head) { self = .year(year); return }
            if head.hasSuffix("X"), let prefix = Int(head.dropLast()) { self = .decade(startingIn: prefix * 10); return }
            return nil
        }
        guard let year = Int(head) else { return nil }
        let second = parts[1]
        if parts.count == 2, second.count == 2, let month = Int(second) {
            guard let range = TimeRange.month(year: year, month: month) else { return nil }
            self = range
        } else if parts.count == 2, second.first == "Q", let quarter = Int(second.dropFirst()) {
            guard let range = TimeRange.quarter(year: year, quarter: quarter) else { return nil }
            self = range
        } else if parts.count == 2, second.first == "W", let week = Int(second.dropFirst()) {
            guard let range = TimeRange.week(year: year, week: week) else { return nil }
            self = range
        } else if parts.count == 3, let day = Day(iso: text) {
            self = .day(day)
        } else {
            return nil
        }
    }

    /// The number of days in the range.
    public var dayCount: Int { end.number - start.number }

    /// Whether `day` lies in the range.
    public func contains(_ day: Day) -> Bool { start <= day && day < end }

    /// Whether all of `other` lies inside this range.
    public func contains(_ other: TimeRange) -> Bool { start <= other.start && other.end <= end }

    /// Whether the two ranges share at least one day.
    public func overlaps(_ other: TimeRange) -> Bool { start < other.end && other.start < end }

    /// Whether this range ends before `other` starts.
    public func isBefore(_ other: TimeRange) -> Bool { end <= other.start }

    /// Whether this range starts after `other` ends.
    public func isAfter(_ other: TimeRange) -> Bool { start >= other.end }

    /// The range written at its granularity: `2023-10`, `2023-W30`, `2023-03..2023-10`.
    public var description: String {
        if TimeRange.unit(granularity, containing: start) == self { return TimeRange.label(of: start, at: granularity) }
        let last = end.adding(days: -1)
        return TimeRange.label(of: start, at: granularity) + ".." + TimeRange.label(of: last, at: granularity)
    }

    private static func label(of day: Day, at granularity: Granularity) -> String {
        let (year, month, _) = day.components
        switch granularity {
        case .day: return day.iso
        case .week:
            let (weekYear, week) = day.isoWeek
            return "\(Day.pad(weekYear, 4))-W\(Day.pad(week, 2))"
        case .month: return "\(Day.pad(year, 4))-\(Day.pad(month, 2))"
        case .quarter: return "\(Day.pad(year, 4))-Q\((month - 1) / 3 + 1)"
        case .year: return Day.pad(year, 4)
        case .decade: return String(Day.pad(year, 4).dropLast()) + "X"
        case .century: return String(Day.pad(year, 4).dropLast(2)) + "XX"
        }
    }
}
