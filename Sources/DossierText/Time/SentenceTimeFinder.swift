import DossierCore

/// Finds the time expressions of one sentence for `RuleBasedTimeTagger`.
///
/// The matchers (in the `SentenceTimeFinder+…` files) each start at one kind of token and return
/// the index after what they tagged; `emit` widens the extent over the modifiers TimeML keeps
/// ("the", "early", "nearly", "more than").
struct SentenceTimeFinder {
    let text: AnalyzedText
    let gazetteer: Gazetteer
    let range: Range<Int>
    let sentence: Int
    let documentDate: Day?
    private var output: [TimeExpression] = []
    /// The index after the last tagged expression: extents never reach back over it.
    private(set) var taggedEnd: Int

    /// The value of the latest date before the sentence whose year is known: what "that year" refers to.
    let earlierDate: String?

    init(text: AnalyzedText, gazetteer: Gazetteer, range: Range<Int>, sentence: Int, earlierDate: String? = nil) {
        self.text = text
        self.earlierDate = earlierDate
        self.gazetteer = gazetteer
        self.range = range
        self.sentence = sentence
        documentDate = text.document.date
        taggedEnd = range.lowerBound
    }

    // MARK: Token facts

    func token(_ index: Int) -> Token { text.tokens[index] }
    func calendar(_ index: Int) -> CalendarWord? {
        index >= range.lowerBound && index < range.upperBound ? gazetteer.calendarWord(text.words[index]) : nil
    }
    func features(_ index: Int) -> WordFeatures {
        index >= range.lowerBound && index < range.upperBound ? gazetteer.features(text.words[index]) : []
    }

    /// Whether token `index` is in the sentence and is `word`, in any case (`word` is lower-case ASCII).
    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= range.lowerBound, index < range.upperBound else { return false }
        let bytes = token(index).bytes
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            for offset in 0..<bytes.count where text.bytes[bytes.lowerBound + offset] | 0x20 != expected[offset] { return false }
            return true
        }
    }

    /// Whether token `index` is in the sentence and is exactly `mark` (",", "-", "%").
    func isMark(_ index: Int, _ mark: StaticString) -> Bool {
        index >= range.lowerBound && index < range.upperBound && text.token(index, is: mark)
    }

    /// The integer value of a token of plain digits ("25"), or of an ordinal ("25th") when `ordinal` allows.
    func integer(_ index: Int, allowOrdinal: Bool = false) -> (value: Int, digits: Int)? {
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

    /// A count written in digits ("3") or words ("three", "a", "an").
    func count(_ index: Int) -> Int? {
        if let (value, digits) = integer(index), digits <= 3 { return value }
        if case .number(let value) = calendar(index) { return value }
        return isWord(index, "a") || isWord(index, "an") ? 1 : nil
    }

    func month(_ index: Int) -> Int? {
        guard index < range.upperBound, token(index).shape.contains(.capitalized), case .month(let month) = calendar(index) else { return nil }
        return month
    }

    func weekday(_ index: Int) -> Int? {
        guard index < range.upperBound, token(index).shape.contains(.capitalized), case .weekday(let weekday) = calendar(index) else { return nil }
        return weekday
    }

    func unit(_ index: Int) -> CalendarUnit? {
        if case .unit(let unit) = calendar(index) { return unit }
        return nil
    }

    /// Whether the unit word at `index` is written in the plural ("years").
    func isPlural(_ index: Int) -> Bool {
        let bytes = token(index).bytes
        return text.bytes[bytes.upperBound - 1] | 0x20 == UInt8(ascii: "s") || isWord(index, "centuries")
    }

    func day(_ index: Int) -> Int? {
        guard let (value, digits) = integer(index, allowOrdinal: true), digits <= 2, (1...31).contains(value) else { return nil }
        return value
    }

    func year(_ index: Int) -> Int? {
        guard let (value, digits) = integer(index), digits == 4, (1000...2100).contains(value) else { return nil }
        return value
    }

    /// The tense around `index`: the nearest tense word before it in the sentence, else the nearest
    /// after it (-1 past, +1 future, 0 unknown). A past participle counts as past unless a future
    /// word comes just before it ("will be closed").
    func tense(near index: Int, within distance: Int = 12, after afterDistance: Int? = nil) -> Int {
        var position = index - 1
        while position >= max(range.lowerBound, index - distance) {
            if let tense = tenseMark(at: position) { return tense }
            position -= 1
        }
        position = index + 1
        while position < min(range.upperBound, index + 1 + (afterDistance ?? distance)) {
            if let tense = tenseMark(at: position) { return tense }
            position += 1
        }
        return 0
    }

    private func tenseMark(at index: Int) -> Int? {
        // "is held", "are expected": a passive present, no tense of its own.
        if isWord(index - 1, "is") || isWord(index - 1, "are") || isWord(index - 1, "being") { return nil }
        let word = calendar(index)
        if case .tense(let tense) = word, tense > 0 { return tense }
        let token = token(index)
        let endsInED = token.kind == .word && token.shape.contains(.lowercase) && token.bytes.count >= 5
            && text.bytes[token.bytes.upperBound - 1] == UInt8(ascii: "d") && text.bytes[token.bytes.upperBound - 2] == UInt8(ascii: "e")
        guard endsInED || word == .tense(-1) else { return nil }
        // "will be paid", "to be published": a participle after a future or an infinitive looks ahead.
        if isWord(index - 1, "be"), isWord(index - 2, "to") || calendar(index - 2) == .tense(1) { return 1 }
        if endsInED { for back in 1...3 where calendar(index - back) == .tense(1) { return 1 } }
        return -1
    }

    /// Whether the document speaks of quarters ("third quarter", "third-quarter"): then "a year
    /// earlier" is that quarter a year back. A byte search, run only for the rare phrases that ask.
    var speaksOfQuarters: Bool {
        let word = Array("quarter".utf8), bytes = text.bytes
        guard bytes.count >= word.count else { return false }
        var position = 0
        while position <= bytes.count - word.count {
            // A word start: "third-quarter" counts, "headquarters" does not.
            let startsWord = position == 0 || !((bytes[position - 1] | 0x20) >= 0x61 && (bytes[position - 1] | 0x20) <= 0x7A)
            if startsWord, bytes[position] | 0x20 == word[0] {
                var offset = 1
                while offset < word.count, bytes[position + offset] | 0x20 == word[offset] { offset += 1 }
                if offset == word.count { return true }
            }
            position += 1
        }
        return false
    }

    // MARK: Finding

    mutating func find(into result: inout [TimeExpression]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let end = match(at: index)
            index = max(end, index + 1)
        }
        result.append(contentsOf: output)
    }

    /// Tags tokens `tokens`, first widening the extent back over the modifiers TimeML keeps in it.
    mutating func emit(_ tokens: Range<Int>, type: TimexType = .date, value: String, determiner: Bool = true, modifiers: Bool = true) {
        let start = modifiers ? extentStart(tokens.lowerBound, determiner: determiner) : tokens.lowerBound
        let range = type == .date ? TimexValue.range(of: value) : nil
        let tokens = start..<tokens.upperBound
        output.append(TimeExpression(span: text.span(ofTokens: tokens), text: text.text(ofTokens: tokens), type: type,
                                     value: value, range: range, sentence: sentence))
        taggedEnd = tokens.upperBound
    }

    /// The latest date with a known year, in this sentence or before it.
    var latestDate: String? {
        output.last { $0.type == .date && TimexValue.hasKnownYear($0.value) }?.value ?? earlierDate
    }

    /// Adds an expression whose span is not a run of whole tokens; `end` is the token after it.
    mutating func appendExpression(_ expression: TimeExpression, end: Int) {
        output.append(expression)
        taggedEnd = end
    }

    /// The first token of the extent of an expression that starts at `index`: modifiers ("early",
    /// "late", "mid", "nearly", "around", "more than", "at least", "up to", "the end of") and, when `determiner`,
    /// "the" before a word in lower case.
    func extentStart(_ index: Int, determiner: Bool) -> Int {
        var start = index
        while start - 1 >= taggedEnd {
            let previous = start - 1
            if isWord(previous, "early") || isWord(previous, "late") || isWord(previous, "mid") || isWord(previous, "nearly")
                || isWord(previous, "earlier") || isWord(previous, "later") || isWord(previous, "another") || isWord(previous, "around")
                || (isWord(previous, "more") && calendar(start) == .reference(.past)) {
                start = previous
                continue
            }
            if previous - 1 >= taggedEnd,
               (isWord(previous, "than") && (isWord(previous - 1, "more") || isWord(previous - 1, "less") || isWord(previous - 1, "fewer")))
                || (isWord(previous, "to") && isWord(previous - 1, "up")) || (isWord(previous, "least") && isWord(previous - 1, "at")) {
                start = previous - 1
                continue
            }
            // "the end of 1990", "the middle of October", "the beginning of this week"
            if previous - 2 >= taggedEnd, isWord(previous, "of"), isWord(previous - 2, "the"),
               isWord(previous - 1, "end") || isWord(previous - 1, "beginning") || isWord(previous - 1, "middle") || isWord(previous - 1, "start") {
                start = previous - 2
                break
            }
            // "the" belongs to "the past three years" and "the late 1990s", not to "the Oct. 23 attack".
            if determiner, isWord(previous, "the"), token(start).shape.contains(.lowercase) { start = previous }
            break
        }
        return start
    }

    /// Tags the expression starting at `index`, if any; returns the index after it.
    private mutating func match(at index: Int) -> Int {
        let token = token(index)
        if token.kind == .number { return matchNumber(at: index) }
        guard token.kind == .word else { return index + 1 }
        if token.shape.contains(.hyphenated) { return matchHyphenated(at: index) }
        switch calendar(index) {
        case .month: return matchMonth(at: index, shift: nil, start: index)
        case .weekday where token.shape.contains(.capitalized): return matchWeekday(at: index, shift: nil, start: index)
        case .dayOffset(let offset): return matchDayOffset(offset, at: index)
        case .unitShift(let shift): return matchShift(shift, at: index)
        case .number, .vagueCount: return matchDuration(at: index)
        case .reference(let reference): return matchReference(reference.rawValue, at: index)
        case .ordinal(let ordinal): return matchOrdinal(ordinal, at: index, start: index)
        case .unit(let unit): return matchBareUnit(unit, at: index)
        case .frequency(let unit):
            emit(index..<(index + 1), type: .set, value: unit.duration(1), determiner: false)
            return index + 1
        case .every: return matchSet(at: index)
        case .season: return matchSeason(at: index, shift: nil, start: index)
        case .holiday(let rule) where token.shape.contains(.capitalized): return matchHoliday(rule, at: index, shift: nil, start: index)
        case .fiscal: return matchFiscal(at: index)
        case .clock(let hour) where !isNameWord(index): return matchClock(hour: hour, minute: 0, at: index, end: index + 1)
        case .weekend:
            guard isWord(index - 1, "the") else { return index + 1 }
            emit(index..<(index + 1), value: weekendValue(shift: nil, near: index))
            return index + 1
        case .decadeName(let decade) where isWord(index - 1, "the") && token.shape.contains(.lowercase):
            // "the nineties": of the document's century, or the 20th without a date.
            let century = documentDate.map { $0.year / 100 * 100 } ?? 1900
            let first = century + decade > (documentDate?.year ?? 2000) ? century - 100 + decade : century + decade
            emit(index..<(index + 1), value: "\(first / 10)")
            return index + 1
        default:
            // The words that start these ("a", "an", "the", "that", "these") are short and start with "a"
            // or "t": most words skip them at once.
            let first = text.bytes[token.bytes.lowerBound] | 0x20
            guard token.bytes.count <= 5, first == UInt8(ascii: "a") || first == UInt8(ascii: "t") else { return index + 1 }
            if let end = matchVagueReference(at: index) { return end }
            if isWord(index, "a") || isWord(index, "an") { return matchDuration(at: index) }
            if isWord(index, "that") { return matchAnaphora(at: index) }
            return index + 1
        }
    }
}
