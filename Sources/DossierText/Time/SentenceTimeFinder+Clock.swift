import DossierCore

/// Clock times: "10:35 a.m.", "9 a.m. EST Tuesday", "noon Thursday", "5 p.m. EST, Nov. 6", "1800 UTC".
extension SentenceTimeFinder {
    /// "10:30" or "10" followed by "a.m."/"p.m.": the hour, minute and the index after the time.
    func clockTime(_ index: Int) -> (hour: Int, minute: Int, end: Int)? {
        let bytes = token(index).bytes
        var hour = 0, minute = 0, position = bytes.lowerBound, digits = 0
        while position < bytes.upperBound, text.bytes[position] >= 0x30, text.bytes[position] <= 0x39 {
            hour = hour * 10 + Int(text.bytes[position] - 0x30)
            position += 1
            digits += 1
        }
        // "at 1800 UTC": four digits with a time zone are a clock time. In parentheses they restate the
        // time before them in another zone ("10:35 a.m. (0735 GMT)"), which TimeML leaves untagged.
        if digits == 4, position == bytes.upperBound, isTimeZone(index + 1), index == range.lowerBound || !isMark(index - 1, "(") {
            return hour / 100 < 24 && hour % 100 < 60 ? (hour / 100, hour % 100, index + 1) : nil
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

    /// Whether the token at `index`, inside the sentence, names a time zone ("EST", "GMT", "UTC"; with
    /// `twoLetters`, after a clock time, also "ET" and "PT").
    func isTimeZone(_ index: Int, twoLetters: Bool = false) -> Bool {
        index < range.upperBound && text.isTimeZoneAbbreviation(index, twoLetters: twoLetters)
    }

    /// A clock time ending before `end`, with an optional time zone and weekday after it ("9 a.m. EST Tuesday").
    mutating func matchClock(hour: Int, minute: Int, at index: Int, end: Int) -> Int {
        var end = end
        if isTimeZone(end, twoLetters: true) { end += 1 }  // "9:54 a.m. ET"
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
}
