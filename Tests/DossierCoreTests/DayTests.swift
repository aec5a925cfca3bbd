import DossierCore
import Testing

@Suite("Day")
struct DayTests {
    @Test func convertsBetweenCalendarDatesAndDayNumbers() {
        #expect(Day(year: 1970, month: 1, day: 1)?.number == 0)
        #expect(Day(year: 2023, month: 7, day: 25)?.number == 19_563)
        #expect(Day(number: 19_563).iso == "2023-07-25")
        #expect(Day(year: 1600, month: 2, day: 29)?.iso == "1600-02-29")
        #expect(Day(number: -1).iso == "1969-12-31")
    }

    @Test func rejectsDaysThatDoNotExist() {
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2023, month: 13, day: 1) == nil)
        #expect(Day(iso: "2023-7-25") == nil)
        #expect(Day(iso: "2024-02-29")?.iso == "2024-02-29")
    }

    @Test func readsISODatesOnlyInTheirFullForm() {
        #expect(Day(iso: "2019-03-08") == Day(year: 2019, month: 3, day: 8))
        #expect(Day(iso: "x2019-03-08".dropFirst()) == Day(year: 2019, month: 3, day: 8))
        #expect(Day(iso: "0000-01-01") == Day(year: 0, month: 1, day: 1))
        for text in ["2023-02-29", "2023-00-10", "2023-07-32", "2023-07-2x", "2023/07/25", "2023-07-25 ", "20230-7-25", "", "----------"] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }

    @Test func knowsWeekdaysAndISOWeeks() throws {
        let tuesday = try #require(Day(iso: "2023-07-25"))
        #expect(tuesday.weekday == 2)
        #expect(tuesday.isoWeek.year == 2023 && tuesday.isoWeek.week == 30)
        // 2021-01-03 (a Sunday) belongs to the last ISO week of 2020.
        let sunday = try #require(Day(iso: "2021-01-03"))
        #expect(sunday.weekday == 7)
        #expect(sunday.isoWeek.year == 2020 && sunday.isoWeek.week == 53)
    }
}

@Suite("TimeRange")
struct TimeRangeTests {
    @Test(arguments: [
        ("2023", "2023-01-01", "2024-01-01", Granularity.year),
        ("2023-10", "2023-10-01", "2023-11-01", .month),
        ("2024-02", "2024-02-01", "2024-03-01", .month),
        ("2023-07-25", "2023-07-25", "2023-07-26", .day),
        ("2023-Q3", "2023-07-01", "2023-10-01", .quarter),
        ("2023-Q4", "2023-10-01", "2024-01-01", .quarter),
        ("2023-W30", "2023-07-24", "2023-07-31", .week),
        ("199X", "1990-01-01", "2000-01-01", .decade),
        ("2023-03..2023-10", "2023-03-01", "2023-11-01", .month),
    ])
    func parsesLiterals(literal: String, start: String, end: String, granularity: Granularity) throws {
        let range = try #require(TimeRange(literal: literal))
        #expect(range.start.iso == start)
        #expect(range.end.iso == end)
        #expect(range.granularity == granularity)
        #expect(range.description == literal)
    }

    @Test(arguments: ["2023-13", "2023-Q5", "2023-W54", "20233", "2023-02-30", "2023-10..2023-03", "July"])
    func rejectsMalformedLiterals(literal: String) {
        #expect(TimeRange(literal: literal) == nil)
    }

    @Test func relatesRanges() throws {
        let october = try #require(TimeRange(literal: "2023-10"))
        let year = TimeRange.year(2023)
        let day = TimeRange.day(try #require(Day(iso: "2023-10-31")))
        #expect(year.contains(october))
        #expect(!october.contains(year))
        #expect(october.contains(day))
        #expect(october.overlaps(year))
        #expect(!october.overlaps(TimeRange.day(try #require(Day(iso: "2023-11-01")))))
        #expect(TimeRange.year(2022).isBefore(year))
        #expect(TimeRange.year(2024).isAfter(year))
        #expect(!october.isBefore(year))
    }

    @Test func findsTheUnitContainingADay() throws {
        let day = try #require(Day(iso: "2023-07-25"))
        #expect(TimeRange.unit(.week, containing: day).description == "2023-W30")
        #expect(TimeRange.unit(.quarter, containing: day).description == "2023-Q3")
        #expect(TimeRange.unit(.decade, containing: day).description == "202X")
    }
}

@Suite("ContentHash")
struct ContentHashTests {
    @Test func isFNV1aOverUTF8Bytes() {
        // Reference values of 64-bit FNV-1a.
        #expect(ContentHash.of("") == "cbf29ce484222325")
        #expect(ContentHash.of("a") == "af63dc4c8601ec8c")
        #expect(ContentHash.of("Putin’s") != ContentHash.of("Putin's"))
    }

    @Test func combinesPiecesAsOneStream() {
        var hash = ContentHash()
        Array("Belt and ".utf8).withUnsafeBytes { hash.combine($0) }
        Array("Road Forum".utf8).withUnsafeBytes { hash.combine($0) }
        #expect(hash.hexDigits == ContentHash.of("Belt and Road Forum"))
    }
}
