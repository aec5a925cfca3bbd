import DossierCore

extension ExpressionEvaluator {
    /// The value of `function` on `arguments`.
    func call(_ function: Function, _ arguments: [Value]) -> Value {
        switch function {
        case .coalesce: return arguments.first { !$0.isNull } ?? .null
        case .concat: return .string(arguments.map(\.displayText).joined())
        default: break
        }
        if arguments.contains(where: \.isNull) { return .null }
        let first = arguments[0]
        switch function {
        case .year, .quarter, .month, .day:
            let day: Day
            switch first {
            case .date(let value): day = value
            case .timeRange(let range): day = range.start
            default: return .null
            }
            switch function {
            case .year: return .int(day.year)
            case .quarter: return .int((day.month - 1) / 3 + 1)
            case .month: return .int(day.month)
            default: return .int(day.dayOfMonth)
            }
        case .lower: return .string(first.displayText.lowercased())
        case .upper: return .string(first.displayText.uppercased())
        case .trim: return .string(first.displayText.trimmingSpaces())
        case .len:
            if case .list(let elements) = first { return .int(elements.count) }
            return .int(first.displayText.count)
        case .substr:
            let text = Array(first.displayText)
            guard case .int(let start) = arguments[1] else { return .null }
            var from = start > 0 ? start - 1 : (start < 0 ? max(0, text.count + start) : 0)
            from = min(from, text.count)
            var to = text.count
            if arguments.count == 3 {
                guard case .int(let length) = arguments[2] else { return .null }
                to = length <= 0 ? from : min(text.count, from + min(length, text.count))
            }
            return .string(String(text[from..<to]))
        case .left, .right:
            let text = Array(first.displayText)
            guard case .int(let count) = arguments[1] else { return .null }
            let taken = min(max(0, count), text.count)
            return .string(String(function == .left ? text.prefix(taken) : text.suffix(taken)))
        case .replace:
            let old = arguments[1].displayText
            guard !old.isEmpty else { return .string(first.displayText) }
            return .string(first.displayText.replacing(old, with: arguments[2].displayText))
        case .position:
            let text = first.displayText.lowercased()
            guard let found = text.firstRange(of: arguments[1].displayText.lowercased()) else { return .int(0) }
            return .int(text.distance(from: text.startIndex, to: found.lowerBound) + 1)
        case .startsWith: return .bool(first.displayText.lowercased().hasPrefix(arguments[1].displayText.lowercased()))
        case .endsWith: return .bool(first.displayText.lowercased().hasSuffix(arguments[1].displayText.lowercased()))
        case .abs:
            switch first {
            case .int(let value): return value == .min ? .null : .int(Swift.abs(value))
            case .float(let value): return .float(Swift.abs(value))
            default: return .null
            }
        case .round:
            var digits = 0
            if arguments.count == 2 {
                guard case .int(let count) = arguments[1] else { return .null }
                digits = min(max(count, 0), 15)
            }
            switch first {
            case .int(let value): return arguments.count == 2 ? .float(Double(value)) : .int(value)
            case .float(let value):
                var scale = 1.0
                for _ in 0..<digits { scale *= 10 }
                return .float((value * scale).rounded() / scale)
            default: return .null
            }
        case .coalesce, .concat:
            preconditionFailure("handled above")
        }
    }
}
