import Dossier
import Foundation
import Testing

/// The typed counterparts of `timeline`, `cooccur`, `kwic`, `graph`, `count by`, `render` and `let`,
/// each checked against its text twin (same text, same syntax tree, same plan, same records), and
/// the typed records their tables decode into.
@Suite("Typed stages and table records")
struct TypedStageTests {
    @Test func timelineBuckets() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let quarters = try TypedQueryTests.expectTwin(
            Query.relations.where { $0.predicate == .visit }.during(TimeRange(year: 2023)).timeline(by: .quarter),
            "relations | where predicate == visit | during 2023 | timeline by quarter", in: session)
        // Inside `during 2023` every quarter has its bucket, empty ones counted 0.
        #expect(quarters.map(\.range.description) == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        let visits = try session.run("relations | where predicate == visit | during 2023 | count").first?.result
        #expect(visits == .scalar(.int(quarters.map(\.count).reduce(0, +))))
        #expect(quarters.first { $0.range.description == "2023-Q4" }.map(\.count) ?? 0 >= 1)  // the planned October visit to China

        let months = try TypedQueryTests.expectTwin(Query.documents.timeline(), "documents | timeline", in: session)
        #expect(months.map(\.range) == [TimeRange(year: 2023, month: 7)!] && months.map(\.count) == [1])
        let busy = try TypedQueryTests.expectTwin(
            Query.times.where { $0.type == .date }.timeline(by: .year).where { $0.count > 0 }.sorted(by: \.bucket, descending: true),
            "times | where type == date | timeline by year | where count > 0 | sort bucket desc", in: session)
        #expect(!busy.isEmpty && busy.allSatisfy { $0.count > 0 && $0.range.granularity == .year })
        #expect(busy.map(\.range.start) == busy.map(\.range.start).sorted(by: >))
    }

    @Test func cooccurrencePairs() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let partners = try TypedQueryTests.expectTwin(
            Query.entity("Vladimir Putin").cooccurrences(with: .person, in: .sentence).top(5, by: \.count),
            #"@"Vladimir Putin" | cooccur with person in sentence | top 5 by count"#, in: session)
        #expect(!partners.isEmpty && partners.count <= 5)
        #expect(partners.allSatisfy { $0.first.name == "Vladimir Putin" && $0.second.kind == .person && $0.count >= 1 })
        #expect(partners.map(\.count) == partners.map(\.count).sorted(by: >))

        let shared = try TypedQueryTests.expectTwin(Query.documents.cooccurrences(minimum: 2), "documents | cooccur min 2", in: session)
        #expect(!shared.isEmpty && shared.allSatisfy { $0.count == 2 })
        #expect(shared.contains { [$0.first.name, $0.second.name].contains("Vladimir Putin") })

        let strong = try TypedQueryTests.expectTwin(
            Query.sentences.cooccurrences(in: .document).where { $0.first == "Vladimir Putin" && $0.pointwiseMutualInformation > 0.5 },
            #"sentences | cooccur in document | where a == @"Vladimir Putin" and pmi > 0.5"#, in: session)
        #expect(strong.allSatisfy { $0.first.name == "Vladimir Putin" && $0.pointwiseMutualInformation > 0.5 })

        // A table leads on through its first Entity column.
        let firsts = try TypedQueryTests.expectTwin(Query.documents.cooccurrences(minimum: 2).entities,
                                                    "documents | cooccur min 2 | entities", in: session)
        #expect(Set(firsts.map(\.id)) == Set(shared.map(\.first.id)))
        let pairs = Query.entity("Vladimir Putin").cooccurrences().count()
        try TypedQueryTests.expectSameSyntaxAndPlan(pairs, #"@"Vladimir Putin" | cooccur | count"#, in: session)
        #expect(try session.fetchCount(pairs) == session.fetchAll(CooccurrencePair.self, #"@"Vladimir Putin" | cooccur"#).count)
    }

    @Test func keywordsInContext() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let lines = try TypedQueryTests.expectTwin(Query.entity("Xi Jinping").mentions.keywordInContext(width: 3),
                                                   #"@"Xi Jinping" | mentions | kwic width 3"#, in: session)
        let mentions = try session.fetchAll(Query.entity("Xi Jinping").mentions)
        #expect(lines.map(\.match) == mentions.map(\.text))
        #expect(lines.map(\.document) == mentions.map(\.document))
        #expect(lines.allSatisfy { $0.left.split(separator: " ").count <= 3 && $0.right.split(separator: " ").count <= 3 })

        let warrants = try TypedQueryTests.expectTwin(Query.sentences.keywordInContext("warrant", width: 4),
                                                      #"sentences | kwic "warrant" width 4"#, in: session)
        #expect(!warrants.isEmpty && warrants.allSatisfy { $0.match.lowercased() == "warrant" })
        let visits = try TypedQueryTests.expectTwin(Query.documents.keywordInContext("visit"), #"documents | kwic "visit""#, in: session)
        #expect(visits.allSatisfy { $0.match.lowercased() == "visit" })
        let documents = try TypedQueryTests.expectTwin(Query.documents.keywordInContext("visit").where { $0.right.contains("China") }.documents,
                                                       #"documents | kwic "visit" | where right contains "China" | documents"#, in: session)
        #expect(documents.map(\.identifier) == ["003_9500509ab041714a"])

        // Too wide a context is the checker's diagnostic, at the number in the query's text.
        let tooWide = Query.entity("Xi Jinping").mentions.keywordInContext(width: 60)
        let error = try #require(throws: Diagnostic.self) { try session.fetchAll(tooWide) }
        #expect(error.message == "'kwic' shows at most 50 words on each side, not 60")
        #expect(error.range.map { tooWide.dqlText.utf8.dropFirst($0.start.offset).prefix(2) }.map { String(decoding: $0, as: UTF8.self) } == "60")
    }

    @Test func graphEdges() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let edges = try TypedQueryTests.expectTwin(Query.entity("Vladimir Putin").relations.graph(),
                                                   #"@"Vladimir Putin" | relations | graph"#, in: session)
        let relations = try session.fetchAll(Query.entity("Vladimir Putin").relations)
        #expect(edges.map(\.weight).reduce(0, +) == relations.count)
        #expect(edges.map(\.weight) == edges.map(\.weight).sorted(by: >))
        #expect(edges.contains { $0.subject.name == "Vladimir Putin" && $0.predicate == .visit && $0.object.name == "China" })
        for edge in edges {
            #expect(edge.weight == relations.filter { $0.subject == edge.subject && $0.predicate == edge.predicate && $0.object == edge.object }.count)
        }
        let heaviest = try TypedQueryTests.expectTwin(
            Query.relations.graph().where { $0.predicate == .visit && $0.weight >= 1 }.top(3, by: \.weight),
            "relations | graph | where predicate == visit and weight >= 1 | top 3 by weight", in: session)
        #expect(heaviest.count <= 3 && heaviest.allSatisfy { $0.predicate == .visit })
        let predicates = Query.relations.graph().distinct { [$0.predicate] }
        try TypedQueryTests.expectSameSyntaxAndPlan(predicates, "relations | graph | distinct predicate", in: session)
        #expect(Set(try session.fetchTable(predicates).rows.map { $0[0] }) == Set(try session.fetchAll(Query.relations).map { Value.predicate($0.predicate) }))
        let weights = Query.relations.graph().select { [$0.object, $0.weight] }
        try TypedQueryTests.expectSameSyntaxAndPlan(weights, "relations | graph | select object, weight", in: session)
        #expect(try session.fetchTable(weights).columns.map(\.name) == ["object", "weight"])
        let subjects = try TypedQueryTests.expectTwin(Query.relations.graph().entities, "relations | graph | entities", in: session)
        #expect(Set(subjects.map(\.id)) == Set(try session.fetchAll(GraphEdge.self, "relations | graph").map(\.subject.id)))
    }

    @Test func countedRowsDecodeTheirKeys() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let byPredicate = try TypedQueryTests.expectTwin(Query.entity("Vladimir Putin").relations.count(by: \.predicate),
                                                         #"@"Vladimir Putin" | relations | count by predicate"#, in: session)
        let relations = try session.fetchAll(Query.entity("Vladimir Putin").relations)
        #expect(byPredicate.map(\.count).reduce(0, +) == relations.count)
        for row in byPredicate {
            #expect(row.count == relations.filter { $0.predicate == row.key }.count)
        }
        let named = try TypedQueryTests.expectTwin(Query.mentions.count(by: \.entity).top(3, by: \.count),
                                                   "mentions | count by entity | top 3 by count", in: session)
        #expect(named.count == 3 && named.allSatisfy { $0.key != nil })
        let top = try session.fetchAll(Query.entities.top(3, by: \.mentionCount))
        #expect(named.map(\.count) == top.map(\.mentionCount))
        let leading = try TypedQueryTests.expectTwin(Query.mentions.count(by: \.entity).top(3, by: \.count).entities,
                                                     "mentions | count by entity | top 3 by count | entities", in: session)
        #expect(Set(leading.map(\.id)) == Set(named.compactMap(\.key?.id)))

        // An undated document counts under a missing key.
        let byDate = try TypedQueryTests.expectTwin(Query.documents.count(by: \.date), "documents | count by date", in: session)
        #expect(Set(byDate) == [CountedRow(key: nil, count: 1), CountedRow(key: Day(iso: "2023-07-25"), count: 1)])
        let planned = try TypedQueryTests.expectTwin(
            Query.relations.count(by: \.modality).where { $0.count >= 2 }.sorted(by: \.count), "relations | count by modality | where count >= 2 | sort count",
            in: session)
        #expect(planned.allSatisfy { $0.count >= 2 } && planned.map(\.count) == planned.map(\.count).sorted())
    }

    @Test func renderAsksForAPresentation() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        // `render` is always written last: it changes nothing but how the table is shown.
        let bars = Query.relations.timeline(by: .month).rendered(as: .bar).limit(3)
        let text = "relations | timeline by month | take 3 | render bar"
        try TypedQueryTests.expectTwin(bars, text, in: session)
        let table = try session.fetchTable(bars.table)
        #expect(table.presentation == .bar(value: 1) && table.presentationIsExplicit)
        guard case .rows(let written) = try #require(try session.run(text).first).result else {
            Issue.record("expected a table")
            return
        }
        #expect(table == written)

        let network = Query.entity("Vladimir Putin").relations.graph().rendered(as: .graph)
        try TypedQueryTests.expectTwin(network, #"@"Vladimir Putin" | relations | graph | render graph"#, in: session)
        #expect(try session.fetchTable(network.table).presentation == .graph(from: 0, to: 2, label: 1, weight: 3))
        let counted = Query.relations.count { [$0.predicate, $0.modality] }.rendered(as: .line)
        try TypedQueryTests.expectSameSyntaxAndPlan(counted, "relations | count by predicate, modality | render line", in: session)
        #expect(try session.fetchTable(counted).presentation == .line(value: 2))
        try TypedQueryTests.expectTwin(Query.documents.rendered(as: .table), "documents | render table", in: session)

        // A presentation the table cannot take is the checker's diagnostic.
        let error = try #require(throws: Diagnostic.self) { try session.fetchAll(Query.entity("Xi Jinping").mentions.keywordInContext().rendered(as: .bar)) }
        #expect(error.message.hasPrefix("'render bar' needs a table with a number column"))
    }

    @Test func letBindsANameLaterQueriesStartFrom() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let binding = Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit }.bound(to: "trips")
        #expect(binding.dqlText == #"let trips = @"Vladimir Putin" | relations | where predicate == visit"#)
        #expect(try Parser.parse(binding.dqlText).statements == [binding.statement])
        let trips = try session.bind(binding)
        #expect(session.boundNames == ["trips"])
        let planned = try TypedQueryTests.expectTwin(trips.where { $0.modality == .planned }, "trips | where modality == planned", in: session)
        #expect(planned.contains { $0.object.name == "China" } && planned.allSatisfy { $0.predicate == .visit && $0.modality == .planned })
        #expect(try session.fetchAll(trips) == session.fetchAll(Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit }))

        // Tables bind as well, and text run in the session sees the names typed queries bound.
        let pairs = try session.bind(Query.entity("Vladimir Putin").cooccurrences().bound(to: "partners"))
        let strongest = try TypedQueryTests.expectTwin(pairs.top(2, by: \.count), "partners | top 2 by count", in: session)
        #expect(strongest.count == 2 && strongest.allSatisfy { $0.first.name == "Vladimir Putin" })

        // A word of the language cannot be bound, as in text; the error points into the statement.
        let reserved = try #require(throws: Diagnostic.self) { try session.bind(Query.documents.bound(to: "entities"), sourceName: "bind.swift") }
        #expect(reserved.message == "'entities' cannot be bound by 'let': it is a word of the language")
        #expect(reserved.sourceName == "bind.swift" && reserved.range?.start.column == 5)

        // A name bound again to other rows is a diagnostic for the typed query that expected relations.
        _ = try session.run("let trips = documents")
        let rebound = try #require(throws: Diagnostic.self) { try session.fetchAll(trips) }
        #expect(rebound.message == "the query gives documents, not relations")
    }

    /// `param` has no typed counterpart of its own: a Swift function's parameter is one. `$who` is
    /// replaced by its value before the text is parsed, so a parameter is a literal in the syntax tree,
    /// which a typed query takes from a Swift value the compiler has already typed.
    @Test func aSwiftParameterIsTheCounterpartOfParam() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        func visits(of who: EntityName, during range: TimeRange) -> RowQuery<RelationRecord> {
            Query.entity(who).relations.where { $0.predicate == .visit }.during(range)
        }
        let script = "param who: entity = @putin\nparam since: time = 2023\n$who | relations | where predicate == visit | during $since"
        let written = try session.fetchAll(RelationRecord.self, script)
        let typed = visits(of: "Vladimir Putin", during: TimeRange(year: 2023))
        try TypedQueryTests.expectTwin(typed, #"@"Vladimir Putin" | relations | where predicate == visit | during 2023"#, in: session)
        #expect(try session.fetchAll(typed) == written && !written.isEmpty)

        try session.setParameter("who", to: "Xi Jinping")
        #expect(try session.fetchAll(visits(of: "Xi Jinping", during: TimeRange(year: 2023))) == session.fetchAll(RelationRecord.self, script))
    }

    @Test func textDecodesIntoTableRecordsOrSaysWhatItGives() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let months = try session.fetchAll(TimelineBucket.self, "let visits = relations | where predicate == visit\nvisits | timeline")
        #expect(!months.isEmpty && months.allSatisfy { $0.range.granularity == .month })

        let graph = try #require(throws: Diagnostic.self) { try session.fetchAll(TimelineBucket.self, "relations\n  | graph", sourceName: "t.dq") }
        #expect(graph.message == "the query gives a table (subject, predicate, object, weight), not timeline buckets")
        #expect(graph.sourceName == "t.dq" && graph.range?.start.line == 1)
        #expect(graph.notes == ["timeline buckets have the columns bucket, count"])

        let rows = try #require(throws: Diagnostic.self) { try session.fetchAll(GraphEdge.self, "relations") }
        #expect(rows.message == "the query gives relations, not graph edges")
        let scalar = try #require(throws: Diagnostic.self) { try session.fetchAll(CountedRow<Int>.self, "documents | count") }
        #expect(scalar.message == "the query gives a single value, not counted rows")
        // Named as `count by` names them, but with keys of another type.
        let keys = try #require(throws: Diagnostic.self) { try session.fetchAll(CountedRow<Int>.self, "relations | count by predicate") }
        #expect(keys.message == "the query gives a table (predicate, count), not counted rows")
    }
}
