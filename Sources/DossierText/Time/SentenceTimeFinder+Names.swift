import DossierCore

/// Months ("in October", "June last year"), weekdays ("Friday", "Monday, Oct. 26"), "today" and "yesterday",
/// read as past or future by the tense around them.
extension SentenceTimeFinder {
    /// The year of a month named without one: the document's, moved by `shift` ("last October") or
    /// by the tense ("issued in October" in July is last year's October, "will visit in March" next year's).
    func monthYear(_ month: Int, near index: Int, shift: Int?) -> Int? {
        guard let date = documentDate else { return nil }
        if shift == 0 { return date.year }  // "this September"
        // "by May", "until June": a deadline, ahead whatever the verb's tense.
        let deadline = isWord(index - 1, "by") || isWord(index - 1, "until")
        let direction = shift ?? (deadline || followsPlan(index) ? 1 : tense(near: index, within: 6, after: 4))
        if direction < 0, month > date.month || (shift != nil && month == date.month) { return date.year - 1 }
        if direction > 0, month < date.month || (shift != nil && month == date.month) { return date.year + 1 }
        // No tense: the coming such month when it is at most four months ahead ("payable Jan. 2" in
        // November), else the latest ("in late November" written in April is last November).
        if direction == 0 {
            let monthsAhead = (month - date.month + 12) % 12
            if monthsAhead <= 4 { return month >= date.month ? date.year : date.year + 1 }
            return month <= date.month ? date.year : date.year - 1
        }
        return date.year
    }

    mutating func matchMonth(at index: Int, shift: Int?, start: Int) -> Int {
        guard let month = month(index) else { return index + 1 }
        if let day = day(index + 1) {
            let hasComma = isMark(index + 2, ",")
            if let year = year(index + (hasComma ? 3 : 2)), Day(year: year, month: month, day: day) != nil {
                let end = index + (hasComma ? 4 : 3)
                emit(start..<end, value: TimexValue.date(year: year, month: month, day: day))
                return end
            }
            if Day(year: 2000, month: month, day: day) != nil {
                let year = monthYear(month, near: index, shift: shift)
                // "the week of March 6": that date's week.
                if start == index, index - 3 >= taggedEnd, isWord(index - 1, "of"), isWord(index - 2, "week"), isWord(index - 3, "the"),
                   let year, let date = Day(year: year, month: month, day: day) {
                    emit((index - 3)..<(index + 2), value: TimexValue.week(of: date), modifiers: false)
                    return index + 2
                }
                emit(start..<(index + 2), value: TimexValue.date(year: year, month: month, day: day))
                // "April 24 and 25": the second day of the same month.
                if isWord(index + 2, "and") || isWord(index + 2, "to"), let second = self.day(index + 3), second > day, self.month(index + 4) == nil {
                    emit((index + 3)..<(index + 4), value: TimexValue.date(year: year, month: month, day: second))
                    return index + 4
                }
                return index + 2
            }
        }
        let ofYear = isWord(index + 1, "of") ? 2 : 1
        if let year = year(index + ofYear) {
            emit(start..<(index + ofYear + 1), value: TimexValue.month(month, year: year))
            return index + ofYear + 1
        }
        if let (year, end) = spelledYear(at: index + ofYear) {
            emit(start..<end, value: TimexValue.month(month, year: year))
            return end
        }
        if month == 5, shift == nil, !features(index - 1).contains(.temporalPreposition) { return index + 1 }  // "May" the verb
        // "the March of the Mothers", "the annual March for Life": a march, not a month.
        if shift == nil, (isWord(index + 1, "of") && isWord(index + 2, "the")) || isWord(index - 1, "annual") { return index + 1 }
        // "June last year", "January this year"
        if shift == nil, case .unitShift(let yearShift) = calendar(index + 1), unit(index + 2) == .year, !isPlural(index + 2) {
            emit(start..<(index + 3), value: TimexValue.month(month, year: documentDate.map { $0.year + yearShift }))
            return index + 3
        }
        emit(start..<(index + 1), value: TimexValue.month(month, year: monthYear(month, near: index, shift: shift)))
        return index + 1
    }

    /// The day a weekday names: the latest such day on or before the document date, or the next one
    /// on or after it when `shift` or the tense says future.
    func weekdayDay(_ weekday: Int, shift: Int?, near index: Int) -> Day? {
        guard let date = documentDate else { return nil }
        if shift == 0 { return date.adding(days: weekday - date.weekday) }  // "this Friday": in the document's week
        let looksAhead = looksAhead(before: index)
        let tense = tense(near: index)
        var future = shift.map { $0 > 0 } ?? (looksAhead || tense > 0)
        // No tense either way: the nearer day, and the past one when both are as near.
        if shift == nil, !looksAhead, tense == 0 { future = (weekday - date.weekday + 7) % 7 < (date.weekday - weekday + 7) % 7 }
        var offset = future ? (weekday - date.weekday + 7) % 7 : -((date.weekday - weekday + 7) % 7)
        if let shift, offset == 0 { offset = shift > 0 ? 7 : -7 }
        return date.adding(days: offset)
    }

    /// Whether a plan opens the clause before `index`: "was scheduled to visit South Africa for the
    /// BRICS summit in August" looks ahead although "was" is past.
    private func followsPlan(_ index: Int) -> Bool {
        var position = index - 1
        while position > max(range.lowerBound, index - 12), token(position).kind != .punctuation {
            if isWord(position, "to"), isWord(position - 1, "scheduled") || isWord(position - 1, "planned")
                || isWord(position - 1, "slated") || isWord(position - 1, "intends") || isWord(position - 1, "plans") {
                return true
            }
            position -= 1
        }
        return false
    }

    /// Whether the words before `index` look ahead whatever the verb's tense: "until Tuesday",
    /// "as soon as Tuesday", "set to resume Monday".
    private func looksAhead(before index: Int) -> Bool {
        isWord(index - 1, "until") || isWord(index - 1, "as") || followsInfinitive(index)
    }

    /// Whether an infinitive comes shortly before `index` in the same clause ("planned to leave Nairobi on Thursday").
    private func followsInfinitive(_ index: Int) -> Bool {
        var position = index - 1
        while position > max(range.lowerBound, index - 4), token(position).kind != .punctuation {
            if isWord(position - 1, "to"), token(position).kind == .word, token(position).shape.contains(.lowercase),
               !isWord(position, "the"), !isWord(position, "a"), !isWord(position, "an") {
                return true
            }
            position -= 1
        }
        return false
    }

    /// "Friday", "Friday morning", "Monday, Oct. 26", "next Tuesday".
    mutating func matchWeekday(at index: Int, shift: Int?, start: Int) -> Int {
        guard let weekday = weekday(index) else { return index + 1 }
        // "Monday, Oct. 26": the date says which Monday.
        let afterComma = isMark(index + 1, ",") ? index + 2 : index + 1
        if month(afterComma) != nil, day(afterComma + 1) != nil {
            // The date names the day; "next" belongs to the weekday, not to the month.
            let end = matchMonth(at: afterComma, shift: nil, start: start)
            if taggedEnd == end { return end }
        }
        let day = weekdayDay(weekday, shift: shift, near: index)
        if case .partOfDay = calendar(index + 1) {
            // "Friday morning": TimeBank mostly gives the day, which keeps the expression a DATE with a range.
            emit(start..<(index + 2), value: day?.iso ?? "XXXX-WXX-\(weekday)", modifiers: false)
            return index + 2
        }
        // TimeBank leaves "earlier" and "late" out of "Earlier Friday", "late Monday".
        emit(start..<(index + 1), value: day?.iso ?? "XXXX-WXX-\(weekday)", modifiers: start < index)
        return index + 1
    }

    /// "today", "yesterday morning", "tonight".
    mutating func matchDayOffset(_ offset: Int, at index: Int) -> Int {
        if isNameWord(index) { return index + 1 }  // "VOA Today"
        if offset == 0, index + 1 < range.upperBound, token(index + 1).shape.contains(.possessive) { return index + 2 }  // "today's youth"
        let day = documentDate.map { $0.adding(days: offset) }
        if case .partOfDay(let part) = calendar(index + 1) {
            emit(index..<(index + 2), type: .time, value: (day?.iso ?? "XXXX-XX-XX") + "T" + part.rawValue)
            return index + 2
        }
        if isWord(index, "tonight") {
            emit(index..<(index + 1), type: .time, value: (day?.iso ?? "XXXX-XX-XX") + "TNI")
            return index + 1
        }
        emit(index..<(index + 1), value: day?.iso ?? "XXXX-XX-XX")
        return index + 1
    }

    /// The weekend of the document's week: the one just past, or the coming one in the future tense.
    func weekendValue(shift: Int?, near index: Int) -> String {
        guard let date = documentDate else { return "XXXX-WXX-WE" }
        let future = shift.map { $0 > 0 } ?? (tense(near: index) > 0)
        let saturday = future ? date.adding(days: (6 - date.weekday + 7) % 7) : date.adding(days: -((date.weekday - 6 + 7) % 7))
        return TimexValue.week(of: saturday) + "-WE"
    }
}
