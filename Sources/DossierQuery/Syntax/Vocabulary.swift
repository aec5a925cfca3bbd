/// The words of the query language in one table: its stages, its keywords and its functions.
///
/// The parser (which words are stages, which cannot be names), the shell's `.help` and its tab
/// completion all read this table, and the notes of the parser's and checker's diagnostics list
/// from it, so a stage or a keyword added here is known to all of them at once.
package enum Vocabulary {
    /// A stage of the language: how it is written, what it takes and gives, and what it does.
    package struct StageEntry: Hashable, Sendable {
        /// The word that starts the stage, such as `timeline`.
        package let name: String
        /// How the stage is written, such as `timeline [by day|week|month|quarter|year]`.
        package let usage: String
        /// What the stage takes and gives, such as `T → T`.
        package let signature: String
        /// What the stage does, in a sentence.
        package let summary: String
        /// The words that may follow the stage's name inside it (`by`, `width`), for completion.
        package let words: [String]
        /// A whole pipeline that uses the stage, such as `documents | timeline by month`.
        package let example: String
    }

    /// A keyword: a word of expressions and stages that is not a stage or a function.
    package struct KeywordEntry: Hashable, Sendable {
        /// The word, such as `contains`.
        package let word: String
        /// What the word does, for `.help`; `nil` when the word's help is elsewhere (a stage of the same name).
        package let summary: String?
        /// Whether the word is an operator of expressions, which no field, `let` or parameter may be named.
        package let isReserved: Bool
        /// Whether completion offers the word inside an expression (`where`, `select`, `sort`).
        package let isExpressionWord: Bool
    }

    /// Every stage, in the order suggestions and the "the stages are" note list them.
    package static let stages: [StageEntry] = {
        let time = { (name: String) in
            StageEntry(name: name, usage: "during T · overlapping T · before T · after T", signature: "anything with a time → the same rows",
                       summary: "keeps the rows whose time lies inside (during), meets (overlapping), ends before or starts after the time T "
                           + "(2019, 2019-03, 2019-Q1, 2019-W05, 2019-03-14, 2019-01..2019-06); relations use their own time, else their document's date",
                       words: [], example: "documents | \(name) 2023")
        }
        let navigation = RowKind.allCases.map { kind in
            StageEntry(name: kind.rawValue, usage: kind.rawValue, signature: "rows linked to \(kind.rawValue) → \(kind.rawValue)",
                       summary: "follows the links from the rows the pipeline carries to their \(kind.rawValue)", words: [],
                       example: (kind == .documents ? "entities" : "documents") + " | \(kind.rawValue)")
        }
        return [
            StageEntry(name: "where", usage: "where EXPR", signature: "T → T", summary: "keeps the rows for which EXPR is true",
                       words: [], example: "documents | where words > 3"),
            time("during"), time("overlapping"), time("before"), time("after"),
            StageEntry(name: "mentioning", usage: "mentioning @a[, @b …]", signature: "documents, sentences → the same",
                       summary: "keeps the documents or sentences that mention every entity named",
                       words: [], example: "documents | mentioning @putin"),
            StageEntry(name: "search", usage: "search \"words\"", signature: "documents, sentences → the same",
                       summary: "full-text search: the documents or sentences that match the words (\"a phrase\", OR, NOT, prefix*)",
                       words: [], example: "documents | search \"warrant\""),
            StageEntry(name: "sort", usage: "sort F [asc|desc], …", signature: "T → T",
                       summary: "orders the rows by the fields or expressions, ascending unless desc",
                       words: [], example: "documents | sort date desc"),
            StageEntry(name: "take", usage: "take N", signature: "T → T", summary: "keeps the first N rows",
                       words: [], example: "documents | take 2"),
            StageEntry(name: "top", usage: "top N by F", signature: "T → T", summary: "the N rows with the largest F, largest first",
                       words: ["by"], example: "entities | top 3 by mentions"),
            StageEntry(name: "select", usage: "select F, EXPR as name, …", signature: "T → a table", summary: "a table of the fields and expressions named",
                       words: [], example: "documents | select id, title"),
            StageEntry(name: "count", usage: "count · count by F, …", signature: "T → Int · T → a table (F …, count)",
                       summary: "how many rows; with by, how many per value of the fields, largest first",
                       words: ["by"], example: "documents | count by source"),
            StageEntry(name: "distinct", usage: "distinct F, …", signature: "T → a table", summary: "the different values of the fields, each once",
                       words: [], example: "documents | distinct source"),
        ] + navigation + [
            StageEntry(name: "cooccur", usage: "cooccur [with KIND] [in sentence|document] [min N]",
                       signature: "documents, sentences, entities → a table (a, b, count, pmi)",
                       summary: "pairs of entities named together in a sentence or a document, how often, and their pointwise mutual information",
                       words: ["with", "in", "min"], example: "documents | cooccur with person in sentence min 1"),
            StageEntry(name: "timeline", usage: "timeline [by day|week|month|quarter|year]", signature: "anything with a time → a table (bucket, count)",
                       summary: "how many rows fall in each unit of time (month unless given), empty units counted 0; a notebook draws it as bars",
                       words: ["by"], example: "documents | timeline by month"),
            StageEntry(name: "kwic", usage: "kwic [width N] · kwic \"word\" [width N]",
                       signature: "mentions; documents, sentences → a table (document, left, match, right)",
                       summary: "keyword in context: each mention (or each occurrence of the word) with N words either side",
                       words: ["width"], example: "mentions | kwic width 3"),
            StageEntry(name: "graph", usage: "graph", signature: "relations → a table (subject, predicate, object, weight)",
                       summary: "the relations as edges subject —predicate→ object, weighted by how many relations each stands for; "
                           + "a notebook draws it as a network",
                       words: [], example: "relations | graph"),
            StageEntry(name: "render", usage: "render table|bar|line|graph", signature: "a table → the same, drawn (last stage)",
                       summary: "how the result is drawn: bars or a line of its last number column, a network of its first two Entity columns",
                       words: Presentation.words, example: "documents | timeline by month | render bar"),
        ]
    }()

    /// Every keyword.
    package static let keywords: [KeywordEntry] = [
        expressionOperator("and", "EXPR and EXPR: both are true"),
        expressionOperator("or", "EXPR or EXPR: either is true"),
        expressionOperator("not", "not EXPR: EXPR is false"),
        expressionOperator("in", "VALUE in [a, b, …]: VALUE is one of the list's values"),
        expressionOperator("contains", "TEXT contains \"x\": TEXT has x in it, ignoring case"),
        expressionOperator("matches", "TEXT matches \"regex\": TEXT matches the regular expression"),
        expressionOperator("is", "EXPR is null · EXPR is not null: whether the value is missing"),
        KeywordEntry(word: "overlaps", summary: "TIME overlaps T: the time meets the range T", isReserved: true, isExpressionWord: false),
        // Time relations in expressions, and stages of the same names that have the help.
        KeywordEntry(word: "during", summary: nil, isReserved: true, isExpressionWord: false),
        KeywordEntry(word: "before", summary: nil, isReserved: true, isExpressionWord: false),
        KeywordEntry(word: "after", summary: nil, isReserved: true, isExpressionWord: false),
        expressionOperator("as", "EXPR as name: the column's name, in select"),
        expressionOperator("asc", "sort F asc: smallest first (the default)"),
        expressionOperator("desc", "sort F desc: largest first"),
        KeywordEntry(word: "null", summary: "a missing value (a document without a date); test for it with 'is null'", isReserved: false,
                     isExpressionWord: true),
        KeywordEntry(word: "true", summary: nil, isReserved: false, isExpressionWord: true),
        KeywordEntry(word: "false", summary: nil, isReserved: false, isExpressionWord: true),
        stageWord("by", "count by F · top N by F · timeline by UNIT"),
        stageWord("width", "kwic width N: the words shown either side"),
        stageWord("with", "cooccur with KIND: only entities of that kind"),
        stageWord("min", "cooccur min N: only pairs seen at least N times"),
        stageWord("sentence", nil),
        stageWord("document", nil),
        stageWord("let", "let NAME = PIPELINE: names a result, to start later pipelines with NAME"),
        stageWord("param", "param NAME: TYPE = DEFAULT: a script parameter, used as $NAME; set with .param set or --param NAME=VALUE"),
    ]

    /// Every function of expressions, with its signature and summary.
    package static var functions: [Function] { Function.allCases }

    /// The stage names, in table order.
    package static var stageNames: [String] { stages.map(\.name) }

    /// The stage called `name`, if there is one.
    package static func stage(named name: String) -> StageEntry? { stages.first { $0.name == name } }

    /// The keyword `word`, if it is one.
    package static func keyword(_ word: String) -> KeywordEntry? { keywords.first { $0.word == word } }

    /// The operators of expressions, which cannot be used as names.
    package static let reservedWords = Set(keywords.filter(\.isReserved).map(\.word))

    /// Words that name nothing a `let` or a parameter could: the operators, `let`, `param`, `null`,
    /// `true` and `false`.
    package static let wordsNoNameMayTake = reservedWords.union(["let", "param", "null", "true", "false"])

    /// The keywords completion offers inside an expression.
    package static var expressionWords: [String] { keywords.filter(\.isExpressionWord).map(\.word) }

    private static func expressionOperator(_ word: String, _ summary: String) -> KeywordEntry {
        KeywordEntry(word: word, summary: summary, isReserved: true, isExpressionWord: true)
    }

    private static func stageWord(_ word: String, _ summary: String?) -> KeywordEntry {
        KeywordEntry(word: word, summary: summary, isReserved: false, isExpressionWord: false)
    }
}
