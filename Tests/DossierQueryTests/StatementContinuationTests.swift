import DossierCore
import Testing
@testable import DossierQuery

@Suite("StatementContinuation")
struct StatementContinuationTests {
    @Test func followsTheLexersRules() {
        let cases: [(String, Bool)] = [
            ("documents |", true), ("documents | count", false), ("documents | where kind in [person,", true),
            ("documents | where title == \"Put", true), ("documents | where title == \"a|\"", false),
            ("documents | # more to come", true), ("documents | where title == \"a\\\"", true),
            ("documents | where (a == [1, 2]) and", false), ("@\"Xi Jin", true), ("documents | where x == \"#\" |", true),
            ("documents ) | count", false), ("", false),
        ]
        for (text, expected) in cases {
            #expect(StatementContinuation.needsMoreLines(after: text) == expected, "\(text)")
            #expect(QuerySession.needsContinuation(text) == expected, "\(text)")
        }
    }

    @Test func anEscapeAtTheEndOfALineTakesTheLineBreak() {
        // The lexer reads backslash-newline as an (unknown) escape inside the string, so the quote on
        // the next line closes the string rather than escaping.
        var continuation = StatementContinuation()
        continuation.add("documents | where title == \"a\\")
        #expect(continuation.needsMoreLines)
        continuation.add("\"")
        #expect(!continuation.needsMoreLines)
        #expect(!QuerySession.needsContinuation("documents | where title == \"a\\\n\""))
    }

    @Test func remembersTheOpenerThatCarriedTheStatementOn() {
        var continuation = StatementContinuation(firstLine: 7)
        continuation.add("documents | where (title contains \"x\"")
        continuation.add("documents | count")
        #expect(continuation.needsMoreLines)
        #expect(continuation.firstCarriedOpener == .init(text: "(", location: SourceLocation(line: 7, column: 19, offset: 0)))
        #expect(continuation.lineCount == 2)
    }

    @Test func aPipelineOfThousandsOfLinesIsOneStatement() throws {
        let text = "documents\n" + String(repeating: "| take 1\n", count: 4_000) + "| count"
        var continuation = StatementContinuation()
        for line in text.split(separator: "\n") { continuation.add(String(line)) }
        #expect(!continuation.needsMoreLines)
        #expect(try Fixture.scalar(text) == .int(1))
    }
}
