/// A word the temporal tagger understands: month and weekday names, deictic words, units.
public enum CalendarWord: Hashable, Sendable {
    /// A month, 1–12.
    case month(Int)
    /// A weekday, ISO numbered: 1 is Monday.
    case weekday(Int)
    /// "today", "yesterday", "tomorrow": the offset in days from the document date.
    case dayOffset(Int)
    /// "last", "this", "next": the offset in units from the document date's unit.
    case unitShift(Int)
    /// "year(s)", "month(s)", "week(s)", "day(s)", "decade(s)".
    case unit(CalendarUnit)
    /// "ago".
    case ago
    /// A number word, "one" to "twelve".
    case number(Int)
}

/// A calendar unit named in a time expression.
public enum CalendarUnit: String, Hashable, Sendable {
    /// A day.
    case day
    /// An ISO week, Monday to Sunday.
    case week
    /// A calendar month.
    case month
    /// A calendar year.
    case year
    /// Ten years.
    case decade

    /// The TIMEX3 duration letter: `D`, `W`, `M`, `Y`, `DE`.
    var durationLetter: String {
        switch self {
        case .day: "D"
        case .week: "W"
        case .month: "M"
        case .year: "Y"
        case .decade: "DE"
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
    static let numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]

    /// Every calendar word with its meaning; abbreviations are listed with their period.
    static var entries: [(String, CalendarWord)] {
        var result: [(String, CalendarWord)] = []
        for (index, name) in months.enumerated() { result.append((name, .month(index + 1))) }
        for (index, name) in monthAbbreviations.enumerated() where name != "may" { result.append((name + ".", .month(index + 1))) }
        result.append(("sept.", .month(9)))
        for (index, name) in weekdays.enumerated() { result.append((name, .weekday(index + 1))) }
        for (index, name) in weekdayAbbreviations.enumerated() { result.append((name + ".", .weekday(index + 1))) }
        for (index, name) in numberWords.enumerated() { result.append((name, .number(index + 1))) }
        result += [("today", .dayOffset(0)), ("yesterday", .dayOffset(-1)), ("tomorrow", .dayOffset(1)), ("tonight", .dayOffset(0)),
                   ("last", .unitShift(-1)), ("past", .unitShift(-1)), ("previous", .unitShift(-1)),
                   ("this", .unitShift(0)), ("current", .unitShift(0)),
                   ("next", .unitShift(1)), ("coming", .unitShift(1)), ("ago", .ago)]
        for unit in [CalendarUnit.day, .week, .month, .year, .decade] {
            result.append((unit.rawValue, .unit(unit)))
            result.append((unit.rawValue + "s", .unit(unit)))
        }
        return result
    }

    static let futureMarkers = ["will", "'ll", "shall", "scheduled", "expected", "plans", "planning", "upcoming", "intends",
                                "intend", "set", "going", "would"]
    static let temporalPrepositions = ["in", "since", "until", "till", "by", "from", "to", "during", "before", "after", "early",
                                       "late", "mid", "of", "through", "on", "between", "and", "or", "last", "next", "this",
                                       "throughout", "around", "circa", "year", "spring", "summer", "autumn", "fall", "winter"]
    static let countNouns = ["people", "persons", "troops", "soldiers", "men", "women", "children", "votes", "deaths", "cases",
                             "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "tonnes", "tons", "dollars",
                             "euros", "pounds", "yuan", "rubles", "roubles", "percent", "per", "units", "homes", "houses",
                             "vehicles", "cars", "jobs", "students", "workers", "residents", "refugees", "migrants", "points",
                             "seats", "hectares", "acres", "barrels", "kg", "kilograms", "mm", "cm", "times"]
    static let connectors = ["of", "and", "for", "on", "&", "the"]
    static let nameParticles = ["von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "bin", "ibn",
                                "al", "el", "la", "le", "ter", "ten", "y"]
}
