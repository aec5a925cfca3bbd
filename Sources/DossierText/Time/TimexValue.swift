import DossierCore

/// Builds TIMEX3 values, with `X` for the parts the document date cannot supply.
enum TimexValue {
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `2023`, or `XXXX`.
    static func year(_ year: Int?) -> String { year.map { pad($0, 4) } ?? "XXXX" }

    /// `2023-10`, or `XXXX-10`.
    static func month(_ month: Int, year: Int?) -> String { "\(self.year(year))-\(pad(month, 2))" }

    /// The month `count` months after the month of `day` (before it when negative): `2023-05`.
    static func month(shifting day: Day, by count: Int) -> String {
        let total = day.year * 12 + (day.month - 1) + count
        return month(total % 12 + 1, year: total / 12)
    }

    /// `2023-07-25`, or `XXXX-07-25`.
    static func date(year: Int?, month: Int, day: Int) -> String { "\(self.year(year))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `2023-W30`.
    static func week(of day: Day) -> String {
        let (year, week) = day.isoWeek
        return "\(pad(year, 4))-W\(pad(week, 2))"
    }

    /// `2023-Q3`, or `XXXX-Q3`.
    static func quarter(_ quarter: Int, year: Int?) -> String { "\(self.year(year))-Q\(quarter)" }

    /// The quarter `count` quarters after the quarter of `day` (before it when negative): `2023-Q2`.
    static func quarter(shifting day: Day, by count: Int) -> String {
        let total = day.year * 4 + (day.month - 1) / 3 + count
        return quarter(total % 4 + 1, year: total / 4)
    }

    /// The quarter (1–4) `day` falls in.
    static func quarterNumber(of day: Day) -> Int { (day.month - 1) / 3 + 1 }

    /// A clock time on a day: `2023-07-25T10:30`, or `XXXX-XX-XXT10:30` without a day.
    static func time(on day: Day?, hour: Int, minute: Int) -> String {
        "\(day?.iso ?? "XXXX-XX-XX")T\(pad(hour, 2)):\(pad(minute, 2))"
    }

    /// Whether `value` starts with a known four-digit year ("1998-10", not "XXXX-10" or "PRESENT_REF").
    static func hasKnownYear(_ value: String) -> Bool {
        let head = value.utf8.prefix(4)
        return head.count == 4 && head.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The range a fully known DATE value denotes, or `nil` when it has unknown parts.
    static func range(of value: String) -> TimeRange? {
        if let range = commonRange(of: value) { return range }
        guard !value.contains("X"), value.first?.isNumber == true else {
            // "199X" is a decade too, as TimeRange reads it.
            return value.count == 4 && value.hasSuffix("X") && !value.dropLast().contains("X") ? TimeRange(literal: value) : nil
        }
        if value.count == 3, let decade = Int(value) { return .decade(startingIn: decade * 10) }  // "199": the 1990s
        if value.count == 2, let century = Int(value) {  // "19": the 1900s
            return TimeRange.unit(.century, containing: Day(year: century * 100, month: 1, day: 1)!)
        }
        if let time = value.firstIndex(of: "T") { return TimeRange(literal: value[..<time]) }
        return TimeRange(literal: value) ?? partOfYearRange(value)
    }

    /// The range of the common values, `2023`, `2023-07` and `2023-07-25`, read from their bytes:
    /// every DATE gets its range, and parsing those as literals would cost more than finding them.
    private static func commonRange(of value: String) -> TimeRange? {
        var digits: (Int, Int, Int) = (0, 0, 0)
        var field = 0, length = 0
        for byte in value.utf8 {
            if byte == UInt8(ascii: "-") {
                field += 1
                guard field < 3 else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            switch field {
            case 0: digits.0 = digits.0 * 10 + digit
            case 1: digits.1 = digits.1 * 10 + digit
            default: digits.2 = digits.2 * 10 + digit
            }
            length += 1
        }
        switch (field, length) {
        case (0, 4): return .year(digits.0)
        case (1, 6): return .month(year: digits.0, month: digits.1)
        case (2, 8): return Day(year: digits.0, month: digits.1, day: digits.2).map(TimeRange.day)
        default: return nil
        }
    }

    /// The range of a season (`2023-SU`, meteorological: June to August; winter runs into the next
    /// year), a half (`2023-H1`) or a weekend (`2023-W30-WE`, Saturday and Sunday).
    private static func partOfYearRange(_ value: String) -> TimeRange? {
        let parts = value.split(separator: "-")
        guard parts.count >= 2, parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        func months(_ first: Int, _ count: Int) -> TimeRange? {
            guard let start = Day(year: year, month: first, day: 1) else { return nil }
            let total = year * 12 + first - 1 + count
            let end = Day(year: total / 12, month: total % 12 + 1, day: 1)!
            return TimeRange(start: start, end: end, granularity: .quarter)
        }
        switch parts.count == 2 ? String(parts[1]) : "" {
        case "SP": return months(3, 3)
        case "SU": return months(6, 3)
        case "FA": return months(9, 3)
        case "WI": return months(12, 3)
        case "H1": return months(1, 6)
        case "H2": return months(7, 6)
        default: break
        }
        guard parts.count == 3, parts[2] == "WE", parts[1].first == "W", let week = Int(parts[1].dropFirst()),
              let monday = Day.startOfISOWeek(year: year, week: week) else { return nil }
        return TimeRange(start: monday.adding(days: 5), end: monday.adding(days: 7), granularity: .day)
    }
}
