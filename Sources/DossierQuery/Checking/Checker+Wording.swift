import DossierCore
import DossierStore

// Wording: how diagnostics name types, expressions and stages.
extension Checker {
    func article(_ type: FieldType) -> String {
        let name = type.description
        return (name.first.map { "AEIOU".contains($0) } ?? false ? "an " : "a ") + name
    }

    func describe(_ expression: Expression) -> String {
        switch expression.kind {
        case .name(let name): "'\(name)'"
        case .string(let value): "\"\(value)\""
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .bool(let value): String(value)
        case .time(let range): range.description
        case .entity(let literal): "@\(literal.name)"
        case .call(let name, _): "'\(name.name)(…)'"
        default: "the expression"
        }
    }

    /// The stage as a user would write it again: its name, and its first word when it has one.
    func sliceName(_ stage: Stage) -> String {
        if case .render(let word?) = stage.kind { return "render \(word.name)" }
        return stage.name.name
    }

    func sliceName(_ expression: Expression) -> String {
        if case .name(let name) = expression.kind { return name }
        return "…"
    }
}

extension RowType {
    var isTable: Bool {
        if case .table = self { return true }
        return false
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
