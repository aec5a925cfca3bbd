import DossierCore
import DossierQuery
import DossierStore
import Foundation

/// What `.sources`, `.fields`, `.schema`, `.stats` and `.param` show: tables, so every mode prints them.
enum Discovery {
    /// The sources, their row counts and fields, then the names bound by `let`.
    static func sources(of engine: QueryEngine) -> ResultSet {
        var rows: [[Value]] = RowKind.allCases.map { kind in
            [.string(kind == .documents ? "documents (docs)" : kind.rawValue), .int(engine.index.rowCount(of: kind)),
             .string(kind.fields.map(\.name).joined(separator: ", "))]
        }
        for name in engine.session.boundNames {
            guard let type = engine.session.typeOfBinding(named: name) else { continue }
            let fields: String
            switch type {
            case .rows(let rows): fields = rows.fields.map(\.name).joined(separator: ", ")
            case .value(let value): fields = "a single \(value)"
            }
            rows.append([.string(name + " (let)"), .null, .string(fields)])
        }
        return .table(columns: ["source", "rows", "fields"], rows: rows)
    }

    /// The fields of `source` (a source, or a name bound by `let`) and their types, marking the
    /// columns a pipeline ending with those rows shows; every source's with no source named.
    static func fields(of source: String?, in engine: QueryEngine) throws(Diagnostic) -> ResultSet {
        guard let source else {
            let rows = RowKind.allCases.flatMap { kind in kind.fields.map { [Value.string(kind.rawValue), .string($0.name), .string($0.type.description)] } }
            return .table(columns: ["source", "field", "type"], rows: rows)
        }
        if let kind = RowKind(word: source) {
            return .table(columns: ["field", "type", "shown"], rows: kind.fields.map { field in
                [.string(field.name), .string(field.type.description), .string(kind.defaultColumns.contains(field.name) ? "yes" : "")]
            })
        }
        if let type = engine.session.typeOfBinding(named: source) {
            switch type {
            case .rows(let rows):
                return .table(columns: ["field", "type"], rows: rows.fields.map { [.string($0.name), .string($0.type.description)] })
            case .value(let value):
                return .table(columns: ["field", "type"], rows: [[.string(source), .string(value.description)]])
            }
        }
        let candidates = RowKind.allCases.map(\.rawValue) + engine.session.boundNames
        var diagnostic = Diagnostic(.error, .unknownSource, "no source '\(source)'",
                                    notes: ["the sources are: " + RowKind.allCases.map(\.rawValue).joined(separator: ", ")
                                            + (engine.session.boundNames.isEmpty ? "" : "; names bound by let: " + engine.session.boundNames.joined(separator: ", "))])
        if let suggestion = EditDistance.nearest(to: source, in: candidates) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
        throw diagnostic
    }

    /// A short account of the workspace: where it is, its documents and their dates, and how many
    /// entities (by kind), mentions, relations (by predicate) and time expressions it holds.
    static func statistics(of engine: QueryEngine, workspace: Workspace?, isDemo: Bool) -> ResultSet {
        let index = engine.index
        var rows: [[Value]] = []
        func add(_ what: String, _ value: String) { rows.append([.string(what), .string(value)]) }
        if let workspace {
            let size = workspace.fileSize.map { String(format: " (%.1f MB)", Double($0) / 1_048_576) } ?? ""
            add("workspace", (isDemo ? "the demo corpus, " : "") + workspace.path + size)
        } else {
            add("workspace", "none open")
        }
        let dates = index.documents.dates.compactMap { $0 }
        let undated = index.documents.count - dates.count
        add("documents", grouped(index.documents.count) + (undated > 0 ? " (\(grouped(undated)) undated)" : ""))
        if let first = dates.min(), let last = dates.max() { add("dates", "\(first.iso) to \(last.iso)") }
        add("words", grouped(index.documents.wordCounts.reduce(0, +)))
        add("sentences", grouped(index.sentences.count))
        add("entities", grouped(index.entities.count) + breakdown(index.entities.kinds.map(\.rawValue)))
        add("mentions", grouped(index.mentions.count))
        add("relations", grouped(index.relations.count) + breakdown(index.relations.predicates.map(\.rawValue), limit: 6))
        add("times", grouped(index.times.count) + breakdown(index.times.types.map(\.rawValue)))
        return .table(columns: ["what", "value"], rows: rows)
    }

    /// The parameters: name, type, value and default.
    static func parameters(_ parameters: [ScriptParameter]) -> ResultSet {
        .table(columns: ["name", "type", "value", "default"], rows: parameters.map { parameter in
            [.string("$" + parameter.name), parameter.type.map { .string($0.description) } ?? .string("(not declared)"),
             parameter.value.map { .string($0.literal + (parameter.isSet ? " (set)" : "")) } ?? .null,
             parameter.defaultValue.map { .string($0.literal) } ?? .null]
        })
    }

    /// ": 854 person, 571 other, …", the most frequent first, up to `limit` of them.
    private static func breakdown(_ values: [String], limit: Int = 10) -> String {
        guard !values.isEmpty else { return "" }
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let shown = sorted.prefix(limit).map { "\(grouped($0.value)) \($0.key)" }
        return ": " + shown.joined(separator: ", ") + (sorted.count > limit ? ", …" : "")
    }

    /// A count with thousands separated by commas: 167,010.
    static func grouped(_ number: Int) -> String {
        var digits = String(abs(number))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
