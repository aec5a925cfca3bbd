import DossierCore
import DossierShell
import Foundation

/// `dossier notebook run`: executes a notebook's cells in order without Jupyter, in the same
/// ``NotebookSession`` the kernel uses, and writes their outputs into the notebook (nbformat 4), so a
/// notebook is also a replayable report with parameters, as papermill makes of Python notebooks.
struct NotebookRunner {
    /// The notebook file.
    var path: String
    /// The workspace, or `nil` for the demo corpus.
    var workspace: String?
    /// `NAME=VALUE` values for the notebook's `param` declarations.
    var parameters: [String] = []
    /// Where the executed notebook goes: a path, `-` for standard output, or `nil` to update `path`.
    var output: String?
    /// Messages and diagnostics (standard error).
    var messages: (String) -> Void
    /// The executed notebook when it goes to standard output.
    var standardOutput: (String) -> Void

    /// Runs the notebook; returns the exit status: 0 when every cell ran (or failed where its
    /// `raises-exception` tag allows), 1 otherwise. The notebook is written either way, with the
    /// outputs up to the cell that failed and none after it.
    func run() -> Int32 {
        var document: NotebookDocument
        do {
            document = try NotebookDocument(path: path)
        } catch {
            // Quote the line a malformed file goes wrong on.
            let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            messages(DiagnosticFormatter().format(error, source: text))
            return 1
        }
        if let language = document.language, language != "dql" {
            messages(DiagnosticFormatter().format(Diagnostic(
                .error, .invalidNotebook, "the notebook is written in \(language), not in Dossier's query language", sourceName: path,
                help: .init("run it with its own kernel: jupyter nbconvert --to notebook --execute \(path)")), source: nil))
            return 1
        }
        // Paths given here are read from the folder the command runs in; paths inside cells from the
        // notebook's folder, as Jupyter starts a kernel there.
        let here = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : (here as NSString).appendingPathComponent(path) }
        let destination = output == "-" ? nil : absolute(output ?? path)
        let session = NotebookSession(log: messages)
        guard session.open(workspace: workspace.map(absolute)) == nil else { return 1 }
        let folder = (absolute(path) as NSString).deletingLastPathComponent
        // Cells would read the wrong files from another folder: not entering it is an error.
        guard FileManager.default.changeCurrentDirectoryPath(folder) else {
            messages(DiagnosticFormatter().format(Diagnostic(.error, .fileUnreadable, "cannot enter the notebook's folder '\(folder)'",
                                                             sourceName: path), source: nil))
            return 1
        }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(here) }

        let cells = document.cells.filter { $0.isCode && !$0.source.allSatisfy(\.isWhitespace) }
        let script = cells.map(\.source).joined(separator: "\n")
        guard session.applyParameters(parameters, script: script, sourceName: path) else { return 1 }

        var count = 0
        var status: Int32 = 0
        for cell in cells {
            guard status == 0 else {
                document.setOutputs(ofCell: cell.index, to: [], executionCount: nil)
                continue
            }
            count += 1
            var outputs: [CellOutput] = []
            let outcome = session.execute(cell.source, count: count, emit: { outputs.append($0) })
            document.setOutputs(ofCell: cell.index, to: outputs.map { $0.notebookJSON(count: count) }, executionCount: count)
            if case .failure(_, _, let traceback) = outcome, !cell.mayFail {
                messages(traceback.joined(separator: "\n") + "\n")
                messages("stopped at cell \(cell.index + 1) (In[\(count)]) of \(path) by the error above; the cells after it did not run\n")
                status = 1
            }
        }
        document.recordKernel(displayName: "Dossier")
        if let destination {
            do {
                try Data(document.text.utf8).write(to: URL(fileURLWithPath: destination))
            } catch {
                messages(DiagnosticFormatter().format(Diagnostic(.error, .fileUnwritable, "the notebook cannot be written: \(error.localizedDescription)",
                                                                 sourceName: destination), source: nil))
                return 1
            }
            messages("ran \(Plural.count(count, "cell")) of \(path); wrote \(output ?? path)\n")
        } else {
            standardOutput(document.text)
        }
        return status
    }
}
