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

    // MARK: Entities of unknown kind and stray typings

    /// A document whose text is its id, then `name` repeated `count` times, each a mention of `kind`.
    private static func repeated(_ id: String, _ name: String, _ kind: EntityKind, times count: Int) -> AnnotatedDocument {
        let prefix = "(\(id)) "  // no two documents have the same text
        let text = prefix + Array(repeating: name, count: count).joined(separator: ". ") + "."
        var mentions: [(String, String, EntityKind, Int)] = []
        var offset = prefix.unicodeScalars.count
        for _ in 0..<count {
            mentions.append((name, name, kind, offset))
            offset += name.unicodeScalars.count + 2
        }
        return WorkspaceTests.annotated(id, text, mentions: mentions)
    }

    @Test(arguments: [false, true])
    func aSurnameOfUnknownKindJoinsThePersonWhicheverCameFirst(fullNameFirst: Bool) throws {
        let full = Self.document("full", "Donald Trump spoke. Trump left.", [("Donald Trump", "Donald Trump", .person), ("Trump", "Donald Trump", .person)])
        let bare = Self.document("bare", "Unfortunately, Trump is late.", [("Trump", "Trump", .other)])
        let index = try Self.index(adding: fullNameFirst ? [[full], [bare]] : [[bare], [full]])
        #expect(index.entities.names == ["Donald Trump"])
        #expect(index.entities.kinds == [.person])
        #expect(index.entities.mentionCounts == [3])
    }

    @Test func anEntityOfUnknownKindJoinsTheOneTypedEntityOfItsName() throws {
        let typed = Self.repeated("typed", "Mars", .location, times: 2)
        let untyped = Self.repeated("untyped", "Mars", .other, times: 3)
        let index = try Self.index(adding: [[untyped], [typed]])
        #expect(index.entities.names == ["Mars"])
        #expect(index.entities.kinds == [.location])
        #expect(index.entities.mentionCounts == [5])
    }

    @Test func anEntityOfUnknownKindStaysApartFromTwoTypedOnes() throws {
        let country = Self.repeated("country", "Jordan", .location, times: 2)
        let person = Self.repeated("person", "Jordan", .person, times: 1)
        let untyped = Self.repeated("untyped", "Jordan", .other, times: 1)
        let index = try Self.index(adding: [[country, person], [untyped]])
        #expect(index.entities.names.count == 3)
        #expect(Set(index.entities.kinds) == [.location, .person, .other])
    }

    @Test func aWordMentionedMoreOftenThanThePersonItEndsIsNoSurname() throws {
        // "House" said more often than the one "Blue House" typed a person: a word, not a surname.
        let person = Self.repeated("person", "Blue House", .person, times: 1)
        let word = Self.repeated("word", "House", .other, times: 3)
        let index = try Self.index(adding: [[person], [word]])
        #expect(Set(index.entities.names) == ["Blue House", "House"])
    }

    @Test func aStrayTypingJoinsTheKindItsNameHasMost() throws {
        let college = Self.repeated("college", "University College London", .organization, times: 3)
        let stray = Self.repeated("stray", "University College London", .person, times: 1)
        let index = try Self.index(adding: [[stray], [college]])
        #expect(index.entities.names == ["University College London"])
        #expect(index.entities.kinds == [.organization])
        #expect(index.entities.mentionCounts == [4])
        // Too few to tell: both stay.
        let even = try Self.index(adding: [[Self.repeated("a", "Magyar Nemzet", .organization, times: 1)],
                                           [Self.repeated("b", "Magyar Nemzet", .person, times: 1)]])
        #expect(even.entities.names.count == 2)
    }

    @Test func aCityAndATeamOfOneNameStayApartButAnAcronymDoesNot() throws {
        let city = Self.repeated("city", "New York", .location, times: 4)
        let team = Self.repeated("team", "New York", .organization, times: 1)
        #expect(try Self.index(adding: [[city], [team]]).entities.names.count == 2)
        let agency = Self.repeated("agency", "NASA", .organization, times: 4)
        let place = Self.repeated("place", "NASA", .location, times: 1)
        let index = try Self.index(adding: [[place], [agency]])
        #expect(index.entities.names == ["NASA"])
        #expect(index.entities.kinds == [.organization])
    }

    @Test func theRulesAsPureFunctions() {
        typealias Entity = CorpusEntityResolver.Entity
        let entities = [
            Entity(number: 1, name: "Trump", kind: .other, mentions: 2),
            Entity(number: 2, name: "Donald Trump", kind: .person, mentions: 76),
            Entity(number: 3, name: "Mars", kind: .other, mentions: 8),
            Entity(number: 4, name: "Mars", kind: .location, mentions: 3),
            Entity(number: 5, name: "House", kind: .other, mentions: 24),
            Entity(number: 6, name: "Blue House", kind: .person, mentions: 2),
            Entity(number: 7, name: "Automatic Identification System", kind: .person, mentions: 1),
            Entity(number: 8, name: "Automatic Identification System", kind: .organization, mentions: 18),
            Entity(number: 9, name: "Georgia", kind: .location, mentions: 9),
            Entity(number: 10, name: "Georgia", kind: .organization, mentions: 1),
        ]
        let merges = CorpusEntityResolver.merges(among: entities).map { [$0.from, $0.into] }
        #expect(merges == [[1, 2], [3, 4], [7, 8]])
    }
}

