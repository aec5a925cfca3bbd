import Foundation
import Testing

/// `dossier notebook run` and `dossier notebook install-kernel`, run as a user would.
@Suite("dossier notebook", .serialized)
struct NotebookRunTests {
    /// A notebook of `cells`: markdown for text that starts with "# ", code otherwise; the code cells in
    /// `failing` are tagged raises-exception.
    static func notebook(_ cells: [String], failing: Set<Int> = []) -> String {
        let cells = cells.enumerated().map { index, text -> String in
            let source = "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
            if text.hasPrefix("# ") { return #"{"cell_type": "markdown", "metadata": {}, "source": \#(source)}"# }
            let tags = failing.contains(index) ? #"{"tags": ["raises-exception"]}"# : "{}"
            return #"{"cell_type": "code", "execution_count": null, "metadata": \#(tags), "outputs": [], "source": \#(source)}"#
        }
        return #"{"cells": [\#(cells.joined(separator: ", "))], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}"#
    }

    static func outputs(of path: String) throws -> [[[String: Any]]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let notebook = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (notebook["cells"] as! [[String: Any]]).filter { $0["cell_type"] as? String == "code" }.map { $0["outputs"] as! [[String: Any]] }
    }

    static func plainText(_ output: [String: Any]) -> String {
        if let text = output["text"] as? [String] { return text.joined() }
        let data = output["data"] as? [String: Any]
        return (data?["text/plain"] as? [String])?.joined() ?? (output["traceback"] as? [String])?.joined(separator: "\n") ?? ""
    }

    @Test func runsTheCellsInOrderWithParametersAndWritesTheOutputs() throws {
        let dossier = try DossierBinary(sharedCache: DossierBinary.demoCache)
        defer { dossier.remove() }
        try dossier.write("trips.ipynb", Self.notebook([
            "# Trips", "param who: entity = @putin\nparam since: time = 2023", "$who | select name",
            "let trips = $who | relations | where predicate == visit | during $since", "trips | count",
        ]))
        let run = try dossier.run(["notebook", "run", "trips.ipynb", "--param", "who=Xi Jinping", "-o", "out/ran.ipynb"])
        #expect(run.status == 1 && run.messages.contains("cannot be written"), "the folder out/ does not exist: \(run.messages)")
        let done = try dossier.run(["notebook", "run", "trips.ipynb", "--param", "who=Xi Jinping", "-o", "ran.ipynb"])
        #expect(done.status == 0, "\(done.messages)")
        #expect(done.messages.hasSuffix("ran 4 cells of trips.ipynb; wrote ran.ipynb\n"))
        let outputs = try Self.outputs(of: dossier.path("ran.ipynb"))
        #expect(outputs.count == 4 && outputs[0].isEmpty)
        #expect(Self.plainText(outputs[1][0]).contains("Xi Jinping"))
        #expect(Self.plainText(outputs[2][0]).hasPrefix("trips = "))
        #expect(outputs[3][0]["output_type"] as? String == "execute_result")
        // The input is left as it was; without -o it is updated in place.
        #expect(try Self.outputs(of: dossier.path("trips.ipynb")).allSatisfy(\.isEmpty))
        #expect(try dossier.run(["notebook", "run", "trips.ipynb"]).status == 0)
        #expect(Self.plainText(try Self.outputs(of: dossier.path("trips.ipynb"))[1][0]).contains("Vladimir Putin"))
        // A parameter the notebook does not declare is refused before anything runs.
        let unknown = try dossier.run(["notebook", "run", "trips.ipynb", "--param", "whom=xi", "-o", "-"])
        #expect(unknown.status == 1 && unknown.output.isEmpty)
        #expect(unknown.messages.contains("error: trips.ipynb declares no parameter 'whom'"), "\(unknown.messages)")
    }

    @Test func stopsAtTheFirstFailingCellUnlessItMayFail() throws {
        let dossier = try DossierBinary(sharedCache: DossierBinary.demoCache)
        defer { dossier.remove() }
        try dossier.write("errors.ipynb", Self.notebook(["documents | count", "documents | titel", "documents | where titel == 1", "documents | count"],
                                                        failing: [1]))
        let run = try dossier.run(["notebook", "run", "errors.ipynb", "-o", "-"])
        #expect(run.status == 1)
        #expect(run.messages.contains(" --> In[3]:1:19\n"), "\(run.messages)")
        #expect(run.messages.contains("stopped at cell 3 (In[3]) of errors.ipynb by the error above; the cells after it did not run"))
        let notebook = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        let cells = notebook["cells"] as! [[String: Any]]
        #expect(cells.map { $0["execution_count"] as? Int } == [1, 2, 3, nil])
        #expect((cells[1]["outputs"] as! [[String: Any]])[0]["output_type"] as? String == "error")
        #expect((cells[3]["outputs"] as! [[String: Any]]).isEmpty)
        #expect(((notebook["metadata"] as! [String: Any])["language_info"] as! [String: Any])["name"] as? String == "dql")
    }

    @Test func pathsInCellsAreReadFromTheNotebooksFolder() throws {
        let dossier = try DossierBinary(sharedCache: DossierBinary.demoCache)
        defer { dossier.remove() }
        try FileManager.default.createDirectory(atPath: dossier.path("analysis"), withIntermediateDirectories: true)
        _ = try dossier.run(["ingest", dossier.path("analysis/seeds.sqlite"), DossierBinary.seeds])
        try dossier.write("analysis/seeds.ipynb", Self.notebook([".open seeds.sqlite\ndocuments | count"]))
        let run = try dossier.run(["notebook", "run", "analysis/seeds.ipynb", "-o", "seeds-ran.ipynb"])
        #expect(run.status == 0, "\(run.messages)")
        let outputs = try Self.outputs(of: dossier.path("seeds-ran.ipynb"))
        #expect(outputs[0].map(Self.plainText) == ["Opened seeds.sqlite (2 documents).\n", "2\n"])
    }

    @Test func refusesNotebooksOfOtherLanguagesAndBrokenFiles() throws {
        let dossier = try DossierBinary(sharedCache: DossierBinary.demoCache)
        defer { dossier.remove() }
        try dossier.write("python.ipynb", #"{"cells": [], "metadata": {"kernelspec": {"name": "python3", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}"#)
        let python = try dossier.run(["notebook", "run", "python.ipynb"])
        #expect(python.status == 1 && python.messages.contains("the notebook is written in python"))
        try dossier.write("broken.ipynb", "{\"cells\": [\n  {\"cell_type\": \"code\",}\n]}")
        let broken = try dossier.run(["notebook", "run", "broken.ipynb"])
        #expect(broken.status == 1 && broken.messages.contains("error: malformed JSON: expected a quoted key\n --> broken.ipynb:2:24\n  |\n2 |   {\"cell_type\": \"code\",}\n  |                        ^\n"), "\(broken.messages)")
    }

    @Test func installsAKernelSpecificationThatStartsThisBinary() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let user = try dossier.run(["notebook", "install-kernel"])
        #expect(user.status == 0, "\(user.messages)")
        // In Jupyter's data folder for the user: ~/.local/share/jupyter unless the environment names another.
        let environment = ProcessInfo.processInfo.environment
        let dataFolder = environment["JUPYTER_DATA_DIR"] ?? environment["XDG_DATA_HOME"].map { $0 + "/jupyter" } ?? dossier.path(".local/share/jupyter")
        #expect(user.messages.hasPrefix("Installed the kernel 'dossier' (\"Dossier\") in \(dataFolder)/kernels/dossier.\n"), "\(user.messages)")
        let specification = dataFolder + "/kernels/dossier/kernel.json"
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: specification))) as! [String: Any]
        let argv = json["argv"] as! [String]
        #expect(argv.count == 5 && argv[0].hasSuffix("/dossier") && argv[1...] == ["notebook", "kernel", "--connection-file", "{connection_file}"])
        #expect(FileManager.default.isExecutableFile(atPath: argv[0]))
        #expect(user.messages.contains("jupyter console --kernel dossier"))
        let prefixed = try dossier.run(["notebook", "install-kernel", "--prefix", "env", "--name", "news", "-w", "news.sqlite"])
        #expect(prefixed.status == 0)
        let news = try String(contentsOfFile: dossier.path("env/share/jupyter/kernels/news/kernel.json"), encoding: .utf8)
        #expect(news.contains("\"--workspace\",\n  \"\(dossier.folder)/news.sqlite\"") && news.contains("\"display_name\": \"Dossier (news.sqlite)\""))
    }
}
