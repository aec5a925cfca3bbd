import DossierCore

/// Calendar dates: explicit dates, months, weekdays, years, decades, seasons, fiscal years, clock times.
extension SentenceTimeFinder {
    mutating func matchNumber(at index: Int) -> Int {
        let token = token(index)
        // 2023-07-25
        if token.bytes.count == 10, let day = Day(iso: String(decoding: text.bytes[token.bytes], as: UTF8.self)) {
            emit(index..<(index + 1), value: day.iso)
            return index + 1
        }
        if let time = clockTime(index) { return matchClock(hour: time.hour, minute: time.minute, at: index, end: time.end) }
        if let end = matchYearRange(at: index) { return end }
        if let end = matchAnniversary(at: index) { return end }
        // 25 July (2023)
        if let day = day(index), let month = month(index + 1) {
            if let year = year(index + 2) {
                if Day(year: year, month: month, day: day) != nil {
                    emit(index..<(index + 3), value: TimexValue.date(year: year, month: month, day: day))
                    return index + 3
                }
            } else if Day(year: 2000, month: month, day: day) != nil {
                emit(index..<(index + 2), value: TimexValue.date(year: monthYear(month, near: index, shift: nil), month: month, day: day))
                return index + 2
            }
        }
        if let year = year(index), isYearInContext(index, year: year) {
            if isWord(index - 1, "the"), let (end, quarter) = periodAfterYear(index + 1) {
                // "the 1988 period" (of that year), "the 1988 third quarter": the year or that quarter of it.
                emit((index - 1)..<end, value: quarter.map { TimexValue.quarter($0, year: year) } ?? TimexValue.year(year), modifiers: false)
                return end
            }
            // "2009-2010" is tagged as its two years.
            emit(index..<(index + 1), value: TimexValue.year(year))
            return index + 1
        }
        // 1990s
        if token.bytes.count == 5, text.bytes[token.bytes.upperBound - 1] == UInt8(ascii: "s"),
           text.bytes[token.bytes.upperBound - 2] == UInt8(ascii: "0") {
            let digits = String(decoding: text.bytes[token.bytes.lowerBound..<(token.bytes.upperBound - 2)], as: UTF8.self)
            if let prefix = Int(digits), (100...210).contains(prefix) {
                emit(index..<(index + 1), value: "\(prefix)")
                return index + 1
            }
        }
        if let (value, digits) = integer(index, allowOrdinal: true), digits <= 2, unit(index + 1) == .century, !isPlural(index + 1) {
            emit(index..<(index + 2), value: TimexValue.pad(value - 1, 2))  // "the 20th century" → 19
            return index + 2
        }
        return matchDuration(at: index)
    }

    /// "2009-2010", one token: its two years, each a DATE of its own as TimeML tags a range.
    private mutating func matchYearRange(at index: Int) -> Int? {
        let bytes = token(index).bytes
        guard bytes.count == 9, text.bytes[bytes.lowerBound + 4] == UInt8(ascii: "-"),
              let first = digits(bytes.lowerBound..<(bytes.lowerBound + 4)), let last = digits((bytes.lowerBound + 5)..<bytes.upperBound),
              (1000...2100).contains(first), first < last, last - first <= 100 else { return nil }
        // The token is ASCII, so its code points are its bytes.
        let start = token(index).span.start
        for (year, offset) in [(first, 0), (last, 5)] {
            let value = TimexValue.year(year)
            appendExpression(TimeExpression(span: TextSpan(start: start + offset, end: start + offset + 4), text: value, type: .date,
                                            value: value, range: TimexValue.range(of: value), sentence: sentence), end: index + 1)
        }
        return index + 1
    }

    /// "the 70th anniversary of the 1953 armistice": the year of the anniversary, 2023. Without a year
    /// to count from, an anniversary is left untagged: TimeML reads it as an event, not a time.
    private mutating func matchAnniversary(at index: Int) -> Int? {
        guard let (count, _) = integer(index, allowOrdinal: true), count > 0, count < 1000, isWord(index + 1, "anniversary"),
              token(index).shape.contains(.numeric) == false else { return nil }
        var position = index + 2
        while position < min(range.upperBound, index + 8) {
            if let year = self.year(position) {
                emit((isWord(index - 1, "the") ? index - 1 : index)..<(index + 2), value: TimexValue.year(year + count))
                return index + 2
            }
            position += 1
        }
        return nil
    }

    /// The number the ASCII digits at `bytes` spell, or `nil` when one is no digit.
    private func digits(_ bytes: Range<Int>) -> Int? {
        var value = 0
        for position in bytes {
            let byte = text.bytes[position]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// After "the 1988": "period", "quarter" (the quarter reported on) or "third quarter"; the end and
    /// the quarter (`nil` for a period, which may be a quarter, a half or nine months).
    private func periodAfterYear(_ index: Int) -> (end: Int, quarter: Int?)? {
        let reported = documentDate.map { TimexValue.quarterNumber(of: $0.adding(days: -91)) } ?? 1
        if isWord(index, "period") { return (index + 1, nil) }
        if unit(index) == .quarter, !isPlural(index) { return (index + 1, reported) }
        if case .ordinal(let quarter) = calendar(index), unit(index + 1) == .quarter, !isPlural(index + 1) { return (index + 2, quarter) }
        return nil
    }

    /// Whether a four-digit number reads as a year: not "2000 people", not "$2019", and old years after a preposition.
    private func isYearInContext(_ index: Int, year: Int) -> Bool {
        let next = index + 1
        if next < range.upperBound {
            if token(next).kind == .word, token(next).shape.contains(.lowercase), features(next).contains(.countNoun) { return false }
            if token(next).kind == .symbol || isMark(next, "%") { return false }
            if isTimeZone(next) { return false }  // "1800 UTC", "0735 GMT": a clock time
        }
        if index > range.lowerBound, token(index - 1).kind == .symbol { return false }
        if year < 1800 { return index > range.lowerBound && features(index - 1).contains(.temporalPreposition) }
        return true
    }

    /// The year of a month named without one: the document's, moved by `shift` ("last October") or
    /// by the tense ("issued in October" in July is last year's October, "will visit in March" next year's).
    func monthYear(_ month: Int, near index: Int, shift: Int?) -> Int? {
        guard let date = documentDate else { return nil }
        if shift == 0 { return date.year }  // "this September"
        // "by May", "until June": a deadline, ahead whatever the verb's tense.
        let deadline = isWord(index - 1, "by") || isWord(index - 1, "until")
        let direction = shift ?? (deadline ? 1 : tense(near: index, within: 6, after: 4))
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
        let looksAhead = looksAhead(before: index)
        let tense = tense(near: index)
        var future = shift.map { $0 > 0 } ?? (looksAhead || tense > 0)
        // No tense either way: the nearer day, and the past one when both are as near.
        if shift == nil, !looksAhead, tense == 0 { future = (weekday - date.weekday + 7) % 7 < (date.weekday - weekday + 7) % 7 }
        var offset = future ? (weekday - date.weekday + 7) % 7 : -((date.weekday - weekday + 7) % 7)
        if let shift, shift != 0, offset == 0 { offset = shift > 0 ? 7 : -7 }
        return date.adding(days: offset)
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
        if let month = month(afterComma), day(afterComma + 1) != nil {
            // The date names the day; "next" belongs to the weekday, not to the month.
            let end = matchMonth(at: afterComma, shift: nil, start: start)
            if taggedEnd == end, month > 0 { return end }
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

    /// "10:30" or "10" followed by "a.m."/"p.m.": the hour, minute and the index after the time.
    private func clockTime(_ index: Int) -> (hour: Int, minute: Int, end: Int)? {
        let bytes = token(index).bytes
        var hour = 0, minute = 0, position = bytes.lowerBound, digits = 0
        while position < bytes.upperBound, text.bytes[position] >= 0x30, text.bytes[position] <= 0x39 {
            hour = hour * 10 + Int(text.bytes[position] - 0x30)
            position += 1
            digits += 1
        }
        guard digits >= 1, digits <= 2 else { return nil }
        let hasMinutes = position < bytes.upperBound && text.bytes[position] == UInt8(ascii: ":")
        if hasMinutes {
            guard bytes.upperBound - position == 3 else { return nil }
            minute = Int(text.bytes[position + 1] - 0x30) * 10 + Int(text.bytes[position + 2] - 0x30)
        } else if position != bytes.upperBound {
            return nil
        }
        guard case .meridiem(let offset) = calendar(index + 1) else {
            return hasMinutes && hour < 24 && minute < 60 && tense(near: index) != 0 && index > range.lowerBound
                && (isWord(index - 1, "at") || isWord(index - 1, "by")) ? (hour, minute, index + 1) : nil
        }
        guard (1...12).contains(hour), minute < 60 else { return nil }
        return ((hour % 12) + offset, minute, index + 2)
    }

    /// Whether the token at `index` names a time zone: three capitals ending in "T" or "C" ("EST", "GMT", "UTC").
    private func isTimeZone(_ index: Int) -> Bool {
        guard index < range.upperBound, token(index).kind == .word, token(index).shape.contains(.allCaps), token(index).bytes.count == 3 else { return false }
        let last = text.bytes[token(index).bytes.upperBound - 1] | 0x20
        return last == UInt8(ascii: "t") || last == UInt8(ascii: "c")
    }

    /// A clock time ending before `end`, with an optional time zone and weekday after it ("9 a.m. EST Tuesday").
    mutating func matchClock(hour: Int, minute: Int, at index: Int, end: Int) -> Int {
        var end = end
        if isTimeZone(end) { end += 1 }
        var day = documentDate
        let dateStart = isMark(end, ",") ? end + 1 : end
        if let month = month(dateStart), let dayOfMonth = self.day(dateStart + 1),
           let date = Day(year: monthYear(month, near: index, shift: nil) ?? 2000, month: month, day: dayOfMonth) {
            day = documentDate == nil ? nil : date  // "5 p.m. EST, Nov. 6"
            end = dateStart + 2
        } else if let weekday = weekday(end) {
            day = weekdayDay(weekday, shift: nil, near: end)
            end += 1
        } else if case .dayOffset(let offset) = calendar(end) {
            day = documentDate?.adding(days: offset)
            end += 1
        }
        emit(index..<end, type: .time, value: TimexValue.time(on: day, hour: hour, minute: minute), determiner: false)
        return end
    }

    /// The weekend of the document's week: the one just past, or the coming one in the future tense.
    func weekendValue(shift: Int?, near index: Int) -> String {
        guard let date = documentDate else { return "XXXX-WXX-WE" }
        let future = shift.map { $0 > 0 } ?? (tense(near: index) > 0)
        let saturday = future ? date.adding(days: (6 - date.weekday + 7) % 7) : date.adding(days: -((date.weekday - 6 + 7) % 7))
        return TimexValue.week(of: saturday) + "-WE"
    }
}
