import DossierCore
import DossierDemoCorpus
import DossierStore
import Foundation
import Testing
@testable import DossierShell

/// Golden scripts: each `Golden/NAME.dq` runs on a workspace of the two seed articles, and its
/// transcript (each statement after the prompt, then what it printed, messages and errors
/// included) must equal `Golden/NAME.expected`: the check `dossier run NAME.dq --expect
/// NAME.expected` makes, through the same ``ExpectedOutput``.
///
/// After an intended change of output, `DOSSIER_UPDATE_GOLDEN=1 swift test --filter Golden` rewrites
/// the expected files (as `--update-expected` does); review their diff before committing.
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
        let expectedFile = script.deletingPathExtension().appendingPathExtension("expected").path
        let workspace = try Self.seedWorkspace()
        defer { try? FileManager.default.removeItem(atPath: workspace.folder) }
        var problems = ""
        let recording = try #require(ExpectedOutput.record(try String(contentsOf: script, encoding: .utf8), sourceName: name,
                                                           messages: { problems += $0 },
                                                           open: { (try? $0.open(path: workspace.path, createIfMissing: false)) != nil }),
                                     "\(name) could not start: \(problems)")
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" {
            try ExpectedOutput.update(expectedFile, with: recording.transcript)
        }
        let comparison = ExpectedOutput.compare(recording.transcript, withFileAt: expectedFile)
        if case .differs(let diff) = comparison { Issue.record("\(name) printed something else:\n\(diff)") }
        #expect(comparison == .matches)
        // A script named for an error stops at it; the others run to the end.
        #expect(recording.status == (name.contains("-error-") ? 1 : 0), "\(name) ended with status \(recording.status)")
    }
}
