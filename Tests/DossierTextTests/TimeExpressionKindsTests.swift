import DossierCore
import DossierText
import Testing

/// The kinds of time expression beyond plain dates: references, quarters, seasons, fiscal years,
/// durations, sets, clock times, decades, ranges and anniversaries; values against 2023-07-25.
@Suite("Time expression kinds")
struct TimeExpressionKindsTests {
    let date = Day(year: 2023, month: 7, day: 25)!  // a Tuesday, in the third quarter

    func times(_ text: String, dated: Bool = true) -> [TimeExpression] {
        TestSupport.pipeline.annotate(Document(id: "t", date: dated ? date : nil, text: text)).times
    }

    /// The first expression whose text is `expression`, as its type and value ("DATE 2023-10").
    func tagged(_ text: String, _ expression: String, dated: Bool = true) -> String? {
        times(text, dated: dated).first { $0.text == expression }.map { "\($0.type.timeMLName) \($0.value)" }
    }

    @Test func references() {
        #expect(tagged("The talks are now stalled.", "now") == "DATE PRESENT_REF")
        #expect(tagged("He currently leads the party.", "currently") == "DATE PRESENT_REF")
        #expect(tagged("She recently resigned.", "recently") == "DATE PAST_REF")
        #expect(tagged("Nothing will change in the near future.", "the near future") == "DATE FUTURE_REF")
        #expect(tagged("Prices rose in recent years.", "recent years") == "DURATION PXY")
        #expect(tagged("Talks will go on in coming months.", "coming months") == "DATE FUTURE_REF")
    }

    @Test func quarters() {
        #expect(tagged("Profit rose in the third quarter.", "the third quarter") == "DATE 2023-Q3")
        #expect(tagged("It posted third-quarter profit.", "third-quarter") == "DATE 2023-Q3")
        // A quarter still to come this year is last year's when the sentence looks back.
        #expect(tagged("Sales fell in the fourth quarter.", "the fourth quarter") == "DATE 2022-Q4")
        #expect(tagged("Sales rose in the second quarter of 1998.", "the second quarter of 1998") == "DATE 1998-Q2")
        #expect(tagged("Sales will rise next quarter.", "next quarter") == "DATE 2023-Q4")
        #expect(tagged("Net income was $2 million in this year's second quarter.", "this year's second quarter") == "DATE 2023-Q2")
        #expect(tagged("Sales rose in the quarter.", "the quarter", dated: false) == "DATE XXXX-QX")
    }

    @Test func yearEarlierPeriodsInQuarterlyReports() {
        let report = "Third-quarter profit rose to $5 million from $4 million a year earlier."
        #expect(tagged(report, "a year earlier") == "DATE 2022-Q2")
        #expect(tagged("He left the party a year ago.", "a year ago") == "DATE 2022")
        #expect(tagged("He left the party headquarters a year ago.", "a year ago") == "DATE 2022")
        #expect(tagged("Profit fell 5% from the year-earlier period.", "the year-earlier period") == "DATE 2022-Q2")
    }

    @Test func seasonsAndFiscalYears() {
        #expect(tagged("The strike began last spring.", "last spring") == "DATE 2022-SP")
        #expect(tagged("They will meet this summer.", "this summer") == "DATE 2023-SU")
        #expect(tagged("The offensive began in the winter of 1994.", "the winter of 1994") == "DATE 1994-WI")
        #expect(tagged("Revenue grew in fiscal 2022.", "fiscal 2022") == "DATE 2022")
        #expect(tagged("Revenue grew in the fiscal year ended March 31.", "the fiscal year") == "DURATION P1Y")
        #expect(tagged("Revenue will grow in the current fiscal year.", "the current fiscal year") == "DATE 2023")
        #expect(tagged("Revenue grew in the first half.", "the first half") == "DATE 2023-H1")
    }

    @Test func partsOfYearsHaveRanges() {
        func range(_ text: String) -> TimeRange? { times(text).first?.range }
        #expect(range("They will meet this summer.") == TimeRange(start: Day(year: 2023, month: 6, day: 1)!, end: Day(year: 2023, month: 9, day: 1)!,
                                                                granularity: .quarter))
        #expect(range("Profit rose in the third quarter.") == TimeRange.quarter(year: 2023, quarter: 3))
        #expect(range("Revenue grew in the first half.")?.end == Day(year: 2023, month: 7, day: 1))
        #expect(range("Wars of the 20th century.")?.start == Day(year: 1900, month: 1, day: 1))
        #expect(range("They rested over the weekend.") == TimeRange(start: Day(year: 2023, month: 7, day: 22)!,
                                                                 end: Day(year: 2023, month: 7, day: 24)!, granularity: .day))
        #expect(range("Prices fell over the past three years.") == nil)
    }

    @Test func durations() {
        #expect(tagged("Prices fell over the past three years.", "the past three years") == "DURATION P3Y")
        #expect(tagged("They signed a 30-year lease.", "30-year") == "DURATION P30Y")
        #expect(tagged("It sells up to 30-year bonds.", "30-year") == "DURATION P30Y")
        #expect(tagged("It signed a two-year deal.", "two-year") == "DURATION P2Y")
        #expect(tagged("The lowest rate in two decades.", "two decades") == "DURATION P20Y")
        #expect(tagged("It took several years.", "several years") == "DURATION PXY")
        #expect(tagged("The flight took five hours.", "five hours") == "DURATION PT5H")
        #expect(tagged("The talks lasted a few days.", "a few days") == "DURATION PXD")
        #expect(tagged("He waited for nearly two months.", "nearly two months") == "DURATION P2M")
        #expect(tagged("Troops stay for up to 180 days.", "up to 180 days") == "DURATION P180D")
        #expect(tagged("The flight took twenty four hours.", "twenty four hours") == "DURATION PT24H")
        #expect(tagged("It has ruled for almost a hundred years.", "a hundred years") == "DURATION P100Y")
        #expect(tagged("She spent 5 1/2 hours in Nairobi.", "5 1/2 hours") == "DURATION PT5H30M")
        #expect(tagged("They lived in camps for 2 1/2 years.", "2 1/2 years") == "DURATION P2Y6M")
        #expect(tagged("Sales will grow over the next couple of years.", "the next couple of years") == "DURATION P2Y")
        #expect(tagged("It returned to profit after several quarters of losses.", "several quarters") == "DURATION PXQ")
        #expect(tagged("The loan runs for an additional year.", "an additional year") == "DURATION P1Y")
    }

    @Test func agesRatesAndFractionsAreNoTimes() {
        #expect(times("Mr. Smith, 52 years old, will retire.").isEmpty)
        #expect(times("It earns $2 million a year and runs four flights a week.").isEmpty)
        #expect(times("Iraq imports about three-quarters of its food; more than a quarter of it is wheat.").isEmpty)
        #expect(times("The Future of Work, a report, came out.").isEmpty)
        #expect(times("Now, he says, it looks like a rout.").isEmpty)
        #expect(times("He said on CBS's ``60 Minutes'' that he would stay.").isEmpty)
    }

    @Test func sets() {
        #expect(tagged("They meet every week.", "every week") == "SET P1W")
        #expect(tagged("Flights leave each Thursday.", "each Thursday") == "SET XXXX-WXX-4")
        #expect(tagged("Orangemen march each July.", "each July") == "SET XXXX-07")
        #expect(tagged("Protesters gather daily outside.", "daily") == "SET P1D")
        #expect(tagged("Elections are held every four years.", "every four years") == "SET P4Y")
    }

    @Test func clockTimesAndPartsOfDay() {
        #expect(tagged("The blast came at 10:35 a.m. on the day.", "10:35 a.m.") == "TIME 2023-07-25T10:35")
        #expect(tagged("The blast came at 9 p.m. EST Friday.", "9 p.m. EST Friday") == "TIME 2023-07-21T21:00")
        // No tense: the nearer Friday, three days ahead rather than four back.
        #expect(tagged("The deadline is 9 p.m. EST Friday.", "9 p.m. EST Friday") == "TIME 2023-07-28T21:00")
        #expect(tagged("Talks broke off at noon Thursday.", "noon Thursday") == "TIME 2023-07-20T12:00")
        // Four digits and a zone: a clock time, not a year; in parentheses, a restatement TimeML leaves untagged.
        #expect(tagged("The airport reopened at 1800 UTC.", "1800 UTC") == "TIME 2023-07-25T18:00")
        #expect(times("The quake struck at 7:37 p.m. local time (1137 UTC).").map(\.text) == ["7:37 p.m."])
        #expect(TestSupport.pipeline.annotate(Document(id: "t", text: "The quake struck at 7:37 p.m. local time (1137 UTC).")).mentions.isEmpty)
        #expect(TestSupport.pipeline.annotate(Document(id: "t", text: "It struck at 4:42 on Saturday (2024 Friday, UTC).")).mentions.isEmpty)
        #expect(tagged("The plane crashed at 9:54 a.m. ET (1354 UTC).", "9:54 a.m. ET") == "TIME 2023-07-25T09:54")
        #expect(tagged("The embassy was hit Friday morning.", "Friday morning") == "DATE 2023-07-21")
        #expect(tagged("He spoke this morning.", "this morning") == "TIME 2023-07-25TMO")
        #expect(tagged("Shots rang out last night.", "last night") == "TIME 2023-07-24TNI")
    }

    @Test func decadesCenturiesAndSpelledYears() {
        let decade = times("Music of the 1990s returned.").first
        #expect(decade?.value == "199")
        #expect(decade?.range == TimeRange.decade(startingIn: 1990))
        #expect(tagged("The tensions eased in the early 1990s.", "the early 1990s") == "DATE 199")
        #expect(tagged("It was built in the mid-1990s.", "the mid-1990s") == "DATE 199")
        #expect(tagged("Wars of the 20th century.", "the 20th century") == "DATE 19")
        #expect(tagged("The bomb went off in nineteen ninety-six.", "nineteen ninety-six") == "DATE 1996")
    }

    @Test func rangesAndAnniversaries() {
        let years = times("The war of 2009-2010 ended.")
        #expect(years.map(\.text) == ["2009", "2010"])
        #expect(years.map(\.span) == [TextSpan(start: 11, end: 15), TextSpan(start: 16, end: 20)])
        #expect(tagged("Seoul marks the 70th anniversary of the 1953 armistice.", "the 70th anniversary") == "DATE 2023")
    }

    @Test func datesNamedBefore() {
        #expect(tagged("He returned in June 1998 and left later that year.", "later that year") == "DATE 1998")
        #expect(tagged("The raid came on March 3, 1998. That same day, talks began.", "That same day") == "DATE 1998-03-03")
        #expect(tagged("He became a general in 1995, and the following year he retired.", "the following year") == "DATE 1996")
        #expect(times("He left later that year.").isEmpty)
    }

    @Test func holidaysAndVagueReferences() {
        #expect(tagged("Elian was found on Thanksgiving Day.", "Thanksgiving Day", dated: true) == "DATE 2022-11-24")
        #expect(tagged("They met on Christmas Eve 2021.", "Christmas Eve 2021") == "DATE 2021-12-24")
        #expect(tagged("Sales rose through the nineties.", "the nineties") == "DATE 199")
        #expect(tagged("It may struggle in the near term.", "the near term") == "DATE FUTURE_REF")
        #expect(tagged("The offering comes at a later date.", "a later date") == "DATE FUTURE_REF")
        #expect(tagged("Markets are calm these days.", "these days") == "DATE PRESENT_REF")
        #expect(tagged("The deal should close by year-end.", "year-end") == "DATE 2023")
        #expect(tagged("Sales rose in the latest period.", "the latest period") == "DATE 2023-Q2")
        #expect(tagged("The judge met them at midday.", "midday") == "TIME 2023-07-25T12:00")
    }

    @Test func aSecondDayOfTheSameMonth() {
        let dates = times("The summit will be on April 24 and 25.")
        #expect(dates.map(\.text) == ["April 24", "25"])
        #expect(dates.map(\.value) == ["2024-04-24", "2024-04-25"])
    }

    @Test func monthsFollowTheTense() {
        #expect(tagged("The decree was issued in November.", "November") == "DATE 2022-11")
        #expect(tagged("In March, the court issued a warrant.", "March") == "DATE 2023-03")
        #expect(tagged("He intends to visit in October.", "October") == "DATE 2023-10")
        #expect(tagged("He will visit in February.", "February") == "DATE 2024-02")
        #expect(tagged("The talks were supposed to end by May.", "May") == "DATE 2024-05")
        #expect(tagged("The summit is in February.", "February", dated: false) == "DATE XXXX-02")
        #expect(tagged("Elections were held in June last year.", "June last year") == "DATE 2022-06")
    }

    @Test func weekdaysWithDates() {
        #expect(tagged("The Kremlin said on Tuesday (July 25) it agreed.", "Tuesday") == "DATE 2023-07-25")
        #expect(tagged("The Kremlin said on Tuesday (July 25) it agreed.", "July 25") == "DATE 2023-07-25")
        #expect(tagged("An editorial on Monday, Oct. 26, 1998, said so.", "Monday, Oct. 26, 1998") == "DATE 1998-10-26")
        #expect(tagged("They set a deadline until Friday.", "Friday") == "DATE 2023-07-28")
        #expect(tagged("The vote is this Friday.", "this Friday") == "DATE 2023-07-28")
        #expect(tagged("The vote was this Monday.", "this Monday") == "DATE 2023-07-24")
        #expect(tagged("They meet next Monday, July 31.", "next Monday, July 31") == "DATE 2023-07-31")
    }

    @Test func extentsFollowTimeML() {
        #expect(times("He will go in October.").map(\.text) == ["October"])
        #expect(times("For the nine months ended Sept. 30, net rose.").map(\.text) == ["the nine months", "Sept. 30"])
        #expect(times("They held the two day rally.").map(\.text) == ["two day"])
        #expect(tagged("A hearing is set for the week of March 6, 2023.", "the week of March 6") == nil)
        #expect(tagged("A hearing was held the week of March 6.", "the week of March 6") == "DATE 2023-W10")
        #expect(tagged("Three days later, the index fell.", "Three days") == "DURATION P3D")
        #expect(times("It happened in late November.").map(\.text) == ["late November"])
        #expect(times("He was here for the last week.").map(\.text) == ["the last week"])
        #expect(times("Debt will be halved by the end of 1990.").map(\.text) == ["the end of 1990"])
        #expect(times("Earlier Friday, lawyers filed a petition.").map(\.text) == ["Friday"])
        #expect(times("The Aug. 7 bombings killed 200.").map(\.text) == ["Aug. 7"])
        #expect(times("It rose more than four decades ago.").map(\.text) == ["more than four decades ago"])
    }

    @Test func spansAreCodePoints() {
        let text = "“Café” talks 🇷🇺 resume in October."
        let time = times(text).first
        #expect(time?.text == "October")
        #expect(time.map { TestSupport.text(text, $0.span) } == "October")
    }
}
