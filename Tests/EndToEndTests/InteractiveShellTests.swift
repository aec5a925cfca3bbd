import Foundation
import Testing

/// The interactive shell in a pseudo-terminal (tmux), on the demo corpus unless a test says otherwise.
@Suite("interactive shell", .serialized, .enabled(if: TerminalSession.isAvailable, "tmux is not installed"))
struct InteractiveShellTests {
    /// The shell on the demo corpus, at its first prompt; the caller closes it and removes its folder.
    static func shell(arguments: [String] = [], width: Int = 100) throws -> TerminalSession {
        let dossier = try DossierBinary(sharedCache: DossierBinary.demoCache)
        do {
            let session = try TerminalSession(dossier, arguments: arguments, width: width)
            try session.waitForPrompt(1)
            return session
        } catch {
            dossier.remove()
            throw error
        }
    }

    @Test func ctrlCCancelsARunningQueryAtOnce() throws {
        let shell = try Self.shell()
        defer { shell.close(); shell.dossier.remove() }
        // Seconds of work in a debug build, stopped within one document by the matcher.
        try shell.enter(#"documents | where text matches "(.*a){20}(.*e){20}(.*i){20}(.*o){20}" | count"#)
        usleep(700_000)
        let pressed = Date()
        try shell.press("C-c")
        let screen = try shell.waitFor("cancelled", timeout: 10)
        #expect(Date().timeIntervalSince(pressed) < 1.5, "cancelling took \(Date().timeIntervalSince(pressed)) s")
        try shell.waitForPrompt(2)
        // The shell goes on with the next query.
        try shell.enter("documents | count")
        #expect(try shell.waitFor("\n173\n").contains("173"))
        #expect(!screen.contains("\n171\n"))
    }

    @Test func ctrlCStopsPrintingALongResult() throws {
        let shell = try Self.shell()
        defer { shell.close(); shell.dossier.remove() }
        try shell.enter(".maxrows 0")
        try shell.enter(".mode csv")
        // Four results of 5,570 lines each, so that a fast machine cannot print them all before the
        // key arrives.
        try shell.enter(Array(repeating: "mentions | kwic width 50", count: 4).joined(separator: "; "))
        try shell.waitFor("document,left,match,right", timeout: 30)
        try shell.press("C-c")
        // Ctrl-C stops the line where it lands: in the printing of a result ("output stopped"), or,
        // when a result was already printed whole, in the evaluation of the next ("cancelled").
        func stopped(_ screen: String) -> Bool {
            screen.contains("(output stopped by Ctrl-C after")
                || screen.split(separator: "\n").contains { $0 == "cancelled" || $0.hasSuffix("^Ccancelled") }
        }
        var screen = try shell.screen()
        let deadline = Date().addingTimeInterval(20)
        while !stopped(screen) && Date() < deadline {
            usleep(50_000)
            screen = try shell.screen()
        }
        #expect(stopped(screen), "Ctrl-C stopped nothing:\n\(screen.suffix(2000))")
        if screen.contains("(output stopped by Ctrl-C after") { #expect(screen.contains("of 5570 lines)")) }
        #expect(screen.components(separatedBy: "document,left,match,right").count - 1 < 4, "all four results were printed")
        try shell.waitForPrompt(4, timeout: 20)
    }

    @Test func resultsFitTheScreen() throws {
        let shell = try Self.shell(width: 80)
        defer { shell.close(); shell.dossier.remove() }
        try shell.enter("entities")
        var screen = try shell.waitFor("(2314 rows; 40 shown, .maxrows sets how many)")
        try shell.enter("documents | select id, title, url, text")
        try shell.waitForPrompt(3)
        try shell.enter("documents | during 2019 | timeline by week | render bar")
        try shell.waitForPrompt(4)
        try shell.enter("times | timeline by month | render line")
        screen = try shell.waitForPrompt(5)
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 }, "a line is wider than the terminal:\n\(screen)")
        #expect(screen.contains("2019-W41     11  ████████████████████████████████████████"))
        // A long stretch of empty months is one row, not hundreds.
        #expect(screen.split(separator: "\n").contains { $0.wholeMatch(of: /\d{4}-\d{2}\.\.\d{4}-\d{2} +0/) != nil }, "\(screen)")
        for command in [".width 0", ".maxrows 3", ".mode line"] { try shell.enter(command) }
        try shell.waitForPrompt(8)
        try shell.enter("relations | where predicate == visit and subject == @putin | select subject, object, evidence | take 1")
        screen = try shell.waitForPrompt(9)
        #expect(screen.contains(" subject = Vladimir Putin\n  object = China\nevidence = Putin is scheduled to attend the Belt and Road Forum in China in October"))
        try shell.enter(".width")
        #expect(try shell.waitFor("0 (no limit)").contains("0 (no limit)"))
    }

    @Test func discoveryCommandsDescribeTheWorkspace() throws {
        let shell = try Self.shell(width: 120)
        defer { shell.close(); shell.dossier.remove() }
        try shell.enter(".sources")
        try shell.waitFor("relations          ")
        try shell.enter(".fields relations")
        try shell.waitFor("evidence   String")
        try shell.enter(".schema")
        try shell.waitFor("times      end        Int")
        try shell.enter(".stats")
        let screen = try shell.waitFor("entities   2,314: 777 person, 565 organization, 526 other")
        #expect(screen.contains("documents  173"))
        try shell.enter(".help")
        let help = try shell.waitFor("Sources and their fields")
        #expect(help.contains("relations         subject, predicate, object, time, negated, modality"))
        #expect(help.contains(".maxrows [N|0|auto]"))
    }

    @Test func theCommandsSqliteUsersReachFor() throws {
        let shell = try Self.shell()
        defer { shell.close(); shell.dossier.remove() }
        try shell.dossier.write("counts.dq", "documents | count\n  # a comment\nentities\n  | where kind == person\n  | count\n")
        try shell.enter(".open ~/w.sqlite")
        try shell.waitFor("Created an empty workspace at")
        try shell.enter(".ingest " + DossierBinary.seeds)
        try shell.waitFor("added 2 documents from 2 files; the workspace has 2 documents.")
        try shell.enter(".read ~/counts.dq")
        try shell.waitFor("\n2\n6\n")
        try shell.enter(".timer on")
        try shell.enter("documents | count")
        try shell.waitFor("run time: 0.")
        try shell.enter(".timer off")
        try shell.enter(".headers off")
        try shell.enter(".mode csv")
        try shell.enter(".once ~/once.csv")
        try shell.enter("entities | where kind == person | select name | sort name")
        try shell.enter(".output ~/all.txt")
        try shell.enter("documents | count")
        try shell.enter("mentions | count")
        try shell.enter(".output")
        try shell.enter("times | count")
        try shell.waitFor("\n18\n")
        #expect(try String(contentsOfFile: shell.dossier.path("once.csv"), encoding: .utf8)
            == "Li Hongzhong\nSergei Shoigu\nSergey Lavrov\nVladimir Putin\nXi Jinping\nYuri Ushakov\n")
        #expect(try String(contentsOfFile: shell.dossier.path("all.txt"), encoding: .utf8) == "2\n108\n")
        try shell.enter(".param set who @Xi Jinping")
        try shell.enter("$who | mentions | count")
        try shell.waitFor("\n3\n")
        try shell.enter(".param")
        try shell.waitFor("$who,(not declared),\"@\"\"Xi Jinping\"\" (set)\",")
    }

    @Test func aPastedScriptRunsAsItWouldFromAFile() throws {
        let shell = try Self.shell()
        defer { shell.close(); shell.dossier.remove() }
        try shell.paste("documents\n  | where words > 1000\n  | count\n# a comment\nentities\n| where kind == event\n| count\n")
        let screen = try shell.waitFor("\n48\n")
        #expect(screen.contains("\n4\n"))
        #expect(!screen.contains("error"))
    }

    @Test func anErrorAfterARecalledStatementPointsAtItsOwnLine() throws {
        let shell = try Self.shell()
        defer { shell.close(); shell.dossier.remove() }
        try shell.enter("documents |")
        try shell.enter("  count")
        try shell.waitFor("\n173\n")
        try shell.press("Up")
        usleep(300_000)
        try shell.press("Enter")
        try shell.waitFor("\n173\n", count: 2)
        try shell.enter("documents | where titel == 1")
        let screen = try shell.waitFor("did you mean 'title'?")
        #expect(screen.contains(" --> <input>:5:19\n  |\n5 | documents | where titel == 1\n  |                   ^^^^^"), "\(screen)")
    }

    @Test func tabCompletesByContext() throws {
        let shell = try Self.shell()
        defer { shell.close(); shell.dossier.remove() }
        try shell.dossier.write("analysis.dq", "documents | count\n")
        // Each completion ends with a space, so what is typed next is a word of its own.
        try shell.press("documents | select id, title as headline | where hea", "Tab")
        try shell.waitFor("where headline")
        try shell.enter("is null | count")
        try shell.waitFor("\n0\n")
        try shell.press("entities | where kind == org", "Tab")
        try shell.waitFor("kind == organization")
        try shell.enter("| count")
        try shell.waitFor("\n565\n")
        try shell.press("@\"Donald T", "Tab")
        try shell.waitFor("@\"Donald Trump\"  @\"Donald Tusk\"")
        try shell.press("r", "Tab")
        try shell.waitFor("dossier> @\"Donald Trump\"")
        try shell.enter("| mentions | count")
        try shell.waitFor("\n98\n")
        try shell.press(".read ~/ana", "Tab")
        try shell.waitFor(".read ~/analysis.dq")
        try shell.press("Enter")
        try shell.waitFor("\n173\n", count: 1)
    }

    @Test func anAmbiguousNameListsLiteralsThatNameOneEntity() throws {
        let shell = try Self.shell()
        defer { shell.close(); shell.dossier.remove() }
        // Koszalin, a city, is once typed an organisation; a place and an organisation of one name stay apart.
        try shell.enter("@koszalin | count")
        let screen = try shell.waitFor("= note: @Koszalin:location (location, 1 mention)")
        #expect(screen.contains("= note: @Koszalin:organization (organization, 1 mention)"))
        try shell.enter("@Koszalin:location | select name, kind")
        try shell.waitFor("Koszalin  location")
    }

    @Test func documentsAnotherProcessAddsAreNoticed() throws {
        let dossier = try DossierBinary(sharedCache: DossierBinary.demoCache)
        defer { dossier.remove() }
        let workspace = dossier.path("w.sqlite")
        _ = try dossier.run(["ingest", workspace, DossierBinary.seeds + "/000_a2bef38422b75170.txt"])
        let shell = try TerminalSession(dossier, arguments: ["-w", workspace])
        defer { shell.close() }
        try shell.waitForPrompt(1)
        try shell.enter("documents | count")
        try shell.waitFor("\n1\n")
        let ingest = try dossier.run(["ingest", workspace, DossierBinary.seeds])
        #expect(ingest.status == 0, "\(ingest.messages)")
        try shell.enter("documents | count")
        let screen = try shell.waitFor("\n2\n")
        #expect(screen.contains("The workspace changed on disk (1 document was added by another process); reloaded its index, now 2 documents."))
    }
}
