import DossierCore

/// Dates relative to the document date: "last year", "this week", "the third quarter", "now", "the weekend".
extension SentenceTimeFinder {
    /// "last year", "this week", "next month", "last October", "next Tuesday", "the past three years", "this morning".
    mutating func matchShift(_ shift: Int, at index: Int) -> Int {
        let next = index + 1
        guard next < range.upperBound, !isWord(index, "same") else { return index + 1 }
        if isWord(index, "latest"), isWord(next, "period") {
            // "the latest period" of a quarterly report: the quarter just ended.
            emit(index..<(next + 1), value: documentDate.map { TimexValue.quarter(shifting: $0, by: -1) } ?? "XXXX-QX")
            return next + 1
        }
        if count(next) != nil || calendar(next) == .vagueCount || isWord(next, "couple"), !isWord(next, "a"), !isWord(next, "an") {
            return matchDuration(at: next, start: index)  // "the past three years"
        }
        if month(next) != nil { return matchMonth(at: next, shift: shift, start: index) }
        if weekday(next) != nil { return matchWeekday(at: next, shift: shift, start: index) }
        switch calendar(next) {
        case .season: return matchSeason(at: next, shift: shift, start: index)
        case .holiday(let rule) where token(next).shape.contains(.capitalized): return matchHoliday(rule, at: next, shift: shift, start: index)
        case .weekend:
            emit(index..<(next + 1), value: weekendValue(shift: shift, near: index))
            return next + 1
        case .partOfDay(let part):
            let day = documentDate.map { $0.adding(days: isWord(index, "last") && part == .night ? -1 : 0) }
            guard shift <= 0 else { return index + 1 }
            emit(index..<(next + 1), type: .time, value: (day?.iso ?? "XXXX-XX-XX") + "T" + part.rawValue)
            return next + 1
        case .fiscal:
            guard unit(next + 1) == .year, !isPlural(next + 1) else { return index + 1 }
            emit(index..<(next + 2), value: TimexValue.year(documentDate.map { $0.year + shift }))
            return next + 2
        case .unit(let unit) where !isPlural(next) && !isNameWord(next):
            return matchShiftedUnit(unit, shift: shift, at: index)
        case .unit(let unit) where unit != .minute && !isWord(index, "this") && !isWord(index, "current") && shift != 0:
            // "coming years", "past weeks": the future or the past, vaguely.
            emit(index..<(next + 1), value: shift < 0 ? "PAST_REF" : "FUTURE_REF", determiner: false)
            return next + 1
        default:
            break
        }
        if isWord(index, "current") {
            emit(index..<next, value: "PRESENT_REF", determiner: false)
            return next
        }
        if isWord(index, "past"), isWord(index - 1, "the") {
            emit(index..<next, value: "PAST_REF")
            return next
        }
        return index + 1
    }

    /// "last year", "this quarter", "the past year" (a duration), "next week".
    private mutating func matchShiftedUnit(_ unit: CalendarUnit, shift: Int, at index: Int) -> Int {
        let next = index + 1
        if isWord(index, "following"), let value = following(unit, after: latestDate) {
            emit(index..<(next + 1), value: value)  // "the following year": after the date last named
            return next + 1
        }
        if isWord(index, "past"), unit == .year, let date = documentDate {
            emit(index..<(next + 1), value: TimexValue.year(date.year - 1))  // "the past year": TimeBank dates it to last year
            return next + 1
        }
        if isWord(index, "past") || (isWord(index, "last") && isWord(index - 1, "the") && unit != .week) || unit == .decade || unit == .century {
            emit(index..<(next + 1), type: .duration, value: unit.duration(1))
            return next + 1
        }
        if unit == .year, next + 3 < range.upperBound, token(next + 1).shape.contains(.possessive),
           case .ordinal(let quarter) = calendar(next + 2), self.unit(next + 3) == .quarter {
            // "this year's third quarter", "next year's first quarter"
            emit(index..<(next + 4), value: TimexValue.quarter(quarter, year: documentDate.map { $0.year + shift }))
            return next + 4
        }
        let value: String
        switch unit {
        case .year:
            value = documentDate.map { TimexValue.year($0.year + shift) } ?? "XXXX"
        case .month:
            value = documentDate.map { TimexValue.month(shifting: $0, by: shift) } ?? "XXXX-XX"
        case .week:
            value = documentDate.map { TimexValue.week(of: $0.adding(days: 7 * shift)) } ?? "XXXX-WXX"
        case .quarter:
            let quarterShift = isWord(index, "latest") ? -1 : shift
            value = documentDate.map { TimexValue.quarter(shifting: $0, by: quarterShift) } ?? "XXXX-QX"
        case .day where shift == 0:
            return index + 1
        case .day:
            value = documentDate.map { $0.adding(days: shift).iso } ?? "XXXX-XX-XX"
        default:
            return index + 1
        }
        emit(index..<(next + 1), value: value)
        return next + 1
    }

    /// The unit after the one `anchor` falls in ("1996" → the following year "1997"), when `anchor` is that precise.
    private func following(_ unit: CalendarUnit, after anchor: String?) -> String? {
        guard let anchor, let year = Int(anchor.prefix(4)) else { return nil }
        let parts = anchor.split(separator: "-")
        switch unit {
        case .year:
            return TimexValue.year(year + 1)
        case .month:
            guard parts.count >= 2, let month = Int(parts[1]), let first = Day(year: year, month: month, day: 1) else { return nil }
            return TimexValue.month(shifting: first, by: 1)
        case .day:
            return Day(iso: anchor.prefix(10)).map { $0.adding(days: 1).iso }
        default:
            return nil
        }
    }

    /// "now", "currently", "recently", "recent years", "soon", "the (near) future".
    mutating func matchReference(_ value: String, at index: Int) -> Int {
        if isWord(index, "future") {
            let start = isWord(index - 1, "near") ? index - 1 : index
            guard isWord(start - 1, "the"), token(index).shape.contains(.lowercase) else { return index + 1 }  // not "The Future" of a title
            emit(start..<(index + 1), value: value)
            return index + 1
        }
        if isWord(index, "recent"), let unit = unit(index + 1), isPlural(index + 1), unit != .quarter {
            // "in recent years": an unknown number of years, as the TimeML guidelines write it.
            emit(index..<(index + 2), type: .duration, value: unit.duration(nil), determiner: false)
            return index + 2
        }
        guard !isWord(index, "recent") else { return index + 1 }  // "recent fighting": an adjective, seldom a time
        // "Now, he says, ...": a discourse marker opening the sentence, not the present.
        if isWord(index, "now"), token(index).shape.contains(.capitalized), isMark(index + 1, ",") { return index + 1 }
        emit(index..<(index + 1), value: value, determiner: false)
        return index + 1
    }

    /// "that year", "that same day", "later that month": the latest date named before, cut to the unit.
    mutating func matchAnaphora(at index: Int) -> Int {
        let unitIndex = isWord(index + 1, "same") ? index + 2 : index + 1
        guard let unit = unit(unitIndex), !isPlural(unitIndex), let anchor = latestDate else { return index + 1 }
        let value: String?
        switch unit {
        case .year: value = String(anchor.prefix(4))
        case .month: value = anchor.count >= 7 && anchor.dropFirst(5).first?.isNumber == true ? String(anchor.prefix(7)) : nil
        case .day: value = anchor.count >= 10 && anchor.dropFirst(8).first?.isNumber == true ? String(anchor.prefix(10)) : nil
        case .quarter: value = anchor.count == 7 && anchor.dropFirst(5).first == "Q" ? anchor : nil
        default: value = nil
        }
        guard let value else { return index + 1 }
        emit(index..<(unitIndex + 1), value: value)
        return unitIndex + 1
    }

    /// "the near term", "the short term", "a later date", "these days": vague references TimeML tags.
    mutating func matchVagueReference(at index: Int) -> Int? {
        if isWord(index, "the"), isWord(index + 1, "near") || isWord(index + 1, "short"), isWord(index + 2, "term") {
            emit(index..<(index + 3), value: "FUTURE_REF", modifiers: false)
            return index + 3
        }
        if isWord(index, "a"), isWord(index + 1, "later"), isWord(index + 2, "date") {
            emit(index..<(index + 3), value: "FUTURE_REF", modifiers: false)
            return index + 3
        }
        if isWord(index, "these"), isWord(index + 1, "days") {
            emit(index..<(index + 2), value: "PRESENT_REF", modifiers: false)
            return index + 2
        }
        return nil
    }

    /// The year of quarter `quarter` named without one: the latest such quarter, or the next in the future tense.
    func quarterYear(_ quarter: Int, near index: Int) -> Int? {
        guard let date = documentDate else { return nil }
        let current = TimexValue.quarterNumber(of: date)
        // Business news reports on quarters that are over: a later quarter is last year's unless the sentence looks ahead.
        if quarter > current, tense(near: index, within: 6) <= 0 { return date.year - 1 }
        return date.year
    }

    /// "the third quarter (of 1989)", "the first half", "the first nine months" (a duration).
    mutating func matchOrdinal(_ ordinal: Int, at index: Int, start: Int) -> Int {
        let next = index + 1
        if unit(next) == .quarter, !isPlural(next) {
            var end = next + 1
            var year = quarterYear(ordinal, near: index)
            let ofYear = isWord(end, "of") ? end + 1 : end
            if let written = self.year(ofYear) {
                year = written
                end = ofYear + 1
            }
            emit(start..<end, value: TimexValue.quarter(ordinal, year: year))
            return end
        }
        if isWord(next, "half"), ordinal <= 2 {
            var end = next + 1
            var year = documentDate?.year
            if isWord(end, "of"), let written = self.year(end + 1) {
                year = written
                end += 2
            }
            emit(start..<end, value: "\(TimexValue.year(year))-H\(ordinal)")
            return end
        }
        if ordinal == 1, count(next) != nil, !isWord(next, "a") { return matchDuration(at: next, start: start) }
        return index + 1
    }

    /// A unit word without a count: "the quarter" (the one just reported), "the year", "for years".
    mutating func matchBareUnit(_ unit: CalendarUnit, at index: Int) -> Int {
        if isPlural(index) {
            // "for years", "in the weeks before the shooting", "in the days after".
            let isSpan = isWord(index - 1, "for") || (isWord(index - 1, "in") && !isWord(index + 1, "of"))
                || (isWord(index - 1, "the") && (isWord(index + 1, "before") || isWord(index + 1, "after")))
            // "in the weeks ahead", "over the years": with their article.
            if isWord(index - 1, "the"), isWord(index + 1, "ahead") || isWord(index - 2, "over"), unit != .quarter, unit != .minute {
                emit(index..<(index + (isWord(index + 1, "ahead") ? 2 : 1)), type: .duration, value: unit.duration(nil))
                return index + (isWord(index + 1, "ahead") ? 2 : 1)
            }
            guard isSpan, unit != .quarter, unit != .minute else { return index + 1 }
            emit(index..<(index + 1), type: .duration, value: unit.duration(nil), determiner: false)
            return index + 1
        }
        if unit == .year, isWord(index + 1, "end") || (isWord(index + 2, "end") && token(index + 1).shape.contains(.possessive)) {
            // "by year end", "by year's end": the end of the document's year.
            let end = isWord(index + 1, "end") ? index + 2 : index + 3
            emit(index..<end, value: TimexValue.year(documentDate?.year))
            return end
        }
        if unit == .year, isWord(index - 1, "full"), isWord(index - 2, "the") {
            emit((index - 1)..<(index + 1), value: TimexValue.year(documentDate?.year))  // "the full year"
            return index + 1
        }
        guard isWord(index - 1, "the"), !isWord(index + 1, "of"), !isWord(index + 1, "before"), !isWord(index + 1, "after") else { return index + 1 }
        switch unit {
        case .quarter:
            emit(index..<(index + 1), value: documentDate.map { TimexValue.quarter(shifting: $0, by: -1) } ?? "XXXX-QX")
        case .year where isWord(index + 1, "two") && isWord(index + 2, "thousand"):
            emit(index..<(index + 3), value: "2000")  // "the year two thousand", as broadcasts say it
            return index + 3
        case .year where isWord(index + 1, "ended") || isWord(index + 1, "ending"):
            emit(index..<(index + 1), type: .duration, value: unit.duration(1))  // "the year ended March 31": a fiscal year
        case .year:
            emit(index..<(index + 1), value: TimexValue.year(documentDate?.year))
        default:
            return index + 1
        }
        return index + 1
    }
}
