import DossierCore
import Foundation
import Testing
@testable import DossierStore

@Suite("SearchWords")
struct SearchWordsTests {
    private func expression(_ words: String) -> String? { try? SearchWords.expression(for: words) }

    private func problem(_ words: String) -> SearchWords.Problem? {
        do { _ = try SearchWords.expression(for: words); return nil } catch { return error }
    }

    @Test func wordsAreQuotedAndOperatorsKept() {
        #expect(expression("arrest warrant") == #""arrest" AND "warrant""#)
        #expect(expression("Xi's visit to the U.S.") == #""Xi's" AND "visit" AND "to" AND "the" AND "U.S.""#)
        #expect(expression(#""state of emergency" OR curfew"#) == #""state of emergency" OR "curfew""#)
        #expect(expression("sanction* NOT Iran") == #""sanction"* NOT "Iran""#)
        #expect(expression("(putin OR xi) AND summit") == #"("putin" OR "xi") AND "summit""#)
        #expect(expression("NEAR(putin xi, 5)") == #"NEAR("putin" "xi", 5)"#)
        #expect(expression("near or not and") == #""near" AND "or" AND "not" AND "and""#)
        #expect(expression(#""say ""no"" now""#) == #""say ""no"" now""#)
    }

    @Test func problemsSayWhere() {
        #expect(problem(#"a "b"#) == .init(message: "the quoted phrase is never closed", offset: 2, length: 1))
        #expect(problem("* a") == .init(message: "'*' marks a prefix and goes right after a word, as in 'sanction*'", offset: 0, length: 1))
        #expect(problem("a OR OR b") == .init(message: "OR needs words on both sides", offset: 2, length: 2))
        #expect(problem("NOT a")?.message == "NOT needs words on both sides")
        #expect(problem("a ()")?.message == "'()' holds no words")
        #expect(problem("NEAR(a)")?.message == "NEAR(…) needs two or more words or phrases")
        #expect(problem("NEAR(a b, x)")?.message == "NEAR(…, N) ends with a number of words")
        #expect(problem("a, b")?.message == "',' belongs inside NEAR(…), as in NEAR(putin xi, 5)")
        #expect(problem("   ")?.message == "the search has no words")
        #expect(problem(String(repeating: "(", count: 10_000) + "a")?.message == "parentheses nest more than 100 deep")
    }

    @Test func theWorkspaceSearchesWithTheTranslation() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        _ = try workspace.add([WorkspaceTests.annotated("a", "Xi's visit to the U.S. was planned."),
                               WorkspaceTests.annotated("b", "The sanctions on Russia stay.")])
        // Before, each of these was "fts5: syntax error near …".
        #expect(try workspace.documents(matching: "Xi's") == ["a"])
        #expect(try workspace.documents(matching: "U.S.") == ["a"])
        #expect(try workspace.documents(matching: "sanction* OR visit") == ["a", "b"])
        do {
            _ = try workspace.documents(matching: "visit *")
            Issue.record("a stray '*' was accepted")
        } catch {
            #expect(error.code == .invalidSearchWords)
        }
    }
}
