import DossierCore
import Testing
@testable import DossierQuery

/// `timeline`, `cooccur` and `graph` on the hand-built fixture.
@Suite("Analysis stages")
struct AnalysisStageTests {
    @Test func timelineFillsEmptyBucketsWithZero() throws {
        let months = try Fixture.table("documents | timeline by month")
        #expect(months.columns.map(\.name) == ["bucket", "count"])
        #expect(months.rows.map { $0.map(\.displayText) } == [
            ["2023-03", "1"], ["2023-04", "0"], ["2023-05", "0"], ["2023-06", "0"], ["2023-07", "0"], ["2023-08", "1"], ["2023-09", "0"],
            ["2023-10", "1"],
        ])
        #expect(try Fixture.column("count", of: "documents | timeline by quarter") == ["1", "0", "1", "1"])
        #expect(try Fixture.column("count", of: "relations | timeline") == ["1", "0", "0", "0", "0", "3", "0", "2"])
        #expect(try Fixture.column("bucket", of: "relations | timeline by year") == ["2023"])
        #expect(try Fixture.column("bucket", of: "times | timeline by week") == ["2023-W42"])
        #expect(try Fixture.column("count", of: "documents | select id, date | timeline by year") == ["3"])
        // A `during` range is the timeline's span, empty months included.
        #expect(try Fixture.column("count", of: "documents | during 2020 | timeline") == Array(repeating: "0", count: 12))
    }

    @Test func timelineShowsALongEmptyStretchAsOneRow() throws {
        func day(_ text: String) -> Value { .date(Day(iso: text)!) }
        let rows = try #require(Timeline.rows(for: [day("1119-05-01"), day("2019-01-10"), day("2019-03-02"), .null], by: .month))
        #expect(rows.map { $0.map(\.displayText) } == [
            ["1119-05", "1"], ["1119-06..2018-12", "0"], ["2019-01", "1"], ["2019-02", "0"], ["2019-03", "1"],
        ])
        // Up to twelve empty months are shown one by one; thirteen are one row.
        #expect(Timeline.rows(for: [day("2018-01-01"), day("2019-01-01")], by: .month)?.count == 13)
        #expect(Timeline.rows(for: [day("2018-01-01"), day("2019-02-01")], by: .month)?.count == 14)
        #expect(Timeline.rows(for: [day("2018-01-01"), day("2019-03-01")], by: .month)?.count == 3)
    }

    @Test func timelineSpansTheRangeOfAnEarlierDuring() throws {
        let bound = TimeBound(lower: Day(iso: "2019-01-01"), upper: Day(iso: "2019-07-01"))
        let rows = try #require(Timeline.rows(for: [.date(Day(iso: "2019-03-02")!)], by: .month, within: bound))
        #expect(rows.map { $0.map(\.displayText) } == [
            ["2019-01", "0"], ["2019-02", "0"], ["2019-03", "1"], ["2019-04", "0"], ["2019-05", "0"], ["2019-06", "0"],
        ])
        // Rows outside the range (a relation's own time, after navigating) still count.
        let wider = try #require(Timeline.rows(for: [.date(Day(iso: "2021-03-02")!)], by: .year, within: bound))
        #expect(wider.map { $0[0].displayText } == ["2019", "2020", "2021"])
        #expect(try Fixture.column("bucket", of: "documents | during 2023-Q3 | timeline") == ["2023-07", "2023-08", "2023-09"])
        #expect(try Fixture.column("bucket", of: "documents | after 2023-06 | timeline by quarter") == ["2023-Q3", "2023-Q4"])
    }

    @Test func timelineChecksItsUnitAndItsRows() throws {
        let unit = try #require(Fixture.diagnostic("documents | timeline by mnth"))
        #expect(unit.code == .invalidStageArgument)
        #expect(unit.help?.message == "did you mean 'month'?")
        #expect(unit.range?.start.column == 25)
        #expect(Fixture.diagnostic("entities | timeline")?.help?.message == "insert '| mentions' before 'timeline'")
        #expect(Fixture.diagnostic("documents | timeline by")?.code == .invalidStageArgument)
    }

    @Test func cooccurCountsPairsInDocumentsWithPointwiseMutualInformation() throws {
        let table = try Fixture.table("documents | cooccur min 2")
        #expect(table.columns.map(\.name) == ["a", "b", "count", "pmi"])
        #expect(table.rows.map { $0.map(\.displayText) } == [
            ["International Criminal Court", "BRICS", "2", "1.0"],
            ["Vladimir Putin", "BRICS", "2", "0.415"],
            ["Vladimir Putin", "International Criminal Court", "2", "0.415"],
            ["Vladimir Putin", "Xi Jinping", "2", "-0.17"],
        ])
        #expect(try Fixture.table("documents | cooccur").rows.count == 15)
    }

    @Test func cooccurFromAnEntityFindsItsPartners() throws {
        #expect(try Fixture.table("@putin | cooccur with person in sentence").rows.map { $0.prefix(3).map(\.displayText) }
            == [["Vladimir Putin", "Xi Jinping", "2"]])
        #expect(try Fixture.column("b", of: "@putin | cooccur with location") == ["Beijing", "Johannesburg"])
        #expect(try Fixture.column("count", of: "sentences | mentioning @icc | cooccur with person") == ["1"])
    }

    @Test func cooccurChecksItsRowsAndWords() throws {
        #expect(Fixture.diagnostic("relations | cooccur")?.help?.message == "insert '| documents' before 'cooccur'")
        let unit = try #require(Fixture.diagnostic("documents | cooccur in sentense"))
        #expect(unit.help?.message == "did you mean 'sentence'?")
        #expect(unit.range?.start.column == 24)
        #expect(Fixture.diagnostic("documents | cooccur with persn")?.help?.message == "did you mean 'person'?")
        #expect(Fixture.diagnostic("documents | cooccur min")?.code == .invalidStageArgument)
    }

    @Test func graphGivesWeightedEdges() throws {
        let graph = try Fixture.table("relations | graph")
        #expect(graph.columns.map(\.name) == ["subject", "predicate", "object", "weight"])
        #expect(graph.rows.first?.map(\.displayText) == ["International Criminal Court", "charge", "Vladimir Putin", "1"])
        #expect(graph.rows.count == 6)
        #expect(Fixture.diagnostic("entities | graph")?.help?.message == "insert '| relations' before 'graph'")
        #expect(try Fixture.scalar("relations | graph | count") == .int(6))
        #expect(try Fixture.scalar("relations | graph | entities | count") == .int(3))
    }

    @Test func kwicFindsAWordInDocumentsAndSentences() throws {
        let documents = try Fixture.table(#"documents | kwic "WARRANT" width 2"#)
        #expect(documents.rows.map { $0.map(\.displayText) } == [
            ["doc-icc", "issued a", "warrant", "for Putin."], ["doc-brics", "the ICC", "warrant", "kept Putin"],
        ])
        // In sentences the context stops at the sentence's end; "Putin" is matched whole, not in "Putins".
        #expect(try Fixture.table(#"sentences | where document == "doc-icc" | kwic "putin" width 3"#).rows.map { $0.map(\.displayText) } == [
            ["doc-icc", "a warrant for", "Putin", "."], ["doc-icc", "", "Putin", "did not attend"],
        ])
        #expect(try Fixture.table(#"documents | kwic "arrest""#).rows.isEmpty)
        let wrong = try #require(Fixture.diagnostic(#"entities | kwic "Putin""#))
        #expect(wrong.code == .stageInputMismatch)
        #expect(wrong.help?.message == "insert '| sentences' before 'kwic'")
        #expect(Fixture.diagnostic("sentences | kwic")?.notes == ["or look for a word in the sentences: 'kwic \"word\"'"])
    }

    @Test func renderIsAPresentationHintOnTheLastStage() throws {
        #expect(try Fixture.table("documents | timeline by quarter | render bar").presentation == .bar(value: 1))
        #expect(try Fixture.table("relations | timeline | render line").presentation == .line(value: 1))
        #expect(try Fixture.table("relations | graph | render graph").presentation == .graph(from: 0, to: 2, label: 1, weight: 3))
        #expect(try Fixture.table("documents | cooccur | render graph").presentation == .graph(from: 0, to: 1, label: nil, weight: 2))
        #expect(try Fixture.table("entities | render table").presentation == .table)
        #expect(try Fixture.table("entities | render").rows.count == 8)
        let notLast = try #require(Fixture.diagnostic("documents | render bar | take 3"))
        #expect(notLast.code == .stageInputMismatch)
        #expect(notLast.help?.message == "move '| render bar' to the end of the pipeline")
        #expect(Fixture.diagnostic("documents | timeline | render bars")?.help?.message == "did you mean 'bar'?")
        #expect(Fixture.diagnostic("documents | render line")?.message
            == "'render line' needs a table with a number column, but the pipeline carries documents")
        #expect(Fixture.diagnostic("relations | render graph")?.help?.message == "insert '| graph' before 'render'")
    }
}
