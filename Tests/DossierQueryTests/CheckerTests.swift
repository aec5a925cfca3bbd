import DossierCore
import Testing
@testable import DossierQuery

@Suite struct CheckerTests {
    private func rendered(_ text: String, sourceName: String = "<test>") -> String? {
        guard let diagnostic = Fixture.diagnostic(text, sourceName: sourceName) else { return nil }
        return DiagnosticFormatter().format(diagnostic, source: text)
    }

    @Test func stageThatCannotTakeTheRows() throws {
        let text = "# find the words around each entity\nlet everyone = entities\nentities | kwic width 5"
        let diagnostic = try #require(Fixture.diagnostic(text, sourceName: "analysis.dq"))
        #expect(diagnostic.code == .stageInputMismatch)
        #expect(diagnostic.sourceName == "analysis.dq")
        #expect(diagnostic.range?.start.line == 3)
        #expect(diagnostic.range?.start.column == 12)
        #expect(DiagnosticFormatter().format(diagnostic, source: text) == """
        error: 'kwic' needs mentions, but the pipeline carries entities
         --> analysis.dq:3:12
          |
        3 | entities | kwic width 5
          |            ^^^^ help: insert '| mentions' before 'kwic'

        """)
    }

    @Test func unknownFieldSuggestsTheNearest() {
        #expect(rendered(#"entities | where nmae == "BRICS""#) == """
        error: entities have no field 'nmae'
         --> <test>:1:18
          |
        1 | entities | where nmae == "BRICS"
          |                  ^^^^ help: did you mean 'name'?
          = note: entities have the fields: id, name, kind, aliases, mentions, documents, first, last

        """)
    }

    @Test func enumCaseThatDoesNotExist() {
        #expect(rendered("entities | where kind == visit") == """
        error: 'visit' is not a Kind
         --> <test>:1:26
          |
        1 | entities | where kind == visit
          |                          ^^^^^
          = note: Kind is one of: person, organization, location, event, group, other

        """)
        #expect(Fixture.diagnostic("entities | where kind == persn")?.help?.message == "did you mean 'person'?")
        #expect(Fixture.diagnostic("entities | where kind in [person, plase]")?.code == .unknownCase)
    }

    @Test func malformedTimeLiteral() {
        #expect(rendered("documents | during 2023-13") == """
        error: malformed time literal '2023-13'
         --> <test>:1:20
          |
        1 | documents | during 2023-13
          |                    ^^^^^^^
          = note: there is no month 13; months run from 01 to 12
          = note: time literals are written 2023, 2023-07, 2023-07-25, 2023-Q3, 2023-W30, or as a range such as 2023-03..2023-10

        """)
        #expect(Fixture.diagnostic("documents | where date during 2023-02-30")?.notes.first == "2023-02 has no day 30")
        #expect(Fixture.diagnostic("documents | where date during 2023-Q5")?.notes.first == "a year has quarters Q1 to Q4")
        #expect(Fixture.diagnostic("documents | during 2023-10..2023-03")?.notes.first == "the range ends before it starts")
    }

    @Test func unterminatedString() {
        #expect(rendered(#"documents | where title == "Putin"#) == """
        error: unterminated string
         --> <test>:1:28
          |
        1 | documents | where title == "Putin
          |                            ^^^^^^ help: add a closing '"'

        """)
    }

    @Test func unknownEntityListsCandidates() {
        #expect(rendered("@putn | documents") == """
        error: unknown entity '@putn'
         --> <test>:1:1
          |
        1 | @putn | documents
          | ^^^^^ help: did you mean @"Vladimir Putin"?
          = note: candidates: Vladimir Putin

        """)
        let quoted = Fixture.diagnostic(#"documents | mentioning @"Xi Jinpin""#)
        #expect(quoted?.code == .unknownEntity)
        #expect(quoted?.range?.start.column == 24)
        #expect(quoted?.notes == ["candidates: Xi Jinping"])
        let nothing = Fixture.diagnostic("@zzzzzzzz")
        #expect(nothing?.notes == ["no entity in the corpus has that name or alias, or one close to it"])
    }

    @Test func ambiguousEntityListsCandidates() throws {
        let diagnostic = try #require(Fixture.diagnostic("mentions | where entity == @xi"))
        #expect(diagnostic.code == .ambiguousEntity)
        #expect(diagnostic.range?.start.column == 28)
        #expect(diagnostic.notes == [#"@"Xi Jinping" (person, 3 mentions)"#, #"@"Xi Mingze" (person, 0 mentions)"#])
        #expect(diagnostic.help?.message == #"write one of the literals below, as in @"Xi Jinping""#)
    }

    @Test func comparisonAcrossTypes() throws {
        let diagnostic = try #require(Fixture.diagnostic(#"documents | where date == "July""#))
        #expect(diagnostic.code == .typeMismatch)
        #expect(diagnostic.range?.start.column == 27)
        #expect(diagnostic.help?.message == "write a time literal such as 2023-07 or 2023-07-25")
        #expect(Fixture.diagnostic("entities | where mentions == \"many\"")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("entities | where kind < person")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("documents | where title")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("documents | where words contains \"x\"")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("documents | where title during 2023")?.message
            == "'during' needs a Date or TimeRange on its left, but 'title' is a String")
        #expect(Fixture.diagnostic("documents | where year(title) == 2023")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("documents | where yeer(date) == 2023")?.help?.message == "did you mean 'year'?")
    }

    @Test func invalidRegularExpressionPointsAtTheString() throws {
        let diagnostic = try #require(Fixture.diagnostic(#"documents | where title matches "(unclosed""#))
        #expect(diagnostic.code == .invalidRegex)
        #expect(diagnostic.range?.start.column == 34)  // under the '(' inside the string
    }

    @Test func unknownSourcesSuggestTheNearest() {
        #expect(Fixture.diagnostic("documnets | count")?.help?.message == "did you mean 'documents'?")
    }

    @Test func typesFlowThroughThePipeline() {
        #expect(Fixture.diagnostic("entities | mentioning @putin")?.help?.message == "insert '| documents' before 'mentioning'")
        #expect(Fixture.diagnostic("entities | during 2023")?.code == .stageInputMismatch)
        #expect(Fixture.diagnostic("documents | count | take 3")?.code == .stageInputMismatch)
        let table = Fixture.diagnostic("documents | select id, title | where date during 2023")
        #expect(table?.code == .unknownField)
        #expect(table?.notes == ["the table's columns are: id, title"])
        #expect(Fixture.diagnostic("mentions | count by entity | where count > 1 | sort name")?.code == .unknownField)
        #expect(Fixture.diagnostic("documents | select id, title as id")?.code == .duplicateName)
        #expect(Fixture.diagnostic("documents | count by source | mentions")?.message
            == "'mentions' needs rows linked to mentions, but the pipeline carries a table (source, count)")
    }

    @Test func checkFollowsBindingsWithoutRunning() throws {
        let session = Fixture.session()
        let types = try session.check("let people = entities | where kind == person\npeople | count")
        #expect(types == [.rows(.source(.entities)), .value(.int)])
        #expect(session.boundNames.isEmpty)
    }

    @Test func errorsInLaterStatementsHaveTheirLineAndEarlierResultsArrive() throws {
        let session = Fixture.session()
        let text = """
        documents | count
        let people = entities | where kind == person
        people
          | where nmae == "x"
        """
        var seen: [StatementResult] = []
        do {
            try session.run(text, sourceName: "script.dq") { seen.append($0) }
            Issue.record("expected an error")
        } catch {
            #expect(error.sourceName == "script.dq")
            #expect(error.range?.start.line == 4)
            #expect(error.range?.start.column == 11)
            #expect(error.description == "script.dq:4:11: error: entities have no field 'nmae'")
        }
        #expect(seen.count == 2)
        #expect(seen[1].boundName == "people")
        #expect(session.boundNames == ["people"])
    }
}
