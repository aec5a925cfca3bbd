import DossierCore
import DossierStore

/// Evaluates bound expressions on one row at a time, reading columns directly.
struct ExpressionEvaluator {
    let index: CorpusIndex
    /// The rows of the table being scanned, when the pipeline carries a table.
    let table: [[Value]]
    /// Polled while a regular expression reads a long text.
    var isCancelled: () -> Bool = { false }

    /// The value of `expression` on `row`: a corpus row number, or a position in `table`.
    func evaluate(_ expression: BoundExpression, row: Int) -> Value {
        switch expression {
        case .field(let accessor):
            switch accessor {
            case .document(let field): return index.value(of: field, document: row)
            case .entity(let field): return index.value(of: field, entity: row)
            case .mention(let field): return index.value(of: field, mention: row)
            case .sentence(let field): return index.value(of: field, sentence: row)
            case .relation(let field): return index.value(of: field, relation: row)
            case .time(let field): return index.value(of: field, time: row)
            case .relationTimeOrDate: return index.timeOrDate(ofRelation: row)
            case .column(let column): return table[row][column]
            }
        case .constant(let value):
            return value
        case .list(let elements):
            return .list(elements.map { evaluate($0, row: row) })
        case .not, .and, .or, .compare, .member, .contains, .matches, .time:
            return test(expression, row: row).map(Value.bool) ?? .null
        case .call(let function, let arguments):
            return call(function, arguments.map { evaluate($0, row: row) })
        case .arithmetic(let operation, let left, let right):
            return Arithmetic.apply(operation, evaluate(left, row: row), evaluate(right, row: row))
        case .negate(let operand):
            return Arithmetic.negate(evaluate(operand, row: row))
        case .isNull(let operand, let negated):
            return .bool(evaluate(operand, row: row).isNull != negated)
        }
    }

    /// Whether the condition `expression` holds on `row`: `nil` when it is unknown because a value it
    /// compares is missing. Unknown is neither true nor false, as in SQL: `not` keeps it unknown,
    /// `false and unknown` is false, `true or unknown` is true, and a filter drops unknown rows.
    func test(_ expression: BoundExpression, row: Int) -> Bool? {
        switch expression {
        case .not(let operand):
            return test(operand, row: row).map { !$0 }
        case .and(let left, let right):
            let first = test(left, row: row)
            if first == false { return false }
            let second = test(right, row: row)
            if second == false { return false }
            return first == nil || second == nil ? nil : true
        case .or(let left, let right):
            let first = test(left, row: row)
            if first == true { return true }
            let second = test(right, row: row)
            if second == true { return true }
            return first == nil || second == nil ? nil : false
        case .compare(let operation, let left, let right):
            let (a, b) = (evaluate(left, row: row), evaluate(right, row: row))
            if a.isNull || b.isNull { return nil }
            return compare(operation, a, b)
        case .member(let left, let right):
            let value = evaluate(left, row: row)
            guard !value.isNull, case .list(let elements) = evaluate(right, row: row) else { return nil }
            return elements.contains { !$0.isNull && equal(value, $0) }
        case .contains(let left, let needle):
            let value = evaluate(left, row: row)
            return value.isNull ? nil : contains(value, needle)
        case .matches(let left, let regex):
            let value = evaluate(left, row: row)
            return value.isNull ? nil : matches(value, regex)
        case .time(let relation, let left, let range):
            let value = evaluate(left, row: row)
            return value.isNull ? nil : holds(relation, value, range)
        default:
            switch evaluate(expression, row: row) {
            case .bool(let value): return value
            default: return nil
            }
        }
    }

    // MARK: Operators

    func compare(_ operation: BinaryOperator, _ left: Value, _ right: Value) -> Bool {
        if left.isNull || right.isNull { return false }
        switch operation {
        case .equal: return equal(left, right)
        case .notEqual: return !equal(left, right)
        default: break
        }
        switch (left, right) {
        case (.date(let day), .timeRange(let range)):
            switch operation {
            case .less: return day < range.start
            case .lessOrEqual: return day < range.end
            case .greater: return day >= range.end
            case .greaterOrEqual: return day >= range.start
            default: return false
            }
        case (.timeRange(let range), .date(let day)):
            switch operation {
            case .less: return range.end <= day
            case .lessOrEqual: return range.start <= day
            case .greater: return range.start > day
            case .greaterOrEqual: return range.end > day
            default: return false
            }
        default:
            let order = Value.order(left, right)
            switch operation {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            default: return false
            }
        }
    }

    func equal(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.entity(let row, _), .string(let name)), (.string(let name), .entity(let row, _)):
            return index.entity(row.row, isCalled: name)
        case (.document(_, let id), .string(let text)), (.string(let text), .document(_, let id)):
            return id == text
        case (.date(let day), .timeRange(let range)), (.timeRange(let range), .date(let day)):
            return range.contains(day)
        case (.int(let a), .float(let b)), (.float(let b), .int(let a)):
            return Double(a) == b
        default:
            return left == right
        }
    }

    private func contains(_ value: Value, _ needle: String) -> Bool {
        switch value {
        case .string(let text): return TextSearch.contains(text, lowercasedNeedle: needle)
        case .entity(let row, let name):
            return TextSearch.contains(name, lowercasedNeedle: needle)
                || index.entities.aliases[Int(row.row)].contains { TextSearch.contains($0, lowercasedNeedle: needle) }
        case .document(_, let id): return TextSearch.contains(id, lowercasedNeedle: needle)
        case .list(let elements): return elements.contains { contains($0, needle) }
        default: return false
        }
    }

    private func matches(_ value: Value, _ regex: LinearRegex) -> Bool {
        switch value {
        case .string(let text), .entity(_, let text), .document(_, let text):
            return regex.hasMatch(in: text, isCancelled: isCancelled) == true
        case .list(let elements):
            return elements.contains { matches($0, regex) }
        default:
            return false
        }
    }

    private func holds(_ relation: TimeRelation, _ value: Value, _ range: TimeRange) -> Bool {
        switch value {
        case .date(let day):
            switch relation {
            case .during, .overlaps: return range.contains(day)
            case .before: return day < range.start
            case .after: return day >= range.end
            }
        case .timeRange(let other):
            switch relation {
            case .during: return range.contains(other)
            case .overlaps: return other.overlaps(range)
            case .before: return other.isBefore(range)
            case .after: return other.isAfter(range)
            }
        default:
            return false
        }
    }
}

/// Case-insensitive substring search on UTF-8 bytes.
enum TextSearch {
    /// An ASCII byte lower-cased (other bytes as they are).
    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }

    /// Whether the UTF-8 `text` contains `pattern`, the UTF-8 of a lower-cased needle, ignoring
    /// case: ASCII text is folded byte by byte in place, other text as ``contains(_:lowercasedNeedle:)`` does.
    ///
    /// Lower-casing turns only two characters that are not ASCII into ASCII letters (U+0130 İ into
    /// "i̇", U+212A KELVIN SIGN into "k"), so for an ASCII needle, text without them is scanned on
    /// its bytes whatever else it holds; a needle that is not ASCII cannot be in ASCII text.
    static func contains(utf8 text: UnsafeBufferPointer<UInt8>, lowercasedNeedle pattern: [UInt8]) -> Bool {
        guard let first = pattern.first else { return true }
        func general() -> Bool {
            contains(String(decoding: text, as: UTF8.self), lowercasedNeedle: String(decoding: pattern, as: UTF8.self))
        }
        guard let bytes = text.baseAddress else { return false }
        let count = text.count
        guard pattern.allSatisfy({ $0 < 0x80 }) else {
            for index in 0..<count where bytes[index] >= 0x80 { return general() }
            return false
        }
        return pattern.withUnsafeBufferPointer { needle in
            let length = needle.count
            let last = count - length
            var lowersToASCII = false
            var index = 0
            // One pass: look for the needle, and for the two characters that lower-case into ASCII.
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    if (byte == 0xC4 && index + 1 < count && bytes[index + 1] == 0xB0)
                        || (byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA) {
                        lowersToASCII = true
                    }
                } else if index <= last && folded(byte) == first {
                    var offset = 1
                    while offset < length, folded(bytes[index + offset]) == needle[offset] { offset += 1 }
                    if offset == length { return true }
                }
                index += 1
            }
            return lowersToASCII ? general() : false
        }
    }

    /// Whether `text` contains `needle`, which must already be lower-cased, ignoring case.
    static func contains(_ text: String, lowercasedNeedle needle: String) -> Bool {
        if needle.isEmpty { return true }
        let pattern = Array(needle.utf8)
        let bytes: [UInt8] = text.utf8.allSatisfy { $0 < 0x80 }
            ? text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            : Array(text.lowercased().utf8)
        guard bytes.count >= pattern.count else { return false }
        let first = pattern[0]
        var position = 0
        let last = bytes.count - pattern.count
        while position <= last {
            if bytes[position] == first {
                var offset = 1
                while offset < pattern.count, bytes[position + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            position += 1
        }
        return false
    }
}
