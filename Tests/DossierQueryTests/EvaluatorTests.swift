import DossierCore
import Testing
@testable import DossierQuery

@Suite struct EvaluatorTests {
    @Test func sourcesGiveTheirDefaultColumns() throws {
        let documents = try Fixture.table("documents")
        #expect(documents.columns.map(\.name) == ["id", "title", "date", "words"])
        #expect(documents.columns.map(\.type) == [.string, .string, .date, .int])
        #expect(documents.rowKind == .documents)
        #expect(documents.rows.count == 4)
        #expect(documents.rows[3].map(\.displayText) == ["doc-undated", "", "", "5"])
        #expect(documents.rows[3][1] == .null)
        #expect(try Fixture.table("docs | take 1").rows[0][2] == .date(Day(year: 2023, month: 10, day: 18)!))
        let entities = try Fixture.table("entities | take 2")
        #expect(entities.columns.map(\.name) == ["name", "kind", "mentions", "documents"])
        #expect(entities.rows.map { $0.map(\.displayText) } == [["Vladimir Putin", "person", "4", "3"], ["Xi Jinping", "person", "3", "3"]])
        let mentions = try Fixture.table("mentions | take 1")
        #expect(mentions.columns.map(\.name) == ["entity", "document", "sentence", "text"])
        #expect(mentions.rows[0] == [.entity(EntityID(row: 0), name: "Vladimir Putin"), .document(DocumentID(row: 0), id: "doc-beijing"), .int(0), .string("Vladimir Putin")])
    }

    @Test func count() throws {
        #expect(try Fixture.scalar("documents | count") == .int(4))
        #expect(try Fixture.scalar("mentions | count") == .int(14))
        #expect(try Fixture.scalar("entities | where kind == person | count") == .int(3))
    }

    @Test func whereWithComparisonsAndNulls() throws {
        #expect(try Fixture.column("id", of: "documents | where words < 15") == ["doc-icc", "doc-undated"])
        #expect(try Fixture.column("id", of: #"documents | where title contains "putin""#) == ["doc-beijing"])
        #expect(try Fixture.column("id", of: #"documents | where title matches "^[BI]""#) == ["doc-icc", "doc-brics"])
        #expect(try Fixture.column("id", of: #"documents | where not title contains "summit""#) == ["doc-beijing", "doc-icc"])
        #expect(try Fixture.column("id", of: #"documents | where title != "ICC issues warrant""#) == ["doc-beijing", "doc-brics"])
        #expect(try Fixture.column("id", of: #"documents | where not (title == "ICC issues warrant")"#) == ["doc-beijing", "doc-brics"])
        #expect(try Fixture.column("id", of: #"documents | where title contains "summit" or words < 10"#) == ["doc-brics", "doc-undated"])
        #expect(try Fixture.column("id", of: "documents | where date < 2023-07") == ["doc-icc"])
        #expect(try Fixture.column("id", of: "documents | where date >= 2023-08-22 and date <= 2023-10") == ["doc-beijing", "doc-brics"])
        #expect(try Fixture.column("id", of: "documents | where date == 2023-03-17 or source == \"Reuters\"") == ["doc-beijing", "doc-icc"])
        #expect(try Fixture.column("id", of: "documents | where year(date) == 2023 and month(date) > 6") == ["doc-beijing", "doc-brics"])
        #expect(try Fixture.column("id", of: "documents | where len(text) < 30") == ["doc-undated"])
        #expect(try Fixture.column("name", of: "entities | where kind in [location, event]") == ["Beijing", "Johannesburg", "Belt and Road Forum"])
        #expect(try Fixture.column("name", of: #"entities | where kind == "organization""#) == ["International Criminal Court", "BRICS"])
        #expect(try Fixture.column("name", of: #"entities | where aliases contains "icc""#) == ["International Criminal Court"])
        #expect(try Fixture.column("name", of: #"entities | where upper(name) == "BRICS" or lower(name) == "beijing""#) == ["BRICS", "Beijing"])
        #expect(try Fixture.column("name", of: "entities | where first during 2023-Q1") == ["Vladimir Putin", "International Criminal Court", "BRICS"])
    }

    @Test func entitiesCompareWithLiteralsAndNames() throws {
        #expect(try Fixture.scalar("mentions | where entity == @putin | count") == .int(4))
        #expect(try Fixture.scalar(#"mentions | where entity == "PUTIN" | count"#) == .int(4))
        #expect(try Fixture.scalar(#"mentions | where entity == "Vladimir Putin" | count"#) == .int(4))
        #expect(try Fixture.scalar(#"mentions | where entity in [@"Xi Jinping", @icc] | count"#) == .int(5))
        #expect(try Fixture.scalar(#"mentions | where document == "doc-icc" | count"#) == .int(4))
        #expect(try Fixture.scalar("mentions | where entity != @putin | count") == .int(10))
    }

    @Test func timeStages() throws {
        #expect(try Fixture.column("id", of: "documents | during 2023") == ["doc-beijing", "doc-icc", "doc-brics"])
        #expect(try Fixture.column("id", of: "documents | during 2023-Q3") == ["doc-brics"])
        #expect(try Fixture.column("id", of: "documents | during 2023-W42") == ["doc-beijing"])
        #expect(try Fixture.column("id", of: "documents | overlapping 2023-03..2023-08") == ["doc-icc", "doc-brics"])
        #expect(try Fixture.column("id", of: "documents | before 2023-06") == ["doc-icc"])
        #expect(try Fixture.column("id", of: "documents | after 2023-08") == ["doc-beijing"])
        #expect(try Fixture.scalar("mentions | during 2023-10 | count") == .int(4))
        #expect(try Fixture.column("id", of: "documents | select id, date | during 2023-08") == ["doc-brics"])
        #expect(try Fixture.scalar("documents | during 2022 | count") == .int(0))
    }

    @Test func mentioningIntersectsPostings() throws {
        #expect(try Fixture.column("id", of: "documents | mentioning @putin, @icc") == ["doc-icc", "doc-brics"])
        #expect(try Fixture.column("id", of: "documents | mentioning @xi_jinping") == ["doc-beijing", "doc-brics", "doc-undated"])
        #expect(try Fixture.column("id", of: "documents | sort date desc | mentioning @putin") == ["doc-beijing", "doc-brics", "doc-icc"])
        #expect(try Fixture.column("id", of: "documents | mentioning @beijing, @johannesburg").isEmpty)
    }

    @Test func countByOrdersByCountThenKey() throws {
        let table = try Fixture.table("mentions | count by entity")
        #expect(table.columns.map(\.name) == ["entity", "count"])
        #expect(table.columns.map(\.type) == [.entity, .int])
        #expect(table.rows.map { $0.map(\.displayText) } == [
            ["Vladimir Putin", "4"], ["Xi Jinping", "3"], ["BRICS", "2"], ["International Criminal Court", "2"],
            ["Beijing", "1"], ["Belt and Road Forum", "1"], ["Johannesburg", "1"],
        ])
        let byYear = try Fixture.table("documents | count by year(date), source")
        #expect(byYear.columns.map(\.name) == ["year(date)", "source", "count"])
        #expect(byYear.rows.map { $0.map(\.displayText) } == [["2023", "AP", "1"], ["2023", "Reuters", "1"], ["2023", "", "1"], ["", "", "1"]])
        #expect(try Fixture.column("kind", of: "entities | count by kind | where count > 1") == ["person", "organization", "location"])
    }

    @Test func sortTakeTopWithNullsLast() throws {
        #expect(try Fixture.column("id", of: "documents | sort date") == ["doc-icc", "doc-brics", "doc-beijing", "doc-undated"])
        #expect(try Fixture.column("id", of: "documents | sort date desc") == ["doc-beijing", "doc-brics", "doc-icc", "doc-undated"])
        #expect(try Fixture.column("id", of: "documents | sort title asc") == ["doc-brics", "doc-icc", "doc-beijing", "doc-undated"])
        #expect(try Fixture.column("name", of: "entities | sort kind, mentions desc, name | take 4")
            == ["Vladimir Putin", "Xi Jinping", "Xi Mingze", "BRICS"])
        #expect(try Fixture.column("name", of: "entities | top 2 by documents") == ["Vladimir Putin", "Xi Jinping"])
        #expect(try Fixture.column("name", of: "entities | top 2 by name asc") == ["BRICS", "Beijing"])
        #expect(try Fixture.column("entity", of: "mentions | count by entity | top 1 by count") == ["Vladimir Putin"])
        #expect(try Fixture.table("documents | take 0").rows.isEmpty)
    }

    @Test func selectAndDistinctMakeTables() throws {
        let table = try Fixture.table("documents | select id, year(date) as year, lower(title), date during 2023-Q3 as summer")
        #expect(table.columns.map(\.name) == ["id", "year", "lower(title)", "summer"])
        #expect(table.columns.map(\.type) == [.string, .int, .string, .bool])
        #expect(table.rowKind == nil)
        #expect(table.rows[2].map(\.displayText) == ["doc-brics", "2023", "brics summit in johannesburg", "true"])
        #expect(table.rows[3].map(\.displayText) == ["doc-undated", "", "", ""])
        #expect(table.rows[3].map(\.jsonText) == ["\"doc-undated\"", "null", "null", "null"])
        #expect(try Fixture.column("kind", of: "entities | distinct kind") == ["person", "organization", "location", "event"])
        #expect(try Fixture.table("mentions | distinct entity, document").rows.count == 13)
        let aliases = try Fixture.table("@putin | select name, aliases")
        #expect(aliases.columns.map(\.type) == [.string, .list(.string)])
        #expect(aliases.rows[0][1].displayText == "Putin")
        #expect(aliases.rows[0][1].jsonText == "[\"Putin\"]")
    }

    @Test func navigation() throws {
        #expect(try Fixture.table("@putin | mentions").rows.count == 4)
        #expect(try Fixture.scalar("@putin | documents | count") == .int(3))
        #expect(try Fixture.column("id", of: #"mentions | where text == "ICC" | documents"#) == ["doc-icc", "doc-brics"])
        #expect(try Fixture.column("name", of: #"documents | where id == "doc-icc" | entities"#)
            == ["Vladimir Putin", "International Criminal Court", "BRICS"])
        #expect(try Fixture.column("text", of: #"documents | where id == "doc-brics" | mentions"#)
            == ["BRICS", "Johannesburg", "Xi Jinping", "ICC", "Putin"])
        #expect(try Fixture.column("name", of: "@beijing | documents | entities | where kind == person")
            == ["Vladimir Putin", "Xi Jinping"])
        #expect(try Fixture.column("name", of: "mentions | count by entity | top 2 by count | entities")
            == ["Vladimir Putin", "Xi Jinping"])
        #expect(try Fixture.column("name", of: "mentions | during 2023-08 | count by entity | top 2 by count | entities")
            == ["International Criminal Court", "BRICS"])
        #expect(try Fixture.column("id", of: "mentions | select document, text | documents") == ["doc-beijing", "doc-icc", "doc-brics", "doc-undated"])
    }

    @Test func keywordInContext() throws {
        let table = try Fixture.table(#"mentions | where text == "ICC" | kwic width 2"#)
        #expect(table.columns.map(\.name) == ["document", "left", "match", "right"])
        #expect(table.rows.map { $0.map(\.displayText) } == [
            ["doc-icc", "The", "ICC", "issued a"],
            ["doc-brics", "attended; the", "ICC", "warrant kept"],
        ])
    }

    @Test func letBindingsPersistAcrossRuns() throws {
        let session = Fixture.session()
        let results = try session.run("let people = entities | where kind == person; people | count")
        #expect(results.count == 2)
        #expect(results[0].boundName == "people")
        #expect(results[1].result == .scalar(.int(3)))
        #expect(try Fixture.column("name", of: "people | top 1 by mentions", in: session) == ["Vladimir Putin"])
        #expect(try Fixture.scalar("people | mentions | count", in: session) == .int(7))
        _ = try session.run("let tally = mentions | count by entity")
        #expect(try Fixture.column("entity", of: "tally | where count == 2", in: session) == ["BRICS", "International Criminal Court"])
        #expect(session.typeOfBinding(named: "tally") == .rows(.table([Field(name: "entity", type: .entity), Field(name: "count", type: .int)])))
        _ = try session.run("let n = documents | count")
        #expect(Fixture.diagnostic("n | take 1", in: session)?.code == .stageInputMismatch)
        #expect(Fixture.diagnostic("peeple | count", in: session)?.help?.message == "did you mean 'people'?")
    }

    @Test func cancellationStopsBetweenStages() {
        let session = Fixture.session()
        session.isCancelled = { true }
        #expect(Fixture.diagnostic("documents | count", in: session)?.code == .cancelled)
        #expect(session.boundNames.isEmpty)
    }

    @Test func needsContinuation() {
        #expect(QuerySession.needsContinuation("documents |"))
        #expect(QuerySession.needsContinuation("documents | where kind in [person,"))
        #expect(QuerySession.needsContinuation("documents | where title == \"Put"))
        #expect(QuerySession.needsContinuation("documents | # more to come"))
        #expect(!QuerySession.needsContinuation("documents | count"))
        #expect(!QuerySession.needsContinuation("documents | where title == \"a|\""))
        #expect(!QuerySession.needsContinuation(""))
    }
}
