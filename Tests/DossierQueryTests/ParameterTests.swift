import DossierCore
import Testing
@testable import DossierQuery

/// `param NAME: TYPE = DEFAULT` and `$NAME`.
@Suite struct ParameterTests {
    @Test func aDeclarationGivesItsDefault() throws {
        let session = Fixture.session()
        let text = """
            param who: entity = @putin
            param since: time = 2023-08
            param n: number = 1
            param unit: [month, year] = year
            $who | relations | after $since | take $n | select predicate
            """
        #expect(try Fixture.column("predicate", of: text, in: session) == ["meet"])
        #expect(try Fixture.column("bucket", of: "documents | timeline by $unit", in: session) == ["2023"])
        #expect(session.parameters.map(\.name) == ["n", "since", "unit", "who"])
        #expect(session.parameters.last?.value?.literal == "@putin")
    }

    @Test func aValueSetBeforeTheDeclarationWins() throws {
        let session = Fixture.session()
        try session.setParameter("who", to: "Xi Jinping")
        try session.setParameter("kinds", to: "person")
        let text = """
            param who: entity = @putin
            param kinds: kind = location
            $who | mentions | documents | count
            """
        #expect(try Fixture.scalar(text, in: session) == .int(3))
        #expect(try Fixture.scalar("entities | where kind == $kinds | count", in: session) == .int(3))
        #expect(session.parameters.first { $0.name == "who" }?.value?.literal == #"@"Xi Jinping""#)
        session.unsetParameter("who")
        #expect(try Fixture.scalar("$who | mentions | count", in: session) == .int(4))
    }

    @Test func valuesAreCheckedAgainstTheirType() throws {
        #expect(throws: ParameterValue.Problem.self) { try ParameterType.time.value(from: "2023-13") }
        #expect(throws: ParameterValue.Problem.self) { try ParameterType.number.value(from: "many") }
        #expect(throws: ParameterValue.Problem.self) { try ParameterType.enumeration(.predicate).value(from: "visited") }
        #expect(throws: ParameterValue.Problem.self) { try ParameterType.choice(["day", "week"]).value(from: "month") }
        #expect(try ParameterType.entity.value(from: "Xi Jinping").literal == #"@"Xi Jinping""#)
        #expect(try ParameterType.entity.value(from: "@Dover:location").literal == "@Dover:location")
        #expect(try ParameterType.entity.value(from: "@Xi Jinping").literal == #"@"Xi Jinping""#)
        #expect(try ParameterType.string.value(from: #"say "hi""#).literal == #""say \"hi\"""#)
        #expect(try ParameterType.string.value(from: #""arrest warrant""#).literal == #""arrest warrant""#)
        #expect(ParameterType.inferred(from: "2023-07").type == .time)
        #expect(ParameterType.inferred(from: "@putin").type == .entity)
        #expect(ParameterType.inferred(from: "putin").type == .string)

        let session = Fixture.session()
        try session.setParameter("since", to: "putin")
        let wrong = try #require(Fixture.diagnostic("param since: time = 2023\ndocuments | during $since", in: session))
        #expect(wrong.code == .invalidParameterValue)
        #expect(wrong.range?.start.line == 1 && wrong.range?.start.column == 7)
        let badDefault = try #require(Fixture.diagnostic("param n: number = ten"))
        #expect(badDefault.code == .invalidParameterValue)
        #expect(badDefault.range?.start.column == 19)
        #expect(Fixture.diagnostic("param who: entity = @nobodyatall")?.code == .unknownEntity)
        #expect(Fixture.diagnostic("param who: entty = @putin")?.help?.message == "did you mean 'entity'?")
    }

    @Test func aMissingOrUnknownParameterIsAnErrorAtItsPlace() throws {
        let missing = try #require(Fixture.diagnostic("param who: entity\n$who | count"))
        #expect(missing.code == .missingParameterValue)
        #expect(missing.range?.start.line == 1 && missing.range?.start.column == 7)
        let unknown = try #require(Fixture.diagnostic("param who: entity = @xi_jinping\n$whom | count"))
        #expect(unknown.code == .unknownParameter)
        #expect(unknown.range?.start.line == 2 && unknown.range?.start.column == 1)
        #expect(unknown.help?.message == "did you mean '$who'?")
        #expect(Fixture.diagnostic("documents | take $")?.message == "expected a parameter name after '$'")
    }

    @Test func aParameterOfTheWrongKindIsAnErrorAtItsUse() throws {
        let diagnostic = try #require(Fixture.diagnostic("param who: entity = @putin\ndocuments | during $who"))
        #expect(diagnostic.code == .invalidStageArgument)
        #expect(diagnostic.range?.start.line == 2 && diagnostic.range?.start.column == 20)
    }

    @Test func aScanFindsDeclarationsAndUsesWithoutRunning() throws {
        var scan = ParameterScan()
        try scan.scan("param who: entity = @putin\nparam since: time\n$who | during $since", firstLine: 3)
        try scan.checkUses()
        #expect(scan.declarations.map(\.name.name) == ["who", "since"])
        #expect(scan.types["since"] == .time)
        #expect(scan.declarations[1].name.range.start.line == 4)

        var early = ParameterScan()
        try early.scan("$who | count\nparam who: entity = @putin")
        #expect(throws: Diagnostic.self) { try early.checkUses() }
        var known = ParameterScan(known: ["who"])
        try known.scan("$who | count")
        try known.checkUses()
        var badDefault = ParameterScan()
        #expect(throws: Diagnostic.self) { try badDefault.scan("param since: time = July") }
    }
}
