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

    /// `2023-07-25`, or `XXXX-07-25`.
    static func date(year: Int?, month: Int, day: Int) -> String { "\(self.year(year))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `2023-W30`.
    static func week(of day: Day) -> String {
        let (year, week) = day.isoWeek
        return "\(pad(year, 4))-W\(pad(week, 2))"
    }

    /// The range a fully known DATE value denotes, or `nil` when it has unknown parts.
    static func range(of value: String) -> TimeRange? {
        guard !value.contains("XX"), value.first?.isNumber == true else { return nil }
        return TimeRange(literal: value)
    }
}
