import DossierCore
import DossierText
import Testing

@Suite("Entity recognizer")
struct EntityRecognizerTests {
    func candidates(_ text: String) -> [EntityCandidate] {
        let analyzed = TestSupport.pipeline.analyze(Document(id: "t", text: text))
        return RuleBasedEntityRecognizer().candidates(in: analyzed)
    }

    func find(_ text: String, _ name: String) -> EntityCandidate? { candidates(text).first { $0.text == name } }

    @Test func titleBeforeMakesAPerson() {
        let found = find("Russian President Vladimir Petrov arrived.", "Vladimir Petrov")
        #expect(found?.kind == .person)
        #expect(found?.evidence == .title)
        #expect(find("Foreign Minister Anna Lindqvist spoke.", "Anna Lindqvist")?.kind == .person)
        // A title is no name of its own.
        #expect(candidates("Olaf Scholz met Foreign Secretary James Cleverly.").map(\.text) == ["Olaf Scholz", "James Cleverly"])
        #expect(find("The delegation is led by Defence Minister Oleg Karpov.", "Oleg Karpov")?.kind == .person)
        #expect(find("The party's Politburo member Wang Tao will attend.", "Wang Tao")?.kind == .person)
    }

    @Test func titleAfterMakesAPerson() {
        #expect(find("Boris Kuznetsov, an aide to the president, said so.", "Boris Kuznetsov")?.kind == .person)
    }

    @Test func firstNameMakesAPerson() {
        #expect(find("Yesterday Mary Hollister resigned.", "Mary Hollister")?.kind == .person)
    }

    @Test func noEvidenceIsNoPerson() {
        let found = find("They signed the Lisbon Accord quickly.", "Lisbon Accord")
        #expect(found?.kind == .other)
        #expect(!candidates("The Rome Statue matters.").contains { $0.kind == .person })
    }

    @Test func capitalisedWordsFillingAQuotationNameAWork() {
        let found = candidates("He wrote songs such as \"Dark Star\" and \"Uncle John's Band\" for Jerry Garcia.")
        #expect(found.map(\.text) == ["Dark Star", "Uncle John's Band", "Jerry Garcia"])
        #expect(found.prefix(2).allSatisfy { $0.kind == .other })
        #expect(find("He received the \"Hero of the Socialist Labour\" medal.", "Hero of the Socialist Labour")?.kind == .other)
        // A quotation with lower-case words is speech, one word alone no title, and a name the gazetteer knows stays itself.
        #expect(find("\"Anna Lindqvist will resign,\" he said.", "Anna Lindqvist")?.kind == .person)
        #expect((find("He called it \"Disgraceful\" at once.", "Disgraceful")?.evidence ?? .weak) == .weak)
        #expect(find("The group calls itself \"Islamic State\" now.", "Islamic State")?.kind == .organization)
    }

    @Test func aPoliticalLabelBeforeANounIsNoName() {
        #expect(candidates("Pelosi, the Democratic Speaker, wrote to other Democratic members.").map(\.text) == ["Pelosi"])
        // The label as a noun, and inside a name, stays.
        #expect(candidates("Republicans met the Democratic National Committee.").map(\.text) == ["Republicans", "Democratic National Committee"])
    }

    @Test func commonNounInitialismsAreNoNames() {
        #expect(candidates("Smith said on TV that his DNA matched, and the CEO of Acme Corp agreed.").map(\.text) == ["Smith", "Acme Corp"])
        #expect(candidates("Several NGOs asked the IMF for help.").map(\.text) == ["IMF"])
        // Written as a word, it is a name's word.
        #expect(candidates("Fans of Led Zeppelin cheered.").map(\.text).contains("Led Zeppelin"))
    }

    @Test func demonymAloneIsNoMention() {
        #expect(candidates("The Russian language and Chinese oil sell well.").isEmpty)
        #expect(!candidates("Russian President Vladimir Petrov arrived.").contains { $0.text == "Russian" })
    }

    @Test func demonymNamingAnActorIsItsCountry() {
        let found = candidates("The Russian delegation and Chinese officials met the North Korean side.")
        #expect(found.map(\.text) == ["Russian", "Chinese", "North Korean"])
        #expect(found.map(\.entity) == ["Russia", "China", "North Korea"])
        #expect(found.allSatisfy { $0.kind == .location })
    }

    @Test func gazetteerLongestMatch() {
        let found = candidates("Talks in South Africa and North Korea.")
        #expect(found.map(\.text) == ["South Africa", "North Korea"])
        #expect(found.allSatisfy { $0.kind == .location })
    }

    @Test func acronymsAndLowercaseNames() {
        #expect(find("Since the international criminal court (ICC) acted.", "international criminal court")?.entity == "International Criminal Court")
        #expect(find("The ICC acted.", "ICC")?.entity == "International Criminal Court")
        #expect(find("who said that", "who") == nil)
    }

    @Test func headWordsJoinConnectors() {
        let forum = find("He attended the Belt and Road Forum in May.", "Belt and Road Forum")
        #expect(forum?.kind == .event)
        #expect(find("He attended two Belt and Road Forums.", "Belt and Road Forums")?.kind == .event)
        #expect(find("A loan from the Bank of Ruritania came.", "Bank of Ruritania")?.kind == .organization)
        #expect(find("Then Moscow and Beijing agreed.", "Moscow")?.kind == .location)
        #expect(find("The Winter Olympics opened.", "Winter Olympics")?.kind == .event)
        #expect(find("The Korean War ended.", "Korean War")?.kind == .event)
    }

    @Test func cuesAroundNames() {
        #expect(find("It said, according to Ruvia news agency.", "Ruvia")?.kind == .organization)
        #expect(find("The state media agency ZNTA reported it.", "ZNTA")?.kind == .organization)
        #expect(find("He skipped the BRICS summit in August.", "BRICS summit")?.kind == .event)
    }

    @Test func sentenceInitialFunctionWordsAreStripped() {
        #expect(find("When Kowalczyk was in Warsaw, it rained.", "Kowalczyk") != nil)
        #expect(candidates("Meanwhile, things changed.").isEmpty)
        #expect(find("The ICC acted.", "The ICC") == nil)
    }

    @Test func sentenceInitialUnknownWordIsWeak() {
        #expect(find("Amidst these dynamics, nothing.", "Amidst")?.evidence ?? .weak == .weak)
        #expect(find("Kowalczyk arrived.", "Kowalczyk")?.evidence == .weak)
    }

    @Test func hyphenatedPlaces() {
        let found = candidates("The Russia-Ukraine war goes on.")
        #expect(found.map(\.text) == ["Russia", "Ukraine"])
        #expect(found.map(\.span) == [TextSpan(start: 4, end: 10), TextSpan(start: 11, end: 18)])
    }
}

@Suite("Entity resolver")
struct EntityResolverTests {
    @Test func surnameResolvesToFullName() {
        let mentions = TestSupport.mentions("President Ivan Drago spoke. Later, Drago left. Drago’s plan failed.")
        #expect(mentions.map(\.entity) == ["Ivan Drago", "Ivan Drago", "Ivan Drago"])
        #expect(mentions.map(\.text) == ["Ivan Drago", "Drago", "Drago"])
        #expect(mentions.allSatisfy { $0.kind == .person })
    }

    @Test func differentPeopleStayApart() {
        let mentions = TestSupport.mentions("Foreign Minister Sergey Ivanov met Defence Minister Sergei Popov. Ivanov spoke.")
        #expect(Set(mentions.map(\.entity)) == ["Sergey Ivanov", "Sergei Popov"])
        #expect(mentions.last?.entity == "Sergey Ivanov")
    }

    @Test func ambiguousPartStaysUnresolved() {
        let mentions = TestSupport.mentions("President Anna Berg met Minister Lars Berg. Berg spoke.")
        #expect(!mentions.contains { $0.text == "Berg" && $0.kind == .person })
    }

    @Test func acronymDefinedInParentheses() {
        let mentions = TestSupport.mentions("The Federal Mining Authority (FMA) said so. Later the FMA denied it.")
        let fma = mentions.filter { $0.text == "FMA" }
        #expect(fma.count == 2)
        #expect(fma.allSatisfy { $0.entity == "Federal Mining Authority" && $0.kind == .organization })
    }

    @Test func documentAliasBeatsGazetteer() {
        let mentions = TestSupport.mentions("The International Cricket Council (ICC) met. The ICC ruled.")
        #expect(mentions.filter { $0.text == "ICC" }.allSatisfy { $0.entity == "International Cricket Council" })
    }

    @Test func pluralJoinsSingular() {
        let mentions = TestSupport.mentions("The Harbour Summit opened. He attended two Harbour Summits before.")
        #expect(mentions.map(\.entity) == ["Harbour Summit", "Harbour Summit"])
        #expect(mentions.map(\.text) == ["Harbour Summit", "Harbour Summits"])
        #expect(TestSupport.mentions("He loved the Star Wars films.").first?.entity == "Star Wars")
    }

    @Test func weakCandidatesNeedSupport() {
        let mentions = TestSupport.mentions("Consequently nothing happened. Zebulon arrived.")
        #expect(mentions.isEmpty)
    }

    @Test func sameTextTakesTheEarlierKind() {
        let mentions = TestSupport.mentions("The agency ZNTA reported it. ZNTA later denied it. The ZNTA report said so.")
        #expect(mentions.filter { $0.text == "ZNTA" }.map(\.kind) == [.organization, .organization, .organization])
    }
}
