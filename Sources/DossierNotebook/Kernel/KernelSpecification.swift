import DossierCore
import DossierShell
import Foundation

/// The kernel specification (`kernel.json`) that tells Jupyter how to start the Dossier kernel, and
/// where it goes: Jupyter's data folder for the user, or under a prefix (a virtual environment).
enum KernelSpecification {
    /// The kernel's language, as notebooks record it.
    static let languageInfo: JSONValue = .object([
        ("name", .string("dql")), ("version", .string(DossierVersion.number)), ("mimetype", .string("text/x-dql")),
        ("file_extension", .string(".dq")), ("pygments_lexer", .string("text")),
    ])

    /// The kernel's name when none is given.
    static let defaultName = "dossier"

    /// `kernel.json` for a kernel that runs `executable`, on `workspace` (the demo corpus when `nil`).
    static func json(executable: String, workspace: String?, displayName: String) -> JSONValue {
        let argv = [executable, "notebook", "kernel"] + (workspace.map { ["--workspace", $0] } ?? []) + ["--connection-file", "{connection_file}"]
        return .object([
            ("argv", .array(argv.map(JSONValue.string))), ("display_name", .string(displayName)), ("language", .string("dql")),
            ("interrupt_mode", .string("signal")), ("metadata", .object([("debugger", .boolean(false))])),
        ])
    }

    /// Jupyter's data folder for the user: `$JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter` or
    /// `~/.local/share/jupyter` (Linux), `~/Library/Jupyter` (macOS), as `jupyter --data-dir` says.
    static var userDataFolder: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["JUPYTER_DATA_DIR"], !folder.isEmpty { return folder }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        #if os(macOS)
        return (home as NSString).appendingPathComponent("Library/Jupyter")
        #else
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return (data as NSString).appendingPathComponent("jupyter") }
        return (home as NSString).appendingPathComponent(".local/share/jupyter")
        #endif
    }

    /// The path of the running `dossier` executable, which the kernel specification starts.
    static var executablePath: String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        let argument = CommandLine.arguments[0]
        if argument.hasPrefix("/") { return argument }
        if argument.contains("/") { return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(argument) }
        return Bundle.main.executablePath ?? argument
    }

    /// Writes the kernel specification `name` into `dataFolder/kernels/name` (with a logo), and
    /// returns the folder.
    static func install(name: String, displayName: String, workspace: String?, dataFolder: String,
                        executable: String = executablePath) throws(Diagnostic) -> String {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }) else {
            throw Diagnostic(.error, .invalidArgument, "the kernel name '\(name)' may only have letters, digits, '.', '_' and '-'")
        }
        let folder = ((dataFolder as NSString).appendingPathComponent("kernels") as NSString).appendingPathComponent(name.lowercased())
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let specification = json(executable: executable, workspace: workspace, displayName: displayName).pythonText(indent: 1, sortsKeys: false) + "\n"
            try Data(specification.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("kernel.json")))
            try Data(logo.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("logo-svg.svg")))
        } catch {
            throw Diagnostic(.error, .fileUnwritable, "the kernel specification cannot be written: \(error.localizedDescription)", sourceName: folder)
        }
        return folder
    }

    /// The launcher's icon: a folder of papers marked "DQL".
    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
        <rect x="6" y="14" width="52" height="40" rx="4" fill="#4c78a8"/>
        <rect x="10" y="8" width="22" height="10" rx="3" fill="#4c78a8"/>
        <rect x="12" y="20" width="40" height="28" rx="2" fill="#ffffff"/>
        <text x="32" y="40" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="14" font-weight="bold" fill="#4c78a8">DQL</text>
        </svg>

        """
}
