import DossierCore

/// Finds the time expressions of one sentence for `RuleBasedTimeTagger`.
struct SentenceTimeFinder {
    let text: AnalyzedText
    let gazetteer: Gazetteer
    let range: Range<Int>
    let sentence: Int
    let documentDate: Day?
    private var output: [TimeExpression] = []

    init(text: AnalyzedText, gazetteer: Gazetteer, range: Range<Int>, sentence: Int) {
        self.text = text
        self.gazetteer = gazetteer
        self.range = range
        self.sentence = sentence
        documentDate = text.document.date
    }

    // MARK: Token facts

    private func token(_ index: Int) -> Token { text.tokens[index] }
    private func calendar(_ index: Int) -> CalendarWord? { index < range.upperBound ? gazetteer.calendarWord(text.words[index]) : nil }
    private func features(_ index: Int) -> WordFeatures { index >= range.lowerBound && index < range.upperBound ? gazetteer.features(text.words[index]) : [] }

    /// The integer value of a token of plain digits ("25"), or of an ordinal ("25th") when `ordinal` allows.
    private func integer(_ index: Int, allowOrdinal: Bool = false) -> (value: Int, digits: Int)? {
        guard index < range.upperBound, token(index).kind == .number else { return nil }
        var value = 0, digits = 0
        var position = token(index).bytes.lowerBound
        let end = token(index).bytes.upperBound
        while position < end, text.bytes[position] >= 0x30, text.bytes[position] <= 0x39, digits < 9 {
            value = value * 10 + Int(text.bytes[position] - 0x30)
            digits += 1
            position += 1
        }
        if position == end { return (value, digits) }
        guard allowOrdinal, end - position == 2 else { return nil }
        let suffix = (text.bytes[position] | 0x20, text.bytes[position + 1] | 0x20)
        switch suffix {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): return (value, digits)  // st nd rd th
        default: return nil
        }
    }

    private func month(_ index: Int) -> Int? {
        guard index < range.upperBound, token(index).shape.contains(.capitalized), case .month(let month) = calendar(index) else { return nil }
        return month
    }

    private func day(_ index: Int) -> Int? {
        guard let (value, digits) = integer(index, allowOrdinal: true), digits <= 2, (1...31).contains(value) else { return nil }
        return value
    }

    private func year(_ index: Int) -> Int? {
        guard let (value, digits) = integer(index), digits == 4, (1000...2100).contains(value) else { return nil }
        return value
    }

    private var speaksOfFuture: Bool { range.contains { features($0).contains(.futureMarker) } }

    // MARK: Finding

    mutating func find(into result: inout [TimeExpression]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let end = match(at: index)
            index = max(end, index + 1)
        }
        result.append(contentsOf: output)
    }

    private mutating func emit(_ tokens: Range<Int>, type: TimexType = .date, value: String) {
        let range = type == .date ? TimexValue.range(of: value) : nil
        output.append(TimeExpression(span: text.span(ofTokens: tokens), text: text.text(ofTokens: tokens), type: type,
                                     value: value, range: range, sentence: sentence))
    }

    /// Tags the expression starting at `index`, if any; returns the index after it.
    private mutating func match(at index: Int) -> Int {
        let token = token(index)
        if token.kind == .number { return matchNumber(at: index) }
        guard token.kind == .word else { return index + 1 }
        switch calendar(index) {
        case .month: return matchMonth(at: index, shift: nil, start: index)
        case .weekday(let weekday) where token.shape.contains(.capitalized):
            emit(index..<(index + 1), value: weekdayValue(weekday, shift: nil))
            return index + 1
        case .dayOffset(let offset):
            emit(index..<(index + 1), value: documentDate.map { $0.adding(days: offset).iso } ?? "XXXX-XX-XX")
            return index + 1
        case .unitShift(let shift):
            return matchShift(shift, at: index)
        case .number(let count):
            return matchDuration(count: count, at: index)
        default:
            return index + 1
        }
    }

    private mutating func matchNumber(at index: Int) -> Int {
        let token = token(index)
        // 2023-07-25
        if token.bytes.count == 10, let day = Day(iso: String(decoding: text.bytes[token.bytes], as: UTF8.self)) {
            emit(index..<(index + 1), value: day.iso)
            return index + 1
        }
        // 25 July (2023)
        if let day = day(index), let month = month(index + 1) {
            if let year = year(index + 2) {
                if Day(year: year, month: month, day: day) != nil {
                    emit(index..<(index + 3), value: TimexValue.date(year: year, month: month, day: day))
                    return index + 3
                }
            } else if Day(year: 2000, month: month, day: day) != nil {
                emit(index..<(index + 2), value: TimexValue.date(year: documentDate?.year, month: month, day: day))
                return index + 2
            }
        }
        if let year = year(index), isYearInContext(index, year: year) {
            emit(index..<(index + 1), value: TimexValue.year(year))
            return index + 1
        }
        // 1990s
        if token.bytes.count == 5, text.bytes[token.bytes.upperBound - 1] == UInt8(ascii: "s"),
           text.bytes[token.bytes.upperBound - 2] == UInt8(ascii: "0") {
            let digits = String(decoding: text.bytes[token.bytes.lowerBound..<(token.bytes.upperBound - 2)], as: UTF8.self)
            if let prefix = Int(digits), (100...210).contains(prefix) {
                emit(index..<(index + 1), value: "\(prefix)X")
                return index + 1
            }
        }
        if let (count, digits) = integer(index), digits <= 3 { return matchDuration(count: count, at: index) }
        return index + 1
    }

    /// Whether a four-digit number reads as a year: not "2000 people", not "$2019", and old years after a preposition.
    private func isYearInContext(_ index: Int, year: Int) -> Bool {
        let next = index + 1
        if next < range.upperBound {
            if token(next).kind == .word, token(next).shape.contains(.lowercase), features(next).contains(.countNoun) { return false }
            if token(next).kind == .symbol || text.token(next, is: "%") { return false }
        }
        if index > range.lowerBound, token(index - 1).kind == .symbol { return false }
        if year < 1800 { return index > range.lowerBound && features(index - 1).contains(.temporalPreposition) }
        return true
    }

    private mutating func matchMonth(at index: Int, shift: Int?, start: Int) -> Int {
        guard let month = month(index) else { return index + 1 }
        if let day = day(index + 1) {
            let hasComma = index + 2 < range.upperBound && text.token(index + 2, is: ",")
            if let year = year(index + (hasComma ? 3 : 2)), Day(year: year, month: month, day: day) != nil {
                let end = index + (hasComma ? 4 : 3)
                emit(start..<end, value: TimexValue.date(year: year, month: month, day: day))
                return end
            }
            if Day(year: 2000, month: month, day: day) != nil {
                emit(start..<(index + 2), value: TimexValue.date(year: documentDate?.year, month: month, day: day))
                return index + 2
            }
        }
        if let year = year(index + 1) {
            emit(start..<(index + 2), value: TimexValue.month(month, year: year))
            return index + 2
        }
        if month == 5, shift == nil, !features(index - 1).contains(.temporalPreposition) { return index + 1 }  // "May" the verb
        var year = documentDate?.year
        if let shift, let date = documentDate {
            if shift < 0, month >= date.month { year = date.year - 1 }
            if shift > 0, month <= date.month { year = date.year + 1 }
        }
        emit(start..<(index + 1), value: TimexValue.month(month, year: year))
        return index + 1
    }

    private func weekdayValue(_ weekday: Int, shift: Int?) -> String {
        guard let date = documentDate else { return "XXXX-WXX-\(weekday)" }
        let future = shift.map { $0 > 0 } ?? speaksOfFuture
        var offset = future ? (weekday - date.weekday + 7) % 7 : -((date.weekday - weekday + 7) % 7)
        if let shift, offset == 0 { offset = shift > 0 ? 7 : -7 }
        return date.adding(days: offset).iso
    }

    /// "last year", "this week", "next month", "last October", "next Tuesday".
    private mutating func matchShift(_ shift: Int, at index: Int) -> Int {
        let next = index + 1
        guard next < range.upperBound else { return index + 1 }
        if month(next) != nil { return matchMonth(at: next, shift: shift, start: index) }
        if case .weekday(let weekday) = calendar(next), token(next).shape.contains(.capitalized) {
            emit(index..<(next + 1), value: weekdayValue(weekday, shift: shift))
            return next + 1
        }
        guard case .unit(let unit) = calendar(next), !text.token(index, is: "past"), !text.token(index, is: "previous"),
              token(next).bytes.count == unit.rawValue.utf8.count else { return index + 1 }
        let value: String
        switch unit {
        case .year:
            value = documentDate.map { TimexValue.year($0.year + shift) } ?? "XXXX"
        case .month:
            value = documentDate.map { date in
                let total = date.year * 12 + (date.month - 1) + shift
                return TimexValue.month(total % 12 + 1, year: total / 12)
            } ?? "XXXX-XX"
        case .week:
            value = documentDate.map { TimexValue.week(of: $0.adding(days: 7 * shift)) } ?? "XXXX-WXX"
        case .day, .decade:
            return index + 1
        }
        emit(index..<(next + 1), value: value)
        return next + 1
    }

    /// "three years" → P3Y; "two weeks ago" → the week two weeks before the document date.
    private mutating func matchDuration(count: Int, at index: Int) -> Int {
        let next = index + 1
        guard next < range.upperBound, case .unit(let unit) = calendar(next) else { return index + 1 }
        let isAgo = next + 1 < range.upperBound && calendar(next + 1) == .ago
        guard isAgo else {
            emit(index..<(next + 1), type: .duration, value: "P\(count)\(unit.durationLetter)")
            return next + 1
        }
        let value: String
        if let date = documentDate {
            switch unit {
            case .day: value = date.adding(days: -count).iso
            case .week: value = TimexValue.week(of: date.adding(days: -7 * count))
            case .month:
                let total = date.year * 12 + (date.month - 1) - count
                value = TimexValue.month(total % 12 + 1, year: total / 12)
            case .year: value = TimexValue.year(date.year - count)
            case .decade: value = TimexValue.year(date.year - 10 * count)
            }
        } else {
            value = unit == .day ? "XXXX-XX-XX" : unit == .week ? "XXXX-WXX" : unit == .month ? "XXXX-XX" : "XXXX"
        }
        emit(index..<(next + 2), value: value)
        return next + 2
    }
}
