import DossierCore
import DossierQuery
import DossierStore
import Foundation
import Testing
@testable import DossierShell

/// The shell's commands and state on a workspace of the two seed articles.
@Suite("Shell commands")
struct ShellCommandTests {
    /// A session on a new workspace of the seeds, in a folder the caller removes.
    static func session() throws -> (ShellSession, ShellSessionTests.Transcript, folder: String) {
        let folder = NSTemporaryDirectory() + "dossier-commands-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (session, printed) = ShellSessionTests.session()
        try session.open(path: folder + "/w.sqlite", createIfMissing: true)
        let seeds = ShellSessionTests.seeds.map { "\"\($0)\"" }.joined(separator: " ")
        #expect(session.execute(.command(".ingest " + seeds, line: 1), source: "", sourceName: "<test>") == .success)
        printed.messages = ""
        return (session, printed, folder)
    }

    static func run(_ text: String, in session: ShellSession) -> [ExecutionStatus] {
        ScriptRunner.chunks(of: ScriptRunner.lines(of: text)).map { session.execute($0, source: text, sourceName: "<test>") }
    }

    @Test func parametersAreSetListedAndUsed() throws {
        let (session, printed, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Self.run(".param set who Xi Jinping\nparam who: entity = @putin\n.mode csv\n$who | select name\n.param", in: session)
            == [.success, .success, .success, .success, .success])
        #expect(printed.output == "name\nXi Jinping\nname,type,value,default\n$who,entity,\"@\"\"Xi Jinping\"\" (set)\",@putin\n")
        #expect(Self.run(".param unset who\n$who | select name", in: session) == [.success, .success])
        #expect(printed.output.hasSuffix("name\nVladimir Putin\n"))
        #expect(Self.run(".param set who Xi Jinpin", in: session) == [.failure])
        #expect(printed.messages.contains("error: unknown entity '@\"Xi Jinpin\"'\n --> <test>:1:16"))
    }

    @Test func resultsGoToAFileWithOutputAndOnce() throws {
        let (session, printed, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let all = folder + "/all.txt", once = folder + "/once.csv"
        let script = ".output \(all)\ndocuments | count\n.mode csv\n.once \(once)\nentities | where kind == person | count\ndocuments | count\n.output\nmentions | count"
        #expect(Self.run(script, in: session).allSatisfy { $0 == .success })
        let written = try String(contentsOfFile: all, encoding: .utf8)
        #expect(written == "2\ncount\n2\n", "\(written)")
        #expect(try String(contentsOfFile: once, encoding: .utf8) == "count\n6\n")
        #expect(printed.output == "count\n108\n")
        #expect(Self.run(".output /no/such/folder/x.txt", in: session) == [.failure])
        #expect(printed.messages.contains("error: cannot write to '/no/such/folder/x.txt'"))
    }

    @Test func sourcesFieldsAndStatsDescribeTheWorkspace() throws {
        let (session, printed, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = Self.run(".mode csv\nlet trips = relations | where predicate == visit\n.sources\n.fields relations\n.stats", in: session)
        #expect(printed.output.contains("source,rows,fields\ndocuments (docs),2,\"id, title, date, source, url, words, text\"\n"))
        #expect(printed.output.contains("trips (let),,\"subject, predicate, object, time, negated"))
        #expect(printed.output.contains("field,type,shown\nsubject,Entity,yes\npredicate,Predicate,yes\n"))
        #expect(printed.output.contains("documents,2 (1 undated)\ndates,2023-07-25 to 2023-07-25\n"))
        #expect(printed.output.contains("entities,\"36: 13 location,"))
        #expect(Self.run(".fields relation", in: session) == [.failure])
        #expect(printed.messages.contains("error: no source 'relation'") && printed.messages.contains("help: did you mean 'relations'?"))
    }

    @Test func readRunsAScriptAndSaysWhereItStopped() throws {
        let (session, printed, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "documents | count\ndocuments | titel\nentities | count\n".write(toFile: folder + "/s.dq", atomically: true, encoding: .utf8)
        #expect(Self.run(".read \(folder)/s.dq\nmentions | count", in: session) == [.failure, .success])
        #expect(printed.output == "2\n108\n")
        #expect(printed.messages.contains(" --> \(folder)/s.dq:2:13\n"))
        #expect(printed.messages.contains("stopped at \(folder)/s.dq:2 by the error above; the 1 statement before it ran, the 1 statement after it did not run\n"))
        try ".read \(folder)/loop.dq\n".write(toFile: folder + "/loop.dq", atomically: true, encoding: .utf8)
        #expect(Self.run(".read \(folder)/loop.dq", in: session) == [.failure])
        #expect(printed.messages.contains("'.read' is nested more than 16 files deep"))
    }

    @Test func documentsAddedByAnotherConnectionAreNoticed() throws {
        let folder = NSTemporaryDirectory() + "dossier-commands-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (session, printed) = ShellSessionTests.session()
        let path = folder + "/w.sqlite"
        _ = try Workspace.open(at: path, createIfMissing: true).ingest(paths: [ShellSessionTests.seeds[0]])
        try session.open(path: path, createIfMissing: false)
        _ = Self.run("let all = documents\ndocuments | count", in: session)
        #expect(printed.output == "1\n")
        // Another process (here another connection) adds a document.
        _ = try Workspace.open(at: path).ingest(paths: [ShellSessionTests.seeds[1]])
        _ = Self.run("documents | count", in: session)
        #expect(printed.output == "1\n2\n")
        #expect(printed.messages.contains("The workspace changed on disk (1 document was added by another process); reloaded its index, now 2 documents.\n"))
        #expect(printed.messages.contains("The names bound by let were cleared: all.\n"))
    }

    @Test func ctrlCStopsPrintingALongResult() throws {
        let (session, printed, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Ctrl-C is pressed once the first lines are out.
        session.isCancelled = { !printed.output.isEmpty }
        _ = Self.run(".mode line\nmentions | select text, entity, document", in: session)
        #expect(printed.messages == "\n(output stopped by Ctrl-C after 200 of 431 lines)\n")
        #expect(printed.output.split(separator: "\n", omittingEmptySubsequences: false).count == 201)
    }

    @Test func completionFollowsTheContext() throws {
        let (session, _, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "".write(toFile: folder + "/analysis.dq", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        func candidates(_ text: String) -> [String] { session.completions(for: text).candidates }
        #expect(candidates("documents | select id, title as headline | where h") == ["headline"])
        #expect(candidates("relations | where predicate == at") == ["attack", "attend"])
        #expect(candidates("entities | where kind in [person, lo") == ["location"])
        #expect(candidates("documents | timeline by m") == ["month"])
        #expect(candidates("documents | wh") == ["where"])
        #expect(candidates("ent") == ["entities"])
        let entity = session.completions(for: #"documents | mentioning @"Vladimir P"#)
        #expect(entity.word == #"@"Vladimir P"#)
        #expect(entity.candidates == [#"@"Vladimir Putin""#])
        let path = session.completions(for: ".read \(folder)/an")
        #expect(path.word == "\(folder)/an")
        #expect(path.candidates == ["\(folder)/analysis.dq"])
        #expect(candidates(".ingest \(folder)/ar") == ["\(folder)/articles/"])
        #expect(candidates(".mode l") == ["line"])
        _ = Self.run("param who: entity = @putin", in: session)
        #expect(candidates("$w") == ["$who"])
    }

    @Test func helpExplainsOneWordOrSuggestsTheNearest() throws {
        let (session, printed, folder) = try Self.session()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Self.run(".help top\n.help .once\n.help $nobody", in: session) == [.success, .success, .failure])
        #expect(printed.output == """
            | top N by F
              T → T
              the N rows with the largest F, largest first
            .once FILE
              send the next statement's results to FILE

            """)
        #expect(printed.messages.contains("error: no help for '$nobody'"))
        #expect(Self.run(".help evidense", in: session) == [.failure])
        #expect(printed.messages.contains("help: did you mean 'evidence'?"))
        #expect(session.completions(for: ".help kwi").candidates == ["kwic"])
        #expect(Self.run(".help", in: session) == [.success])
        #expect(printed.output.contains(".help [TOPIC]"))
    }
}

/// `.help` and completion read the language's one vocabulary table.
@Suite("Vocabulary help")
struct VocabularyHelpTests {
    @Test(arguments: Vocabulary.stages)
    func everyStageOfTheTableHasHelp(stage: Vocabulary.StageEntry) throws {
        let help = try #require(HelpTopic.text(for: stage.name, engine: QueryEngine()))
        #expect(help.contains("| \(stage.usage)\n  \(stage.signature)\n  \(stage.summary)"))
    }

    @Test func everyKeywordAndFunctionHasHelpOrAStageOfItsName() {
        for keyword in Vocabulary.keywords where keyword.summary != nil || Vocabulary.stage(named: keyword.word) != nil {
            #expect(HelpTopic.text(for: keyword.word, engine: QueryEngine()) != nil, "\(keyword.word)")
        }
        for function in Vocabulary.functions {
            #expect(HelpTopic.text(for: function.rawValue, engine: QueryEngine())?.contains(function.summary) == true)
        }
    }

    @Test func completionOffersTheTablesWords() {
        let engine = QueryEngine()
        #expect(Set(Vocabulary.stageNames).isSubset(of: engine.keywords))
        #expect(Set(Vocabulary.keywords.map(\.word)).isSubset(of: engine.keywords))
        #expect(Set(Vocabulary.functions.map(\.rawValue)).isSubset(of: engine.keywords))
    }
}
