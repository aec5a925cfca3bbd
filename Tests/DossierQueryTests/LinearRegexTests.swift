import DossierCore
import DossierFuzzing
import Testing
@testable import DossierQuery

@Suite("Linear-time regular expressions")
struct LinearRegexTests {
    private func matches(_ pattern: String, _ text: String) throws -> Bool {
        // nil would mean the match was cancelled, which no test asks for.
        guard let matched = try LinearRegex(pattern).hasMatch(in: text) else {
            Issue.record("matching '\(pattern)' was cancelled")
            return false
        }
        return matched
    }

    @Test func theCommonSyntaxMatchesAsInOtherEngines() throws {
        #expect(try matches("Put.n", "Vladimir Putin met"))
        #expect(try !matches("^Putin", "Vladimir Putin"))
        #expect(try matches("Putin$", "Vladimir Putin"))
        #expect(try matches("(?i)PUTIN", "putin"))
        #expect(try matches("\\bXi\\b", "Xi Jinping"))
        #expect(try !matches("\\bXi\\b", "Xinhua"))
        #expect(try matches("[A-Z]{3}", "the ICC said"))
        #expect(try !matches("^[a-z ]+$", "the ICC said"))
        #expect(try matches("\\d{4}-\\d\\d", "on 2023-07-25"))
        #expect(try matches("colou?r", "color"))
        #expect(try matches("(?:visit|meet)s?$", "Putin meets"))
        #expect(try matches("(?<who>Xi|Putin) met", "Putin met Xi"))
        #expect(try matches("\\p{Lu}\\p{Ll}+ \\p{Lu}", "Vladimir Putin"))
        #expect(try matches("Москва|Kyiv", "в Москва"))
        #expect(try matches("(?i)é", "CAFÉ"))
        #expect(try matches("a.c", "a\u{1F600}c"))
        #expect(try !matches("a.c", "a\nc"))
        #expect(try matches("(?s)a.c", "a\nc"))
        #expect(try matches("(?m)^second", "first\nsecond"))
        #expect(try matches("x*", ""))
        #expect(try matches("[\\]a-]+", "]-a"))
    }

    /// Swift's own engine is the reference for ASCII texts (it reads grapheme clusters, which for ASCII are scalars).
    @Test func agreesWithSwiftRegexOnRandomPatterns() throws {
        var generator = SplitMix(seed: 20_240_611)
        let atoms = ["a", "b", "c", ".", "[ab]", "[^a]", "\\d", "\\w", "\\s", "(a|b)", "(?:ab)", "\\bb", "(?:x?)"]
        let quantifiers = ["", "", "*", "+", "?", "{2}", "{1,3}", "*?"]
        var checked = 0
        for _ in 0..<400 {
            var pattern = Bool.random(using: &generator) ? "^" : ""
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                pattern += atoms.randomElement(using: &generator)! + quantifiers.randomElement(using: &generator)!
            }
            if Bool.random(using: &generator) { pattern += "$" }
            // `\b` as Perl has it, between a word character and another: Swift's default follows UAX #29.
            let reference = try Regex(pattern).wordBoundaryKind(.simple)
            let ours = try LinearRegex(pattern)
            for _ in 0..<8 {
                let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in "abc1 x".randomElement(using: &generator)! })
                let expected = try reference.firstMatch(in: text) != nil
                #expect(ours.hasMatch(in: text) == expected, "\(pattern) on \"\(text)\"")
                checked += 1
            }
        }
        #expect(checked == 3_200)
    }

    @Test func catastrophicPatternsRunInLinearTime() throws {
        // Each would take longer than the age of the universe with backtracking.
        let text = String(repeating: "word ", count: 20_000) + "!"
        #expect(try matches("(.*a){20}", String(repeating: "a", count: 30) + String(repeating: "b", count: 20_000)))
        #expect(try !matches("(.*a){20}", String(repeating: "b", count: 20_000)))
        #expect(try matches("(\\w+\\s?)*$", text))
        #expect(try !matches("^(\\w+\\s?)*$", text))
        #expect(try !matches("^(a|aa)+$", String(repeating: "a", count: 50_000) + "b"))
    }

    @Test func aLongMatchStopsWhenCancelled() throws {
        let regex = try LinearRegex("(.*a){20}z")
        var polls = 0
        let outcome = regex.hasMatch(in: String(repeating: "a", count: 1_000_000)) {
            polls += 1
            return polls > 2
        }
        #expect(outcome == nil)
        #expect(polls == 3)  // once before it starts, then every 4,096 characters
        #expect(regex.hasMatch(in: "a") { true } == nil)
    }

    @Test func unsupportedAndMalformedPatternsSayWhereAndWhy() {
        func problem(_ pattern: String) -> RegexSyntaxError? {
            do { _ = try LinearRegex(pattern); return nil } catch { return error }
        }
        #expect(problem("(a)\\1")?.message == "back-references are not supported")
        #expect(problem("Putin(?= met)")?.message == "lookahead and lookbehind are not supported")
        #expect(problem("(?<=a)b")?.message == "lookahead and lookbehind are not supported")
        #expect(problem("ab(c")?.offset == 2)
        #expect(problem("ab)")?.message == "unmatched ')'")
        #expect(problem("[a-")?.message == "'[' is never closed")
        #expect(problem("[z-a]")?.message == "the range 'z-a' is out of order")
        #expect(problem("*a")?.message == "'*' has nothing to repeat")
        #expect(problem("a**")?.message == "a quantifier cannot follow another")
        #expect(problem("a{2000}")?.message == "a count in '{…}' is at most 1000")
        #expect(problem("(a{1000}){1000}")?.message.hasPrefix("the regular expression is too large") == true)
        #expect(problem(String(repeating: "(", count: 5_000))?.message == "groups nest more than 100 deep")
        #expect(problem("\\q")?.message == "unknown escape '\\q'")
        #expect(problem("\\p{Foo}")?.message == "unknown Unicode property 'Foo'")
    }

    @Test func theQueryErrorPointsInsideTheString() throws {
        let diagnostic = try #require(Fixture.diagnostic(#"documents | where title matches "ab\\1""#))
        #expect(diagnostic.code == .invalidRegex)
        #expect(diagnostic.range?.start.column == 36)  // the backslash, written twice in the string
        #expect(diagnostic.range?.end.column == 38)
    }

    @Test func matchesInQueries() throws {
        #expect(try Fixture.scalar(#"documents | where title matches "^(Putin|ICC) " | count"#) == .int(2))
        #expect(try Fixture.scalar(#"documents | where text matches "(.*a){20}" | count"#) == .int(0))
        #expect(try Fixture.scalar(#"entities | where name matches "(?i)^xi\\b" | count"#) == .int(2))
    }
}
