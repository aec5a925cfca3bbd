import DossierCore
import DossierQuery

/// What `.help WORD` prints, and what a notebook shows when asked about the word under the cursor
/// (Shift-Tab in Jupyter): a command, a source and its fields, a stage, a field and the sources that
/// have it, a function, an enumeration case, a name bound by `let`, a parameter, or an entity.
enum HelpTopic {
    /// A stage: how it is written, what it takes and gives, and what it does.
    struct Stage {
        var usage: String
        var signature: String
        var summary: String
    }

    /// Every stage by name, in the language reference's words.
    static let stages: [String: Stage] = {
        let time = Stage(usage: "during T · overlapping T · before T · after T", signature: "anything with a time → the same rows",
                         summary: "keeps the rows whose time lies inside (during), meets (overlapping), ends before or starts after the time T "
                             + "(2019, 2019-03, 2019-Q1, 2019-W05, 2019-03-14, 2019-01..2019-06); relations use their own time, else their document's date")
        var stages: [String: Stage] = [
            "where": Stage(usage: "where EXPR", signature: "T → T", summary: "keeps the rows for which EXPR is true"),
            "during": time, "overlapping": time, "before": time, "after": time,
            "mentioning": Stage(usage: "mentioning @a[, @b …]", signature: "documents, sentences → the same",
                                summary: "keeps the documents or sentences that mention every entity named"),
            "search": Stage(usage: "search \"words\"", signature: "documents, sentences → the same",
                            summary: "full-text search: the documents or sentences that match the words (\"a phrase\", OR, NOT, prefix*)"),
            "sort": Stage(usage: "sort F [asc|desc], …", signature: "T → T", summary: "orders the rows by the fields or expressions, ascending unless desc"),
            "take": Stage(usage: "take N", signature: "T → T", summary: "keeps the first N rows"),
            "top": Stage(usage: "top N by F", signature: "T → T", summary: "the N rows with the largest F, largest first"),
            "select": Stage(usage: "select F, EXPR as name, …", signature: "T → a table", summary: "a table of the fields and expressions named"),
            "count": Stage(usage: "count · count by F, …", signature: "T → Int · T → a table (F …, count)",
                           summary: "how many rows; with by, how many per value of the fields, largest first"),
            "distinct": Stage(usage: "distinct F, …", signature: "T → a table", summary: "the different values of the fields, each once"),
            "cooccur": Stage(usage: "cooccur [with KIND] [in sentence|document] [min N]", signature: "documents, sentences, entities → a table (a, b, count, pmi)",
                             summary: "pairs of entities named together in a sentence or a document, how often, and their pointwise mutual information"),
            "timeline": Stage(usage: "timeline [by day|week|month|quarter|year]", signature: "anything with a time → a table (bucket, count)",
                              summary: "how many rows fall in each unit of time (month unless given), empty units counted 0; a notebook draws it as bars"),
            "kwic": Stage(usage: "kwic [width N] · kwic \"word\" [width N]", signature: "mentions; documents, sentences → a table (document, left, match, right)",
                          summary: "keyword in context: each mention (or each occurrence of the word) with N words either side"),
            "graph": Stage(usage: "graph", signature: "relations → a table (subject, predicate, object, weight)",
                           summary: "the relations as edges subject —predicate→ object, weighted by how many relations each stands for; a notebook draws it as a network"),
            "render": Stage(usage: "render table|bar|line|graph", signature: "a table → the same, drawn (last stage)",
                            summary: "how the result is drawn: bars or a line of its last number column, a network of its first two Entity columns"),
        ]
        for kind in RowKind.allCases {
            stages[kind.rawValue] = Stage(usage: kind.rawValue, signature: "rows linked to \(kind.rawValue) → \(kind.rawValue)",
                                          summary: "follows the links from the rows the pipeline carries to their \(kind.rawValue)")
        }
        return stages
    }()

    /// What each keyword of expressions does.
    static let keywords: [String: String] = [
        "and": "EXPR and EXPR: both are true", "or": "EXPR or EXPR: either is true", "not": "not EXPR: EXPR is false",
        "in": "VALUE in [a, b, …]: VALUE is one of the list's values",
        "contains": "TEXT contains \"x\": TEXT has x in it, ignoring case",
        "matches": "TEXT matches \"regex\": TEXT matches the regular expression",
        "is": "EXPR is null · EXPR is not null: whether the value is missing",
        "null": "a missing value (a document without a date); test for it with 'is null'",
        "overlaps": "TIME overlaps T: the time meets the range T",
        "as": "EXPR as name: the column's name, in select", "asc": "sort F asc: smallest first (the default)", "desc": "sort F desc: largest first",
        "by": "count by F · top N by F · timeline by UNIT", "width": "kwic width N: the words shown either side",
        "with": "cooccur with KIND: only entities of that kind", "min": "cooccur min N: only pairs seen at least N times",
        "let": "let NAME = PIPELINE: names a result, to start later pipelines with NAME",
        "param": "param NAME: TYPE = DEFAULT: a script parameter, used as $NAME; set with .param set or --param NAME=VALUE",
    ]

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
        if let stage = stages[word] {
            sections.append("| \(stage.usage)\n  \(stage.signature)\n  \(stage.summary)")
        }
        if let function = Function(rawValue: word) { sections.append("\(function.signature): \(function.summary)") }
        if let field = field(word) { sections.append(field) }
        if let enumeration = enumerationCase(word) { sections.append(enumeration) }
        if let keyword = keywords[word] { sections.append(keyword) }
        return sections.isEmpty ? nil : sections.joined(separator: "\n\n") + "\n"
    }

    /// Every word `.help` has a topic for, to suggest the nearest when one is mistyped.
    static func words(engine: QueryEngine) -> [String] {
        DotCommand.summaries.map(\.name) + Array(stages.keys) + Function.allCases.map(\.rawValue) + Array(keywords.keys)
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
