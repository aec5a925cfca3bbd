import DossierCore
import DossierDemoCorpus
import Foundation
import Testing
@testable import DossierShell

@Suite("ShellSession")
struct ShellSessionTests {
    final class Transcript {
        var output = ""
        var messages = ""
    }

    static func session() -> (ShellSession, Transcript) {
        let transcript = Transcript()
        return (ShellSession(output: { transcript.output += $0 }, messages: { transcript.messages += $0 }), transcript)
    }

    static var seeds: [String] { DemoCorpus.files.filter { $0.path.contains("/seeds/") }.map(\.path) }

    @Test func opensCreatesAndIngestsFromCommands() throws {
        let folder = NSTemporaryDirectory() + "dossier-session-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (session, transcript) = Self.session()
        let path = folder + "/new.sqlite"
        #expect(session.execute(.command(".open \(path)", line: 1), source: "", sourceName: "<input>") == .success)
        #expect(transcript.messages.contains("Created an empty workspace at \(path)"))
        let ingest = ".ingest " + Self.seeds.map { "\"\($0)\"" }.joined(separator: " ")
        #expect(session.execute(.command(ingest, line: 2), source: "", sourceName: "<input>") == .success)
        #expect(transcript.messages.contains("added 2 documents from 2 files; the workspace has 2 documents."))
        #expect(session.execute(.statements("documents | count", firstLine: 3), source: "", sourceName: "<input>") == .success)
        #expect(transcript.output == "2\n")
    }

    @Test func completesCommandsKeywordsAndEntities() throws {
        let folder = NSTemporaryDirectory() + "dossier-session-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (session, _) = Self.session()
        try session.open(path: folder + "/w.sqlite", createIfMissing: true)
        _ = session.execute(.command(".ingest " + Self.seeds.map { "\"\($0)\"" }.joined(separator: " "), line: 1), source: "", sourceName: "<input>")
        #expect(session.completions(for: ".mo").candidates == [".mode"])
        #expect(session.completions(for: ".mode j").candidates == ["json"])
        #expect(session.completions(for: "docu").candidates == ["documents"])
        #expect(session.completions(for: "documents | mentioning @vlad").candidates == ["@\"Vladimir Putin\""])
        #expect(session.completions(for: "documents | mentioning @\"Vla").candidates == ["@\"Vladimir Putin\""])
        #expect(session.completions(for: "entities | where kind in [pers").candidates == ["person"])
        #expect(session.completions(for: "relations | where predicate == vis").candidates == ["visit"])
        #expect(session.completions(for: "documents | sort da").candidates == ["date", "day"])
        #expect(session.completions(for: "entities | where ki").candidates.contains("kind"))
    }

    @Test func modeChangesHowResultsPrint() throws {
        let folder = NSTemporaryDirectory() + "dossier-session-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (session, transcript) = Self.session()
        try session.open(path: folder + "/w.sqlite", createIfMissing: true)
        _ = session.execute(.command(".mode csv", line: 1), source: "", sourceName: "<input>")
        #expect(session.format == .csv)
        _ = session.execute(.command(".mode", line: 2), source: "", sourceName: "<input>")
        _ = session.execute(.statements("documents | count", firstLine: 3), source: "", sourceName: "<input>")
        #expect(transcript.output == "csv\ncount\n0\n")
    }

    @Test func refusesToIngestWithoutAWritableWorkspace() {
        let (session, transcript) = Self.session()
        #expect(session.execute(.command(".ingest a.txt", line: 1), source: ".ingest a.txt", sourceName: "<input>") == .failure)
        #expect(transcript.messages.contains("error: no workspace to ingest into: the demo corpus is read-only"))
        #expect(session.execute(.command(".quit", line: 2), source: "", sourceName: "<input>") == .quit)
    }

    @Test func reportsCommandErrorsWithCarets() {
        let (session, transcript) = Self.session()
        let source = "documents | count\n.mode xml"
        #expect(session.execute(.command(".mode xml", line: 2), source: source, sourceName: "s.dq") == .failure)
        #expect(transcript.messages == """
            error: unknown mode 'xml'
             --> s.dq:2:7
              |
            2 | .mode xml
              |       ^^^
              = note: the modes are: table, line, csv, json, markdown

            """)
    }
}

@Suite("Completion")
struct CompletionTests {
    @Test func theWordIsWhatACompletionReplaces() {
        #expect(Completion.lastWord(of: "documents | mentioning @\"Vla") == "@\"Vla")
        #expect(Completion.lastWord(of: ".mo") == ".mo")
        #expect(Completion.lastWord(of: "entities | where kind in [pers") == "pers")
        #expect(Completion.lastWord(of: "count ") == "")
        #expect(Completion.commonPrefix(of: ["@\"Vladimir Putin\"", "@\"Vladimir Zelensky\""]) == "@\"Vladimir ")
    }
}

import LineEditing
