import DossierCore
import Foundation
import Testing
@testable import DossierShell
@testable import LineEditing

/// How scripts are read: where a statement that swallowed the lines after it began, and the history file.
@Suite("Script input")
struct ScriptInputTests {
    private func runScript(_ text: String) -> (status: Int32, output: String, messages: String) {
        let (session, transcript) = ShellSessionTests.session()
        let status = ScriptRunner(session: session).run(text: text, sourceName: "a.dq")
        return (status, transcript.output, transcript.messages)
    }

    @Test func anUnclosedBracketSaysWhichLinesItSwallowed() {
        let outcome = runScript("documents | count\ndocuments | where (title contains \"x\"\ndocuments | count\nentities | count\n")
        #expect(outcome.status == 1)
        #expect(outcome.output == "0\n")
        #expect(outcome.messages.contains(" --> a.dq:3:1"))
        #expect(outcome.messages.contains(
            "note: the '(' opened at line 2, column 19 is never closed, so lines 3–4 were read as part of the statement that began at line 2"))
    }

    @Test func anUnterminatedStringSaysWhichLinesItSwallowed() {
        let outcome = runScript("documents | where title == \"x\ndocuments | count\n")
        #expect(outcome.messages.contains("error: unterminated string\n --> a.dq:1:28"))
        #expect(outcome.messages.contains(
            "note: the string opened at line 1, column 28 is never closed, so line 2 was read as part of the statement that began at line 1"))
    }

    @Test func aBracketClosedLaterStillExplainsTheError() {
        let outcome = runScript("documents | where title in [\"a\"\ndocuments | count]\n")
        #expect(outcome.messages.contains("note: the '[' opened at line 1, column 28 was still open at the end of its line"))
    }

    @Test func aStatementOnOneLineGetsNoNote() {
        let outcome = runScript("documents | where (title == \"x\"\n")
        #expect(outcome.messages.contains("error: '(' is never closed"))
        #expect(!outcome.messages.contains("note:"))
    }

    @Test func historyEntriesAreAppendedAndLibeditReadsThemBack() throws {
        let path = NSTemporaryDirectory() + "dossier-history-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entries = ["documents | count", "documents | where title == \"a\\\\b\" # é", "let x = @\"Xi Jinping\"\tx", ".mode csv"]
        for entry in entries { HistoryFile.append(entry, to: path) }
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.hasPrefix("_HiStOrY_V2_\n"))
        #expect(file.split(separator: "\n").count == entries.count + 1)
        #expect(HistoryFile.entries(at: path) == entries)
    }
}
