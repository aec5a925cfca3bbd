import Foundation
import Testing

/// `dossier annotate --format conllu`, run as a user would, and read back as UD tools read it.
@Suite("dossier annotate --format conllu", .serialized)
struct AnnotateCoNLLUTests {
    @Test func everySentenceIsWrittenAsCoNLLU() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let input = """
            {"id": "a", "text": "Putin met Xi in Beijing. They didn't sign the deal."}
            {"id": "b", "text": "Talks resume on Tuesday."}

            """
        let outcome = try dossier.run(["annotate", "--format", "conllu", "-"], input: input)
        #expect(outcome.status == 0, "\(outcome.messages)")
        let blocks = outcome.output.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(blocks.count == 3)
        #expect(blocks[0].hasPrefix("# newdoc id = a\n# sent_id = a-1\n# text = Putin met Xi in Beijing.\n"))
        #expect(blocks[2].hasPrefix("# newdoc id = b\n# sent_id = b-1\n"))
        for block in blocks {
            let words = block.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            // Ten columns, words numbered from 1, heads inside the sentence, exactly one root.
            #expect(words.allSatisfy { $0.count == 10 })
            #expect(words.map { Int($0[0]) } == Array(1...words.count).map(Optional.init))
            #expect(words.allSatisfy { Int($0[6]).map { (0...words.count).contains($0) } ?? false })
            #expect(words.filter { $0[6] == "0" }.count == 1)
            #expect(words.allSatisfy { $0[9].hasPrefix("TokenRange=") })
        }
        // "didn't" is UD's "did" + "n't".
        #expect(blocks[1].contains("\tdid\tdo\tAUX\t") && blocks[1].contains("\tn't\tnot\tPART\t"))
    }

    @Test func aLongCSVIsWrittenInOrderWithItsBadRowReported() throws {
        // Streamed: the rows come a few at a time and go out a batch at a time, in input order,
        // across several reads and batches; a bad row is reported where it is and the rest written.
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        var rows = (1...600).map { "r\($0),\"Talks resume on day \($0).\"" }
        rows[299] = "r300,\"Talks resume\",2019-13-45"
        try dossier.write("rows.csv", "id,text,date\n" + rows.map { $0.hasSuffix("2019-13-45") ? $0 : $0 + "," }.joined(separator: "\n") + "\n")
        try dossier.write("story.txt", "The story ends here.")
        let outcome = try dossier.run(["annotate", "--format", "conllu", dossier.path("rows.csv"), dossier.path("story.txt")])
        #expect(outcome.status == 1)
        #expect(outcome.messages.contains("error: the date '2019-13-45' is not of the form YYYY-MM-DD"), "\(outcome.messages)")
        #expect(outcome.messages.contains("rows.csv:301:1"), "\(outcome.messages)")
        let documents = outcome.output.components(separatedBy: "# newdoc id = ").dropFirst().map { $0.prefix { $0 != "\n" } }
        #expect(documents == (1...600).filter { $0 != 300 }.map { "r\($0)"[...] } + ["story"])
    }

    @Test func jsonLinesOnStandardInputAreReadAsTheyCome() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let lines = (1...150).map { #"{"id": "d\#($0)", "text": "Talks resume on day \#($0)."}"# }
        let input = lines[..<70].joined(separator: "\n") + "\nnot json\n" + lines[70...].joined(separator: "\n") + "\n"
        let outcome = try dossier.run(["annotate", "--format", "conllu", "-"], input: input)
        #expect(outcome.status == 1)
        #expect(outcome.messages.contains("<stdin>:71:1"), "\(outcome.messages)")
        let documents = outcome.output.components(separatedBy: "# newdoc id = ").dropFirst().map { String($0.prefix { $0 != "\n" }) }
        #expect(documents == (1...150).map { "d\($0)" })
    }

    @Test func anOutputFolderIsOnlyForTimeML() throws {
        let dossier = try DossierBinary()
        defer { dossier.remove() }
        let refused = try dossier.run(["annotate", "--format", "conllu", "--output", "out", "-"], input: "Talks resume.")
        #expect(refused.status == 1)
        #expect(refused.messages.contains("--output is for --format timeml; conllu goes to standard output"), "\(refused.messages)")
    }
}
