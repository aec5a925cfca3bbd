import DossierCore

/// `+ - * /` and `-x` on values, with the missing value for anything that has no answer: a
/// missing operand, division by zero, a whole number that overflows, a date outside years 1–9999.
enum Arithmetic {
    /// The first and last days a date may be: 0001-01-01 and 9999-12-31.
    static let days = Day(year: 1, month: 1, day: 1)!.number...Day(year: 9999, month: 12, day: 31)!.number

    static func apply(_ operation: BinaryOperator, _ left: Value, _ right: Value) -> Value {
        switch (operation, left, right) {
        case (_, .null, _), (_, _, .null):
            return .null
        case (.add, .int(let a), .int(let b)): return whole(a.addingReportingOverflow(b))
        case (.subtract, .int(let a), .int(let b)): return whole(a.subtractingReportingOverflow(b))
        case (.multiply, .int(let a), .int(let b)): return whole(a.multipliedReportingOverflow(by: b))
        case (.add, .date(let day), .int(let count)), (.add, .int(let count), .date(let day)): return shifted(day, by: count)
        case (.subtract, .date(let day), .int(let count)):
            return count == .min ? .null : shifted(day, by: -count)
        case (.subtract, .date(let a), .date(let b)): return .int(a.number - b.number)
        case (.add, _, _) where !isNumber(left) || !isNumber(right):
            return .string(left.displayText + right.displayText)
        default:
            guard let a = number(left), let b = number(right) else { return .null }
            switch operation {
            case .add: return finite(a + b)
            case .subtract: return finite(a - b)
            case .multiply: return finite(a * b)
            case .divide: return b == 0 ? .null : finite(a / b)
            default: return .null
            }
        }
    }

    static func negate(_ value: Value) -> Value {
        switch value {
        case .int(let number): number == .min ? .null : .int(-number)
        case .float(let number): .float(-number)
        default: .null
        }
    }

    private static func whole(_ result: (partialValue: Int, overflow: Bool)) -> Value {
        result.overflow ? .null : .int(result.partialValue)
    }

    private static func shifted(_ day: Day, by count: Int) -> Value {
        let (number, overflow) = day.number.addingReportingOverflow(count)
        return !overflow && days.contains(number) ? .date(Day(number: number)) : .null
    }

    private static func finite(_ number: Double) -> Value { number.isFinite ? .float(number) : .null }

    private static func isNumber(_ value: Value) -> Bool { number(value) != nil }

    private static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .float(let number): number
        default: nil
        }
    }
}
