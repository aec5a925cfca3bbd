import DossierCore
import DossierText
import Testing

@Suite("Entity cues and resolution")
struct EntityResolutionCueTests {
    func mentions(_ text: String) -> [Mention] { TestSupport.mentionValues(text) }

    func mention(_ text: String, _ name: String) -> Mention? { TestSupport.mention(name, in: text) }

    @Test func rolePhrasesResolveToTheirHolder() {
        let text = "Russian President Vladimir Petrov met Chinese President Wang Tao. The Russian leader praised the Chinese president."
        #expect(mention(text, "The Russian leader")?.entity == "Vladimir Petrov")
        #expect(mention(text, "the Chinese president")?.entity == "Wang Tao")
        #expect(mention(text, "the Chinese president")?.kind == .person)
    }

    @Test func leaderAndPresidentStandForEachOther() {
        let text = "North Korean leader Kim Sol met Russian Foreign Minister Ivan Orlov. The North Korean president thanked the Russian foreign minister."
        #expect(mention(text, "The North Korean president")?.entity == "Kim Sol")
        #expect(mention(text, "the Russian foreign minister")?.entity == "Ivan Orlov")
        #expect(mention(text, "the Russian leader") == nil)
    }

    @Test func rolePhraseWithoutHolderIsNoMention() {
        #expect(mention("The Russian leader spoke on Monday.", "The Russian leader") == nil)
        let two = "Russian President Ivan Orlov and Russian President Boris Lebedev met. The Russian president left."
        #expect(mention(two, "The Russian president") == nil)  // two holders: ambiguous
    }

    @Test func aSharedSurnameIsTheMainPersons() {
        // News names relatives in full and its main person by surname too.
        let text = "Robert Mugabe has died. Robert Mugabe ruled for decades. His wife Grace Mugabe survives him. Mugabe was 95."
        #expect(mention(text, "Mugabe")?.entity == "Robert Mugabe")
        #expect(mention(text, "Grace Mugabe")?.entity == "Grace Mugabe")
    }

    @Test func anArticleBeforeANameTypesItAcrossTheDocument() {
        // Spelling alone makes two capitalised words a person; "the" before them says otherwise,
        // for every mention, so no later "he" can mean the band.
        let text = "Singer Robert Hunter wrote for rock band Grateful Dead. Hunter joined the Grateful Dead in 1967."
        let band = mentions(text).filter { $0.text == "Grateful Dead" }
        #expect(band.count == 2)
        #expect(band.allSatisfy { $0.kind == .organization })
        #expect(mention(text, "Robert Hunter")?.kind == .person)
        // A first name still makes a person, article or not.
        #expect(mention("It was the John Smith everyone knew. John Smith smiled.", "John Smith")?.kind == .person)
    }

    @Test func surnamesKeepPeopleApart() {
        let text = "Foreign Minister Sergey Lavrov met Defence Minister Sergei Shoigu. Lavrov spoke, then Shoigu left."
        #expect(mention(text, "Lavrov")?.entity == "Sergey Lavrov")
        #expect(mention(text, "Shoigu")?.entity == "Sergei Shoigu")
        let shared = "President Ana Kovac met Judge Marko Kovac. Kovac said nothing."
        // Two people share the surname: "Kovac said" is a person, but neither of them.
        let kovac = mention(shared, "Kovac")
        #expect(kovac?.entity != "Ana Kovac" && kovac?.entity != "Marko Kovac")
    }

    @Test func possessivesAndPlurals() {
        let found = mentions("President Ivan Orlov visited. Orlov’s rule held. He attended the Silk Road Forum and two Silk Road Forums.")
        #expect(found.first { $0.text == "Orlov" }?.entity == "Ivan Orlov")
        #expect(found.filter { $0.kind == .event }.map(\.entity) == ["Silk Road Forum", "Silk Road Forum"])
    }

    @Test func lowercaseAcronymDefinitions() {
        let found = mentions("The international atomic energy agency (IAEA) inspected it. Later the IAEA reported.")
        #expect(found.filter { $0.text == "IAEA" }.allSatisfy { $0.entity == "International Atomic Energy Agency" })
        #expect(found.contains { $0.text == "international atomic energy agency" && $0.kind == .organization })
    }

    @Test func eventsAndTheirLookalikes() {
        #expect(mention("Tickets for the Asian Winter Games sold out.", "Asian Winter Games")?.kind == .event)
        #expect(mention("The singer Doris Day died.", "Doris Day")?.kind == .person)
        #expect(mention("The Supreme Court ruled.", "Supreme Court")?.kind == .organization)
        #expect(mention("He joined the Roman Catholic church.", "Roman Catholic")?.kind != .person)
        #expect(mention("Veterans of the Korean War marched.", "Korean War")?.kind == .event)
        #expect(mention("Damage from Typhoon Haiyan was vast.", "Typhoon Haiyan")?.kind == .event)
        #expect(mention("Under state law, Republican Larry Hogan, the governor, acted.", "Larry Hogan")?.kind == .person)
    }

    @Test func companySuffixesMakeOrganizations() {
        #expect(mention("Shares of Jones Medical Industries Inc rose.", "Jones Medical Industries Inc")?.kind == .organization)
        #expect(mention("Profits at Kloof Holdings Ltd fell.", "Kloof Holdings Ltd")?.kind == .organization)
        #expect(mention("Fans of Bristol Rovers sang.", "Bristol Rovers")?.kind == .organization)
        #expect(mention("A London-based bank lent it.", "London")?.kind == .location)
        #expect(mention("Shares fell after Cofinec CEO Stephen Frater spoke.", "Cofinec")?.kind == .organization)
        #expect(mention("Shares fell after Russian President Ivan Orlov spoke.", "Russian") == nil)
    }

    @Test func uncuedNames() {
        #expect(mention("Yesterday Jesper Parnevik took the lead.", "Jesper Parnevik")?.kind == .person)
        #expect(mention("Flights on Air Malta resumed.", "Air Malta")?.kind == .organization)
        #expect(mention("Fighting flared near Tavildara overnight.", "Tavildara")?.kind == .location)
        #expect(mention("He beat Tomas Berg ( Sweden ) easily.", "Tomas Berg")?.kind == .person)
    }

    @Test func sportsReportsNameTeamsByTheirCities() {
        let text = """
        SOCCER - LEEDS BEAT CHELSEA
        LONDON 1996-08-30
        Leeds beat Chelsea 2-1 in London on Friday .
        Leeds 2 Chelsea 1
        """
        let found = mentions(text)
        #expect(found.first { $0.text == "LONDON" }?.kind == .location)  // the dateline
        #expect(found.first { $0.text == "London" }?.kind == .location)  // "in London"
        #expect(found.filter { $0.text == "Leeds" }.allSatisfy { $0.kind == .organization })
        #expect(found.filter { $0.text == "Chelsea" || $0.text == "CHELSEA" }.allSatisfy { $0.kind == .organization })
    }

    @Test func allCapsHeadlinesResolveAgainstTheText() {
        let found = mentions("KOWALCZYK WINS IN WARSAW\nTennis star Anna Kowalczyk won in Warsaw on Sunday .")
        #expect(found.first { $0.text == "KOWALCZYK" }?.entity == "Anna Kowalczyk")
        #expect(found.first { $0.text == "WARSAW" }?.kind == .location)
        #expect(!found.contains { $0.text == "WINS" })
    }

    @Test func acronymsAndParticles() {
        #expect(mention("Bond prices fell after the Chicago NAPM report.", "NAPM")?.kind == .organization)
        #expect(mention("Bond prices fell after the Chicago NAPM report.", "Chicago")?.kind == .location)
        #expect(mention("Talks with the CFDT union failed.", "CFDT")?.kind == .organization)
        #expect(mention("The flanker Joost van der Westhuizen scored.", "Joost van der Westhuizen")?.kind == .person)
        #expect(mention("Scorers : Romania - Cosmin Contra ( 31st ) , Mihai Tararache ( 75th )", "Mihai Tararache")?.kind == .person)
    }

    @Test func lowercaseLongFormsDefinedByAcronyms() {
        let found = mentions("Officials of the federal mining authority (FMA) met. Later the FMA denied it.")
        #expect(found.first { $0.text == "federal mining authority" }?.entity == "Federal Mining Authority")
        #expect(found.filter { $0.text == "FMA" }.map(\.entity) == ["Federal Mining Authority", "Federal Mining Authority"])
        #expect(found.filter { $0.text == "FMA" }.allSatisfy { $0.kind == .organization })
        #expect(mention("He said so (HQ) yesterday.", "said so") == nil)
    }

    @Test func pluralDemonymsAreGroups() {
        #expect(mention("Russians and Afghans protested.", "Russians")?.kind == .group)
        #expect(mention("The Russian language is hard.", "Russian") == nil)
    }

    @Test func datelinesSpeakersAndSurnamesThatArePlaces() {
        let report = "TENNIS - HILL WINS\nMILWAUKEE , Wisconsin 1996-08-29\nHill beat Khan in three sets .\n\" I won , \" said Hill ."
        let found = mentions(report)
        #expect(found.first { $0.text == "MILWAUKEE" }?.kind == .location)
        #expect(found.first { $0.text == "Wisconsin" }?.kind == .location)
        #expect(found.last { $0.text == "Hill" }?.kind == .person)
        let film = mentions("Director Neil Jordan defended the film. Jordan said it was fair.")
        #expect(film.last { $0.text == "Jordan" }?.entity == "Neil Jordan")
    }

    @Test func ampersandsAndBasedCompanies() {
        #expect(mention("Shares of Douglas & Lomason rose.", "Douglas & Lomason")?.kind == .organization)
        #expect(mention("Analysts at Procter & Gamble agreed.", "Procter & Gamble")?.kind == .organization)
        #expect(mention("Profits at Ohio-based KeyCorp rose.", "KeyCorp")?.kind == .organization)
        #expect(mention("Bosnia & Herzegovina voted.", "Bosnia")?.kind == .location)
    }

    @Test func lowercaseVariantsOfNamesInTheDocument() {
        let found = mentions("The Harbour Summit opened. Many skipped the harbour summit this year.")
        #expect(found.map(\.text) == ["Harbour Summit", "harbour summit"])
        #expect(found.allSatisfy { $0.entity == "Harbour Summit" && $0.kind == .event })
        #expect(mentions("Nobody went to the harbour summit.").isEmpty)
    }
}
