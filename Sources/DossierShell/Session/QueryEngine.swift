import DossierCore
import DossierQuery
import DossierStore

/// The shell's one contact with the query language: runs text on a ``QuerySession`` and turns its
/// typed values into the cells the renderers print.
struct QueryEngine {
    let session: QuerySession

    /// The index queries run over.
    var index: CorpusIndex { session.index }

    /// An engine with no workspace: an empty index.
    init() { session = QuerySession(index: CorpusIndex()) }

    /// An engine over `workspace`, whose full-text index answers `search`.
    init(workspace: Workspace) throws(Diagnostic) { session = try QuerySession(workspace: workspace) }

    /// What one statement gave: a result to print, or a name bound by `let`.
    enum Outcome {
        /// A result to print.
        case result(ResultSet)
        /// `let NAME = …` bound NAME; the summary says to what ("11 documents").
        case binding(name: String, summary: String)
    }

    /// Runs every statement of `text`, handing each outcome over as soon as it is ready, so a
    /// script's earlier output appears before a later statement's error.
    func run(_ text: String, sourceName: String, firstLine: Int, handle: (Outcome) -> Void) throws(Diagnostic) {
        try session.run(text, sourceName: sourceName, firstLine: firstLine) { statement in
            if let name = statement.boundName {
                handle(.binding(name: name, summary: Self.summary(of: statement.result)))
            } else {
                handle(.result(Self.resultSet(statement.result)))
            }
        }
    }

    private static func summary(of result: QueryResult) -> String {
        switch result {
        case .scalar(let value): return value.displayText
        case .rows(let table):
            return Plural.count(table.rows.count, table.rowKind.map(Plural.singular(of:)) ?? "row")
        }
    }

    /// Whether `text` is an unfinished statement (an open bracket or string, a trailing `|`).
    static func needsContinuation(_ text: String) -> Bool { QuerySession.needsContinuation(text) }

    /// The words Tab may complete: sources, stages, fields, keywords, enumeration cases (kinds,
    /// predicates, modalities, TIMEX3 types) and `let` names.
    var keywords: [String] {
        let sources = RowKind.allCases.map(\.rawValue) + ["docs"]
        let fields = RowKind.allCases.flatMap(\.fields).map(\.name)
        let words = ["and", "or", "not", "in", "contains", "matches", "overlaps", "as", "asc", "desc", "by", "width", "with", "min", "let",
                     "param", "is", "null", "sentence", "document", "true", "false"] + Function.allCases.map(\.rawValue)
        let cases = [FieldType.kind, .predicate, .modality, .timexType].flatMap { $0.enumerationCases ?? [] }
        return Array(Set(sources + Parser.stageNames + fields + words + cases + session.boundNames)).sorted()
    }

    static func resultSet(_ result: QueryResult) -> ResultSet {
        switch result {
        case .rows(let table):
            return .table(columns: table.columns.map(\.name), rows: table.rows.map { $0.map(cell) }, presentation: table.presentation)
        case .scalar(let value):
            // `count` is the one stage whose result is a single value.
            return .scalar(name: "count", value: cell(value))
        }
    }

    static func cell(_ value: Value) -> Cell {
        switch value {
        case .null: .null
        case .int(let number): .integer(number)
        case .float(let number): .number(number)
        case .bool(let flag): .boolean(flag)
        case .string(let text): .text(text)
        case .list(let values): .list(values.map(cell))
        case .date, .timeRange, .kind, .predicate, .modality, .timexType, .entity, .document: .text(value.displayText)
        }
    }
}
