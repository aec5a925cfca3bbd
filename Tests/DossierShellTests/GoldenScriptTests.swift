import DossierCore
import DossierDemoCorpus
import DossierStore
import Foundation
import Testing
@testable import DossierShell

/// Golden scripts: each `Golden/NAME.dq` runs on a workspace of the two seed articles, and what it
/// prints (results, then a line `exit N`, then the messages) must equal `Golden/NAME.expected`.
///
/// After an intended change of output, `DOSSIER_UPDATE_GOLDEN=1 swift test --filter Golden` rewrites
/// the expected files; review their diff before committing.
@Suite("Golden scripts")
struct GoldenScriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".dq") }.sorted()
    }()

    /// A new workspace of the two seed articles, in a folder the caller removes.
    static func seedWorkspace() throws -> (folder: String, path: String) {
        let folder = NSTemporaryDirectory() + "dossier-golden-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/seeds.sqlite"
        let seeds = DemoCorpus.files.filter { $0.path.contains("/seeds/") }.map(\.path)
        let report = try Workspace.open(at: path, createIfMissing: true).ingest(paths: seeds)
        #expect(report.added == 2 && report.isClean, "the seeds did not ingest: \(report.problems)")
        return (folder, path)
    }

    @Test func thereAreGoldenScripts() {
        #expect(Self.scripts.count >= 5)
    }

    @Test(arguments: scripts)
    func scriptPrintsWhatItsExpectedFileSays(name: String) throws {
        let script = Self.folder.appendingPathComponent(name)
        let expectedFile = script.deletingPathExtension().appendingPathExtension("expected")
        let workspace = try Self.seedWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace.folder) }
        var output = "", messages = ""
        let session = ShellSession(output: { output += $0 }, messages: { messages += $0 })
        try session.open(path: workspace.path, createIfMissing: false)
        let status = ScriptRunner(session: session).run(text: try String(contentsOf: script, encoding: .utf8), sourceName: name)
        let actual = output + "exit \(status)\n" + messages
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected, "\(name) printed:\n\(actual)")
    }
}
