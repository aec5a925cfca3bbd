/// A word the temporal tagger understands: month and weekday names, deictic words, units.
package enum CalendarWord: Hashable, Sendable {
    /// A month, 1–12.
    case month(Int)
    /// A weekday, ISO numbered: 1 is Monday.
    case weekday(Int)
    /// "today", "yesterday", "tomorrow": the offset in days from the document date.
    case dayOffset(Int)
    /// "last", "this", "next": the offset in units from the document date's unit.
    case unitShift(Int)
    /// "year(s)", "month(s)", "week(s)", "day(s)", "decade(s)", "quarter(s)", "hour(s)".
    case unit(CalendarUnit)
    /// "ago".
    case ago
    /// A number word, "one" to "hundred".
    case number(Int)
    /// "first" to "fourth": the ordinal of a quarter or a half.
    case ordinal(Int)
    /// "morning", "afternoon", "evening", "night".
    case partOfDay(PartOfDay)
    /// "spring", "summer", "fall", "autumn", "winter".
    case season(Season)
    /// "now", "currently", "recently", "future".
    case reference(TimeReference)
    /// "daily", "weekly", "annually": a set recurring once per unit.
    case frequency(CalendarUnit)
    /// "every", "each": makes a set of the unit, weekday or month after it.
    case every
    /// "several", "few", "many": a count left unknown (`PXY`).
    case vagueCount
    /// "fiscal".
    case fiscal
    /// "noon" (12), "midnight" (0): an hour of the day.
    case clock(Int)
    /// "a.m." (0), "p.m." (12): the hours to add to a clock time.
    case meridiem(Int)
    /// "weekend".
    case weekend
    /// "earlier" (-1), "later" (+1): after a duration, a date that far from the document date.
    case direction(Int)
    /// "Christmas", "Thanksgiving": a holiday and how to find its day in a year.
    case holiday(HolidayRule)
    /// "nineties", "eighties": a decade of the century, by its first year in it (90, 80).
    case decadeName(Int)
    /// A word that marks the tense of its sentence: past (-1, "said", "was") or future (+1, "will").
    case tense(Int)
}

// The payloads below are plain enums, not strings, so a `CalendarWord` stays a trivial value: the
// recognizers look one up for every token.

/// A part of the day, with its TIMEX3 code.
package enum PartOfDay: String, Hashable, Sendable {
    /// `MO`.
    case morning = "MO"
    /// `AF`.
    case afternoon = "AF"
    /// `EV`.
    case evening = "EV"
    /// `NI`.
    case night = "NI"
}

/// A season, with its TIMEX3 code; the seasons are the meteorological ones (summer is June to August).
package enum Season: String, Hashable, Sendable {
    /// `WI`, December to February.
    case winter = "WI"
    /// `SP`, March to May.
    case spring = "SP"
    /// `SU`, June to August.
    case summer = "SU"
    /// `FA`, September to November.
    case fall = "FA"

    /// 0 for winter to 3 for fall, the order in which they come in a year that starts in December.
    package var order: Int {
        switch self {
        case .winter: 0
        case .spring: 1
        case .summer: 2
        case .fall: 3
        }
    }

    /// The season of month `month` (1–12).
    package init(month: Int) {
        switch month {
        case 3...5: self = .spring
        case 6...8: self = .summer
        case 9...11: self = .fall
        default: self = .winter
        }
    }
}

/// A vague reference to the present, the past or the future, with its TIMEX3 value.
package enum TimeReference: String, Hashable, Sendable {
    /// `PRESENT_REF`: "now", "currently".
    case present = "PRESENT_REF"
    /// `PAST_REF`: "recently".
    case past = "PAST_REF"
    /// `FUTURE_REF`: "the future".
    case future = "FUTURE_REF"
}

/// How a holiday falls in a year.
package enum HolidayRule: Hashable, Sendable {
    /// On the same day every year: Christmas is December 25.
    case fixed(month: Int, day: Int)
    /// On the `ordinal`-th given weekday (ISO, 1 is Monday) of a month: Thanksgiving is the fourth Thursday of November.
    case weekday(month: Int, weekday: Int, ordinal: Int)

    /// The month the holiday falls in.
    package var month: Int {
        switch self {
        case .fixed(let month, _), .weekday(let month, _, _): month
        }
    }
}

/// A calendar unit named in a time expression.
package enum CalendarUnit: String, Hashable, Sendable {
    /// A minute.
    case minute
    /// An hour.
    case hour
    /// A day.
    case day
    /// An ISO week, Monday to Sunday.
    case week
    /// A calendar month.
    case month
    /// A calendar quarter, three months.
    case quarter
    /// A calendar year.
    case year
    /// Ten years.
    case decade
    /// A hundred years.
    case century

    /// The TIMEX3 duration of `count` and a half units: "PT5H30M" for 5 1/2 hours, "P2Y6M" for 2 1/2 years.
    func durationAndAHalf(_ count: Int) -> String {
        switch self {
        case .minute: return "PT\(count)M30S"
        case .hour: return "PT\(count)H30M"
        case .day: return "P\(count)DT12H"
        case .week: return "P\(count * 7 + 3)DT12H"
        case .month: return "P\(count)M15D"
        case .quarter: return "P\(count * 3 + 1)M15D"
        case .year: return "P\(count)Y6M"
        case .decade: return "P\(count * 10 + 5)Y"
        case .century: return "P\(count * 100 + 50)Y"
        }
    }

    /// The TIMEX3 duration of `count` units: "P3Y", "PT2H", and decades and centuries in years as
    /// TimeBank writes them ("P20Y"); a `nil` count is unknown ("PXY").
    func duration(_ count: Int?) -> String {
        let amount = count.map(String.init) ?? "X"
        switch self {
        case .minute: return "PT\(amount)M"
        case .hour: return "PT\(amount)H"
        case .day: return "P\(amount)D"
        case .week: return "P\(amount)W"
        case .month: return "P\(amount)M"
        case .quarter: return "P\(amount)Q"
        case .year: return "P\(amount)Y"
        case .decade: return count.map { "P\($0 * 10)Y" } ?? "PXDE"
        case .century: return count.map { "P\($0 * 100)Y" } ?? "PXCE"
        }
    }
}

/// The English calendar words and the grammar words the extractors need.
enum CalendarLexicon {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]
    static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let weekdayAbbreviations = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                              "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    static let tensWords = [("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
                            ("ninety", 90), ("hundred", 100)]
    static let ordinals = ["first", "second", "third", "fourth"]
    /// Words of the past tense that do not end in "-ed" (those that do are read by their ending), and "since".
    static let pastMarkers = ["said", "was", "were", "had", "did", "told", "came", "began", "took", "went", "made", "gave",
                              "left", "fell", "rose", "won", "met", "held", "saw", "became", "bought", "sold", "paid", "lost",
                              "built", "brought", "found", "got", "led", "ran", "spent", "struck", "thought", "wrote", "knew",
                              "grew", "sought", "fought", "caught", "taught", "felt", "kept", "broke", "chose", "drove", "flew",
                              "forgot", "hid", "shot", "stood", "swore", "threw", "understood", "wore", "since", "ago"]
    /// Words that look ahead: auxiliaries of the future and plans.
    static let futureMarkers = ["will", "'ll", "shall", "scheduled", "plans", "planning", "upcoming", "intends", "intend",
                                    "going", "expects", "expected", "due", "aims", "would"]

    /// Every calendar word with its meaning; abbreviations are listed with their period.
    static var entries: [(String, CalendarWord)] {
        var result: [(String, CalendarWord)] = []
        for (index, name) in months.enumerated() { result.append((name, .month(index + 1))) }
        for (index, name) in monthAbbreviations.enumerated() where name != "may" { result.append((name + ".", .month(index + 1))) }
        result.append(("sept.", .month(9)))
        for (index, name) in weekdays.enumerated() { result.append((name, .weekday(index + 1))) }
        for (index, name) in weekdayAbbreviations.enumerated() { result.append((name + ".", .weekday(index + 1))) }
        for (index, name) in numberWords.enumerated() { result.append((name, .number(index + 1))) }
        for (name, value) in tensWords { result.append((name, .number(value))) }
        for (index, name) in ordinals.enumerated() { result.append((name, .ordinal(index + 1))) }
        result += [("today", .dayOffset(0)), ("yesterday", .dayOffset(-1)), ("tomorrow", .dayOffset(1)), ("tonight", .dayOffset(0)),
                   ("last", .unitShift(-1)), ("past", .unitShift(-1)), ("previous", .unitShift(-1)), ("latest", .unitShift(-1)),
                   ("this", .unitShift(0)), ("current", .unitShift(0)), ("same", .unitShift(0)),
                   ("next", .unitShift(1)), ("coming", .unitShift(1)), ("following", .unitShift(1)), ("ago", .ago),
                   ("morning", .partOfDay(.morning)), ("afternoon", .partOfDay(.afternoon)), ("evening", .partOfDay(.evening)),
                   ("night", .partOfDay(.night)), ("spring", .season(.spring)), ("summer", .season(.summer)), ("fall", .season(.fall)),
                   ("autumn", .season(.fall)), ("winter", .season(.winter)),
                   ("now", .reference(.present)), ("currently", .reference(.present)), ("nowadays", .reference(.present)),
                   ("recently", .reference(.past)), ("recent", .reference(.past)), ("future", .reference(.future)),
                   ("daily", .frequency(.day)), ("nightly", .frequency(.day)), ("weekly", .frequency(.week)),
                   ("monthly", .frequency(.month)), ("yearly", .frequency(.year)), ("hourly", .frequency(.hour)),
                   ("every", .every), ("each", .every), ("several", .vagueCount), ("few", .vagueCount), ("many", .vagueCount),
                   ("fiscal", .fiscal), ("noon", .clock(12)), ("midday", .clock(12)), ("midnight", .clock(0)),
                   ("twenties", .decadeName(20)), ("thirties", .decadeName(30)), ("forties", .decadeName(40)),
                   ("fifties", .decadeName(50)), ("sixties", .decadeName(60)), ("seventies", .decadeName(70)),
                   ("eighties", .decadeName(80)), ("nineties", .decadeName(90)),
                   ("a.m.", .meridiem(0)), ("am", .meridiem(0)), ("p.m.", .meridiem(12)), ("pm", .meridiem(12)),
                   ("weekend", .weekend), ("earlier", .direction(-1)), ("later", .direction(1)),
                   ("christmas", .holiday(.fixed(month: 12, day: 25))), ("halloween", .holiday(.fixed(month: 10, day: 31))),
                   ("thanksgiving", .holiday(.weekday(month: 11, weekday: 4, ordinal: 4)))]
        for word in pastMarkers where word != "ago" { result.append((word, .tense(-1))) }
        for word in futureMarkers { result.append((word, .tense(1))) }
        for unit in [CalendarUnit.minute, .hour, .day, .week, .month, .quarter, .year, .decade] {
            result.append((unit.rawValue, .unit(unit)))
            result.append((unit.rawValue + "s", .unit(unit)))
        }
        result += [("century", .unit(.century)), ("centuries", .unit(.century))]
        return result
    }

    static let temporalPrepositions = ["in", "since", "until", "till", "by", "from", "to", "during", "before", "after", "early",
                                       "late", "mid", "of", "through", "on", "between", "and", "or", "last", "next", "this",
                                       "throughout", "around", "circa", "year", "spring", "summer", "autumn", "fall", "winter"]
    static let countNouns = ["people", "persons", "troops", "soldiers", "men", "women", "children", "votes", "deaths", "cases",
                             "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "tonnes", "tons", "dollars",
                             "euros", "pounds", "yuan", "rubles", "roubles", "percent", "per", "units", "homes", "houses",
                             "vehicles", "cars", "jobs", "students", "workers", "residents", "refugees", "migrants", "points",
                             "seats", "hectares", "acres", "barrels", "kg", "kilograms", "mm", "cm", "times", "shares"]
    static let connectors = ["of", "and", "for", "on", "&", "the"]
    static let nameParticles = ["von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "bin", "ibn",
                                "al", "el", "la", "le", "ter", "ten", "y"]
}
