import DossierCore
import Testing
@testable import DossierQuery

/// The `relations`, `sentences` and `times` sources, their fields, time stages and navigation,
/// on the hand-built fixture.
@Suite("Relations, sentences and times")
struct RelationQueryTests {
    @Test func relationsCompareWithEntitiesAndBareEnumerationCases() throws {
        #expect(try Fixture.scalar("relations | count") == .int(6))
        #expect(try Fixture.scalar("relations | where subject == @putin | count") == .int(4))
        #expect(try Fixture.scalar(#"relations | where object == "Xi" | count"#) == .int(1))
        #expect(try Fixture.scalar(#"relations | where object == "Xi Jinping" | count"#) == .int(1))
        #expect(try Fixture.scalar("relations | where predicate in [visit, attend] | count") == .int(4))
        #expect(try Fixture.column("object", of: "relations | where predicate == attend and negated") == ["BRICS"])
        #expect(try Fixture.column("object", of: "relations | where predicate == attend and not negated | sort object")
            == ["BRICS", "Belt and Road Forum"])
        #expect(try Fixture.column("object", of: "relations | where modality == canceled") == ["Johannesburg"])
        #expect(try Fixture.column("predicate", of: "relations | count by predicate") == ["attend", "visit", "meet", "charge"])
    }

    @Test func relationFieldsRead() throws {
        let table = try Fixture.table("relations | where predicate == charge | select subject, object, time, timex, cameo, document, sentence, date")
        #expect(table.rows.first?.map(\.displayText) == ["International Criminal Court", "Vladimir Putin", "2023-03-17", "2023-03-17", "173",
                                                         "doc-icc", "0", "2023-03-17"])
        #expect(try Fixture.column("evidence", of: "relations | where negated | select evidence") == ["Putin did not attend the BRICS summit."])
        #expect(try Fixture.column("time", of: "relations | where predicate == meet") == ["2023-10-18"])
        #expect(try Fixture.table("relations").columns.map(\.name) == ["subject", "predicate", "object", "time"])
    }

    @Test func timeStagesUseTheRelationsTimeOrElseTheDocumentDate() throws {
        // 3 and 5 are in 2023-08 by their own time; 4 by its document's date.
        #expect(try Fixture.scalar("relations | during 2023-08 | count") == .int(3))
        #expect(try Fixture.scalar("relations | before 2023-08 | count") == .int(1))
        #expect(try Fixture.scalar("relations | after 2023-09 | count") == .int(2))
        #expect(try Fixture.scalar("relations | overlapping 2023-08-22 | count") == .int(3))
        #expect(try Fixture.scalar("times | during 2023-10 | count") == .int(1))
        #expect(try Fixture.scalar("sentences | during 2023-03 | count") == .int(2))
    }

    @Test func navigationLinksEntitiesDocumentsSentencesAndRelations() throws {
        #expect(try Fixture.scalar("@putin | relations | count") == .int(5))
        #expect(try Fixture.scalar("@icc | relations | count") == .int(1))
        #expect(try Fixture.column("id", of: "relations | where predicate == attend | documents") == ["doc-beijing", "doc-icc", "doc-brics"])
        #expect(try Fixture.scalar("relations | entities | count") == .int(6))
        #expect(try Fixture.scalar("documents | relations | count") == .int(6))
        #expect(try Fixture.scalar("relations | sentences | count") == .int(4))
        #expect(try Fixture.scalar("@icc | sentences | count") == .int(2))
        #expect(try Fixture.column("text", of: "sentences | where document == \"doc-icc\" and index == 1 | mentions") == ["Putin", "BRICS"])
        #expect(try Fixture.scalar("sentences | where index == 1 | relations | count") == .int(3))
        #expect(try Fixture.scalar("times | sentences | count") == .int(2))
        #expect(try Fixture.scalar("times | entities | count") == .int(6))
        #expect(try Fixture.scalar("relations | count by subject | entities | count") == .int(3))
    }

    @Test func sentencesHaveTheirTextAndTakeMentioning() throws {
        #expect(try Fixture.scalar("sentences | count") == .int(6))
        #expect(try Fixture.column("text", of: "sentences | where document == \"doc-brics\"")
            == ["The BRICS summit opened in Johannesburg.", "Xi Jinping attended; the ICC warrant kept Putin away."])
        #expect(try Fixture.scalar(#"sentences | where text contains "warrant" | count"#) == .int(2))
        #expect(try Fixture.column("index", of: "sentences | mentioning @putin | where document == \"doc-icc\"") == ["0", "1"])
        #expect(try Fixture.scalar("sentences | mentioning @putin, @icc | count") == .int(2))
    }

    @Test func timesCompareTheirTypeWithBareWords() throws {
        #expect(try Fixture.column("value", of: "times | where type == date") == ["2023-10-18"])
        #expect(try Fixture.column("text", of: "times | where type in [duration, set]") == ["The"])
        #expect(try Fixture.scalar("times | where type in [date, time] | count") == .int(1))
        #expect(try Fixture.scalar("relations | where date == 2023-08-22 | count") == .int(2))
        #expect(try Fixture.column("range", of: "times | sort range") == ["2023-10-18", ""])
    }

    @Test func unknownEnumerationCasesListTheCases() throws {
        let predicate = try #require(Fixture.diagnostic("relations | where predicate == vist"))
        #expect(predicate.code == .unknownCase)
        #expect(predicate.help?.message == "did you mean 'visit'?")
        #expect(predicate.notes.first?.hasPrefix("Predicate is one of: visit, meet, attend, host") == true)
        #expect(predicate.range?.start.column == 32)
        #expect(Fixture.diagnostic("relations | where modality == planed")?.help?.message == "did you mean 'planned'?")
        #expect(Fixture.diagnostic("times | where type == visit")?.code == .unknownCase)
        #expect(Fixture.diagnostic("relations | where predicate == person")?.code == .unknownCase)
        #expect(Fixture.diagnostic("relations | where subjet == @putin")?.help?.message == "did you mean 'subject'?")
        #expect(Fixture.diagnostic("relations | mentioning @putin")?.help?.message == "insert '| documents' before 'mentioning'")
    }
}
