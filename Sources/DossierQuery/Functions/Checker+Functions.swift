import DossierCore

extension Checker {
    /// Binds `name(arguments)`: checks the function exists, the number of arguments and their
    /// types, and gives the type of the result.
    func bindCall(_ name: Identifier, _ arguments: [Expression], in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType) {
        guard let function = Function(rawValue: name.name) else {
            var diagnostic = Diagnostic(.error, .unknownFunction, "unknown function '\(name.name)'", range: name.range,
                                        notes: ["the functions are: " + Vocabulary.functions.map { "\($0.rawValue)()" }.joined(separator: ", ")])
            if let suggestion = EditDistance.nearest(to: name.name, in: Vocabulary.functions.map(\.rawValue)) {
                diagnostic.help = .init("did you mean '\(suggestion)'?")
            }
            throw diagnostic
        }
        let arity: ClosedRange<Int> = switch function {
        case .year, .quarter, .month, .day, .lower, .upper, .trim, .len, .abs: 1...1
        case .left, .right, .position, .startsWith, .endsWith: 2...2
        case .substr: 2...3
        case .replace: 3...3
        case .round: 1...2
        case .concat, .coalesce: 1...Int.max
        }
        guard arity.contains(arguments.count) else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)"
                : arity.upperBound == Int.max ? "at least \(arity.lowerBound)" : "\(arity.lowerBound) or \(arity.upperBound)"
            throw Diagnostic(.error, .wrongArgumentCount, "'\(function.rawValue)' takes \(expected) argument\(expected == "1" ? "" : "s"), but was given \(arguments.count)",
                             range: name.range, help: .init("write \(function.signature)"))
        }
        var bound: [BoundExpression] = []
        var types: [FieldType] = []
        for argument in arguments {
            let (value, type) = function == .coalesce ? try bindDayAsDate(argument, in: rows) : try bind(argument, in: rows)
            bound.append(value)
            types.append(type)
        }
        func require(_ position: Int, _ what: String, _ accepts: (FieldType) -> Bool) throws(Diagnostic) {
            guard accepts(types[position]) else {
                throw Diagnostic(.error, .typeMismatch, "'\(function.rawValue)' needs \(what), but \(describe(arguments[position])) is \(article(types[position]))",
                                 range: arguments[position].range, help: .init("write \(function.signature)"))
            }
        }
        let text = "a String"
        let result: FieldType
        switch function {
        case .year, .quarter, .month, .day:
            try require(0, "a Date", \.isTimeBearing)
            result = .int
        case .lower, .upper, .trim:
            try require(0, text, \.isTextual)
            result = .string
        case .len:
            try require(0, "a String or a list") { $0.isTextual || { if case .list = $0 { true } else { false } }($0) }
            result = .int
        case .substr:
            try require(0, text, \.isTextual)
            for position in 1..<arguments.count { try require(position, "a whole number (Int)") { $0 == .int } }
            result = .string
        case .left, .right:
            try require(0, text, \.isTextual)
            try require(1, "a whole number (Int)") { $0 == .int }
            result = .string
        case .replace:
            for position in 0..<3 { try require(position, text, \.isTextual) }
            result = .string
        case .position, .startsWith, .endsWith:
            try require(0, text, \.isTextual)
            try require(1, text, \.isTextual)
            result = function == .position ? .int : .bool
        case .concat:
            result = .string
        case .coalesce:
            result = try commonType(of: types, arguments)
        case .abs:
            try require(0, "a number", \.isNumeric)
            result = types[0]
        case .round:
            try require(0, "a number", \.isNumeric)
            if arguments.count == 2 { try require(1, "a whole number of digits (Int)") { $0 == .int } }
            result = arguments.count == 2 ? .float : types[0]
        }
        return (.call(function, bound), result)
    }

    /// The type `coalesce` gives: its arguments' one type, Float for a mix of numbers, String for a
    /// mix of texts (entities and documents read as their names and ids).
    private func commonType(of types: [FieldType], _ arguments: [Expression]) throws(Diagnostic) -> FieldType {
        var common = types[0]
        for (type, argument) in zip(types, arguments).dropFirst() where type != common {
            if common.isNumeric, type.isNumeric {
                common = .float
            } else if common.isTextual, type.isTextual {
                common = .string
            } else {
                throw Diagnostic(.error, .typeMismatch, "'coalesce' needs values of one type, but \(describe(argument)) is \(article(type)) after \(article(common))",
                                 range: argument.range)
            }
        }
        return common
    }
}
