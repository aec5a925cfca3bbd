/// The functions expressions can call: `year(date)`, `lower(name)`, `substr(title, 1, 20)`, ….
///
/// Text functions count characters (what a reader sees as one letter); those that search text
/// (`position`, `starts_with`, `ends_with`) ignore case, as `contains` does. A missing argument
/// gives a missing result, except in `coalesce` and `concat`.
package enum Function: String, CaseIterable, Sendable {
    case year, quarter, month, day
    case lower, upper, trim, len, substr, left, right, replace, concat, position
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case coalesce, abs, round

    /// How the function is called, for help and error messages.
    package var signature: String {
        switch self {
        case .year, .quarter, .month, .day: "\(rawValue)(date)"
        case .lower, .upper, .trim: "\(rawValue)(text)"
        case .len: "len(text or list)"
        case .substr: "substr(text, start[, length])"
        case .left, .right: "\(rawValue)(text, count)"
        case .replace: "replace(text, old, new)"
        case .concat: "concat(value, …)"
        case .position: "position(text, part)"
        case .startsWith: "starts_with(text, prefix)"
        case .endsWith: "ends_with(text, suffix)"
        case .coalesce: "coalesce(value, …)"
        case .abs: "abs(number)"
        case .round: "round(number[, digits])"
        }
    }

    /// What the function gives, in a few words.
    package var summary: String {
        switch self {
        case .year: "the year of a date (of a range's first day)"
        case .quarter: "the quarter, 1–4"
        case .month: "the month, 1–12"
        case .day: "the day of the month, 1–31"
        case .lower: "the text in lower case"
        case .upper: "the text in upper case"
        case .trim: "the text without white space at either end"
        case .len: "the number of characters, or of a list's elements"
        case .substr: "the characters from start (1 is the first; negative counts from the end), length of them or to the end"
        case .left: "the first count characters"
        case .right: "the last count characters"
        case .replace: "every occurrence of old replaced by new (case matters)"
        case .concat: "the values' texts joined; missing values count as empty"
        case .position: "where part first occurs, from 1, ignoring case; 0 when it does not"
        case .startsWith: "whether the text starts with prefix, ignoring case"
        case .endsWith: "whether the text ends with suffix, ignoring case"
        case .coalesce: "the first value that is not missing"
        case .abs: "the number without its sign"
        case .round: "the number rounded to digits decimals (0 unless given)"
        }
    }
}
