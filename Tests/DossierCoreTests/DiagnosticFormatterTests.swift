import DossierCore
import Testing

@Suite("DiagnosticFormatter")
struct DiagnosticFormatterTests {
    let script = "# trips\ndocuments | count\nentities | kwic width 5\n"

    @Test func rendersTheLineWithCaretsAndHelp() {
        let start = SourceLocation(line: 3, column: 12, offset: 37)
        let end = SourceLocation(line: 3, column: 16, offset: 41)
        let diagnostic = Diagnostic(.error, .stageInputMismatch, "'kwic' needs mentions, but the pipeline carries entities", sourceName: "analysis.dq",
                                    range: SourceRange(start: start, end: end), help: .init("insert '| mentions' before 'kwic'"))
        #expect(DiagnosticFormatter().format(diagnostic, source: script) == """
            error: 'kwic' needs mentions, but the pipeline carries entities
             --> analysis.dq:3:12
              |
            3 | entities | kwic width 5
              |            ^^^^ help: insert '| mentions' before 'kwic'

            """)
    }

    @Test func rendersNotesAndAPlaceWithoutSource() {
        let diagnostic = Diagnostic(.warning, .malformedRecord, "the row has 3 fields, but the header has 4", sourceName: "news.csv",
                                    range: SourceRange(at: SourceLocation(line: 7, column: 1, offset: 0)), notes: ["skipped"])
        #expect(DiagnosticFormatter().format(diagnostic) == """
            warning: the row has 3 fields, but the header has 4
             --> news.csv:7:1
              = note: skipped

            """)
        #expect(diagnostic.description == "news.csv:7:1: warning: the row has 3 fields, but the header has 4")
    }

    @Test func alignsCaretsUnderNonASCIIText() {
        let source = "mentions | where text == \"Putin’s\" and bogus"
        let column = source.unicodeScalars.count - 4
        let diagnostic = Diagnostic(.error, .unknownField, "unknown field 'bogus'", sourceName: "<query>",
                                    range: SourceRange(start: SourceLocation(line: 1, column: column, offset: 0),
                                                       end: SourceLocation(line: 1, column: column + 5, offset: 0)))
        let rendered = DiagnosticFormatter().format(diagnostic, source: source)
        #expect(rendered.contains("\n  | " + String(repeating: " ", count: column - 1) + "^^^^^\n"))
    }
}

@Suite("EditDistance")
struct EditDistanceTests {
    @Test func countsEdits() {
        #expect(EditDistance.between("titel", "title") == 2)
        #expect(EditDistance.between("date", "date") == 0)
        #expect(EditDistance.between("", "kind") == 4)
    }

    @Test func suggestsTheNearestLikelyTypo() {
        #expect(EditDistance.nearest(to: "titel", in: ["id", "title", "date"]) == "title")
        #expect(EditDistance.nearest(to: ".MDOE", in: [".help", ".mode"]) == ".mode")
        #expect(EditDistance.nearest(to: "zzzzzz", in: ["id", "title", "date"]) == nil)
        #expect(EditDistance.nearest(to: "x", in: []) == nil)
    }
}
