import DossierCore

/// One script parameter a session knows, as `.param` lists it.
public struct ScriptParameter: Hashable, Sendable {
    /// The name, used as `$name`.
    public var name: String
    /// The declared type; `nil` for a value set before any `param` declared it.
    public var type: ParameterType?
    /// The value `$name` stands for, when it has one.
    public var value: ParameterValue?
    /// The default the declaration gives, when it gives one.
    public var defaultValue: ParameterValue?
    /// Whether the value was set (`--param`, `.param set`) rather than taken from the default.
    public var isSet: Bool
}

/// The parameters of a session: declared types, defaults and values, and the substitution of
/// `$name` in a statement's tokens.
///
/// A value set before its declaration runs (`dossier run --param`, `.param set`) wins over the
/// default and is checked against the declared type when the declaration runs; a parameter with
/// neither is an error at its declaration.
struct ParameterStore {
    private struct Entry {
        var type: ParameterType?
        var value: ParameterValue?
        var defaultValue: ParameterValue?
        var isSet = false
    }

    private var entries: [String: Entry] = [:]

    /// Every parameter, sorted by name.
    var parameters: [ScriptParameter] {
        entries.keys.sorted().map { name in
            let entry = entries[name]!
            return ScriptParameter(name: name, type: entry.type, value: entry.value, defaultValue: entry.defaultValue, isSet: entry.isSet)
        }
    }

    /// Sets `name` to the value `text` gives: of the declared type, or of the type the text reads as
    /// when no declaration has run yet.
    mutating func set(_ name: String, to text: String) throws(ParameterValue.Problem) {
        var entry = entries[name] ?? Entry()
        if let type = entry.type {
            entry.value = try type.value(from: text)
        } else {
            entry.value = ParameterType.inferred(from: text)
        }
        entry.isSet = true
        entries[name] = entry
    }

    /// Forgets the value set for `name` (the default applies again); forgets an undeclared name
    /// altogether. Returns whether there was such a parameter.
    mutating func unset(_ name: String) -> Bool {
        guard var entry = entries[name] else { return false }
        if entry.type == nil {
            entries[name] = nil
        } else {
            entry.value = entry.defaultValue
            entry.isSet = false
            entries[name] = entry
        }
        return true
    }

    /// Forgets every parameter.
    mutating func removeAll() { entries.removeAll() }

    /// Runs a declaration: records the type and default, and checks the value set earlier against
    /// the type, or takes the default. `resolve` checks that an entity value names one entity.
    mutating func declare(_ declaration: ParameterDeclaration,
                          resolve: (EntityLiteral) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let name = declaration.name.name
        let type = try ParameterType.declared(declaration.type)
        var defaultValue: ParameterValue?
        if let written = declaration.defaultValue {
            do {
                defaultValue = try type.value(from: written.text)
            } catch {
                throw Diagnostic(.error, .invalidParameterValue, "the default of '\(name)' is not \(type.withArticle): \(error.reason)", range: written.range)
            }
            try Self.check(defaultValue!, at: written.range, resolve: resolve)
        }
        var entry = entries[name] ?? Entry()
        entry.type = type
        entry.defaultValue = defaultValue
        if entry.isSet, let given = entry.value {
            let value: ParameterValue
            do {
                value = try type.value(from: given.text)
            } catch {
                throw Diagnostic(.error, .invalidParameterValue, "'\(name)' was given the value \"\(given.text)\", which is not \(type.withArticle)",
                                 range: declaration.name.range, notes: [error.reason])
            }
            try Self.check(value, at: declaration.name.range, resolve: resolve)
            entry.value = value
        } else if let defaultValue {
            entry.value = defaultValue
        } else {
            entries[name] = Entry(type: type)
            throw Self.missingValue(declaration)
        }
        entries[name] = entry
    }

    /// The diagnostic for a declaration with no default whose parameter was given no value.
    static func missingValue(_ declaration: ParameterDeclaration) -> Diagnostic {
        let name = declaration.name.name
        return Diagnostic(.error, .missingParameterValue, "the parameter '\(name)' has no value", range: declaration.name.range,
                          help: .init("give it one: dossier run SCRIPT --param \(name)=VALUE, or .param set \(name) VALUE in the shell"),
                          notes: ["or write a default: param \(name): … = VALUE"])
    }

    /// Checks that an entity value names one entity of the corpus, pointing at `range` when not.
    static func check(_ value: ParameterValue, at range: SourceRange, resolve: (EntityLiteral) throws(Diagnostic) -> Void) throws(Diagnostic) {
        guard value.type == .entity, let literal = Parser.entityLiteral(in: value.literal) else { return }
        do {
            try resolve(literal)
        } catch {
            var located = error
            located.range = range
            located.help?.range = nil
            throw located
        }
    }

    /// `tokens` with each `$name` replaced by the tokens of its value.
    func substitute(_ tokens: [QueryToken]) throws(Diagnostic) -> [QueryToken] {
        guard tokens.contains(where: { if case .parameter = $0.kind { true } else { false } }) else { return tokens }
        var result: [QueryToken] = []
        for token in tokens {
            guard case .parameter(let name) = token.kind else {
                result.append(token)
                continue
            }
            guard let value = entries[name]?.value else { throw undefined(name, at: token.range) }
            result += value.tokens(at: token.range)
        }
        return result
    }

    /// The diagnostic for `$name` where there is no such parameter, or it has no value.
    func undefined(_ name: String, at range: SourceRange) -> Diagnostic {
        if entries[name] != nil {
            return Diagnostic(.error, .missingParameterValue, "the parameter '$\(name)' has no value", range: range,
                              help: .init("give it one with .param set \(name) VALUE, or a default in its declaration"))
        }
        var diagnostic = Diagnostic(.error, .unknownParameter, "no parameter '$\(name)'", range: range,
                                    notes: ["declare it before using it: param \(name): TYPE = DEFAULT"])
        if let suggestion = EditDistance.nearest(to: name, in: Array(entries.keys)) { diagnostic.help = .init("did you mean '$\(suggestion)'?") }
        return diagnostic
    }
}

extension ParameterType {
    /// `an entity`, `a time`, `one of [day, week]`.
    public var withArticle: String {
        switch self {
        case .entity: "an entity"
        case .choice: "one of " + description
        default: "a " + description
        }
    }
}
