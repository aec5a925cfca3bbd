import DossierCore

/// The parameters a script declares and the places it uses them, read without running anything, so
/// the values given for them are checked before the first statement runs.
///
/// ```swift
/// var scan = ParameterScan()
/// try scan.scan(scriptText, firstLine: 1)
/// try scan.checkUses()
/// ```
package struct ParameterScan: Sendable {
    /// The declarations, in the order they are written.
    package private(set) var declarations: [ParameterDeclaration] = []
    /// The declared type of each parameter (the last declaration's, when one is declared twice).
    package private(set) var types: [String: ParameterType] = [:]
    private var uses: [(name: String, range: SourceRange, declared: Bool)] = []
    private let known: Set<String>

    /// Creates a scan; `known` names parameters that exist before the script runs (set in the shell).
    package init(known: Set<String> = []) { self.known = known }

    /// Reads the statements of `text`, whose first line is line `firstLine` of the script: checks each
    /// declaration's type and default, and notes each `$name`. Statements that do not parse are left
    /// for the run to report.
    package mutating func scan(_ text: String, firstLine: Int = 1) throws(Diagnostic) {
        for tokens in Parser.statementTokens(in: text, firstLine: firstLine) {
            for token in tokens {
                if case .parameter(let name) = token.kind { uses.append((name, token.range, types[name] != nil || known.contains(name))) }
            }
            guard tokens.first?.isWord("param") == true,
                  case .parameter(let declaration)? = try? Parser.parseStatement(tokens, in: text).kind else { continue }
            let type = try ParameterType.declared(declaration.type)
            if let written = declaration.defaultValue {
                do {
                    _ = try type.value(from: written.text)
                } catch {
                    throw Diagnostic(.error, .invalidParameterValue, "the default of '\(declaration.name.name)' is not \(type.withArticle): \(error.reason)",
                                     range: written.range)
                }
            }
            types[declaration.name.name] = type
            declarations.append(declaration)
        }
    }

    /// Checks that every `$name` comes after a declaration of `name` (or names a known parameter).
    package func checkUses() throws(Diagnostic) {
        for use in uses where !use.declared {
            if let later = declarations.first(where: { $0.name.name == use.name }) {
                throw Diagnostic(.error, .parameterUsedBeforeDeclaration, "'$\(use.name)' is used before 'param \(use.name)' declares it (line \(later.name.range.start.line))",
                                 range: use.range, help: .init("move the declaration up, before its first use"))
            }
            var diagnostic = Diagnostic(.error, .unknownParameter, "no parameter '$\(use.name)'", range: use.range,
                                        notes: ["declare it before using it: param \(use.name): TYPE = DEFAULT"])
            if let suggestion = EditDistance.nearest(to: use.name, in: Array(types.keys) + Array(known)) {
                diagnostic.help = .init("did you mean '$\(suggestion)'?")
            }
            throw diagnostic
        }
    }
}
