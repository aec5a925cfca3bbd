import DossierCore
import DossierDemoCorpus
import DossierQuery
import DossierShell
import DossierStore
import Foundation
import Testing
@testable import DossierNotebook

/// Cells run in a notebook session on a workspace of the two seed articles: what each gives as
/// outputs, and how cells share the shell's state.
@Suite("Notebook session")
struct NotebookSessionTests {
    /// A session on a new workspace of the seeds, in a folder the caller removes.
    static func session() throws -> (NotebookSession, folder: String, log: Log) {
        let folder = NSTemporaryDirectory() + "dossier-notebook-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let seeds = DemoCorpus.files.filter { $0.path.contains("/seeds/") }.map(\.path)
        let report = try Workspace.open(at: folder + "/seeds.sqlite", createIfMissing: true).ingest(paths: seeds)
        #expect(report.added == 2)
        let log = Log()
        let session = NotebookSession(log: { log.text += $0 })
        #expect(session.open(workspace: folder + "/seeds.sqlite") == nil)
        return (session, folder, log)
    }

    final class Log { var text = "" }

    static func run(_ code: String, in session: NotebookSession, count: Int = 1) -> (NotebookSession.Outcome, [CellOutput]) {
        var outputs: [CellOutput] = []
        let outcome = session.execute(code, count: count) { outputs.append($0) }
        return (outcome, outputs)
    }

    @Test func theLastResultIsTheCellsResultAndEarlierOnesAreDisplays() throws {
        let (session, folder, _) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (outcome, outputs) = Self.run("documents | count\nentities | where kind == person | select name | sort name | take 2", in: session)
        #expect(outcome == .success)
        guard outputs.count == 2, case .display(let count) = outputs[0], case .result(let table) = outputs[1] else {
            Issue.record("outputs: \(outputs)")
            return
        }
        #expect(count.plainText == "2\n" && count.data.map(\.type) == ["text/plain"])
        #expect(table.data.map(\.type) == ["text/html", "text/plain"])
        #expect(table.plainText == "name\n─────────────\nLi Hongzhong\nSergei Shoigu\n(2 rows)\n")
        #expect(table["text/html"]?.string == """
            <table class="dossier-result">
            <thead>
            <tr><th>name</th></tr>
            </thead>
            <tbody>
            <tr><td>Li Hongzhong</td></tr>
            <tr><td>Sergei Shoigu</td></tr>
            </tbody>
            </table>
            <p class="dossier-count">(2 rows)</p>

            """)
    }

    @Test func namesParametersAndSettingsCarryFromCellToCell() throws {
        let (session, folder, _) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, first) = Self.run("let trips = @putin | relations | where predicate == visit\nparam who: entity = @putin\n.mode csv", in: session)
        #expect(first.count == 1)
        guard case .stream("stdout", let text)? = first.first else { Issue.record("\(first)"); return }
        #expect(text.hasPrefix("trips = ") && text.hasSuffix(" relations\n"))
        let (outcome, second) = Self.run("$who | select name", in: session, count: 2)
        #expect(outcome == .success && second == [.result(MimeBundle(data: [("text/plain", .string("name\nVladimir Putin\n"))]))])
        let (_, third) = Self.run(".mode table\n.maxrows 1\ntrips | select object", in: session, count: 3)
        guard case .result(let table)? = third.last else { Issue.record("\(third)"); return }
        #expect(table.plainText.contains("shown, .maxrows sets how many"))
        #expect(table["text/html"]?.string?.contains("<td>…</td>") == true)
    }

    @Test func anErrorStopsTheCellWithItsCaretExcerpt() throws {
        let (session, folder, _) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (outcome, outputs) = Self.run("documents | count\ndocuments | where titel == \"x\"\ndocuments | count\n.mode csv", in: session, count: 4)
        let traceback = [
            "error: documents have no field 'titel'", " --> In[4]:2:19", "  |", "2 | documents | where titel == \"x\"",
            "  |                   ^^^^^ help: did you mean 'title'?",
            "  = note: documents have the fields: id, title, date, source, url, words, text",
            "(the 2 statements after it in this cell did not run)",
        ]
        #expect(outcome == .failure(name: "DossierError", value: "documents have no field 'titel'", traceback: traceback))
        #expect(outputs.count == 2)
        #expect(outputs.last == .error(name: "DossierError", value: "documents have no field 'titel'", traceback: traceback))
        #expect(session.shell.format == .table, "nothing after the error ran")
    }

    @Test func aCancelledQueryIsAnErrorOfItsOwn() {
        let outcome = NotebookSession.failure(Diagnostic(.error, .cancelled, "cancelled"), source: nil, notRun: 1)
        #expect(outcome == .failure(name: "Cancelled", value: "cancelled",
                                    traceback: ["cancelled: the query was interrupted; the 1 statement after it did not run"]))
    }

    @Test func chartsAndNetworksAreDrawn() throws {
        let (session, folder, _) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, timeline) = Self.run("documents | during 2023 | timeline by quarter", in: session)
        guard case .result(let chart)? = timeline.first else { Issue.record("\(timeline)"); return }
        #expect(chart.data.map(\.type) == ["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"])
        let specification = try #require(chart["application/vnd.vegalite.v5+json"])
        #expect(specification["$schema"]?.string == "https://vega.github.io/schema/vega-lite/v5.json")
        #expect(specification["encoding"]?["x"]?["type"]?.string == "temporal" && specification["encoding"]?["x2"]?["field"]?.string == "end")
        let values = specification["data"]?["values"]?.array ?? []
        #expect(values.map { $0["label"]?.string ?? "" } == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"])
        #expect(values.map { $0["value"]?.integer ?? -1 } == [0, 0, 1, 0])
        #expect(values.first?["start"]?.string == "2023-01-01" && values.first?["end"]?.string == "2023-04-01")
        // A table asked for with render table stays a table.
        let (_, table) = Self.run("documents | during 2023 | timeline by quarter | render table", in: session)
        guard case .result(let asked)? = table.first else { Issue.record("\(table)"); return }
        #expect(asked.data.map(\.type) == ["text/html", "text/plain"])
        let (_, bars) = Self.run("@putin | relations | count by predicate | render bar", in: session)
        guard case .result(let barChart)? = bars.first else { Issue.record("\(bars)"); return }
        #expect(barChart["application/vnd.vegalite.v5+json"]?["encoding"]?["y"]?["type"]?.string == "nominal")
        let (_, graph) = Self.run("@putin | relations | graph", in: session)
        guard case .result(let network)? = graph.first else { Issue.record("\(graph)"); return }
        #expect(network.data.map(\.type) == ["image/svg+xml", "text/plain"])
        #expect(network["image/svg+xml"]?.string?.contains("<title>Vladimir Putin</title>") == true)
        #expect(network.plainText.contains(" —visit→ "))
        // Data modes give data, not pictures.
        let (_, json) = Self.run(".mode json\ndocuments | during 2023 | timeline by quarter", in: session)
        guard case .result(let data)? = json.first else { Issue.record("\(json)"); return }
        #expect(data.data.map(\.type) == ["application/json", "text/plain"])
        #expect(data["application/json"]?.array?.count == 4)
    }

    @Test func messagesGoToTheLogBetweenCells() throws {
        let (session, folder, log) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(session.open(workspace: folder + "/missing.sqlite") != nil)
        #expect(log.text.contains("missing.sqlite"))
        #expect(!session.applyParameters(["nobody=1"], script: "documents | count", sourceName: "nb.ipynb"))
        #expect(log.text.contains("nb.ipynb declares no parameter 'nobody'"))
    }

    @Test func completionTakesTheStatementAtTheCursor() {
        let code = "documents | count\nentities\n| where ki\n.mode cs"
        #expect(NotebookCells.statementPrefix(of: code, cursor: 37) == "entities\n| where ki")
        #expect(NotebookCells.statementPrefix(of: code, cursor: code.unicodeScalars.count) == ".mode cs")
        #expect(NotebookCells.statementPrefix(of: code, cursor: 5) == "docum")
        #expect(NotebookCells.statementPrefix(of: "documents | where (\n  ti", cursor: 24) == "documents | where (\n  ti")
    }

    @Test func inspectionFindsTheWordAtTheCursor() {
        let code = "@\"Vladimir Putin\" | relations | where predicate == visit # graph\n.mode csv"
        #expect(NotebookCells.word(in: code, at: 3) == "@\"Vladimir Putin\"")
        #expect(NotebookCells.word(in: code, at: 22) == "relations")
        #expect(NotebookCells.word(in: code, at: 29) == "relations")
        #expect(NotebookCells.word(in: code, at: 31) == nil)
        #expect(NotebookCells.word(in: code, at: 42) == "predicate")
        #expect(NotebookCells.word(in: code, at: 68) == ".mode")
        #expect(NotebookCells.word(in: "$who | count", at: 2) == "$who")
        #expect(NotebookCells.word(in: "documents | search \"where\"", at: 22) == nil)
        #expect(NotebookCells.word(in: "@Dover:location | count", at: 4) == "@Dover:location")
    }

    @Test func helpExplainsOneWord() throws {
        let (session, folder, _) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(session.shell.help(for: "kwic")?.hasPrefix("| kwic [width N] · kwic \"word\" [width N]\n") == true)
        #expect(session.shell.help(for: "evidence") == "evidence: a field of relations (String)\n")
        #expect(session.shell.help(for: "modality")?.contains("one of: asserted, planned, canceled, reported, hypothetical") == true)
        #expect(session.shell.help(for: "lower") == "lower(text): the text in lower case\n")
        #expect(session.shell.help(for: ".maxrows")?.hasPrefix(".maxrows [N|0|auto]\n") == true)
        #expect(session.shell.help(for: "visit") == "visit: a case of Predicate, as in predicate == visit\n")
        #expect(session.shell.help(for: "@putin")?.contains("  kind: person") == true)
        #expect(session.shell.help(for: "@nobody")?.hasPrefix("unknown entity") == true)
        let documents = try #require(session.shell.help(for: "documents"))
        #expect(documents.hasPrefix("documents (docs): a source, 2 rows here; its fields:\n"))
        #expect(documents.contains("| documents\n  rows linked to documents → documents"))
        #expect(session.shell.help(for: "xyzzy") == nil)
    }

    @Test func notebookTablesWriteNumbersAsTheShellDoes() {
        let html = HTMLTable.render(columns: ["float", "int"], rows: [[.float(3), .int(3)]], rowLimit: nil, showsHeaders: true)
        #expect(html.contains(">3.0</td>") && html.contains(">3</td>"))
    }
}
