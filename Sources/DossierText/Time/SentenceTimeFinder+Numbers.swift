import DossierCore

/// Numbers: dates in digits ("2023-07-25", "25 July"), years ("2017", "the 1988 period"), year ranges ("2009-2010"),
/// decades ("1990s"), centuries ("20th century") and anniversaries of a year.
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
            // "the 20th century" → 19, with its article as the ordinal needs one.
            emit((isWord(index - 1, "the") ? index - 1 : index)..<(index + 2), value: TimexValue.pad(value - 1, 2))
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
}
