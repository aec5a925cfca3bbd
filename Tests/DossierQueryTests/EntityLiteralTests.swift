import DossierCore
import DossierStore
import Testing
@testable import DossierQuery

/// Entity literals that several entities answer to, and the literals that name exactly one.
@Suite struct EntityLiteralTests {
    /// Two entities called Dover of different kinds, and an organization with the alias Dover.
    static let index: CorpusIndex = {
        var entities = CorpusIndex.EntityColumns()
        entities.append(name: "Dover", kind: .location, aliases: [])
        entities.append(name: "Dover", kind: .other, aliases: [])
        entities.append(name: "Dover Harbour Board", kind: .organization, aliases: ["Dover"])
        return CorpusIndex(documents: .init(), entities: entities, mentions: .init(), sentences: .init(), relations: .init(), times: .init())
    }()

    static func diagnostic(_ text: String) -> Diagnostic? { Fixture.diagnostic(text, in: QuerySession(index: index)) }

    static func names(_ text: String) throws -> [String] {
        try Fixture.table(text + " | select name, kind", in: QuerySession(index: index)).rows.map { $0.map(\.displayText).joined(separator: "/") }
    }

    @Test func anAmbiguousNameListsALiteralForEachCandidate() throws {
        let diagnostic = try #require(Self.diagnostic("@dover | count"))
        #expect(diagnostic.code == .ambiguousEntity)
        #expect(diagnostic.notes == [
            "@Dover:location (location, 0 mentions)", "@Dover:other (other, 0 mentions)", #"@"Dover Harbour Board" (organization, 0 mentions)"#,
        ])
        #expect(diagnostic.help?.message == "write one of the literals below, as in @Dover:location")
    }

    @Test func eachListedLiteralNamesExactlyItsEntity() throws {
        #expect(try Self.names("@Dover:location") == ["Dover/location"])
        #expect(try Self.names("@Dover:other") == ["Dover/other"])
        #expect(try Self.names("@dover:organization") == ["Dover Harbour Board/organization"])
        #expect(try Self.names(#"@"Dover Harbour Board""#) == ["Dover Harbour Board/organization"])
        #expect(try Self.names("entities | where name == \"Dover\" | take 1 | entities") == ["Dover/location"])
    }

    @Test func aKindNoCandidateHasIsAnError() throws {
        let diagnostic = try #require(Self.diagnostic("@Dover:person | count"))
        #expect(diagnostic.code == .unknownEntity)
        #expect(diagnostic.notes.count == 3)
        #expect(Self.diagnostic("@Dover:locaton | count")?.help?.message == "did you mean 'location'?")
        // Spaces around ':' make it something else than a kind.
        #expect(Self.diagnostic("@Dover : location | count") != nil)
    }
}
