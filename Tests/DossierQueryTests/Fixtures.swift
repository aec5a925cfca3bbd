import DossierCore
import DossierStore
@testable import DossierQuery

/// A small hand-built corpus: four documents (one undated and untitled), eight entities, fourteen mentions,
/// six sentences, six relations and two time expressions.
enum Fixture {
    static let entities: [(name: String, kind: EntityKind, aliases: [String])] = [
        ("Vladimir Putin", .person, ["Putin"]),                    // 0
        ("Xi Jinping", .person, ["Xi"]),                           // 1
        ("International Criminal Court", .organization, ["ICC"]),  // 2
        ("BRICS", .organization, []),                              // 3
        ("Beijing", .location, []),                                // 4
        ("Johannesburg", .location, []),                           // 5
        ("Belt and Road Forum", .event, []),                       // 6
        ("Xi Mingze", .person, ["Xi"]),                            // 7
    ]

    /// (document, entity, surface text, sentence), in text order within each document.
    static let documents: [(document: Document, mentions: [(Int32, String, Int32)])] = [
        (Document(id: "doc-beijing", title: "Putin meets Xi in Beijing", date: Day(year: 2023, month: 10, day: 18), source: "Reuters",
                  text: "Vladimir Putin met Xi Jinping at the Belt and Road Forum in Beijing on Wednesday."),
         [(0, "Vladimir Putin", 0), (1, "Xi Jinping", 0), (6, "Belt and Road Forum", 0), (4, "Beijing", 0)]),
        (Document(id: "doc-icc", title: "ICC issues warrant", date: Day(year: 2023, month: 3, day: 17), source: "AP",
                  text: "The ICC issued a warrant for Putin. Putin did not attend the BRICS summit."),
         [(2, "ICC", 0), (0, "Putin", 0), (0, "Putin", 1), (3, "BRICS", 1)]),
        (Document(id: "doc-brics", title: "BRICS summit in Johannesburg", date: Day(year: 2023, month: 8, day: 22),
                  text: "The BRICS summit opened in Johannesburg. Xi Jinping attended; the ICC warrant kept Putin away."),
         [(3, "BRICS", 0), (5, "Johannesburg", 0), (1, "Xi Jinping", 1), (2, "ICC", 1), (0, "Putin", 1)]),
        (Document(id: "doc-undated", text: "An undated note about Xi."),
         [(1, "Xi", 0)]),
    ]

    static let index: CorpusIndex = {
        var documentColumns = CorpusIndex.DocumentColumns()
        var entityColumns = CorpusIndex.EntityColumns()
        var mentionColumns = CorpusIndex.MentionColumns()
        for entity in entities { entityColumns.append(name: entity.name, kind: entity.kind, aliases: entity.aliases) }
        for (row, (document, mentions)) in documents.enumerated() {
            documentColumns.append(document, wordCount: document.text.split(separator: " ").count)
            let scalars = Array(document.text.unicodeScalars)
            var from = 0
            for (entity, surface, sentence) in mentions {
                let needle = Array(surface.unicodeScalars)
                let start = (from...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
                from = start + needle.count
                mentionColumns.append(entity: entity, document: Int32(row), sentence: sentence, text: surface,
                                      span: TextSpan(start: start, end: from))
            }
        }
        var sentenceColumns = CorpusIndex.SentenceColumns()
        for (row, (document, _)) in documents.enumerated() {
            for sentence in sentences(of: document.text) { sentenceColumns.append(document: Int32(row), sentence) }
        }
        var relationColumns = CorpusIndex.RelationColumns()
        for relation in relations {
            let text = documents[Int(relation.document)].document.text
            let evidence = sentences(of: text)[relation.sentence].span
            func argument(_ entity: Int32) -> RelationArgument {
                RelationArgument(name: entities[Int(entity)].name, kind: entities[Int(entity)].kind, span: evidence)
            }
            relationColumns.append(document: relation.document, subject: relation.subject, object: relation.object, Relation(
                subject: argument(relation.subject), predicate: relation.predicate, object: argument(relation.object),
                time: relation.time, timeRange: relation.time.flatMap { TimeRange(literal: $0) }, modality: relation.modality,
                isNegated: relation.negated, sentence: relation.sentence, evidence: evidence))
        }
        var timeColumns = CorpusIndex.TimeColumns()
        timeColumns.append(document: 0, TimeExpression(span: TextSpan(start: 71, end: 80), text: "Wednesday", type: .date, value: "2023-10-18",
                                                       range: TimeRange(literal: "2023-10-18"), sentence: 0))
        timeColumns.append(document: 2, TimeExpression(span: TextSpan(start: 0, end: 3), text: "The", type: .duration, value: "P1D",
                                                       range: nil, sentence: 0))
        return CorpusIndex(documents: documentColumns, entities: entityColumns, mentions: mentionColumns,
                           sentences: sentenceColumns, relations: relationColumns, times: timeColumns)
    }()

    /// (document, sentence, subject, predicate, object, TIMEX3 time, modality, negated); without a time
    /// a relation takes its document's date.
    static let relations: [(document: Int32, sentence: Int, subject: Int32, predicate: RelationPredicate, object: Int32, time: String?,
                            modality: Modality, negated: Bool)] = [
        (0, 0, 0, .meet, 1, "2023-10-18", .asserted, false),      // 0: Putin met Xi in Beijing
        (0, 0, 0, .attend, 6, nil, .asserted, false),             // 1: Putin at the Belt and Road Forum
        (1, 0, 2, .charge, 0, "2023-03-17", .asserted, false),    // 2: the ICC's warrant for Putin
        (1, 1, 0, .attend, 3, "2023-08", .asserted, true),        // 3: Putin did not attend the BRICS summit
        (2, 1, 1, .attend, 3, nil, .asserted, false),             // 4: Xi attended
        (2, 1, 0, .visit, 5, "2023-08", .canceled, false),        // 5: Putin kept away from Johannesburg
    ]

    /// The sentences of `text`, split after each ". ".
    static func sentences(of text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        var result: [Sentence] = []
        var start = 0
        for position in scalars.indices where scalars[position] == "." && (position + 1 == scalars.count || scalars[position + 1] == " ") {
            result.append(Sentence(index: result.count, span: TextSpan(start: start, end: position + 1)))
            start = position + 2
        }
        return result
    }

    static func session() -> QuerySession { QuerySession(index: index) }

    /// Runs `text` and gives the last statement's result.
    static func run(_ text: String, in session: QuerySession = session()) throws -> QueryResult {
        let results = try session.run(text, sourceName: "<test>")
        guard let last = results.last else { throw FixtureError.noResult }
        return last.result
    }

    /// Runs `text` and gives the last statement's table.
    static func table(_ text: String, in session: QuerySession = session()) throws -> ResultTable {
        guard case .rows(let table) = try run(text, in: session) else { throw FixtureError.notATable }
        return table
    }

    /// Runs `text` and gives the display text of column `column` of the last statement's table.
    static func column(_ column: String, of text: String, in session: QuerySession = session()) throws -> [String] {
        guard let values = try table(text, in: session).values(of: column) else { throw FixtureError.noSuchColumn(column) }
        return values.map(\.displayText)
    }

    /// Runs `text` and gives the scalar it ends with.
    static func scalar(_ text: String, in session: QuerySession = session()) throws -> Value {
        guard case .scalar(let value) = try run(text, in: session) else { throw FixtureError.notAScalar }
        return value
    }

    /// The diagnostic running `text` throws, or `nil` when it runs.
    static func diagnostic(_ text: String, sourceName: String = "<test>", in session: QuerySession = session()) -> Diagnostic? {
        do {
            _ = try session.run(text, sourceName: sourceName)
            return nil
        } catch {
            return error
        }
    }

    enum FixtureError: Error {
        case noResult, notATable, notAScalar, noSuchColumn(String)
    }
}
