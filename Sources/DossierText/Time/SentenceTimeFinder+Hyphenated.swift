import DossierCore

/// Hyphenated words that hold a time: "third-quarter", "two-year", "year-earlier", "mid-November", "mid-1990s".
extension SentenceTimeFinder {
    /// What the parts of a hyphenated word mean: how many there are, the calendar meanings of the
    /// first two (`nil` for words the lexicon lacks) and the number the second spells in digits.
    /// Fixed fields rather than arrays, so reading a hyphenated word allocates nothing.
    private struct Parts {
        var count = 0
        var first: CalendarWord?
        var second: CalendarWord?
        var secondNumber: Int?
    }

    private func parts(of index: Int) -> Parts {
        let bytes = token(index).bytes
        var parts = Parts()
        var start = bytes.lowerBound
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { key in
            for position in bytes.lowerBound...bytes.upperBound where position == bytes.upperBound || text.bytes[position] == UInt8(ascii: "-") {
                defer {
                    parts.count += 1
                    start = position + 1
                }
                let length = position - start
                guard parts.count < 2, length > 0, length <= 32 else { continue }
                var number: Int? = 0
                for offset in 0..<length {
                    let byte = text.bytes[start + offset]
                    key[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if byte >= 0x30, byte <= 0x39, let value = number { number = value * 10 + Int(byte - 0x30) } else { number = nil }
                }
                let word = gazetteer.calendarWord(gazetteer.vocabulary.id(of: UnsafeBufferPointer(rebasing: key[0..<length])))
                if parts.count == 0 { parts.first = word } else { parts.second = word; parts.secondNumber = number }
            }
        }
        return parts
    }

    /// The number a hyphenated word spells ("ninety-six" → 96), if it is one.
    func spelledNumber(_ index: Int) -> Int? {
        let parts = parts(of: index)
        guard parts.count == 2, case .number(let tens) = parts.first, case .number(let ones) = parts.second, tens >= 20, tens % 10 == 0,
              ones < 10 else { return nil }
        return tens + ones
    }

    mutating func matchHyphenated(at index: Int) -> Int {
        let parts = parts(of: index)
        let isPair = parts.count == 2
        guard parts.count >= 2, parts.count <= 3 else { return index + 1 }
        let end = index + 1
        switch (parts.first, parts.second) {
        case (.ordinal(let ordinal), .unit(.quarter)) where isPair:
            let start = calendar(index - 1) == .fiscal ? index - 1 : index
            emit(start..<end, value: TimexValue.quarter(ordinal, year: quarterYear(ordinal, near: index)), determiner: false)
        case (.number(let count), .unit(let unit)) where isPair && !isWord(end, "old") && unit != .quarter:
            emit(index..<end, type: .duration, value: unit.duration(count), determiner: false)
        case (.unit(.year), nil) where isPair && isPart(index, 1, "end"):
            emit(index..<end, value: TimexValue.year(documentDate?.year), determiner: false)  // "by year-end"
        case (.unit(.year), .direction(-1)), (.unit(.year), .ago):
            // "year-earlier": with "quarter" or "period" after it, the quarter before the document's a year back.
            if isPair, isWord(end, "period") || unit(end) == .quarter || (isWord(end + 1, "period") || unit(end + 1) == .quarter) {
                let noun = isWord(end, "period") || unit(end) == .quarter ? end : end + 1
                emit(index..<(noun + 1), value: documentDate.map { TimexValue.quarter(shifting: $0, by: -5) } ?? "XXXX-QX")
                return noun + 1
            }
            let value = documentDate.map { speaksOfQuarters ? TimexValue.quarter(shifting: $0, by: -5) : TimexValue.year($0.year - 1) }
            emit(index..<end, value: value ?? "XXXX", determiner: false)
        case (nil, .month(let month)) where isPair && isEdge(index) && token(index).shape.contains(.capitalized) == false
                                            || isPair && isEdge(index) && isCapitalizedAfterHyphen(index):
            emit(index..<end, value: TimexValue.month(month, year: monthYear(month, near: index, shift: nil)), determiner: false)
        case (nil, nil) where isPair && isEdge(index):
            let bytes = token(index).bytes
            if let number = parts.secondNumber, (1800...2100).contains(number) {
                emit(index..<end, value: TimexValue.year(number), determiner: false)
            } else if parts.secondNumber == nil, text.bytes[bytes.upperBound - 1] == UInt8(ascii: "s") {
                // "mid-1990s": the number part ended in "s", so parse the digits before it.
                var decade = 0, position = bytes.upperBound - 2
                var scale = 1
                while position > bytes.lowerBound, text.bytes[position] >= 0x30, text.bytes[position] <= 0x39 {
                    decade += Int(text.bytes[position] - 0x30) * scale
                    scale *= 10
                    position -= 1
                }
                guard (1000...2100).contains(decade) else { return end }
                emit(index..<end, value: "\(decade / 10)")
            }
        default:
            break
        }
        return end
    }

    /// Whether part `part` (0-based) of the hyphenated word at `index` is `word` (lower-case ASCII), in any case.
    private func isPart(_ index: Int, _ part: Int, _ word: StaticString) -> Bool {
        let bytes = token(index).bytes
        var start = bytes.lowerBound, current = 0
        for position in bytes.lowerBound...bytes.upperBound where position == bytes.upperBound || text.bytes[position] == UInt8(ascii: "-") {
            if current == part {
                guard position - start == word.utf8CodeUnitCount else { return false }
                return word.withUTF8Buffer { expected in
                    (0..<expected.count).allSatisfy { text.bytes[start + $0] | 0x20 == expected[$0] }
                }
            }
            current += 1
            start = position + 1
        }
        return false
    }

    /// Whether the hyphenated word at `index` starts with "mid", "early" or "late".
    private func isEdge(_ index: Int) -> Bool {
        let bytes = token(index).bytes
        func starts(_ prefix: StaticString) -> Bool {
            guard bytes.count > prefix.utf8CodeUnitCount else { return false }
            return prefix.withUTF8Buffer { expected in
                for offset in 0..<expected.count where text.bytes[bytes.lowerBound + offset] | 0x20 != expected[offset] { return false }
                return text.bytes[bytes.lowerBound + expected.count] == UInt8(ascii: "-")
            }
        }
        return starts("mid") || starts("early") || starts("late")
    }

    /// Whether the part after the first hyphen starts with a capital ("mid-November").
    private func isCapitalizedAfterHyphen(_ index: Int) -> Bool {
        let bytes = token(index).bytes
        guard let hyphen = bytes.first(where: { text.bytes[$0] == UInt8(ascii: "-") }), hyphen + 1 < bytes.upperBound else { return false }
        let byte = text.bytes[hyphen + 1]
        return byte >= 0x41 && byte <= 0x5A
    }
}
