import DossierQuery
import Testing
@testable import DossierShell

@Suite("Renderers")
struct RendererTests {
    let result = ResultSet.table(columns: ["name", "kind", "mentions"], rows: [
        [.string("Vladimir Putin"), .string("person"), .int(12)],
        [.string("Li, \"Hongzhong\""), .null, .int(3)],
    ])

    /// One value model and one way to write a number: a whole Float keeps its `.0` in every format
    /// and in the value's own text, an Int never has one.
    @Test func everyFormatWritesNumbersTheSameWay() {
        let numbers = ResultSet.table(columns: ["float", "fraction", "int"], rows: [[.float(3), .float(0.25), .int(3)]])
        #expect(TableRenderer(showsHeaders: false).render(numbers) == "3.0  0.25  3\n")
        #expect(CSVRenderer(showsHeaders: false).render(numbers) == "3.0,0.25,3\n")
        #expect(JSONRenderer().render(numbers) == "[\n  {\"float\": 3.0, \"fraction\": 0.25, \"int\": 3}\n]\n")
        #expect(MarkdownRenderer().render(numbers).contains("| 3.0 | 0.25 | 3 |"))
        #expect(LineRenderer().render(.scalar(name: "x", value: .float(3))) == "x = 3.0\n")
        #expect([Value.float(3), .float(0.25), .int(3), .list([.float(1), .int(1)])].map(\.displayText) == ["3.0", "0.25", "3", "1.0, 1"])
        #expect(Value.float(.nan).jsonText == "null" && Value.float(.infinity).displayText == "inf")
    }

    @Test func tableAlignsColumnsAndNumbers() {
        #expect(TableRenderer().render(result) == """
            name             kind    mentions
            ───────────────  ──────  ────────
            Vladimir Putin   person        12
            Li, "Hongzhong"                 3
            (2 rows)

            """)
    }

    @Test func tableCutsLongValuesAndFlattensLineBreaks() {
        let long = ResultSet.table(columns: ["text"], rows: [[.string("one\ntwo three four")]])
        #expect(TableRenderer(maximumWidth: 10).render(long) == "text\n──────────\none two t…\n(1 row)\n")
    }

    @Test func scalarsPrintBare() {
        let count = ResultSet.scalar(name: "count", value: .int(173))
        #expect(TableRenderer().render(count) == "173\n")
        #expect(CSVRenderer().render(count) == "count\n173\n")
        #expect(JSONRenderer().render(count) == "[\n  {\"count\": 173}\n]\n")
    }

    @Test func csvQuotesWhatNeedsQuoting() {
        #expect(CSVRenderer().render(result) == "name,kind,mentions\nVladimir Putin,person,12\n\"Li, \"\"Hongzhong\"\"\",,3\n")
    }

    @Test func jsonWritesOneObjectPerRow() {
        #expect(JSONRenderer().render(result) == """
            [
              {"name": "Vladimir Putin", "kind": "person", "mentions": 12},
              {"name": "Li, \\"Hongzhong\\"", "kind": null, "mentions": 3}
            ]

            """)
        #expect(JSONRenderer().render(.table(columns: ["a"], rows: [])) == "[]\n")
    }

    @Test func markdownEscapesPipes() {
        let table = ResultSet.table(columns: ["a|b", "n"], rows: [[.string("x\ny"), .int(1)]])
        #expect(MarkdownRenderer().render(table) == "| a\\|b | n |\n| --- | ---: |\n| x<br>y | 1 |\n")
    }
}

@Suite("StatementAssembler")
struct StatementAssemblerTests {
    @Test func joinsContinuationLinesAndSplitsCommands() {
        var assembler = StatementAssembler(interactive: false)
        var chunks: [InputChunk] = []
        let script = ["# a comment", "documents", "  | where date >= 2019-03", "", "| count", ".mode csv", "entities |", "  count", "mentions;"]
        for (index, line) in script.enumerated() { chunks += assembler.add(line, number: index + 1) }
        #expect(chunks == [
            .statements("documents\n  | where date >= 2019-03\n\n| count", firstLine: 2),
            .command(".mode csv", line: 6),
            .statements("entities |\n  count", firstLine: 7),
            .statements("mentions;", firstLine: 9),
        ])
        #expect(assembler.finish().isEmpty)
    }

    @Test func interactiveInputWaitsWhileMoreLinesHaveArrived() {
        var assembler = StatementAssembler(interactive: true)
        #expect(assembler.add("documents", number: 1, moreInputWaiting: true).isEmpty)
        #expect(assembler.pendingText == "documents")
        #expect(assembler.add("  | count", number: 2) == [.statements("documents\n  | count", firstLine: 1)])
        #expect(assembler.add("entities", number: 3, moreInputWaiting: true).isEmpty)
        #expect(assembler.add("mentions | count", number: 4) == [.statements("entities", firstLine: 3), .statements("mentions | count", firstLine: 4)])
    }

    @Test func interactiveInputRunsEachCompleteLine() {
        var assembler = StatementAssembler(interactive: true)
        #expect(assembler.add("documents | count", number: 1) == [.statements("documents | count", firstLine: 1)])
        #expect(assembler.add("entities | where kind in [person,", number: 2).isEmpty)
        #expect(assembler.isInsideStatement)
        #expect(assembler.add("  organization]", number: 3) == [.statements("entities | where kind in [person,\n  organization]", firstLine: 2)])
        #expect(!assembler.isInsideStatement)
    }
}

@Suite("DotCommand")
struct DotCommandTests {
    @Test func parsesCommands() throws {
        #expect(try DotCommand.parse(".mode csv") == .mode(.csv))
        #expect(try DotCommand.parse(".mode") == .mode(nil))
        #expect(try DotCommand.parse(".open \"my workspace.sqlite\"") == .open(path: "my workspace.sqlite"))
        #expect(try DotCommand.parse(".open") == .open(path: nil))
        #expect(try DotCommand.parse(".ingest a.txt 'b c/*.jsonl'") == .ingest(paths: ["a.txt", "b c/*.jsonl"]))
        #expect(try DotCommand.parse(".exit") == .quit)
        #expect(try DotCommand.parse(".read ~/a.dq") == .read(path: "~/a.dq"))
        #expect(try DotCommand.parse(".schema") == .fields(source: nil))
        #expect(try DotCommand.parse(".fields relations") == .fields(source: "relations"))
        #expect(try DotCommand.parse(".maxrows 0") == .maximumRows(.unlimited))
        #expect(try DotCommand.parse(".maxrows auto") == .maximumRows(.automatic))
        #expect(try DotCommand.parse(".width 100") == .width(.exactly(100)))
        #expect(try DotCommand.parse(".headers off") == .headers(false))
        #expect(try DotCommand.parse(".timer on") == .timer(true))
        #expect(try DotCommand.parse(".output") == .output(path: nil))
        #expect(try DotCommand.parse(".once out.csv") == .once(path: "out.csv"))
        #expect(try DotCommand.parse(".param") == .parameter(.list))
        guard case .parameter(.set(let name, let value, let range)) = try DotCommand.parse(".param set $who Vladimir Putin") else {
            Issue.record("expected .param set")
            return
        }
        #expect(name == "who" && value == "Vladimir Putin" && range.start.column == 17)
        #expect(throws: Diagnostic.self) { try DotCommand.parse(".maxrows many") }
        #expect(throws: Diagnostic.self) { try DotCommand.parse(".headers maybe") }
        #expect(throws: Diagnostic.self) { try DotCommand.parse(".param sett who x") }
        #expect(throws: Diagnostic.self) { try DotCommand.parse(".once") }
    }

    @Test func pointsAtWhatIsWrong() {
        #expect(throws: Diagnostic.self) { try DotCommand.parse(".ingest") }
        do {
            _ = try DotCommand.parse(".mode xml", lineNumber: 4)
            Issue.record("accepted an unknown mode")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.range?.start.line == 4 && error.range?.start.column == 7)
            #expect(error.notes == ["the modes are: table, line, csv, json, markdown"])
        }
        do {
            _ = try DotCommand.parse(".opne w.sqlite")
            Issue.record("accepted an unknown command")
        } catch {
            #expect(error.code == .unknownCommand)
            #expect(error.help?.message == "did you mean '.open'?")
        }
    }
}

import DossierCore
