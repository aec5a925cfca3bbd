import Dossier
import Foundation
import Testing

/// Typed queries built in Swift, checked against the query text they print as: the same plan, the
/// same rows, and text that parses back into the same syntax tree.
@Suite("Typed queries")
struct TypedQueryTests {
    /// Expects `query` to print as `text`, to parse back into its own syntax tree, to have the plan
    /// of `text`, and to fetch the rows `text` gives. Gives the rows.
    @discardableResult
    static func expectTwin<Row>(_ query: RowQuery<Row>, _ text: String, in session: QuerySession,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Row] {
        try expectTwin(query, text, in: session, typed: { try session.fetchAll(query) }, written: { try session.fetchAll(Row.self, text) },
                       sourceLocation: sourceLocation)
    }

    /// Expects `query` to print as `text`, to parse back into its own syntax tree, to have the plan
    /// of `text`, and to fetch the records `text` decodes into. Gives the records.
    @discardableResult
    static func expectTwin<Record>(_ query: TableRecordQuery<Record>, _ text: String, in session: QuerySession,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Record] {
        try expectTwin(query, text, in: session, typed: { try session.fetchAll(query) }, written: { try session.fetchAll(Record.self, text) },
                       sourceLocation: sourceLocation)
    }

    private static func expectTwin<Element: Equatable>(_ query: some TypedQuery, _ text: String, in session: QuerySession,
                                                       typed: () throws -> [Element], written: () throws -> [Element],
                                                       sourceLocation: Testing.SourceLocation) throws -> [Element] {
        try expectSameSyntaxAndPlan(query, text, in: session, sourceLocation: sourceLocation)
        let fetched = try typed()
        #expect(try fetched == written(), "rows of \(text)", sourceLocation: sourceLocation)
        return fetched
    }

    static func expectSameSyntaxAndPlan(_ query: some TypedQuery, _ text: String, in session: QuerySession,
                                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(query.dqlText == text, sourceLocation: sourceLocation)
        #expect(query.description == text, sourceLocation: sourceLocation)
        let parsed = try Parser.parse(query.dqlText)
        #expect(parsed.statements.map(\.kind) == [.pipeline(query.pipeline)], "syntax of \(text)", sourceLocation: sourceLocation)
        #expect(try session.planDescription(of: query) == session.planDescription(ofText: text), "plan of \(text)",
                sourceLocation: sourceLocation)
    }

    @Test func putinsPlannedVisitToChina() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let query = Query.entity("Vladimir Putin").relations
            .where { $0.predicate == .visit }
            .during(TimeRange(year: 2023))
            .sorted(by: \.timeRange)
            .limit(10)
        let visits = try Self.expectTwin(
            query, #"@"Vladimir Putin" | relations | where predicate == visit | during 2023 | sort time | take 10"#, in: session)
        let china = try #require(visits.first { $0.object.name == "China" })
        #expect(china.subject.name == "Vladimir Putin")
        #expect(china.timeRange == TimeRange(year: 2023, month: 10))
        #expect(china.modality == .planned && !china.isNegated)
        #expect(china.document.identifier == "003_9500509ab041714a")
        #expect(visits.allSatisfy { $0.predicate == .visit })

        let planned = try Self.expectTwin(
            Query.relations.involving("Vladimir Putin")
                .where { $0.predicate == .visit && $0.modality == .planned && $0.timeRange.during(TimeRange(year: 2023, month: 10)!) },
            #"relations | where subject == @"Vladimir Putin" or object == @"Vladimir Putin" | where predicate == visit and modality == planned and time during 2023-10"#,
            in: session)
        #expect(planned.map(\.object.name) == ["China"])
        #expect(planned.map(\.id) == [china.id])
    }

    @Test func sourcesAndNavigation() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let documents = try Self.expectTwin(Query.documents.sorted(by: \.identifier), "documents | sort id", in: session)
        #expect(documents.map(\.identifier) == ["000_a2bef38422b75170", "003_9500509ab041714a"])
        #expect(try !Self.expectTwin(Query.sentences, "sentences", in: session).isEmpty)
        #expect(try !Self.expectTwin(Query.entities, "entities", in: session).isEmpty)
        #expect(try !Self.expectTwin(Query.mentions, "mentions", in: session).isEmpty)
        #expect(try !Self.expectTwin(Query.relations, "relations", in: session).isEmpty)
        #expect(try !Self.expectTwin(Query.times, "times", in: session).isEmpty)

        let xi = try Self.expectTwin(Query.entity("Xi Jinping"), #"@"Xi Jinping""#, in: session)
        #expect(xi.map(\.name) == ["Xi Jinping"])
        let putin = try #require(try session.entities("@putin").first)
        let byRecord = try Self.expectTwin(Query.entity(putin), #"@"Vladimir Putin":person"#, in: session)
        #expect(byRecord.map(\.id) == [putin.id])

        let putinsDocuments = try Self.expectTwin(Query.entity("Vladimir Putin").documents, #"@"Vladimir Putin" | documents"#, in: session)
        #expect(putinsDocuments.count == 2)
        try Self.expectTwin(Query.entity("Vladimir Putin").mentions, #"@"Vladimir Putin" | mentions"#, in: session)
        try Self.expectTwin(Query.entity("Vladimir Putin").documents.sentences, #"@"Vladimir Putin" | documents | sentences"#, in: session)
        try Self.expectTwin(Query.entity("Vladimir Putin").documents.times, #"@"Vladimir Putin" | documents | times"#, in: session)
        let coMentioned = try Self.expectTwin(Query.documents.mentioning("ICC").entities, "documents | mentioning @ICC | entities", in: session)
        #expect(coMentioned.contains { $0.name == "Vladimir Putin" })
        let subjects = try Self.expectTwin(Query.relations.where { $0.predicate == .visit }.entities,
                                           "relations | where predicate == visit | entities", in: session)
        #expect(subjects.contains { $0.name == "China" })
    }

    @Test func conditionsOnTypedFields() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let people = try Self.expectTwin(
            Query.entities.where { $0.kind == .person && $0.mentionCount >= 2 }.sorted { [$0.mentionCount.descending, $0.name.ascending] },
            "entities | where kind == person and mentions >= 2 | sort mentions desc, name asc", in: session)
        #expect(people.contains { $0.name == "Vladimir Putin" } && people.allSatisfy { $0.kind == .person })

        let notPlanned = try Self.expectTwin(
            Query.relations.where { !($0.modality == .planned || $0.isNegated.isTrue) && $0.predicate.isIn([.visit, .meet]) },
            "relations | where not (modality == planned or negated) and predicate in [visit, meet]", in: session)
        #expect(notPlanned.allSatisfy { $0.modality != .planned && !$0.isNegated && [.visit, .meet].contains($0.predicate) })
        #expect(notPlanned.contains { $0.object.name == "South Africa" && $0.modality == .canceled })

        let named = try Self.expectTwin(
            Query.entities.where { $0.name.contains("putin") || $0.name.matches("^Xi ") && $0.kind != .location },
            #"entities | where name contains "putin" or name matches "^Xi " and kind != location"#, in: session)
        #expect(Set(named.map(\.name)) == ["Vladimir Putin", "Xi Jinping"])

        let dated = try Self.expectTwin(
            Query.documents.where { $0.date == Day(iso: "2023-07-25")! && $0.wordCount > 100 },
            "documents | where date == 2023-07-25 and words > 100", in: session)
        #expect(dated.map(\.identifier) == ["003_9500509ab041714a"])

        let times = try Self.expectTwin(Query.times.where { $0.type == .date && $0.value == "2023-10" },
                                        #"times | where type == date and value == "2023-10""#, in: session)
        #expect(!times.isEmpty && times.allSatisfy { $0.range == TimeRange(year: 2023, month: 10) })

        let xiMentions = try Self.expectTwin(Query.mentions.where { $0.entity == EntityName("Xi Jinping", kind: .person) },
                                             #"mentions | where entity == @"Xi Jinping":person"#, in: session)
        #expect(!xiMentions.isEmpty && xiMentions.allSatisfy { $0.entity.name == "Xi Jinping" })

        let quoted = try Self.expectTwin(Query.sentences.where { $0.text.contains("\"intends\"") || $0.index == 0 },
                                         #"sentences | where text contains "\"intends\"" or index == 0"#, in: session)
        #expect(quoted.allSatisfy { $0.index == 0 || $0.text.contains("\"intends\"") })
    }

    @Test func entitiesAndTimeStages() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let both = try Self.expectTwin(Query.documents.mentioning("ICC", "Vladimir Putin"),
                                       #"documents | mentioning @ICC, @"Vladimir Putin""#, in: session)
        #expect(both.count == 2)
        let sentences = try Self.expectTwin(Query.sentences.involving("Xi Jinping").search("Pyongyang"),
                                            #"sentences | mentioning @"Xi Jinping" | search "Pyongyang""#, in: session)
        #expect(sentences.allSatisfy { $0.text.contains("Pyongyang") })

        let july = TimeRange(year: 2023, month: 7)!
        let during = try Self.expectTwin(Query.documents.during(july), "documents | during 2023-07", in: session)
        #expect(during.map(\.identifier) == ["003_9500509ab041714a"])
        try Self.expectTwin(Query.relations.overlapping(TimeRange(year: 2023)), "relations | overlapping 2023", in: session)
        let before = try Self.expectTwin(Query.times.before(july), "times | before 2023-07", in: session)
        #expect(before.allSatisfy { ($0.range?.end).map { $0 <= july.start } ?? false })
        let after = try Self.expectTwin(Query.entity("Vladimir Putin").relations.after(july),
                                        #"@"Vladimir Putin" | relations | after 2023-07"#, in: session)
        #expect(after.contains { $0.object.name == "China" })
        let range = try #require(TimeRange(literal: "2023-03..2023-10"))
        try Self.expectTwin(Query.mentions.where { $0.date.overlapping(range) || $0.date.before(range) || $0.date.after(range) },
                            "mentions | where date overlaps 2023-03..2023-10 or date before 2023-03..2023-10 or date after 2023-03..2023-10",
                            in: session)
    }

    @Test func slicesCountsAndTables() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let top = try Self.expectTwin(Query.entities.top(3, by: \.mentionCount), "entities | top 3 by mentions", in: session)
        #expect(top.count == 3 && top.map(\.mentionCount) == top.map(\.mentionCount).sorted(by: >))
        let fewest = try Self.expectTwin(Query.entities.top(2, by: \.mentionCount, ascending: true), "entities | top 2 by mentions asc", in: session)
        #expect(fewest.allSatisfy { $0.mentionCount <= top[2].mentionCount })
        let latest = try Self.expectTwin(Query.documents.sorted(by: \.identifier, descending: true).limit(1), "documents | sort id desc | take 1",
                                         in: session)
        #expect(latest.map(\.identifier) == ["003_9500509ab041714a"])

        let count = Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit }.count()
        try Self.expectSameSyntaxAndPlan(count, #"@"Vladimir Putin" | relations | where predicate == visit | count"#, in: session)
        let visits = try session.fetchCount(count)
        #expect(visits == (try session.relations("@putin | relations | where predicate == visit")).count)
        #expect(try session.run(count.dqlText).first?.result == .scalar(.int(visits)))

        let byPredicate = Query.entity("Vladimir Putin").relations.count { [$0.predicate, $0.modality] }.sorted(by: "count", descending: true).limit(5)
        let text = #"@"Vladimir Putin" | relations | count by predicate, modality | sort count desc | take 5"#
        try Self.expectSameSyntaxAndPlan(byPredicate, text, in: session)
        let table = try session.fetchTable(byPredicate)
        #expect(table.columns.map(\.name) == ["predicate", "modality", "count"])
        #expect(table.rows.contains { $0.first == .predicate(.visit) && $0[1] == .modality(.planned) })
        guard case .rows(let written) = try #require(try session.run(text).first).result else {
            Issue.record("expected a table")
            return
        }
        #expect(table.rows == written.rows)

        let pairs = Query.relations.where { $0.predicate == .visit }.distinct { [$0.subject, $0.object] }
        try Self.expectSameSyntaxAndPlan(pairs, "relations | where predicate == visit | distinct subject, object", in: session)
        let selected = Query.entity("Vladimir Putin").relations.where { $0.object == "China" }.select { [$0.object, $0.timeRange, $0.modality] }
        let selectText = #"@"Vladimir Putin" | relations | where object == @China | select object, time, modality"#
        try Self.expectSameSyntaxAndPlan(selected, selectText, in: session)
        let chinaRows = try session.fetchTable(selected)
        #expect(chinaRows.columns.map(\.name) == ["object", "time", "modality"])
        #expect(chinaRows.rows.contains { $0[1] == .timeRange(TimeRange(year: 2023, month: 10)!) && $0[2] == .modality(.planned) })
        guard case .rows(let selectedText) = try #require(try session.run(selectText).first).result else {
            Issue.record("expected a table")
            return
        }
        #expect(chinaRows.rows == selectedText.rows)

        let distinct = try session.fetchTable(pairs)
        #expect(distinct.rows.count == Set(distinct.rows).count)
        #expect(distinct.rows.contains { $0.count == 2 && $0[1].description == "China" })
    }

    @Test func aTypedQueryErrorPointsIntoItsText() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let query = Query.relations.where { $0.predicate == .visit && $0.subject == "Vladimir Ptin" }
        #expect(query.dqlText == #"relations | where predicate == visit and subject == @"Vladimir Ptin""#)
        let unknown = try #require(throws: Diagnostic.self) { try session.fetchAll(query, sourceName: "visits.swift") }
        #expect(unknown.sourceName == "visits.swift")
        let range = try #require(unknown.range)
        #expect(range.start.column == 53 && range.end.column == 69)
        #expect(DiagnosticFormatter().format(unknown, source: query.dqlText).contains(String(repeating: "^", count: 16)))

        let wrongRows = try #require(throws: Diagnostic.self) { try session.fetchAll(Query.entities.during(TimeRange(year: 2023))) }
        #expect(wrongRows.range?.start.column == 12)
        #expect(wrongRows.help?.message == "insert '| documents' before 'during'")

        // A query is a value: sendable, comparable, and each stage leaves the query it was made from as it was.
        let base = Query.documents
        let sorted = base.sorted(by: \.date)
        let shared: any Sendable = sorted
        #expect(shared is RowQuery<DocumentRecord>)
        #expect(base.dqlText == "documents" && sorted.dqlText == "documents | sort date")
        #expect(sorted == Query.documents.sorted(by: \.date) && sorted != base)
    }
}
