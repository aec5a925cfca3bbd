import DossierCore
import Testing
@testable import DossierQuery

@Suite struct ParserTests {
    private func pipeline(_ text: String) throws -> QueryPipeline {
        let program = try Parser.parse(text)
        guard program.statements.count == 1, case .pipeline(let pipeline) = program.statements[0].kind else {
            throw ParseShapeError()
        }
        return pipeline
    }

    struct ParseShapeError: Error {}

    @Test func sourceAndStages() throws {
        let parsed = try pipeline(#"documents | where title contains "Putin" | sort date desc, title | take 5"#)
        #expect(parsed.source.kind == .name(Identifier(name: "documents", range: parsed.source.range)))
        #expect(parsed.stages.map(\.name.name) == ["where", "sort", "take"])
        guard case .sort(let keys) = parsed.stages[1].kind, case .take(let count) = parsed.stages[2].kind else {
            Issue.record("unexpected stages \(parsed.stages.map(\.kind))")
            return
        }
        #expect(keys.map(\.descending) == [true, nil])
        #expect(count.value == 5)
        #expect(parsed.stages[2].range.start.column == 68)
        #expect(parsed.range.end.column == 74)
    }

    @Test func analysisStagesTakeTheirWordsInAnyOrder() throws {
        let parsed = try pipeline("documents | cooccur min 2 in sentence with person | timeline by week | render bar")
        guard case .cooccur(let kind, let unit, let minimum) = parsed.stages[0].kind,
              case .timeline(let timelineUnit) = parsed.stages[1].kind,
              case .render(let word) = parsed.stages[2].kind else {
            Issue.record("unexpected stages \(parsed.stages.map(\.kind))")
            return
        }
        #expect([kind?.name, unit?.name, minimum.map { String($0.value) }, timelineUnit?.name, word?.name]
            == ["person", "sentence", "2", "week", "bar"])
        #expect(parsed.stages[0].range.end.column == 50)
        guard case .cooccur(nil, nil, nil) = try pipeline("entities | cooccur").stages[0].kind,
              case .graph = try pipeline("relations | graph").stages[0].kind else {
            Issue.record("unexpected bare stages")
            return
        }
        #expect(throws: Diagnostic.self) { try Parser.parse("documents | cooccur with") }
        #expect(throws: Diagnostic.self) { try Parser.parse("documents | cooccur min 2 min 3") }
    }

    @Test func expressionPrecedence() throws {
        let parsed = try pipeline("entities | where not kind == person and mentions > 2 or name == \"BRICS\"")
        guard case .filter(let condition) = parsed.stages[0].kind,
              case .binary(.or, let left, _, _) = condition.kind,
              case .binary(.and, let negation, let comparison, _) = left.kind,
              case .not(let inner) = negation.kind,
              case .binary(.equal, _, _, _) = inner.kind,
              case .binary(.greater, _, _, _) = comparison.kind else {
            Issue.record("unexpected shape")
            return
        }
    }

    @Test func literalsInExpressions() throws {
        let parsed = try pipeline(#"mentions | where date during 2023-03..2023-10 and entity in [@putin, @"Xi Jinping"]"#)
        guard case .filter(let condition) = parsed.stages[0].kind,
              case .binary(.and, let time, let membership, _) = condition.kind,
              case .binary(.time(.during), _, let literal, _) = time.kind,
              case .time(let range) = literal.kind,
              case .binary(.in, _, let list, _) = membership.kind,
              case .list(let elements) = list.kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(range == TimeRange(literal: "2023-03..2023-10"))
        #expect(elements.map(\.kind) == [
            .entity(EntityLiteral(name: "putin", range: elements[0].range)),
            .entity(EntityLiteral(name: "Xi Jinping", range: elements[1].range)),
        ])
    }

    @Test func selectItemsAndCountBy() throws {
        let parsed = try pipeline("documents | select id, year(date) as year, lower(title) | count by year")
        guard case .select(let items) = parsed.stages[0].kind, case .count(let keys) = parsed.stages[1].kind else {
            Issue.record("unexpected stages")
            return
        }
        #expect(items.map(\.columnName) == ["id", "year", "lower(title)"])
        #expect(keys.map(\.columnName) == ["year"])
        let top = try pipeline("entities | top 3 by mentions")
        guard case .top(let count, let by) = top.stages[0].kind else {
            Issue.record("expected top")
            return
        }
        #expect(count.value == 3)
        #expect(by.count == 1)
    }

    @Test func statementsSplitOnLinesAndSemicolonsAndContinueOnPipes() throws {
        let text = """
        # counts
        let people = entities
            | where kind == person   # only people
        # a comment between lines

            | sort name
        people | count; documents
        documents |
          count
        """
        let program = try Parser.parse(text)
        #expect(program.statements.count == 4)
        guard case .binding(let name, let bound) = program.statements[0].kind else {
            Issue.record("expected a binding")
            return
        }
        #expect(name.name == "people")
        #expect(bound.stages.map(\.name.name) == ["where", "sort"])
        #expect(program.statements[0].range.start.line == 2)
        #expect(program.statements[0].range.end.line == 6)
        #expect(program.statements[1].range.start == SourceLocation(line: 7, column: 1, offset: program.statements[1].range.start.offset))
        #expect(program.statements[2].range.start.column == 17)
        guard case .pipeline(let last) = program.statements[3].kind else {
            Issue.record("expected a pipeline")
            return
        }
        #expect(last.stages.map(\.name.name) == ["count"])
    }

    @Test func bracketsContinueStatements() throws {
        let program = try Parser.parse("entities | where kind in [person,\n  location]")
        #expect(program.statements.count == 1)
    }

    @Test func parameterIsParsed() throws {
        let program = try Parser.parse("param who: entity = @putin")
        guard case .parameter(let declaration) = program.statements[0].kind else {
            Issue.record("expected a parameter")
            return
        }
        #expect(declaration.name.name == "who")
        #expect(declaration.type == .name(Identifier(name: "entity", range: declaration.typeRange)))
        #expect(declaration.defaultValue?.text == "@putin")
        let choices = try Parser.parse("param unit: [day, week, month]")
        guard case .parameter(let unit) = choices.statements[0].kind, case .choices(let words) = unit.type else {
            Issue.record("expected a parameter with choices")
            return
        }
        #expect(words.map(\.name) == ["day", "week", "month"])
        #expect(unit.defaultValue == nil)
    }

    @Test func syntaxErrors() {
        func message(_ text: String) -> String? {
            do { _ = try Parser.parse(text); return nil } catch { return error.message }
        }
        #expect(message("documents | take") == "'take' needs a number, as in 'take 10'")
        #expect(message("documents | take ten") == "'take' needs a number, as in 'take 10', found 'ten'")
        #expect(message("documents where x") == "unexpected 'where'")
        #expect(message("documents |") == "expected a stage after '|'")
        #expect(message("documents | wher x") == "unknown stage 'wher'")
        #expect(message("documents | where") == "expected a condition after 'where'")
        #expect(message("documents | where title = \"x\"") == "'=' binds names in 'let'; compare with '=='")
        #expect(message("documents | during July") == "'during' needs a time literal such as 2023, 2023-07 or 2023-03..2023-10")
        #expect(message("| count") == "a pipeline starts with a source, not with '|'")
        #expect(message("let x =") == "expected a pipeline after 'let x ='")
        #expect(message("documents | mentioning putin") == "'mentioning' takes entity literals such as @putin or @\"Xi Jinping\"")
        #expect(message("documents | where (title == \"x\"") == "'(' is never closed")
        #expect(message("documents | where kind in [person") == "'[' is never closed")
        #expect(message("documents | where (title == \"x\" x") == "expected ')'")
        #expect(message("documents | where kind in [person x") == "expected ']' to close the list")
        #expect(message("let documents = entities") == "'documents' cannot be bound by 'let': it is a word of the language")
    }
}

/// The language's vocabulary is one table: every stage in it parses and checks, and the parser
/// knows no stage the table lacks.
@Suite("Vocabulary")
struct VocabularyTests {
    @Test(arguments: Vocabulary.stages)
    func everyStageOfTheTableParsesAndChecks(stage: Vocabulary.StageEntry) throws {
        let program = try Parser.parse(stage.example)
        guard case .pipeline(let pipeline)? = program.statements.first?.kind else {
            Issue.record("'\(stage.example)' is not a pipeline")
            return
        }
        #expect(pipeline.stages.map(\.name.name).contains(stage.name))
        #expect(throws: Never.self) { try Fixture.session().check(stage.example) }
        #expect(stage.usage.hasPrefix(stage.name) || stage.usage.contains(" · \(stage.name)"))
    }

    @Test func aWordOutsideTheTableIsNoStage() {
        #expect(Fixture.diagnostic("documents | timelines")?.code == .unknownStage)
        #expect(Fixture.diagnostic("documents | timelines")?.notes == ["the stages are: " + Vocabulary.stageNames.joined(separator: ", ")])
        #expect(Set(Vocabulary.stageNames).count == Vocabulary.stages.count)
        #expect(Vocabulary.reservedWords.isSubset(of: Vocabulary.wordsNoNameMayTake))
        #expect(Fixture.diagnostic("let contains = documents")?.code == .reservedName)
    }
}
