import DossierCore
import DossierText
import Testing

@Suite("Time tagger")
struct TimeTaggerTests {
    let date = Day(year: 2023, month: 7, day: 25)!  // a Tuesday

    func value(_ text: String, _ expression: String, date: Day? = nil) -> String? {
        TestSupport.times(text, date: date).first { $0.text == expression }?.value
    }

    @Test func explicitDates() {
        #expect(value("It happened on January 4, 2019 at noon.", "January 4, 2019") == "2019-01-04")
        #expect(value("It happened on 25 July 2023.", "25 July 2023") == "2023-07-25")
        #expect(value("Released 2023-07-25 by the agency.", "2023-07-25") == "2023-07-25")
        #expect(value("It opens on July 27.", "July 27", date: date) == "2023-07-27")
        #expect(value("It opens on July 27.", "July 27") == "XXXX-07-27")
        #expect(value("In October 2021 it began.", "October 2021") == "2021-10")
    }

    @Test func monthsTakeTheDocumentYear() {
        let times = TestSupport.times("He will go in October.", date: date)
        #expect(times.map(\.text) == ["October"])
        #expect(times.map(\.value) == ["2023-10"])
        #expect(value("He will go in October.", "October") == "XXXX-10")
        #expect(value("It happened last March.", "last March", date: date) == "2023-03")
        #expect(value("It happens next March.", "next March", date: date) == "2024-03")
    }

    @Test func aPlanLooksAheadInThePastTense() {
        let sentence = "He was scheduled to visit South Africa for the BRICS summit in August but decided to cancel the plan."
        #expect(value(sentence, "August", date: date) == "2023-08")
        #expect(value("The warrant was issued in March.", "March", date: date) == "2023-03")
    }

    @Test func mayTheVerbIsNoMonth() {
        #expect(TestSupport.times("He May come. They may go.").isEmpty)
        #expect(value("It opened in May.", "May", date: date) == "2023-05")
    }

    @Test func years() {
        #expect(value("He attended in 2017 and 2019.", "2017") == "2017")
        #expect(value("He attended in 2017 and 2019.", "2019") == "2019")
        #expect(TestSupport.times("About 2000 people and 1,500 troops came; it cost $2019.").isEmpty)
        #expect(value("The armistice in 1953 ended it.", "1953") == "1953")
        #expect(value("Music of the 1990s returned.", "1990s") == "199")
    }

    @Test func weekdays() {
        #expect(value("The Kremlin confirmed on Tuesday.", "Tuesday", date: date) == "2023-07-25")
        #expect(value("They met on Friday.", "Friday", date: date) == "2023-07-21")
        #expect(value("They will meet on Friday.", "Friday", date: date) == "2023-07-28")
        #expect(value("They met on Tuesday.", "Tuesday") == "XXXX-WXX-2")
        #expect(value("They met last Monday.", "last Monday", date: date) == "2023-07-24")
        #expect(value("They meet next Tuesday.", "next Tuesday", date: date) == "2023-08-01")
    }

    @Test func deicticWords() {
        #expect(value("He left yesterday.", "yesterday", date: date) == "2023-07-24")
        #expect(value("He leaves tomorrow.", "tomorrow", date: date) == "2023-07-26")
        #expect(value("Since last year, ties grew.", "last year", date: date) == "2022")
        #expect(value("They visit this week.", "this week", date: date) == "2023-W30")
        #expect(value("They visit next week.", "next week", date: date) == "2023-W31")
        #expect(value("Prices fell last month.", "last month", date: date) == "2023-06")
        #expect(value("Since last year, ties grew.", "last year") == "XXXX")
        #expect(value("They visit this week.", "this week") == "XXXX-WXX")
    }

    @Test func durationsAndAgo() {
        let times = TestSupport.pipeline.annotate(Document(id: "t", date: date, text: "It lasted three years. Two weeks ago it ended.")).times
        #expect(times.map(\.value) == ["P3Y", "2023-W28"])
        #expect(times.first?.type == .duration)
        #expect(times.first?.range == nil)
    }

    @Test func rangesAreHalfOpen() {
        let times = TestSupport.pipeline.annotate(Document(id: "t", date: date, text: "He will go in October.")).times
        #expect(times.first?.range == TimeRange.month(year: 2023, month: 10))
        #expect(times.first?.range?.start == Day(year: 2023, month: 10, day: 1))
        #expect(times.first?.range?.end == Day(year: 2023, month: 11, day: 1))
        let undated = TestSupport.pipeline.annotate(Document(id: "t", text: "He will go in October.")).times
        #expect(undated.first?.range == nil)
    }
}
