import DossierCore

/// The type of a script parameter: what values `--param NAME=VALUE` and `.param set NAME VALUE` accept.
public enum ParameterType: Hashable, Sendable, CustomStringConvertible {
    /// An entity, written `@putin`, `@"Xi Jinping"`, or by its name alone (`putin`, `Xi Jinping`).
    case entity
    /// A time literal: `2023`, `2023-07`, `2023-Q3`, `2023-03..2023-10`.
    case time
    /// Text; quotes are optional.
    case string
    /// A whole or decimal number.
    case number
    /// `true` or `false`.
    case bool
    /// A case of one of the language's enumerations (Kind, Predicate, Modality, TimexType).
    case enumeration(FieldType)
    /// One of a list of words written in the declaration (`[day, week, month]`).
    case choice([String])

    /// The type names a declaration may use.
    public static let names = ["entity", "time", "string", "number", "bool", "kind", "predicate", "modality", "timextype"]

    /// The type a name stands for, in any case (`entity`, `Entity`, `TimexType`).
    public init?(name: String) {
        switch name.lowercased() {
        case "entity": self = .entity
        case "time": self = .time
        case "string": self = .string
        case "number": self = .number
        case "bool": self = .bool
        case "kind": self = .enumeration(.kind)
        case "predicate": self = .enumeration(.predicate)
        case "modality": self = .enumeration(.modality)
        case "timextype": self = .enumeration(.timexType)
        default: return nil
        }
    }

    /// The type a declaration writes, or the diagnostic for an unknown type name.
    static func declared(_ syntax: ParameterDeclaration.TypeSyntax) throws(Diagnostic) -> ParameterType {
        switch syntax {
        case .name(let word):
            if let type = ParameterType(name: word.name) { return type }
            var diagnostic = Diagnostic(.error, .unknownParameterType, "unknown parameter type '\(word.name)'", range: word.range,
                                        notes: ["the types are " + names.joined(separator: ", ") + ", or a list of words such as [day, week, month]"])
            if let suggestion = EditDistance.nearest(to: word.name.lowercased(), in: names) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
            throw diagnostic
        case .choices(let words):
            var seen: Set<String> = []
            for word in words where !seen.insert(word.name).inserted {
                throw Diagnostic(.error, .duplicateName, "'\(word.name)' is listed twice", range: word.range)
            }
            return .choice(words.map(\.name))
        }
    }

    /// `entity`, `kind`, `one of [day, week]`.
    public var description: String {
        switch self {
        case .entity: "entity"
        case .time: "time"
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .enumeration(let type): type.description.lowercased()
        case .choice(let words): "[" + words.joined(separator: ", ") + "]"
        }
    }

    /// The value `text` gives for this type, or why it gives none (a sentence that says what is wrong).
    public func value(from text: String) throws(ParameterValue.Problem) -> ParameterValue {
        let trimmed = text.trimmingSpaces()
        func fail(_ reason: String) -> ParameterValue.Problem { ParameterValue.Problem(reason: reason) }
        switch self {
        case .entity:
            if trimmed.hasPrefix("@"), Parser.entityLiteral(in: trimmed) != nil {
                return ParameterValue(type: self, literal: trimmed, text: text)
            }
            // A name as written, with or without an '@' before it (`Xi Jinping`, `@Xi Jinping`).
            let name = ParameterValue.unquoted(trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed)
            guard !name.isEmpty else { throw fail("an entity parameter needs a name") }
            return ParameterValue(type: self, literal: EntityLiteral.text(name: name), text: text)
        case .time:
            guard TimeRange(literal: trimmed) != nil else {
                let problem = Parser.timeLiteralProblem(trimmed).map { " (\($0))" } ?? ""
                throw fail("'\(trimmed)' is not a time literal\(problem); write 2023, 2023-07, 2023-07-25, 2023-Q3, 2023-W30 or 2023-03..2023-10")
            }
            return ParameterValue(type: self, literal: trimmed, text: text)
        case .string:
            return ParameterValue(type: self, literal: ParameterValue.stringLiteral(ParameterValue.unquoted(text)), text: text)
        case .number:
            if let integer = Int(trimmed) { return ParameterValue(type: self, literal: String(integer), text: text) }
            guard let number = Double(trimmed), number.isFinite, trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
                throw fail("'\(trimmed)' is not a number")
            }
            return ParameterValue(type: self, literal: trimmed, text: text)
        case .bool:
            guard ["true", "false"].contains(trimmed.lowercased()) else { throw fail("'\(trimmed)' is not true or false") }
            return ParameterValue(type: self, literal: trimmed.lowercased(), text: text)
        case .enumeration(let type):
            let cases = type.enumerationCases ?? []
            guard cases.contains(trimmed.lowercased()) else {
                throw fail("'\(trimmed)' is not a \(type); \(type) is one of: " + cases.joined(separator: ", "))
            }
            return ParameterValue(type: self, literal: trimmed.lowercased(), text: text)
        case .choice(let words):
            guard let word = words.first(where: { $0.lowercased() == trimmed.lowercased() }) else {
                throw fail("'\(trimmed)' is not one of: " + words.joined(separator: ", "))
            }
            return ParameterValue(type: self, literal: word, text: text)
        }
    }

    /// The value of text given for a parameter no declaration has typed yet (`.param set` before
    /// `param`), read as a query literal would be: `@name` an entity, `2023-07` a time, `42` a
    /// number, `true` a Bool, anything else a string.
    static func inferred(from text: String) -> ParameterValue {
        let trimmed = text.trimmingSpaces()
        for type in [ParameterType.entity, .number, .time, .bool] where type != .entity || trimmed.hasPrefix("@") {
            if let value = try? type.value(from: text) { return value }
        }
        return (try? ParameterType.string.value(from: text)) ?? ParameterValue(type: .string, literal: "\"\"", text: text)
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
