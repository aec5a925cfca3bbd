import DossierCore
import Testing
@testable import DossierStore

@Suite("Corpus entity resolution")
struct CorpusEntityResolverTests {
    private static func document(_ id: String, _ text: String, _ mentions: [(String, String, EntityKind)]) -> AnnotatedDocument {
        WorkspaceTests.annotated(id, text, mentions: mentions.map { ($0.0, $0.1, $0.2, 0) })
    }

    private static let surnameOnly = document("surname", "Putin spoke.", [("Putin", "Putin", .person)])
    private static let fullName = document("full", "Vladimir Putin spoke again.", [("Vladimir Putin", "Vladimir Putin", .person)])
    private static let acronymOnly = document("acronym", "The ICC acted.", [("ICC", "ICC", .organization)])
    private static let courtName = document("court", "The International Criminal Court sat.",
                                            [("International Criminal Court", "International Criminal Court", .organization)])

    private static func index(adding batches: [[AnnotatedDocument]]) throws -> CorpusIndex {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        for batch in batches { _ = try workspace.add(batch) }
        return try workspace.loadIndex()
    }

    @Test(arguments: [false, true])
    func aSurnameJoinsTheOneFullNameWhicheverCameFirst(fullNameFirst: Bool) throws {
        let batches = fullNameFirst ? [[Self.fullName], [Self.surnameOnly]] : [[Self.surnameOnly], [Self.fullName]]
        let index = try Self.index(adding: batches)
        #expect(index.entities.names == ["Vladimir Putin"])
        #expect(index.entities.aliases == [["Putin"]])
        #expect(index.entities.mentionCounts == [2])
        #expect(index.documentsByEntity[0].count == 2)
    }

    @Test func anAcronymJoinsTheOrganizationWhoseInitialsSpellIt() throws {
        let index = try Self.index(adding: [[Self.acronymOnly], [Self.courtName]])
        #expect(index.entities.names == ["International Criminal Court"])
        #expect(index.entities.aliases == [["ICC"]])
        #expect(index.lookUpEntity(named: "icc") == .found(0))
    }

    @Test func relationArgumentsFollowTheMerge() throws {
        var visit = RelationStoreTests.visitDocument()
        visit.mentions[0].entity = "Putin"
        visit.relations[0].subject.name = "Putin"
        let index = try Self.index(adding: [[visit], [Self.fullName]])
        #expect(index.relations.subjects.map { index.entities.names[Int($0)] } == ["Vladimir Putin", "Russian delegation"])
        #expect(!index.entities.names.contains("Putin"))
    }

    @Test func aSurnameTwoPeopleShareStaysApart() throws {
        let other = Self.document("other", "Igor Putin spoke.", [("Igor Putin", "Igor Putin", .person)])
        let index = try Self.index(adding: [[Self.surnameOnly, Self.fullName, other]])
        #expect(Set(index.entities.names) == ["Putin", "Vladimir Putin", "Igor Putin"])
    }

    @Test func aLaterAliasResolvesAnEarlierOneWordEntity() throws {
        let xiOnly = Self.document("xi", "Xi spoke.", [("Xi", "Xi", .person)])
        let xiFull = Self.document("xi-full", "Xi Jinping spoke. Xi left.", [("Xi Jinping", "Xi Jinping", .person), ("Xi", "Xi Jinping", .person)])
        let index = try Self.index(adding: [[xiOnly], [xiFull]])
        #expect(index.entities.names == ["Xi Jinping"])
        #expect(index.entities.mentionCounts == [3])
    }

    @Test func aSurnameArrivingAfterTwoPeopleStaysApart() throws {
        let other = Self.document("other", "Igor Putin spoke.", [("Igor Putin", "Igor Putin", .person)])
        let index = try Self.index(adding: [[Self.fullName], [other], [Self.surnameOnly]])
        #expect(index.entities.names == ["Vladimir Putin", "Igor Putin", "Putin"])
    }

    @Test func mergesOnlyOneWordEntitiesIntoUniqueCandidates() {
        typealias Entity = CorpusEntityResolver.Entity
        let entities = [
            Entity(number: 1, name: "Putin", kind: .person),
            Entity(number: 2, name: "Vladimir Putin", kind: .person),
            Entity(number: 3, name: "Xi", kind: .person),
            Entity(number: 4, name: "Xi Jinping", kind: .person, aliases: ["Xi"]),
            Entity(number: 5, name: "Sergey Lavrov", kind: .person),
            Entity(number: 6, name: "Sergei Shoigu", kind: .person),
            Entity(number: 7, name: "NATO", kind: .organization),
            Entity(number: 8, name: "North Atlantic Treaty Organization", kind: .organization),
            Entity(number: 9, name: "ICC", kind: .organization),
            Entity(number: 10, name: "International Criminal Court", kind: .organization),
            Entity(number: 11, name: "International Cricket Council", kind: .organization),
            Entity(number: 12, name: "China", kind: .location),
            Entity(number: 13, name: "OPEC", kind: .organization),
            Entity(number: 14, name: "Organization of the Petroleum Exporting Countries", kind: .organization),
        ]
        let merges = CorpusEntityResolver.merges(among: entities).map { [$0.from, $0.into] }
        // ICC names two organizations by initials, so it stays apart; Lavrov and Shoigu never meet.
        #expect(merges == [[1, 2], [3, 4], [7, 8], [13, 14]])
        // An alias settles what initials alone cannot.
        var withAlias = entities
        withAlias[9].aliases = ["ICC"]
        #expect(CorpusEntityResolver.merges(among: withAlias).map { [$0.from, $0.into] }.contains([9, 10]))
    }

    @Test func resolvingAgainChangesNothing() throws {
        let folder = try TemporaryFolder()
        let workspace = try Workspace.open(at: folder.file("w.sqlite"), createIfMissing: true)
        _ = try workspace.add([Self.surnameOnly, Self.fullName, Self.acronymOnly, Self.courtName])
        let first = try workspace.loadIndex()
        _ = try workspace.add([Self.document("later", "Nothing new.", [])])
        let second = try workspace.loadIndex()
        #expect(first.entities.names == second.entities.names)
        #expect(first.entities.aliases == second.entities.aliases)
        #expect(first.mentions.entities == second.mentions.entities)
    }
}
