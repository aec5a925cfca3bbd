import DossierCore
import DossierStore
@testable import DossierQuery

/// A small hand-built corpus: four documents (one undated and untitled), eight entities, fourteen mentions.
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
        return CorpusIndex(documents: documentColumns, entities: entityColumns, mentions: mentionColumns)
    }()

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
