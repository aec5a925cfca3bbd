import DossierCore
import DossierQuery

/// `--param NAME=VALUE` arguments for a script, checked against what the script declares before
/// anything in it runs: an unknown name, a value of the wrong type, an entity the corpus does not
/// have, and a declaration without a default that was given no value are errors that point at
/// the argument or the declaration.
public struct ParameterArguments: Sendable {
    /// The arguments, each `NAME=VALUE`.
    public var arguments: [String]

    /// Creates the arguments.
    public init(_ arguments: [String]) { self.arguments = arguments }

    /// Where command-line arguments are said to be in diagnostics.
    static let sourceName = "<command line>"

    /// Checks the script `text` (named `sourceName`) and the arguments, and sets the values in
    /// `session`. Reports each problem found first and returns `false`.
    package func apply(to session: ShellSession, script text: String, sourceName: String) -> Bool {
        let chunks = ScriptRunner.chunks(of: ScriptRunner.lines(of: text))
        var scan = ParameterScan(known: Set(session.querySession.parameters.map(\.name)))
        do throws(Diagnostic) {
            for case .statements(let statement, let firstLine) in chunks { try scan.scan(statement, firstLine: firstLine) }
            try scan.checkUses()
        } catch {
            session.report(error.inSource(sourceName), source: text)
            return false
        }
        // Entities are looked up in the workspace open now, unless the script opens another.
        let opensAnother = chunks.contains { if case .command(let line, _) = $0 { line.hasPrefix(".open") } else { false } }
        let commandLine = arguments.map { "--param " + $0 }.joined(separator: " ")
        var column = 1
        var given: Set<String> = []
        for argument in arguments {
            defer { column += "--param ".count + argument.unicodeScalars.count + 1 }
            let start = column + "--param ".count
            func place(_ from: Int, _ length: Int) -> SourceRange {
                SourceRange(start: SourceLocation(line: 1, column: from, offset: 0), end: SourceLocation(line: 1, column: from + max(1, length), offset: 0))
            }
            func fail(_ diagnostic: Diagnostic) -> Bool {
                session.report(diagnostic.inSource(Self.sourceName), source: commandLine)
                return false
            }
            guard let equals = argument.firstIndex(of: "=") else {
                return fail(Diagnostic(.error, .invalidArgument, "a parameter is given as NAME=VALUE", range: place(start, argument.unicodeScalars.count),
                                       help: .init("for example: --param who=putin")))
            }
            let name = String(argument[..<equals])
            let value = String(argument[argument.index(after: equals)...])
            let valueStart = start + name.unicodeScalars.count + 1
            guard let type = scan.types[name] else {
                let declared = scan.declarations.map { "\($0.name.name) (\(scan.types[$0.name.name]?.description ?? "?"))" }
                var diagnostic = Diagnostic(.error, .unknownParameter, "\(sourceName) declares no parameter '\(name)'", range: place(start, name.unicodeScalars.count),
                                            notes: [declared.isEmpty ? "it declares no parameters" : "it declares: " + declared.joined(separator: ", ")])
                if let suggestion = EditDistance.nearest(to: name, in: Array(scan.types.keys)) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
                return fail(diagnostic)
            }
            let parsed: ParameterValue
            do {
                parsed = try type.value(from: value)
            } catch {
                return fail(Diagnostic(.error, .invalidParameterValue, "the value of '\(name)' is not \(type.withArticle): \(error.reason)",
                                       range: place(valueStart, value.unicodeScalars.count)))
            }
            if !opensAnother, parsed.type == .entity {
                do {
                    try session.querySession.checkEntity(parsed)
                } catch {
                    var located = error
                    located.range = place(valueStart, value.unicodeScalars.count)
                    return fail(located)
                }
            }
            given.insert(name)
            do {
                try session.querySession.setParameter(name, to: value)
            } catch {
                return fail(Diagnostic(.error, .invalidParameterValue, error.reason, range: place(valueStart, value.unicodeScalars.count)))
            }
        }
        let known = Set(session.querySession.parameters.filter { $0.value != nil }.map(\.name))
        for declaration in scan.declarations where !given.contains(declaration.name.name) {
            guard let written = declaration.defaultValue else {
                if known.contains(declaration.name.name) { continue }
                var diagnostic = Diagnostic(.error, .missingParameterValue, "the parameter '\(declaration.name.name)' has no value", range: declaration.name.range,
                                            help: .init("give it one: --param \(declaration.name.name)=VALUE"),
                                            notes: ["or write a default: param \(declaration.name.name): … = VALUE"])
                diagnostic.sourceName = sourceName
                session.report(diagnostic, source: text)
                return false
            }
            guard !opensAnother, let type = scan.types[declaration.name.name], type == .entity,
                  let value = try? type.value(from: written.text) else { continue }
            do {
                try session.querySession.checkEntity(value)
            } catch {
                var located = error
                located.range = written.range
                session.report(located.inSource(sourceName), source: text)
                return false
            }
        }
        return true
    }
}
