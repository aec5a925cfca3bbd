import DossierCore

extension Checker {
    /// Binds `LEFT OP RIGHT` for `+ - * /`: numbers with numbers (Int stays Int except under `/`,
    /// which gives a Float), text joined with `+`, a date moved by a number of days, and the days
    /// between two dates.
    func bindArithmetic(_ operation: BinaryOperator, _ left: Expression, _ right: Expression,
                        in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType) {
        let (leftBound, leftType) = try bindDayAsDate(left, in: rows)
        let (rightBound, rightType) = try bindDayAsDate(right, in: rows)
        let result: FieldType?
        switch (operation, leftType, rightType) {
        case (.divide, _, _) where leftType.isNumeric && rightType.isNumeric: result = .float
        case (_, .int, .int): result = .int
        case (_, _, _) where leftType.isNumeric && rightType.isNumeric: result = .float
        case (.add, .date, .int), (.add, .int, .date), (.subtract, .date, .int): result = .date
        case (.subtract, .date, .date): result = .int
        case (.add, _, _) where leftType.isTextual && rightType.isTextual: result = .string
        default: result = nil
        }
        guard let result else {
            let (culprit, type) = leftType.isNumeric || (leftType == .date && operation != .multiply && operation != .divide)
                || (operation == .add && leftType.isTextual) ? (right, rightType) : (left, leftType)
            var diagnostic = Diagnostic(.error, .typeMismatch, "'\(operation)' cannot combine \(article(leftType)) and \(article(rightType))",
                                        range: culprit.range, notes: ["\(describe(culprit)) is \(article(type))"])
            switch operation {
            case .add: diagnostic.notes.append("'+' adds numbers, joins texts, and moves a Date by a number of days")
            case .subtract: diagnostic.notes.append("'-' subtracts numbers, moves a Date back by a number of days, and gives the days between two Dates")
            default: diagnostic.notes.append("'\(operation)' works on numbers (Int, Float)")
            }
            throw diagnostic
        }
        return (.arithmetic(operation, leftBound, rightBound), result)
    }

    /// An operand of arithmetic or `coalesce`: a time literal of one day is a Date there
    /// (`date - 2019-01-01`, `coalesce(date, 1970-01-01)`).
    func bindDayAsDate(_ expression: Expression, in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType) {
        if case .time(let range) = expression.kind, range.granularity == .day, range.end.number == range.start.number + 1 {
            return (.constant(.date(range.start)), .date)
        }
        return try bind(expression, in: rows)
    }

    /// Binds `-EXPR`.
    func bindNegation(_ operand: Expression, in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType) {
        let (bound, type) = try bind(operand, in: rows)
        guard type.isNumeric else {
            throw Diagnostic(.error, .typeMismatch, "'-' needs a number, but \(describe(operand)) is \(article(type))", range: operand.range)
        }
        return (.negate(bound), type)
    }

    /// `EXPR == null` and `EXPR != null` read as `is null` and `is not null`; `null` anywhere else is
    /// an error that says so. `nil` when neither side is `null`.
    func bindNullComparison(_ operation: BinaryOperator, _ left: Expression, _ right: Expression,
                            in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType)? {
        let leftIsNull = left.kind == .null, rightIsNull = right.kind == .null
        guard leftIsNull || rightIsNull else { return nil }
        let null = leftIsNull ? left : right
        guard operation == .equal || operation == .notEqual else {
            throw Diagnostic(.error, .untypedNull, "a missing value cannot be ordered with '\(operation)'", range: null.range,
                             help: .init("test for it with 'is null' or 'is not null'"))
        }
        guard !(leftIsNull && rightIsNull) else {
            throw Diagnostic(.error, .untypedNull, "'null \(operation) null' compares nothing with nothing", range: left.range.union(right.range))
        }
        let (bound, _) = try bind(leftIsNull ? right : left, in: rows)
        return (.isNull(bound, negated: operation == .notEqual), .bool)
    }
}
