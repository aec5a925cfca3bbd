import DossierCore
import Foundation

/// A Jupyter notebook file (nbformat 4): its cells, read and written as Jupyter does, so a notebook
/// run headless and saved by Jupyter differ only where their outputs do.
struct NotebookDocument {
    /// The whole notebook as JSON, keys in their order.
    private(set) var json: JSONValue
    /// The file it was read from, for diagnostics.
    let sourceName: String

    /// The cell tag that lets a cell stop at an error without stopping the run (as nbclient and papermill read it).
    static let raisesExceptionTag = "raises-exception"

    /// Reads the notebook at `path`.
    init(path: String) throws(Diagnostic) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.error, FileManager.default.fileExists(atPath: path) ? .fileUnreadable : .fileNotFound, FileManager.default.fileExists(atPath: path) ? "the notebook cannot be read" : "no such notebook", sourceName: path)
        }
        try self.init(json: try JSONParser.parse(Array(data), sourceName: path), sourceName: path)
    }

    init(json: JSONValue, sourceName: String) throws(Diagnostic) {
        guard json.members != nil, json["cells"]?.array != nil else {
            throw Diagnostic(.error, .invalidNotebook, "not a Jupyter notebook: there is no list of cells", sourceName: sourceName)
        }
        guard json["nbformat"]?.integer == 4 else {
            let version = json["nbformat"]?.integer.map(String.init) ?? "none"
            throw Diagnostic(.error, .invalidNotebook, "the notebook is in nbformat \(version); nbformat 4 is read",
                             sourceName: sourceName, help: .init("convert it with: jupyter nbconvert --to notebook --nbformat 4 NOTEBOOK"))
        }
        self.json = json
        self.sourceName = sourceName
    }

    /// A cell's place and what it holds.
    struct Cell {
        var index: Int
        var type: String
        var source: String
        var tags: [String]
        var isCode: Bool { type == "code" }
        /// Whether the cell may end in an error without stopping the run.
        var mayFail: Bool { tags.contains(NotebookDocument.raisesExceptionTag) }
    }

    /// The cells, in order.
    var cells: [Cell] {
        (json["cells"]?.array ?? []).enumerated().map { index, cell in
            Cell(index: index, type: cell["cell_type"]?.string ?? "", source: cell["source"]?.multilineText ?? "",
                 tags: cell["metadata"]?["tags"]?.array?.compactMap(\.string) ?? [])
        }
    }

    /// The language the notebook's kernel specification names, if any.
    var language: String? {
        json["metadata"]?["kernelspec"]?["language"]?.string ?? json["metadata"]?["language_info"]?["name"]?.string
    }

    /// Sets code cell `index`'s outputs and execution count (`nil`: not run).
    mutating func setOutputs(ofCell index: Int, to outputs: [JSONValue], executionCount: Int?) {
        guard var cells = json["cells"]?.array, cells.indices.contains(index) else { return }
        cells[index] = cells[index]
            .setting("execution_count", to: executionCount.map(JSONValue.integer) ?? .null)
            .setting("outputs", to: .array(outputs))
        json = json.setting("cells", to: .array(cells))
    }

    /// Records the kernel the notebook ran with: its language, and its specification when it names none.
    mutating func recordKernel(displayName: String) {
        var metadata = json["metadata"] ?? .object([])
        if metadata["kernelspec"] == nil {
            metadata = metadata.setting("kernelspec", to: .object([
                ("display_name", .string(displayName)), ("language", .string("dql")), ("name", .string(KernelSpecification.defaultName)),
            ]))
        }
        metadata = metadata.setting("language_info", to: KernelSpecification.languageInfo)
        json = json.setting("metadata", to: metadata)
    }

    /// The notebook as Jupyter writes it: sorted keys, one space of indent, multi-line text as lists of lines.
    var text: String {
        var normalized = json
        if let cells = json["cells"]?.array {
            normalized = json.setting("cells", to: .array(cells.map { cell in
                guard let source = cell["source"]?.multilineText else { return cell }
                return cell.setting("source", to: .lines(source))
            }))
        }
        return normalized.pythonText(indent: 1) + "\n"
    }
}
