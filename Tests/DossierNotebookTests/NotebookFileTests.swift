import DossierCore
import Foundation
import Testing
@testable import DossierNotebook

/// Notebook files: JSON read with its places, and written as Jupyter writes it.
@Suite("Notebook files")
struct NotebookFileTests {
    @Test func jsonIsReadWithItsKeyOrderAndEscapes() throws {
        let value = try JSONParser.parse(#"{"b": [1, 2.5, -3e2, true, null], "a": "line\nnext \"q\" \u00e9 \ud83d\ude00 \/"}"#)
        #expect(value.members?.map(\.key) == ["b", "a"])
        #expect(value["b"]?.array == [.integer(1), .number(2.5), .number(-300), .boolean(true), .null])
        #expect(value["a"]?.string == "line\nnext \"q\" é 😀 /")
        #expect(try JSONParser.parse("  []  ") == .array([]))
    }

    @Test func malformedJSONSaysWhere() {
        for (text, message, line, column) in [
            ("{\"a\": 1,\n \"b\" 2}", "malformed JSON: expected ':' after the key \"b\"", 2, 6),
            ("[1, 2", "malformed JSON: expected ',' or ']' in an array", 1, 6),
            ("{\"a\": \"open}", "malformed JSON: unterminated string", 1, 7),
            ("[01x]", "malformed JSON: expected ',' or ']' in an array", 1, 4),
            ("{} x", "malformed JSON: unexpected text after the JSON value", 1, 4),
        ] {
            do {
                _ = try JSONParser.parse(text, sourceName: "nb.ipynb")
                Issue.record("\(text) was read")
            } catch {
                #expect(error.message == message, "\(text)")
                #expect(error.range?.start.line == line && error.range?.start.column == column, "\(text): \(String(describing: error.range))")
                #expect(error.sourceName == "nb.ipynb")
            }
        }
    }

    @Test func jsonIsWrittenAsPythonWritesIt() {
        let value: JSONValue = .object([("z", .array([])), ("a", .object([("y", .string("é\t\u{8}")), ("x", .number(0.5))])), ("m", .object([]))])
        #expect(value.pythonText() == "{\n \"a\": {\n  \"x\": 0.5,\n  \"y\": \"é\\t\\b\"\n },\n \"m\": {},\n \"z\": []\n}")
        let numbers: [Double] = [1, 0.1, 1e-5, 1e15, 1e16, 123456789012345.6]
        #expect(numbers.map { JSONValue.number($0).pythonText() } == ["1.0", "0.1", "1e-05", "1000000000000000.0", "1e+16", "123456789012345.6"])
    }

    @Test func textSplitsIntoLinesAsPythonSplitsThem() {
        #expect(PythonText.splitLines("a\nb\r\nc\rd") == ["a\n", "b\r\n", "c\r", "d"])
        #expect(PythonText.splitLines("one\n") == ["one\n"])
        #expect(PythonText.splitLines("").isEmpty)
        #expect(JSONValue.lines("x\ny") == .array([.string("x\n"), .string("y")]))
    }

    @Test func notebooksAreReadAndTheirCellsWritten() throws {
        let text = """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# Title"},
                       {"cell_type": "code", "metadata": {"tags": ["raises-exception"]}, "execution_count": null, "outputs": [],
                        "source": ["documents\\n", "| count"]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """
        var document = try NotebookDocument(json: try JSONParser.parse(text), sourceName: "nb.ipynb")
        #expect(document.cells.map(\.type) == ["markdown", "code"])
        #expect(document.cells[1].source == "documents\n| count" && document.cells[1].mayFail)
        document.setOutputs(ofCell: 1, to: [CellOutput.stream(name: "stdout", text: "a\nb\n").notebookJSON(count: 1)], executionCount: 1)
        document.recordKernel(displayName: "Dossier")
        let written = document.text
        #expect(written.hasSuffix("}\n"))
        #expect(written.contains("\"source\": [\n    \"documents\\n\",\n    \"| count\"\n   ]"))
        #expect(written.contains("\"text\": [\n      \"a\\n\",\n      \"b\\n\"\n     ]"))
        #expect(written.contains("\"execution_count\": 1"))
        #expect(written.contains("\"kernelspec\": {\n   \"display_name\": \"Dossier\",\n   \"language\": \"dql\",\n   \"name\": \"dossier\"\n  }"))
        let reread = try NotebookDocument(json: try JSONParser.parse(written), sourceName: "again")
        #expect(reread.text == written)
        #expect(reread.language == "dql")
    }

    @Test func otherFilesAreRefused() throws {
        #expect(throws: Diagnostic.self) { try NotebookDocument(json: try JSONParser.parse(#"{"cells": [], "nbformat": 3}"#), sourceName: "old.ipynb") }
        #expect(throws: Diagnostic.self) { try NotebookDocument(json: try JSONParser.parse(#"[1]"#), sourceName: "list.ipynb") }
        #expect(throws: Diagnostic.self) { try NotebookDocument(path: "/no/such/notebook.ipynb") }
    }

    @Test func outputsBecomeNbformatOutputs() throws {
        let bundle = MimeBundle(data: [("text/html", .string("<b>x</b>\n<i>y</i>")), ("image/svg+xml", .string("<svg>\n</svg>\n")),
                                       ("application/vnd.vegalite.v5+json", .object([("mark", .string("bar"))])), ("text/plain", .string("x\n"))])
        let result = CellOutput.result(bundle).notebookJSON(count: 3)
        #expect(result["output_type"]?.string == "execute_result" && result["execution_count"] == .integer(3))
        #expect(result["data"]?["text/html"] == .array([.string("<b>x</b>\n"), .string("<i>y</i>")]))
        #expect(result["data"]?["image/svg+xml"] == .array([.string("<svg>\n"), .string("</svg>\n")]))
        #expect(result["data"]?["application/vnd.vegalite.v5+json"]?["mark"]?.string == "bar")
        let error = CellOutput.error(name: "DossierError", value: "no", traceback: ["error: no"]).notebookJSON(count: 1)
        #expect(error["traceback"] == .array([.string("error: no")]) && error["ename"]?.string == "DossierError")
    }

    @Test func kernelSpecificationsStartThisExecutable() throws {
        let folder = NSTemporaryDirectory() + "dossier-kernelspec-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let installed = try KernelSpecification.install(name: "dossier-news", displayName: "Dossier (news)", workspace: "/data/news.sqlite",
                                                        dataFolder: folder, executable: "/usr/local/bin/dossier")
        #expect(installed == folder + "/kernels/dossier-news")
        let json = try JSONParser.parse(try String(contentsOfFile: installed + "/kernel.json", encoding: .utf8))
        #expect(json["argv"]?.array?.compactMap(\.string)
            == ["/usr/local/bin/dossier", "notebook", "kernel", "--workspace", "/data/news.sqlite", "--connection-file", "{connection_file}"])
        #expect(json["language"]?.string == "dql" && json["interrupt_mode"]?.string == "signal" && json["display_name"]?.string == "Dossier (news)")
        #expect(FileManager.default.fileExists(atPath: installed + "/logo-svg.svg"))
        #expect(throws: Diagnostic.self) {
            try KernelSpecification.install(name: "a b", displayName: "x", workspace: nil, dataFolder: folder, executable: "/x")
        }
    }
}
