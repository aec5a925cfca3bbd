import DossierCore
import DossierShell
import Foundation

/// What the `dossier notebook` subcommands do, so the executable only parses arguments. Each
/// returns the process exit status.
public enum NotebookCommands {
    /// `dossier notebook run NOTEBOOK [-w WORKSPACE] [--param NAME=VALUE …] [-o OUTPUT]`: executes the
    /// notebook's cells in order and writes their outputs; `output` `-` is standard output, `nil`
    /// updates the notebook in place.
    public static func run(notebook: String, workspace: String?, parameters: [String], output: String?) -> Int32 {
        NotebookRunner(path: notebook, workspace: workspace, parameters: parameters, output: output,
                       messages: StandardStreams.messages, standardOutput: StandardStreams.output).run()
    }

    /// `dossier notebook install-kernel [--name NAME] [--display-name TEXT] [-w WORKSPACE] [--prefix PREFIX]`:
    /// writes the kernel specification for the current user (or under `prefix`, as
    /// `PREFIX/share/jupyter/kernels/NAME`), starting this executable.
    public static func installKernel(name: String, displayName: String?, workspace: String?, prefix: String?) -> Int32 {
        let here = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : (here as NSString).appendingPathComponent(path) }
        let dataFolder = prefix.map { (absolute($0) as NSString).appendingPathComponent("share/jupyter") } ?? KernelSpecification.userDataFolder
        let title = displayName ?? (workspace.map { "Dossier (\(($0 as NSString).lastPathComponent))" } ?? "Dossier")
        do {
            let folder = try KernelSpecification.install(name: name, displayName: title, workspace: workspace.map(absolute), dataFolder: dataFolder)
            StandardStreams.messages("""
                Installed the kernel '\(name)' ("\(title)") in \(folder).
                Choose it in JupyterLab, Notebook or VS Code, or run: jupyter console --kernel \(name)

                """)
            return 0
        } catch {
            StandardStreams.messages(DiagnosticFormatter().format(error, source: nil))
            return 1
        }
    }

    /// `dossier notebook kernel --connection-file FILE [-w WORKSPACE]`: the kernel itself, as Jupyter
    /// starts it from the kernel specification.
    public static func kernel(connectionFile: String, workspace: String?) -> Int32 {
        let log: @Sendable (String) -> Void = { StandardStreams.messages($0) }
        do {
            let kernel = try Kernel(connection: try ConnectionInfo(path: connectionFile), workspace: workspace, log: log)
            return kernel.run()
        } catch {
            log(DiagnosticFormatter().format(error, source: nil))
            return 1
        }
    }
}
