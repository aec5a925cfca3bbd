import DossierCore
import DossierStore

// Expressions: names, literals, comparisons and calls bound to the rows they run over.
extension Checker {
    /// An operand before its type is known: bare words that are not fields may be enum cases.
    enum Operand {
        case typed(BoundExpression, FieldType, Expression)
        case bareWord(String, SourceRange)
    }

    func accessor(for name: String, in rows: RowType) -> (FieldAccessor, FieldType)? {
        switch rows {
        case .source(.documents): DocumentField(rawValue: name).map { (.document($0), $0.type) }
        case .source(.entities): EntityField(rawValue: name).map { (.entity($0), $0.type) }
        case .source(.mentions): MentionField(rawValue: name).map { (.mention($0), $0.type) }
        case .source(.sentences): SentenceField(rawValue: name).map { (.sentence($0), $0.type) }
        case .source(.relations): RelationField(rawValue: name).map { (.relation($0), $0.type) }
        case .source(.times): TimeField(rawValue: name).map { (.time($0), $0.type) }
        case .table(let fields): fields.firstIndex { $0.name == name }.map { (.column($0), fields[$0].type) }
        }
    }

    func operand(_ expression: Expression, in rows: RowType) throws(Diagnostic) -> Operand {
        if case .name(let name) = expression.kind, accessor(for: name, in: rows) == nil {
            return .bareWord(name, expression.range)
        }
        let (bound, type) = try bind(expression, in: rows)
        return .typed(bound, type, expression)
    }

    /// Binds `expression` against the fields of `rows`, giving the bound expression and its type.
    func bind(_ expression: Expression, in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType) {
        try depth.enter(expression)
        defer { depth.leave() }
        switch expression.kind {
        case .name(let name):
            guard let (accessor, type) = accessor(for: name, in: rows) else {
                throw unknownField(name, at: expression.range, in: rows)
            }
            return (.field(accessor), type)
        case .string(let value): return (.constant(.string(value)), .string)
        case .integer(let value): return (.constant(.int(value)), .int)
        case .float(let value): return (.constant(.float(value)), .float)
        case .bool(let value): return (.constant(.bool(value)), .bool)
        case .time(let range): return (.constant(.timeRange(range)), .timeRange)
        case .entity(let literal):
            return (.constant(index.entityValue(try resolve(literal))), .entity)
        case .list(let elements):
            var bound: [BoundExpression] = []
            var elementType: FieldType?
            for element in elements {
                let (value, type) = try bind(element, in: rows)
                if let known = elementType, known != type {
                    if known.isNumeric, type.isNumeric {
                        elementType = .float
                    } else {
                        throw Diagnostic(.error, .typeMismatch, "a list holds values of one type, but this is \(article(type)) after \(article(known)) values",
                                         range: element.range)
                    }
                } else if elementType == nil {
                    elementType = type
                }
                bound.append(value)
            }
            return (.list(bound), .list(elementType ?? .string))
        case .not(let operand):
            let (bound, type) = try bind(operand, in: rows)
            try requireBool(type, operand, for: "not")
            return (.not(bound), .bool)
        case .binary(let operation, let left, let right, let operatorRange):
            return try bindBinary(operation, left, right, operatorRange: operatorRange, in: rows)
        case .call(let name, let arguments):
            return try bindCall(name, arguments, in: rows)
        case .null:
            throw Diagnostic(.error, .untypedNull, "'null' stands for a missing value; it has no type of its own here", range: expression.range,
                             help: .init("test for it with 'is null' or 'is not null', or pick a value with coalesce(…)"))
        case .negate(let operand):
            return try bindNegation(operand, in: rows)
        case .isNull(let operand, let negated):
            let (bound, _) = try bind(operand, in: rows)
            return (.isNull(bound, negated: negated), .bool)
        }
    }

    func requireBool(_ type: FieldType, _ expression: Expression, for word: String) throws(Diagnostic) {
        guard type == .bool else {
            throw Diagnostic(.error, .typeMismatch, "'\(word)' needs a condition (Bool), but this is \(article(type))", range: expression.range)
        }
    }

    func bindBinary(_ operation: BinaryOperator, _ left: Expression, _ right: Expression, operatorRange: SourceRange,
                            in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType) {
        switch operation {
        case .and, .or:
            let (leftBound, leftType) = try bind(left, in: rows)
            try requireBool(leftType, left, for: operation.description)
            let (rightBound, rightType) = try bind(right, in: rows)
            try requireBool(rightType, right, for: operation.description)
            return (operation == .and ? .and(leftBound, rightBound) : .or(leftBound, rightBound), .bool)

        case .add, .subtract, .multiply, .divide:
            return try bindArithmetic(operation, left, right, in: rows)

        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if let nullTest = try bindNullComparison(operation, left, right, in: rows) { return nullTest }
            var leftOperand = try operand(left, in: rows)
            var rightOperand = try operand(right, in: rows)
            (leftOperand, rightOperand) = (preferringCase(leftOperand, over: rightOperand), preferringCase(rightOperand, over: leftOperand))
            switch (leftOperand, rightOperand) {
            case (.bareWord(let name, let range), .bareWord):
                throw unknownField(name, at: range, in: rows)
            case (.bareWord(let name, let range), .typed(_, let type, _)):
                leftOperand = try enumerationCase(name, at: range, of: type, in: rows)
            case (.typed(_, let type, _), .bareWord(let name, let range)):
                rightOperand = try enumerationCase(name, at: range, of: type, in: rows)
            default:
                break
            }
            guard case .typed(var leftBound, let leftType, let leftExpression) = leftOperand,
                  case .typed(var rightBound, let rightType, let rightExpression) = rightOperand else {
                preconditionFailure("bare words are resolved above")
            }
            leftBound = try coerce(leftBound, leftExpression, toward: rightType)
            rightBound = try coerce(rightBound, rightExpression, toward: leftType)
            let leftFinal = Checker.typeAfterCoercion(leftBound, leftType)
            let rightFinal = Checker.typeAfterCoercion(rightBound, rightType)
            guard Checker.canCompare(leftFinal, rightFinal, ordering: operation != .equal && operation != .notEqual) else {
                var diagnostic = Diagnostic(.error, .typeMismatch, "cannot compare \(leftFinal) with \(rightFinal)", range: rightExpression.range,
                                            notes: ["\(describe(leftExpression)) is \(article(leftFinal)); \(describe(rightExpression)) is \(article(rightFinal))"])
                if leftFinal.isTimeBearing, rightFinal == .string {
                    diagnostic.help = .init("write a time literal such as 2023-07 or 2023-07-25")
                } else if leftFinal == rightFinal {
                    diagnostic.message = "\(leftFinal) values cannot be ordered with '\(operation)'"
                }
                throw diagnostic
            }
            return (.compare(operation, leftBound, rightBound), .bool)

        case .in:
            let (leftBound, leftType) = try bind(left, in: rows)
            if case .list(let elements) = right.kind {
                var bound: [BoundExpression] = []
                for element in elements {
                    var elementBound: BoundExpression
                    var elementType: FieldType
                    switch preferringCase(try operand(element, in: rows), over: .typed(leftBound, leftType, left)) {
                    case .bareWord(let name, let range):
                        guard case .typed(let value, let type, _) = try enumerationCase(name, at: range, of: leftType, in: rows) else {
                            preconditionFailure("an enumeration case is typed")
                        }
                        (elementBound, elementType) = (value, type)
                    case .typed(let value, let type, _):
                        (elementBound, elementType) = (value, type)
                    }
                    elementBound = try coerce(elementBound, element, toward: leftType)
                    elementType = Checker.typeAfterCoercion(elementBound, elementType)
                    guard Checker.canCompare(leftType, elementType, ordering: false) else {
                        throw Diagnostic(.error, .typeMismatch, "cannot compare \(leftType) with \(elementType)", range: element.range,
                                         notes: ["\(describe(left)) is \(article(leftType)); \(describe(element)) is \(article(elementType))"])
                    }
                    bound.append(elementBound)
                }
                return (.member(leftBound, .list(bound)), .bool)
            }
            let (rightBound, rightType) = try bind(right, in: rows)
            guard case .list(let elementType) = rightType else {
                throw Diagnostic(.error, .typeMismatch, "'in' needs a list on its right, such as [a, b], but this is \(article(rightType))", range: right.range)
            }
            guard Checker.canCompare(leftType, elementType, ordering: false) else {
                throw Diagnostic(.error, .typeMismatch, "cannot look for \(article(leftType)) in a list of \(elementType) values", range: left.range)
            }
            return (.member(leftBound, rightBound), .bool)

        case .contains, .matches:
            let (leftBound, leftType) = try bind(left, in: rows)
            guard leftType.isTextual || leftType == .list(.string) else {
                throw Diagnostic(.error, .typeMismatch, "'\(operation)' needs text on its left, but \(describe(left)) is \(article(leftType))", range: left.range)
            }
            guard case .string(let pattern) = right.kind else {
                throw Diagnostic(.error, .expectedLiteral, "'\(operation)' needs a string literal on its right, such as \"Kyiv\"", range: right.range)
            }
            if operation == .contains { return (.contains(leftBound, pattern.lowercased()), .bool) }
            do throws(RegexSyntaxError) {
                return (.matches(leftBound, try LinearRegex(pattern)), .bool)
            } catch {
                let place = StringLiteralPlaces.range(of: error.offset..<(error.offset + 1), in: pattern, literal: right.range)
                throw Diagnostic(.error, .invalidRegex, "invalid regular expression: \(error.message)", range: place, help: error.help.map { .init($0) })
            }

        case .time(let relation):
            let (leftBound, leftType) = try bind(left, in: rows)
            guard leftType.isTimeBearing else {
                throw Diagnostic(.error, .typeMismatch, "'\(relation.rawValue)' needs a Date or TimeRange on its left, but \(describe(left)) is \(article(leftType))",
                                 range: left.range)
            }
            let range: TimeRange
            switch right.kind {
            case .time(let value): range = value
            case .integer(let year) where (1000...9999).contains(year): range = .year(year)
            default:
                throw Diagnostic(.error, .expectedLiteral, "'\(relation.rawValue)' needs a time literal on its right, such as 2023 or 2023-07", range: right.range)
            }
            return (.time(relation, leftBound, range), .bool)
        }
    }

    /// Turns an integer literal into a year where a time is expected, and a string literal into an
    /// enumeration case where an enumeration is expected.
    func coerce(_ bound: BoundExpression, _ expression: Expression, toward other: FieldType) throws(Diagnostic) -> BoundExpression {
        switch (expression.kind, other) {
        case (.integer(let year), .date), (.integer(let year), .timeRange):
            guard (1000...9999).contains(year) else { return bound }
            return .constant(.timeRange(.year(year)))
        case (.string(let word), _) where other.enumerationCases != nil:
            guard let value = other.enumerationValue(word) else {
                throw notACase(word, at: expression.range, of: other)
            }
            return .constant(value)
        default:
            return bound
        }
    }

    static func typeAfterCoercion(_ bound: BoundExpression, _ type: FieldType) -> FieldType {
        if case .constant(let value) = bound {
            switch value {
            case .timeRange: return .timeRange
            case .kind: return .kind
            case .predicate: return .predicate
            case .modality: return .modality
            case .timexType: return .timexType
            default: break
            }
        }
        return type
    }

    static func canCompare(_ left: FieldType, _ right: FieldType, ordering: Bool) -> Bool {
        if left.isNumeric && right.isNumeric { return true }
        if left.isTimeBearing && right.isTimeBearing { return true }
        if ordering {
            return left == right && (left == .string || left.isTimeBearing)
        }
        switch (left, right) {
        case (.entity, .string), (.string, .entity), (.document, .string), (.string, .document): return true
        default: return left == right
        }
    }

    /// A field name that is also a case of the enumeration on the other side reads as the case, so
    /// `type == date` compares with the TimexType `date` even where rows have a `date` field.
    func preferringCase(_ operand: Operand, over other: Operand) -> Operand {
        guard case .typed(.field, let type, let expression) = operand, case .name(let word) = expression.kind,
              case .typed(_, let otherType, _) = other, type != otherType, otherType.enumerationValue(word) != nil else { return operand }
        return .bareWord(word, expression.range)
    }

    func enumerationCase(_ word: String, at range: SourceRange, of type: FieldType, in rows: RowType) throws(Diagnostic) -> Operand {
        guard type.enumerationCases != nil else { throw unknownField(word, at: range, in: rows) }
        guard let value = type.enumerationValue(word) else { throw notACase(word, at: range, of: type) }
        return .typed(.constant(value), type, Expression(kind: .name(word), range: range))
    }

    func notACase(_ word: String, at range: SourceRange, of type: FieldType) -> Diagnostic {
        let cases = type.enumerationCases ?? []
        var diagnostic = Diagnostic(.error, .unknownCase, "'\(word)' is not a \(type)", range: range,
                                    notes: ["\(type) is one of: " + cases.joined(separator: ", ")])
        if let suggestion = EditDistance.nearest(to: word, in: cases) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
        return diagnostic
    }

    func unknownField(_ name: String, at range: SourceRange, in rows: RowType) -> Diagnostic {
        let names = rows.fields.map(\.name)
        let subject: String
        let note: String
        switch rows {
        case .source(let kind):
            subject = "\(kind.rawValue) have"
            note = "\(kind.rawValue) have the fields: " + names.joined(separator: ", ")
        case .table:
            subject = "the table has"
            note = "the table's columns are: " + names.joined(separator: ", ")
        }
        var diagnostic = Diagnostic(.error, .unknownField, "\(subject) no field '\(name)'", range: range, notes: [note])
        if let suggestion = EditDistance.nearest(to: name, in: names) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
        return diagnostic
    }
}
