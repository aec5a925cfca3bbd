import DossierCore

/// Parts of a year: seasons ("last spring"), holidays ("Thanksgiving Day") and fiscal years ("fiscal 1989").
extension SentenceTimeFinder {
    /// A season with a year ("summer 1998", "the summer of 1998"), after "this", "last" or "next",
    /// or after "in the" or "this"; otherwise the word is left alone ("prices fall").
    mutating func matchSeason(at index: Int, shift: Int?, start: Int) -> Int {
        guard case .season(let seasonWord) = calendar(index), token(index).kind == .word else { return index + 1 }
        let season = seasonWord.rawValue
        let ofYear = isWord(index + 1, "of") ? 2 : 1
        if let year = year(index + ofYear) {
            emit(start..<(index + ofYear + 1), value: "\(TimexValue.year(year))-\(season)")
            return index + ofYear + 1
        }
        if let (year, end) = spelledYear(at: index + ofYear) {
            emit(start..<end, value: "\(TimexValue.year(year))-\(season)")
            return end
        }
        // "in the summer", "over the early summer"; a season alone is too often a verb or a name ("prices fall").
        let article = isWord(index - 1, "early") || isWord(index - 1, "late") ? index - 2 : index - 1
        let introduced = isWord(article, "the") && token(index).shape.contains(.lowercase)
            && (features(article - 1).contains(.temporalPreposition) || isWord(article - 1, "over") || isWord(article - 1, "into"))
        guard shift != nil || introduced else { return index + 1 }
        var year = documentDate?.year
        if let date = documentDate {
            let seasonIndex = seasonWord.order
            let documentSeason = Season(month: date.month).order
            let direction = shift ?? tense(near: index)
            if shift == -1 || (direction < 0 && seasonIndex > documentSeason) { year = date.year - 1 }  // "last spring": a year back
            if direction > 0, seasonIndex <= documentSeason, shift != nil || seasonIndex < documentSeason { year = date.year + 1 }
        }
        emit(start..<(index + 1), value: "\(TimexValue.year(year))-\(season)")
        return index + 1
    }

    /// "Thanksgiving (Day)", "Christmas Eve", "last Christmas": the holiday's day in the year a month
    /// of it would have ("Thanksgiving" in January is last November's).
    mutating func matchHoliday(_ rule: HolidayRule, at index: Int, shift: Int?, start: Int) -> Int {
        var end = index + 1, dayShift = 0
        if isWord(end, "day") { end += 1 }
        if isWord(end, "eve"), rule == .fixed(month: 12, day: 25) {
            dayShift = -1
            end += 1
        }
        if let written = year(end) {
            emit(start..<(end + 1), value: holidayValue(rule, year: written, dayShift: dayShift))
            return end + 1
        }
        emit(start..<end, value: holidayValue(rule, year: monthYear(rule.month, near: index, shift: shift), dayShift: dayShift))
        return end
    }

    private func holidayValue(_ rule: HolidayRule, year: Int?, dayShift: Int) -> String {
        switch rule {
        case .fixed(let month, let day):
            guard let year, let date = Day(year: year, month: month, day: day) else { return TimexValue.date(year: year, month: month, day: day + dayShift) }
            return date.adding(days: dayShift).iso
        case .weekday(let month, let weekday, let ordinal):
            guard let year, let first = Day(year: year, month: month, day: 1) else { return "XXXX-\(TimexValue.pad(month, 2))-XX" }
            return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (ordinal - 1)).iso
        }
    }

    /// "fiscal 1989", "fiscal year 1990", "the fiscal year", "the fiscal first quarter".
    mutating func matchFiscal(at index: Int) -> Int {
        let next = index + 1
        if let year = year(next) {
            emit(index..<(next + 1), value: TimexValue.year(year))
            return next + 1
        }
        if unit(next) == .year, !isPlural(next) {
            if let year = year(next + 1) {
                emit(index..<(next + 2), value: TimexValue.year(year))
                return next + 2
            }
            guard isWord(index - 1, "the") || calendar(index - 1) == .unitShift(0) else { return index + 1 }
            let start = calendar(index - 1) == .unitShift(0) ? index - 1 : index
            if start == index, isWord(next + 1, "ended") || isWord(next + 1, "ending") {
                emit(start..<(next + 1), type: .duration, value: "P1Y")  // "the fiscal year ended March 31"
            } else {
                emit(start..<(next + 1), value: TimexValue.year(documentDate?.year))
            }
            return next + 1
        }
        if case .ordinal(let ordinal) = calendar(next) { return matchOrdinal(ordinal, at: next, start: index) }
        return index + 1
    }
}
