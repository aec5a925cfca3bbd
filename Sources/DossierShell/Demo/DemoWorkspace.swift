import DossierCore
import DossierDemoCorpus
import DossierStore
import DossierText
import Foundation

/// The workspace of the bundled demo corpus, built on first use into a cache folder and reused.
///
/// The file's name carries a fingerprint of the corpus, the extraction version and the workspace
/// schema version, so a newer Dossier builds a fresh one and an older one never opens a newer file. It is built under a temporary name, closed (so its
/// write-ahead log is in the file) and renamed into place when complete, so an interrupted build
/// never leaves a half-written workspace behind.
public enum DemoWorkspace {
    /// The cache folder: `$DOSSIER_CACHE`, else `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`.
    public static var cacheFolder: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["DOSSIER_CACHE"], !folder.isEmpty { return folder }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty { return (folder as NSString).appendingPathComponent("dossier") }
        return (homeFolder as NSString).appendingPathComponent(".cache/dossier")
    }

    /// Where the demo workspace for this build lives.
    public static var path: String {
        (cacheFolder as NSString).appendingPathComponent("demo-\(DemoCorpus.fingerprint)-x\(Pipeline.version)-s\(Workspace.schemaVersion).sqlite")
    }

    /// Opens the demo workspace, building it first when the cache has none.
    /// - Parameter announce: told when a build starts, so the user knows why the first start waits.
    public static func open(announce: (String) -> Void = { _ in }) throws(Diagnostic) -> Workspace {
        let path = self.path
        if FileManager.default.fileExists(atPath: path) {
            let workspace = try Workspace.open(at: path)
            if try workspace.documentCount() > 0 { return workspace }
            // An empty one was moved into place before its batches reached the file: build it again.
            try? workspace.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            try FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(.error, .fileUnwritable, "the cache folder cannot be created: \(error.localizedDescription)", sourceName: cacheFolder)
        }
        announce("Building the demo workspace (171 Wikinews articles and 2 seed articles) in \(path) …\n")
        let partial = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: partial)
        defer { for suffix in ["-wal", "-shm", "-columns"] { try? FileManager.default.removeItem(atPath: partial + suffix) } }
        do {
            let building = try Workspace.open(at: partial, createIfMissing: true)
            let report = try building.ingest(paths: DemoCorpus.files.map(\.path))
            guard report.isClean else {
                throw Diagnostic(.error, .malformedRecord, "the bundled demo corpus has malformed records: "
                                 + report.problems.map(\.description).joined(separator: "; "))
            }
            // Everything into the file itself (not its -wal beside it) before the file is renamed.
            try building.close()
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch let diagnostic as Diagnostic {
            try? FileManager.default.removeItem(atPath: partial)
            throw diagnostic
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            if FileManager.default.fileExists(atPath: path) { return try Workspace.open(at: path) }  // another process won the race
            throw Diagnostic(.error, .fileUnwritable, "the demo workspace cannot be stored: \(error.localizedDescription)", sourceName: path)
        }
        return try Workspace.open(at: path)
    }
}

/// `$HOME`, as the user set it (Foundation's `NSHomeDirectory()` ignores it on Linux), else the account's home.
var homeFolder: String {
    if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
    return NSHomeDirectory()
}
