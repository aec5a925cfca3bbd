import DossierCore

/// `param NAME: TYPE = DEFAULT`: a script parameter.
extension Parser {
    /// Parses a declaration after its `param` keyword.
    mutating func parseParameterDeclaration(keyword: QueryToken) throws(Diagnostic) -> ParameterDeclaration {
        let example = "param who: entity = @putin"
        guard current.kind == .identifier else {
            throw error(.unexpectedToken, "expected a name after 'param'", at: current.kind == .end ? keyword : current, help: "write '\(example)'")
        }
        let name = identifier(advance())
        if Vocabulary.wordsNoNameMayTake.contains(name.name) {
            throw Diagnostic(.error, .reservedName, "'\(name.name)' cannot name a parameter: it is a word of the language", range: name.range,
                             help: .init("choose another name"))
        }
        guard current.kind == .colon else {
            throw error(.unexpectedToken, "expected ':' and a type after 'param \(name.name)'", at: current.kind == .end ? tokens[position - 1] : current,
                        help: "write 'param \(name.name): TYPE', as in '\(example)'")
        }
        let colon = advance()
        let typeStart = current.range.start
        let type: ParameterDeclaration.TypeSyntax
        switch current.kind {
        case .identifier:
            type = .name(identifier(advance()))
        case .leftBracket:
            let open = advance()
            var choices: [Identifier] = []
            repeat {
                if !choices.isEmpty { advance() }
                guard current.kind == .identifier else {
                    throw error(.unexpectedToken, "a list of choices holds words, as in [day, week, month]", at: current.kind == .end ? open : current)
                }
                choices.append(identifier(advance()))
            } while current.kind == .comma
            guard current.kind == .rightBracket else { throw error(.unexpectedToken, "expected ']' to close the list of choices", at: current) }
            advance()
            type = .choices(choices)
        default:
            throw error(.unexpectedToken, "expected a type after ':'", at: current.kind == .end ? colon : current,
                        help: "the types are entity, time, string, number, bool, kind, predicate, modality, timextype, or a list of words")
        }
        let typeRange = SourceRange(start: typeStart, end: previousEnd)
        var defaultValue: ParameterDeclaration.DefaultValue?
        if current.kind == .assign {
            let assign = advance()
            guard current.kind != .end else {
                throw Diagnostic(.error, .expectedValue, "expected a default value after '='", range: assign.range)
            }
            let start = current.range.start
            while current.kind != .end { advance() }
            let range = SourceRange(start: start, end: previousEnd)
            defaultValue = .init(text: slice(range), range: range)
        } else if current.kind != .end {
            throw error(.unexpectedToken, "expected '=' and a default value, or the end of the declaration", at: current, help: "write '\(example)'")
        }
        return ParameterDeclaration(name: name, type: type, typeRange: typeRange, defaultValue: defaultValue)
    }
}
