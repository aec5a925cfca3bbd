import DossierCore
import DossierQuery
import DossierStore

/// The shell's one contact with the query language: runs text on a ``QuerySession`` and hands its
/// results, typed values, to the renderers.
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
    /// With `drawing`, tables the query did not `render` are drawn as ``drawing(of:)`` suggests.
    func run(_ text: String, sourceName: String, firstLine: Int, drawing: Bool = false, handle: (Outcome) -> Void) throws(Diagnostic) {
        try session.run(text, sourceName: sourceName, firstLine: firstLine) { statement in
            if let name = statement.boundName {
                handle(.binding(name: name, summary: Self.summary(of: statement.result)))
            } else {
                handle(.result(Self.resultSet(statement.result, drawing: drawing)))
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

    /// The words Tab may complete: sources, stages, fields, keywords, enumeration cases (kinds,
    /// predicates, modalities, TIMEX3 types) and `let` names.
    var keywords: [String] {
        let sources = RowKind.allCases.map(\.rawValue) + ["docs"]
        let fields = RowKind.allCases.flatMap(\.fields).map(\.name)
        let words = Vocabulary.keywords.map(\.word) + Vocabulary.functions.map(\.rawValue)
        let cases = [FieldType.kind, .predicate, .modality, .timexType].flatMap { $0.enumerationCases ?? [] }
        return Array(Set(sources + Vocabulary.stageNames + fields + words + cases + session.boundNames)).sorted()
    }

    /// The result as the renderers take it; with `drawing`, a table the query did not `render` takes the presentation
    /// ``drawing(of:)`` suggests.
    static func resultSet(_ result: QueryResult, drawing: Bool = false) -> ResultSet {
        switch result {
        case .rows(let table):
            return .table(columns: table.columns.map(\.name), rows: table.rows,
                          presentation: drawing ? Self.drawing(of: table) : table.presentation)
        case .scalar(let value):
            // `count` is the one stage whose result is a single value.
            return .scalar(name: "count", value: value)
        }
    }

    /// How a table is drawn where drawing is cheap (a notebook) when the query did not say with
    /// `render`: a timeline (a time column and a count) as bars over time, a `graph` table (two
    /// Entity columns) as a network; every other table as a table.
    static func drawing(of table: ResultTable) -> Presentation {
        guard table.presentation == .table, !table.presentationIsExplicit else { return table.presentation }
        let types = table.columns.map(\.type)
        if types.count == 2, types[0] == .timeRange, types[1].isNumeric { return .bar(value: 1) }
        // The `graph` stage's columns, also what `count by subject, predicate, object` gives.
        if types == [.entity, .predicate, .entity, .int] { return .graph(from: 0, to: 2, label: 1, weight: 3) }
        return .table
    }
}
