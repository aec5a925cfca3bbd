import Foundation
import Testing

/// Scripts that can be replayed and checked: parameters, expected output, and what the language
/// gained for everyday filters, run through the built binary on the seed articles.
@Suite("scripts", .serialized)
struct ScriptTests {
    /// A binary with a workspace of the two seed articles at `seeds.sqlite`.
    static func seeded() throws -> DossierBinary {
        let dossier = try DossierBinary()
        let ingest = try dossier.run(["ingest", dossier.path("seeds.sqlite"), DossierBinary.seeds])
        #expect(ingest.status == 0, "\(ingest.messages)")
        return dossier
    }

    static let analysis = """
        # Who did the subject visit, and when?
        param who: entity = @putin
        param since: time
        param limit: number = 10
        $who | relations | where predicate == visit | overlapping $since | select object, time | sort object | take $limit

        """

    @Test func parametersAreCheckedBeforeAnythingRuns() throws {
        let dossier = try Self.seeded()
        defer { dossier.remove() }
        try dossier.write("analysis.dq", Self.analysis)
        let workspace = ["-w", dossier.path("seeds.sqlite")]

        let ran = try dossier.run(["run", "analysis.dq", "--param", "since=2023-10", "--format", "csv"] + workspace)
        #expect(ran.status == 0, "\(ran.messages)")
        #expect(ran.output == "object,time\nChina,2023-10\n")
        let other = try dossier.run(["run", "analysis.dq", "--param", "since=2023", "--param", "who=Sergey Lavrov", "--param", "limit=1"] + workspace)
        #expect(other.status == 0, "\(other.messages)")

        let missing = try dossier.run(["run", "analysis.dq"] + workspace)
        #expect(missing.status == 1 && missing.output.isEmpty)
        #expect(missing.messages.hasPrefix("error: the parameter 'since' has no value\n --> analysis.dq:3:7\n"), "\(missing.messages)")
        #expect(missing.messages.contains("help: give it one: --param since=VALUE"))

        let unknown = try dossier.run(["run", "analysis.dq", "--param", "since=2023", "--param", "limt=3"] + workspace)
        #expect(unknown.status == 1 && unknown.output.isEmpty)
        #expect(unknown.messages == """
            error: analysis.dq declares no parameter 'limt'
             --> <command line>:1:28
              |
            1 | --param since=2023 --param limt=3
              |                            ^^^^ help: did you mean 'limit'?
              = note: it declares: who (entity), since (time), limit (number)

            """)

        let wrongType = try dossier.run(["run", "analysis.dq", "--param", "since=July"] + workspace)
        #expect(wrongType.status == 1)
        #expect(wrongType.messages.hasPrefix("error: the value of 'since' is not a time: 'July' is not a time literal"))
        #expect(wrongType.messages.contains(" --> <command line>:1:15\n"))

        let noSuchEntity = try dossier.run(["run", "analysis.dq", "--param", "since=2023", "--param", "who=Vladimir Puttin"] + workspace)
        #expect(noSuchEntity.status == 1 && noSuchEntity.output.isEmpty)
        #expect(noSuchEntity.messages.hasPrefix("error: unknown entity '@\"Vladimir Puttin\"'"))
        #expect(noSuchEntity.messages.contains("help: did you mean @\"Vladimir Putin\"?"))

        let query = try dossier.run(["query", "param n: number = 1\nentities | where kind == person | select name | sort name | take $n",
                                     "--param", "n=2"] + workspace)
        #expect(query.output == "name\n────────────\nLi Hongzhong\nSergei Shoigu\n(2 rows)\n".replacingOccurrences(of: "────────────\n", with: "─────────────\n"))
    }

    @Test func expectedOutputIsCheckedWithAReadableDiff() throws {
        let dossier = try Self.seeded()
        defer { dossier.remove() }
        try dossier.write("analysis.dq", Self.analysis)
        let workspace = ["-w", dossier.path("seeds.sqlite")]
        let arguments = ["run", "analysis.dq", "--param", "since=2023", "--expect", "analysis.expected"] + workspace

        let absent = try dossier.run(arguments)
        #expect(absent.status == 1)
        #expect(absent.messages.contains("error: there is no expected output to compare with\n --> analysis.expected"))

        let written = try dossier.run(arguments + ["--update-expected"])
        #expect(written.status == 0 && written.output.isEmpty, "\(written.messages)")
        #expect(written.messages == "wrote the output of analysis.dq to analysis.expected (11 lines)\n")
        let expected = try String(contentsOfFile: dossier.path("analysis.expected"), encoding: .utf8)
        #expect(expected.hasPrefix("dossier> param who: entity = @putin\ndossier> param since: time\n"))
        #expect(expected.contains("dossier> $who | relations | where predicate == visit | overlapping $since | select object, time | sort object | take $limit\nobject"))

        let same = try dossier.run(arguments)
        #expect(same.status == 0 && same.output.isEmpty)
        #expect(same.messages == "analysis.dq: the output matches analysis.expected\n")

        let changed = try dossier.run(["run", "analysis.dq", "--param", "since=2023", "--param", "limit=1", "--expect", "analysis.expected"] + workspace)
        #expect(changed.status == 1)
        #expect(changed.messages.hasPrefix("--- analysis.expected\n+++ the output of this run\n@@ "), "\(changed.messages)")
        #expect(changed.messages.contains("\n-(4 rows)\n+object   time\n+───────  ───────\n+Beijing  2023-03\n+(1 row)\n"), "\(changed.messages)")
        #expect(changed.messages.hasSuffix("analysis.dq: the output differs from analysis.expected; --update-expected accepts the new output\n"))

        // An error the script is expected to stop at is part of what is compared.
        try dossier.write("broken.dq", "documents | count\ndocuments | titel\n")
        _ = try dossier.run(["run", "broken.dq", "--expect", "broken.expected", "--update-expected"] + workspace)
        let broken = try String(contentsOfFile: dossier.path("broken.expected"), encoding: .utf8)
        #expect(broken.hasPrefix("dossier> documents | count\n2\ndossier> documents | titel\nerror: unknown stage 'titel'\n"))
        #expect(broken.hasSuffix("stopped at broken.dq:2 by the error above; the 1 statement before it ran\n"))
        #expect(try dossier.run(["run", "broken.dq", "--expect", "broken.expected"] + workspace).status == 0)

        let misuse = try dossier.run(["run", "analysis.dq", "--update-expected"])
        #expect(misuse.status != 0 && misuse.messages.contains("--update-expected needs --expect FILE"))
    }

    @Test func nullArithmeticAndFunctionsAnswerEverydayQuestions() throws {
        let dossier = try Self.seeded()
        defer { dossier.remove() }
        func query(_ text: String) throws -> String {
            let outcome = try dossier.run(["query", text, "-w", dossier.path("seeds.sqlite"), "--format", "csv"])
            #expect(outcome.status == 0, "\(outcome.messages)")
            return outcome.output
        }
        #expect(try query("documents | where date is null | select id") == "id\n000_a2bef38422b75170\n")
        #expect(try query("documents | where date is not null | select date + 7 as week_later, words / 2 as half") == "week_later,half\n2023-08-01,225.5\n")
        #expect(try query("entities | where kind == person | select upper(left(name, 3)) as abbreviation, len(name) - 1 as n | sort n desc | take 1")
            == "abbreviation,n\nVLA,13\n")
        #expect(try query(#"documents | select concat(substr(id, 1, 3), "…", right(id, 4)) as short | sort short"#) == "short\n000…5170\n003…714a\n")
        // A timeline spans the range of the `during` before it, empty quarters included.
        #expect(try query("documents | during 2023 | timeline by quarter") == "bucket,count\n2023-Q1,0\n2023-Q2,0\n2023-Q3,1\n2023-Q4,0\n")
        // A plain-text file's first line gives it a title.
        #expect(try query("documents | where title is null | count") == "count\n0\n")
        #expect(try query("documents | where starts_with(title, \"Russian President\") | count") == "count\n2\n")
    }

    @Test func smallThings() throws {
        let dossier = try Self.seeded()
        defer { dossier.remove() }
        #expect(try dossier.run(["--version"]).output.hasPrefix("dossier 0."))
        // JSON gives a count as CSV does: a one-row table.
        #expect(try dossier.run(["query", "documents | count", "-w", dossier.path("seeds.sqlite"), "--format", "json"]).output == "[\n  {\"count\": 2}\n]\n")
        let session = try dossier.run(["-w", dossier.path("seeds.sqlite"), "--allow-writes"], input: ".ingest nosuchfile.txt\n")
        #expect(session.status == 1)
        #expect(session.messages.contains("error: no such file or folder\n --> nosuchfile.txt\n"))
        #expect(session.messages.contains("added 0 documents from 0 files; 1 path named nothing to read; the workspace has 2 documents."))
        #expect(!session.messages.contains("record"))
        let one = try dossier.run(["-w", dossier.path("seeds.sqlite")], input: "let x = @putin\nlet y = documents | take 1\n")
        #expect(one.messages == "x = 1 entity\ny = 1 document\n")
        let single = try dossier.run(["ingest", dossier.path("one.sqlite"), DossierBinary.seeds + "/000_a2bef38422b75170.txt"])
        #expect(single.messages.hasSuffix("added 1 document from 1 file; \(dossier.path("one.sqlite")) has 1 document.\n"))
    }
}
