import DossierCore

/// Durations ("three years", "a few days", "30-year"), dates counted back from the document date
/// ("two years ago", "a year earlier") and sets ("every week", "each Thursday").
extension SentenceTimeFinder {
    /// A count and a unit starting at `index`; the extent starts at `start` ("the past three years").
    mutating func matchDuration(at index: Int, start: Int? = nil) -> Int {
        if start == nil, let end = matchSpelledYear(at: index) { return end }
        var amount: Int? = count(index)
        if amount == nil, token(index).kind == .number { return index + 1 }  // "1/2", "3.5": no count of units
        var position = index + 1
        if isWord(index, "a"), calendar(position) == .vagueCount {
            amount = nil  // "a few"
            position += 1
        } else if isWord(index, "a"), calendar(position) == .number(100) {
            amount = 100  // "a hundred years"
            position += 1
        } else if isWord(index, "a"), isWord(position, "couple"), isWord(position + 1, "of") {
            amount = 2
            position += 2
        } else if isWord(index, "couple"), isWord(position, "of") {
            amount = 2  // "the next couple of years"
            position += 1
        } else if calendar(index) == .vagueCount {
            amount = nil
        } else if let tens = amount, tens >= 20, tens % 10 == 0, case .number(let ones) = calendar(position), ones < 10 {
            amount = tens + ones  // "twenty four"
            position += 1
        }
        if isWord(position, "more") || isWord(position, "additional") || isWord(position, "extra") { position += 1 }
        let andAHalf = amount != nil && isMark(position, "1/2")  // "5 1/2 hours"
        if andAHalf { position += 1 }
        let hyphenated = isMark(position, "-") && token(index).kind == .number
        if hyphenated { position += 1 }
        guard let unit = unit(position), !isNameWord(position) else { return index + 1 }
        // "60 Minutes", "48 Hours": a capitalised unit after digits is a title.
        if token(index).kind == .number, token(position).shape.contains(.capitalized) { return position + 1 }
        if isWord(position + 1, "old") { return position + 2 }  // "52 years old": an age
        if isWord(index, "a") || isWord(index, "an") {
            // "$2 million a year", "four flights a week": a rate, not a time; "a quarter of": a fraction.
            let isRelative = calendar(position + 1) == .ago || calendar(position + 1) == .direction(-1)
            if unit == .quarter || (isRate(before: index) && !isRelative) { return position + 1 }
        }
        if hyphenated, isMark(position + 1, "-") || isWord(position + 1, "old") { return position + 1 }  // "8-year-old"
        guard amount != 1 || !isPlural(position) || token(index).kind == .number else { return index + 1 }
        let first = start ?? index
        let end = position + 1
        switch calendar(end) {
        case .ago, .direction(-1):
            // "almost four years ago", "about two years ago": TimeBank keeps the hedge with "ago".
            let hedged = first - 1 >= taggedEnd && calendar(end) == .ago && (isWord(first - 1, "almost") || isWord(first - 1, "about"))
            emit((hedged ? first - 1 : first)..<(end + 1), value: amount.map { relativeValue(unit, count: -$0, near: index) } ?? "PAST_REF")
            return end + 1
        default:
            break
        }
        // "30-year bonds": an adjective, whose extent is the word alone ("up to 30-year bonds"). "The"
        // belongs to "the nine months ended Sept. 30" but not to "the two day rally" or "the two days of music".
        let adjective = hyphenated || ((amount ?? 0) > 1 && !isPlural(position))
        let determiner = start != nil || (!adjective && !isWord(end, "of"))
        let value = andAHalf ? unit.durationAndAHalf(amount ?? 0) : unit.duration(amount)
        emit(first..<end, type: .duration, value: value, determiner: determiner, modifiers: !hyphenated)
        return end
    }

    /// A year in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen seventy".
    private mutating func matchSpelledYear(at index: Int) -> Int? {
        guard let (year, end) = spelledYear(at: index) else { return nil }
        emit(index..<end, value: TimexValue.year(year), modifiers: false)
        return end
    }

    /// The year spelled out from `index` ("nineteen ninety-six") and the index after it.
    func spelledYear(at index: Int) -> (year: Int, end: Int)? {
        guard case .number(let century) = calendar(index), century == 19 || century == 20, index + 1 < range.upperBound else { return nil }
        let next = index + 1
        var tens: Int?
        if case .number(let value) = calendar(next), value >= 10 {
            tens = value
        } else if token(next).kind == .word, token(next).shape.contains(.hyphenated) {
            tens = spelledNumber(next)
        }
        guard let tens, tens >= 10, tens < 100 else { return nil }
        return (century * 100 + tens, next + 1)
    }

    /// Whether the word before "a" at `index` makes it "per": a number, an amount or a counted noun ("four flights a week").
    private func isRate(before index: Int) -> Bool {
        let previous = index - 1
        guard previous >= range.lowerBound else { return false }
        if token(previous).kind == .number || isWord(previous, "million") || isWord(previous, "billion") || isWord(previous, "thousand") { return true }
        return token(previous).shape.contains(.lowercase) && count(previous - 1) != nil && !isWord(previous - 1, "a")
    }

    /// Whether the word at `index` is written as part of a name ("60 Minutes", "This Week"): capitalised mid-sentence.
    func isNameWord(_ index: Int) -> Bool {
        index > range.lowerBound && token(index).shape.contains(.capitalized) && token(index - 1).kind == .word
    }

    /// The date `count` units from the document date (before it when negative), at the unit's granularity.
    private func relativeValue(_ unit: CalendarUnit, count: Int, near index: Int) -> String {
        guard let date = documentDate else {
            switch unit {
            case .minute, .hour, .day: return "XXXX-XX-XX"
            case .week: return "XXXX-WXX"
            case .month: return "XXXX-XX"
            case .quarter: return "XXXX-QX"
            case .year, .decade, .century: return "XXXX"
            }
        }
        switch unit {
        case .minute, .hour: return date.iso
        case .day: return date.adding(days: count).iso
        case .week: return TimexValue.week(of: date.adding(days: 7 * count))
        case .month: return TimexValue.month(shifting: date, by: count)
        case .quarter: return TimexValue.quarter(shifting: date, by: count)
        case .year:
            // In a report on a quarter, "a year earlier" is that quarter a year before.
            if count == -1, speaksOfQuarters { return TimexValue.quarter(shifting: date, by: -5) }
            return TimexValue.year(date.year + count)
        case .decade: return TimexValue.year(date.year + 10 * count)
        case .century: return TimexValue.year(date.year + 100 * count)
        }
    }


    /// "every week", "each year", "every two years", "each Thursday", "each July".
    mutating func matchSet(at index: Int) -> Int {
        let next = index + 1
        if let weekday = weekday(next) {
            emit(index..<(next + 1), type: .set, value: "XXXX-WXX-\(weekday)", determiner: false)
            return next + 1
        }
        if let month = month(next) {
            emit(index..<(next + 1), type: .set, value: TimexValue.month(month, year: nil), determiner: false)
            return next + 1
        }
        var amount = 1, position = next
        if let written = count(next), !isWord(next, "a") {
            amount = written
            position += 1
        }
        guard let unit = unit(position) else { return index + 1 }
        emit(index..<(position + 1), type: .set, value: unit.duration(amount), determiner: false)
        return position + 1
    }
}
