import DossierCore
import DossierStore

// Sources: kinds of rows, `let` names and entity literals, resolved against the corpus.
extension Checker {
    func checkSource(_ source: Source) throws(Diagnostic) -> (PlannedSource, PipelineType) {
        switch source.kind {
        case .entity(let literal):
            return (.entity(try resolve(literal)), .rows(.source(.entities)))
        case .name(let name):
            if let type = bindings[name.name] {
                guard case .rows = type else {
                    throw Diagnostic(.error, .stageInputMismatch, "'\(name.name)' holds \(type), not rows, so it cannot start a pipeline", range: name.range)
                }
                return (.binding(name.name), type)
            }
            if let kind = RowKind(word: name.name) {
                return (.all(kind), .rows(.source(kind)))
            }
            let candidates = RowKind.allCases.map(\.rawValue) + ["docs"] + bindings.keys.sorted()
            var diagnostic = Diagnostic(.error, .unknownSource, "unknown source '\(name.name)'", range: name.range)
            if let suggestion = EditDistance.nearest(to: name.name, in: candidates) {
                diagnostic.help = .init("did you mean '\(suggestion)'?")
            }
            var note = "a pipeline starts with documents (docs), entities, mentions, sentences, relations, times, or an entity literal such as @putin"
            if !bindings.isEmpty { note += "; names bound by 'let': " + bindings.keys.sorted().joined(separator: ", ") }
            diagnostic.notes = [note]
            throw diagnostic
        }
    }

    /// The entity row an entity literal names, or a diagnostic that lists the candidates, each with
    /// a literal that names exactly it.
    func resolve(_ literal: EntityLiteral) throws(Diagnostic) -> Int32 {
        if let kindWord = literal.kind { return try resolve(literal, kind: kindWord) }
        var lookup = index.lookUpEntity(named: literal.name)
        if case .notFound = lookup, literal.name.contains("_") {
            let spaced = index.lookUpEntity(named: literal.name.replacingUnderscores())
            if case .notFound = spaced {} else { lookup = spaced }
        }
        let written = EntityLiteral.text(name: literal.name)
        switch lookup {
        case .found(let row):
            return row
        case .ambiguous(let rows):
            throw ambiguous(written, rows, at: literal.range)
        case .notFound(let suggestions):
            var diagnostic = Diagnostic(.error, .unknownEntity, "unknown entity '\(written)'", range: literal.range)
            if let best = suggestions.first { diagnostic.help = .init("did you mean \(EntityLiteral.text(name: best))?") }
            diagnostic.notes = suggestions.isEmpty
                ? ["no entity in the corpus has that name or alias, or one close to it"]
                : ["candidates: " + suggestions.joined(separator: ", ")]
            throw diagnostic
        }
    }

    /// `@name:kind`: the one entity of that kind that goes by the name, preferring the one whose
    /// canonical name is written exactly so (two entities of a kind never share a canonical name).
    func resolve(_ literal: EntityLiteral, kind kindWord: Identifier) throws(Diagnostic) -> Int32 {
        guard let kind = EntityKind(rawValue: kindWord.name.lowercased()) else {
            throw notACase(kindWord.name, at: kindWord.range, of: .kind)
        }
        var named = index.entities(named: literal.name)
        if named.isEmpty, literal.name.contains("_") { named = index.entities(named: literal.name.replacingUnderscores()) }
        var candidates = named.filter { index.entities.kinds[Int($0)] == kind }
        if candidates.count > 1 {
            let exact = candidates.filter { index.entities.names[Int($0)] == literal.name }
            if !exact.isEmpty { candidates = exact }
        }
        let written = EntityLiteral.text(name: literal.name, kind: kind)
        if candidates.count == 1 { return candidates[0] }
        if candidates.count > 1 { throw ambiguous(written, candidates, at: literal.range) }
        var diagnostic = Diagnostic(.error, .unknownEntity, "unknown entity '\(written)': no \(kind.rawValue) goes by '\(literal.name)'", range: literal.range)
        if named.isEmpty {
            if case .notFound(let suggestions) = index.lookUpEntity(named: literal.name), let best = suggestions.first {
                diagnostic.help = .init("did you mean \(EntityLiteral.text(name: best))?")
            }
        } else {
            diagnostic.help = .init("write one of the literals below")
            diagnostic.notes = candidateNotes(named)
        }
        throw diagnostic
    }

    /// "'@dover' is ambiguous", with one note per candidate: the literal that names exactly it, its
    /// kind and how often it is mentioned, most mentioned first.
    func ambiguous(_ written: String, _ rows: [Int32], at range: SourceRange) -> Diagnostic {
        let sorted = rows.sorted { index.entities.mentionCounts[Int($0)] > index.entities.mentionCounts[Int($1)] }
        return Diagnostic(.error, .ambiguousEntity, "'\(written)' is ambiguous: \(rows.count) entities go by that name", range: range,
                          help: .init("write one of the literals below, as in \(exactLiteral(for: sorted[0]))"), notes: candidateNotes(sorted))
    }

    /// `@"Boris Johnson" (person, 31 mentions)` for each of the first eight candidates.
    func candidateNotes(_ rows: [Int32]) -> [String] {
        var notes = rows.prefix(8).map { row in
            let entity = Int(row)
            let count = index.entities.mentionCounts[entity]
            return "\(exactLiteral(for: row)) (\(index.entities.kinds[entity].rawValue), \(count) mention\(count == 1 ? "" : "s"))"
        }
        if rows.count > 8 { notes.append("and \(rows.count - 8) more") }
        return notes
    }

    /// A literal that names exactly the entity `row`: its canonical name, with its kind when the name
    /// alone names several.
    func exactLiteral(for row: Int32) -> String {
        let name = index.entities.names[Int(row)]
        if case .found(let found) = index.lookUpEntity(named: name), found == row { return EntityLiteral.text(name: name) }
        return EntityLiteral.text(name: name, kind: index.entities.kinds[Int(row)])
    }
}
