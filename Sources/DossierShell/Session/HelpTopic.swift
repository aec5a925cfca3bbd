import DossierCore
import DossierQuery

/// What `.help WORD` prints, and what a notebook shows when asked about the word under the cursor
/// (Shift-Tab in Jupyter): a command, a source and its fields, a stage, a field and the sources that
/// have it, a function, an enumeration case, a name bound by `let`, a parameter, or an entity.
enum HelpTopic {
    /// The help for `word`, or `nil` when there is none. `engine` answers for entities, names bound
    /// by `let` and parameters.
    static func text(for word: String, engine: QueryEngine) -> String? {
        let word = String(word.drop { $0 == " " || $0 == "\t" }).trimmingTrailingSpaces()
        if word.hasPrefix(".") { return command(word) }
        if word.hasPrefix("$") { return parameter(String(word.dropFirst()), engine: engine) }
        if word.hasPrefix("@") { return entity(word, engine: engine) }
        var sections: [String] = []
        if let kind = RowKind(word: word) { sections.append(source(kind, engine: engine)) }
        if let type = engine.session.typeOfBinding(named: word) { sections.append("\(word): a name bound by let to \(type)") }
        if let stage = Vocabulary.stage(named: word) {
            sections.append("| \(stage.usage)\n  \(stage.signature)\n  \(stage.summary)")
        }
        if let function = Vocabulary.functions.first(where: { $0.rawValue == word }) { sections.append("\(function.signature): \(function.summary)") }
        if let field = field(word) { sections.append(field) }
        if let enumeration = enumerationCase(word) { sections.append(enumeration) }
        if let keyword = Vocabulary.keyword(word)?.summary { sections.append(keyword) }
        return sections.isEmpty ? nil : sections.joined(separator: "\n\n") + "\n"
    }

    /// Every word `.help` has a topic for, to suggest the nearest when one is mistyped.
    static func words(engine: QueryEngine) -> [String] {
        DotCommand.summaries.map(\.name) + Vocabulary.stageNames + Vocabulary.functions.map(\.rawValue)
            + Vocabulary.keywords.filter { $0.summary != nil }.map(\.word)
            + RowKind.allCases.flatMap(\.fields).map(\.name) + engine.session.boundNames
            + [FieldType.kind, .predicate, .modality, .timexType].flatMap { $0.enumerationCases ?? [] }
    }

    private static func command(_ word: String) -> String? {
        let name = word.split(separator: " ").first.map(String.init) ?? word
        let aliases = [".h": ".help", ".exit": ".quit", ".q": ".quit", ".header": ".headers", ".parameter": ".param"]
        guard let summary = DotCommand.summaries.first(where: { $0.name == (aliases[name] ?? name) }) else { return nil }
        return "\(summary.usage)\n  \(summary.summary)\n"
    }

    private static func source(_ kind: RowKind, engine: QueryEngine) -> String {
        let width = kind.fields.map(\.name.count).max() ?? 0
        let fields = kind.fields.map { field in
            "  " + field.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + field.type.description
                + (kind.defaultColumns.contains(field.name) ? "" : "  (not shown unless selected)")
        }
        let count = engine.index.rowCount(of: kind)
        return "\(kind.rawValue)\(kind == .documents ? " (docs)" : ""): a source, \(Plural.count(count, "row")) here; its fields:\n"
            + fields.joined(separator: "\n")
    }

    private static func field(_ name: String) -> String? {
        let owners = RowKind.allCases.compactMap { kind in kind.fields.first { $0.name == name }.map { (kind, $0.type) } }
        guard !owners.isEmpty else { return nil }
        let types = owners.map { "\($0.0.rawValue) (\($0.1))" }
        var text = "\(name): a field of " + types.joined(separator: ", ")
        if let cases = owners.first?.1.enumerationCases ?? {
            if case .list(let element)? = owners.first?.1 { return element.enumerationCases }
            return nil
        }() {
            text += "\n  one of: " + cases.joined(separator: ", ")
        }
        return text
    }

    private static func enumerationCase(_ word: String) -> String? {
        let enumerations: [(FieldType, String)] = [(.kind, "kind"), (.predicate, "predicate"), (.modality, "modality"), (.timexType, "type")]
        let owners = enumerations.filter { $0.0.enumerationCases?.contains(word) == true }
        guard !owners.isEmpty else { return nil }
        return owners.map { "\(word): a case of \($0.0), as in \($0.1) == \(word)" }.joined(separator: "\n")
    }

    private static func parameter(_ name: String, engine: QueryEngine) -> String? {
        guard let parameter = engine.session.parameters.first(where: { $0.name == name }) else { return nil }
        var text = "$\(name): a parameter"
        if let type = parameter.type { text += " of type \(type)" }
        if let value = parameter.value { text += ", now \(value.literal)\(parameter.isSet ? " (set)" : "")" }
        if let defaultValue = parameter.defaultValue { text += ", by default \(defaultValue.literal)" }
        return text + "\n"
    }

    /// The entity a literal names, as a one-row table of what the shell knows about it; the
    /// diagnostic's text (unknown, or ambiguous with candidates) when it names none or several.
    private static func entity(_ literal: String, engine: QueryEngine) -> String? {
        do {
            let results = try engine.session.run("\(literal) | select name, kind, aliases, mentions, documents, first, last", sourceName: "<help>")
            guard case .rows(let table)? = results.first?.result, let row = table.rows.first else { return nil }
            let lines = zip(table.columns, row).filter { !$0.1.isNull }.map { "  \($0.0.name): \($0.1.displayText)" }
            return "\(literal): an entity\n" + lines.joined(separator: "\n") + "\n"
        } catch {
            return error.message + "\n" + error.notes.map { "  " + $0 }.joined(separator: "\n") + (error.notes.isEmpty ? "" : "\n")
        }
    }
}
