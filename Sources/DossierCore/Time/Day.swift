/// A calendar day in the proleptic Gregorian calendar, stored as a day number.
///
/// Days are what the evaluator compares and buckets, so they are plain integers
/// (days since 1970-01-01) rather than `Date`s with time zones.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let number: Int

    /// Creates the day with the given day number (days since 1970-01-01).
    public init(number: Int) { self.number = number }

    /// Creates a day from its year, month (1–12) and day of month, or `nil` when there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        // The usual form, ten ASCII bytes, is read straight from them: building a workspace's
        // index reads millions of stored days.
        if let day = text.utf8.withContiguousStorageIfAvailable({ Day.parseTenByteISO($0) }), let day {
            self = day
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` written with digits only; `nil` for anything else, which the general parse reads.
    private static func parseTenByteISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// The year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The year.
    public var year: Int { components.year }
    /// The month, 1–12.
    public var month: Int { components.month }
    /// The day of the month, 1–31.
    public var dayOfMonth: Int { components.day }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        let offset = (number + 3) % 7  // 1970-01-01 was a Thursday (ISO 4).
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// The ISO 8601 week-numbering year and week (1–53) this day falls in.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = Day(number: number - weekday + 4)
        let year = thursday.year
        let firstDay = Day(year: year, month: 1, day: 1)!
        return (year, (thursday.number - firstDay.number) / 7 + 1)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(number: number + count) }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (year, month, day) = components
        return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
    }

    /// `YYYY-MM-DD`.
    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The Monday that starts ISO week `week` of `year`, or `nil` when the year has no such week.
    public static func startOfISOWeek(year: Int, week: Int) -> Day? {
        guard week >= 1, week <= 53 else { return nil }
        let january4 = Day(year: year, month: 1, day: 4)!
        let monday = january4.adding(days: 1 - january4.weekday + (week - 1) * 7)
        return monday.isoWeek.year == year ? monday : nil
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
