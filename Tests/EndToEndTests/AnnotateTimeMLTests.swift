import Foundation
import Testing

/// `dossier annotate --format timeml`, run as a user would.
@Suite("dossier annotate --format timeml", .serialized)
struct AnnotateTimeMLTests {
    let articles = """
        {"id": "visit", "date": "2023-07-25", "text": "Putin intends to visit in October & stay <two weeks>."}
        {"id": "talks/2", "text": "Talks resume on Tuesday."}

        """

    @Test func oneDocumentGoesToStandardOutput() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let first = articles.split(separator: "\n")[0] + "\n"
        let outcome = try dossier.run(["annotate", "--format", "timeml", "-"], input: String(first))
        #expect(outcome.status == 0, "\(outcome.messages)")
        #expect(outcome.output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML"))
        #expect(outcome.output.contains("<DOCID>visit</DOCID>"))
        #expect(outcome.output.contains("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-07-25\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">2023-07-25</TIMEX3></DCT>"))
        #expect(outcome.output.contains("<TEXT>Putin intends to visit in <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-10\">October</TIMEX3> &amp; stay &lt;<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2W\">two weeks</TIMEX3>&gt;.</TEXT>"))
    }

    @Test func severalDocumentsNeedAnOutputFolder() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        try dossier.write("articles.jsonl", articles)
        let refused = try dossier.run(["annotate", "--format", "timeml", "articles.jsonl"])
        #expect(refused.status == 1)
        #expect(refused.output.isEmpty)
        #expect(refused.messages.contains("2 documents were read: name a folder with --output DIR"), "\(refused.messages)")

        let written = try dossier.run(["annotate", "--format", "timeml", "--output", "tml", "articles.jsonl"])
        #expect(written.status == 0, "\(written.messages)")
        #expect(written.messages.contains("wrote 2 TimeML files to tml"))
        let files = try FileManager.default.contentsOfDirectory(atPath: dossier.path("tml")).sorted()
        #expect(files == ["talks_2.tml", "visit.tml"])
        let undated = try String(contentsOfFile: dossier.path("tml/talks_2.tml"), encoding: .utf8)
        #expect(!undated.contains("<DCT>"))
        #expect(undated.contains("<TEXT>Talks resume on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"XXXX-WXX-2\">Tuesday</TIMEX3>.</TEXT>"))
    }

    @Test func anOutputFolderIsOnlyForTimeML() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let outcome = try dossier.run(["annotate", "--output", "tml", "-"], input: articles)
        #expect(outcome.status == 1)
        #expect(outcome.messages.contains("--output is for --format timeml"))
    }
}
