import DossierCore
import DossierText
import Testing

/// Where a name starts and ends, and what kind it is, when other words stand next to it: titles with
/// places, particles, sentence-initial words, articles, hyphenated given names.
@Suite("Name boundaries")
struct NameBoundaryTests {
    func mentions(_ text: String) -> [Mention] { TestSupport.mentionValues(text) }

    func mention(_ text: String, _ name: String) -> Mention? { TestSupport.mention(name, in: text) }

    @Test func aPlaceBetweenATitleAndAName() {
        let sanders = mentions("Senator from Vermont Bernie Sanders spoke. Sanders left for Iowa.")
        #expect(sanders.first { $0.text == "Vermont" }?.kind == .location)
        #expect(sanders.first { $0.text == "Bernie Sanders" }?.kind == .person)
        #expect(sanders.first { $0.text == "Sanders" }?.entity == "Bernie Sanders")
        #expect(!sanders.contains { $0.text.contains("Vermont Bernie") })
        let trump = mentions("The President of the United States Donald Trump spoke.")
        #expect(trump.first { $0.text == "United States" }?.kind == .location)
        #expect(trump.first { $0.text == "Donald Trump" }?.kind == .person)
        // Without a title, a first name or a known person must follow; party labels between are skipped.
        let cornyn = mentions("Texas Republican John Cornyn objected.")
        #expect(cornyn.first { $0.text == "Texas" }?.kind == .location)
        #expect(cornyn.first { $0.text == "John Cornyn" }?.kind == .person)
        #expect(mention("Shares on the New York Stock Exchange fell.", "New York Stock Exchange")?.kind == .organization)
        #expect(mention("Fans of the Los Angeles Lakers cheered.", "Los Angeles Lakers")?.kind == .organization)
    }

    @Test func aPlaceNounAndOfMakeAPlaceForTheWholeDocument() {
        let text = "Rebels attacked the town of Tavildara on Monday. Troops left Tavildara and the province of Banten."
        #expect(mentions(text).filter { $0.text == "Tavildara" }.map(\.kind) == [.location, .location])
        #expect(mention(text, "Banten")?.kind == .location)
        // Not after other nouns: "the mayor of" names no place by itself.
        #expect(mention("The mayor of Tavildara spoke.", "Tavildara")?.kind != .location)
    }

    @Test func twoFieldsAfterAHeadWordAreOneName() {
        let texts = ["Scientists at the Philippine Institute of Volcanology and Seismology said so.": "Philippine Institute of Volcanology and Seismology",
                     "The Department of Health and Human Services agreed.": "Department of Health and Human Services"]
        for (text, name) in texts {
            #expect(mention(text, name)?.kind == .organization)
            #expect(mentions(text).count == 1)
        }
        // A place, a person or an acronym after "and" is a name of its own.
        #expect(mentions("The Ministry of Defence and Russia signed.").map(\.text) == ["Ministry of Defence", "Russia"])
        #expect(mentions("The Ministry of Defence and John Smith met.").map(\.text) == ["Ministry of Defence", "John Smith"])
        #expect(mentions("The Department of Justice and FBI agents left.").map(\.text) == ["Department of Justice", "FBI"])
    }

    @Test func aTitleOfSomethingBeforeAName() {
        let found = mentions("Speaker of the House Nancy Pelosi said no. Chairman of the Joint Chiefs of Staff John Dorsey agreed.")
        #expect(found.first { $0.text == "Nancy Pelosi" }?.kind == .person)
        #expect(found.first { $0.text == "John Dorsey" }?.kind == .person)
        #expect(!found.contains { $0.text.contains("House Nancy") || $0.text.contains("Staff John") })
    }

    @Test(arguments: [
        ("Ahmed al-Assadi said the group would fight. Al-Assadi spoke from Baghdad.", "Ahmed al-Assadi", "Al-Assadi"),
        ("Officials met Hamza bin Laden. Later Laden left.", "Hamza bin Laden", "Laden"),
        ("Officials met Ursula von der Leyen on Monday. Von der Leyen spoke first.", "Ursula von der Leyen", "Von der Leyen"),
        ("They met Frans van der Berg. Van der Berg smiled.", "Frans van der Berg", "Van der Berg"),
        ("They remembered Charles de Gaulle. De Gaulle died in 1970.", "Charles de Gaulle", "De Gaulle"),
        ("Scholars quoted Ali ibn Abi Talib often. Talib wrote little.", "Ali ibn Abi Talib", "Talib"),
        ("Mohammed bin Salman hosted the talks. Bin Salman spoke.", "Mohammed bin Salman", "Bin Salman"),
    ])
    func particlesInNames(text: String, full: String, short: String) {
        let found = mentions(text)
        #expect(found.first { $0.text == full }?.kind == .person, "\(full) in \(found.map(\.text))")
        #expect(found.first { $0.text == short }?.entity == full, "\(short) in \(found.map { ($0.text, $0.entity) })")
    }

    @Test func aSurnameAfterTheFullName() {
        let found = mentions("Donald Trump visited Ohio on Tuesday. Trump said so.")
        #expect(found.filter { $0.text == "Trump" }.map(\.entity) == ["Donald Trump"])
        #expect(found.filter { $0.text == "Trump" }.map(\.kind) == [.person])
    }

    @Test func bandsTakeTheArticle() {
        #expect(mention("Fans of the Grateful Dead gathered in San Francisco.", "Grateful Dead")?.kind == .organization)
        #expect(mention("The Rolling Stones played on.", "Rolling Stones")?.kind == .organization)
        #expect(mention("Tickets for the Red Hot Chili Peppers sold out.", "Red Hot Chili Peppers")?.kind == .organization)
        #expect(mention("Fans cheered Jerry Garcia loudly.", "Jerry Garcia")?.kind == .person)
    }

    @Test func wordsThatOnlyStartTheSentence() {
        let found = mentions("Donald Trump called Kyiv. Regarding Trump's call, Elie Honig spoke. As President Trump learned, courts act.")
        #expect(!found.contains { $0.text.hasPrefix("Regarding") || $0.text.hasPrefix("As ") })
        #expect(found.filter { $0.text == "Trump" }.allSatisfy { $0.entity == "Donald Trump" && $0.kind == .person })
        #expect(found.filter { $0.text == "Trump" }.count == 2)
        #expect(mention("Unfortunately Smith lost.", "Smith")?.text == "Smith")
    }

    @Test func shortSentencesAreNoHeadlines() {
        // Few long words, all capitalised, but "met" is a word a title-case headline would capitalise.
        #expect(mention("They met Frans van der Berg.", "Frans van der Berg")?.kind == .person)
        #expect(mention("We saw Ivan Orlov.", "Ivan Orlov")?.kind == .person)
    }

    @Test func hyphenatedGivenNames() {
        #expect(mention("Moon Jae-in called for calm.", "Moon Jae-in")?.kind == .person)
        #expect(mention("Ban Ki-moon said so.", "Ban Ki-moon")?.kind == .person)
        // A compound before a name still modifies it.
        #expect(mention("Ontario-based Magna bought it.", "Magna")?.kind == .organization)
    }

    @Test func shortHeadsAndPrefixesCountInCapitals() {
        // "XI" ends a team's name ("England XI"), "AS" starts a club's ("AS Roma"); "Xi" and "As" do not.
        #expect(mention("Xi Jinping arrived. Xi spoke.", "Xi")?.entity == "Xi Jinping")
        #expect(mention("As President Trump learned, courts act.", "Trump")?.kind == .person)
        #expect(mention("Fans of AS Roma sang.", "AS Roma")?.kind == .organization)
    }
}

/// Role phrases that name no nationality, and roles given after a name.
@Suite("Plain role phrases")
struct PlainRolePhraseTests {
    func mention(_ text: String, _ name: String) -> Mention? { TestSupport.mention(name, in: text) }

    @Test func aPlaceWithATitle() {
        let text = "Senator from Vermont Bernie Sanders spoke. The Vermont senator left early; the senator from Vermont was tired."
        #expect(mention(text, "The Vermont senator")?.entity == "Bernie Sanders")
        #expect(mention(text, "the senator")?.entity == "Bernie Sanders")
    }

    @Test func aBareTitleNamesItsOneHolder() {
        let one = "President Ana Kovac opened the session. Later the president left."
        #expect(mention(one, "the president")?.entity == "Ana Kovac")
        #expect(mention(one, "the president")?.kind == .person)
        let two = "President Ana Kovac met President Ivan Orlov. Later the president left."
        #expect(mention(two, "the president") == nil)
        #expect(mention("Later the president left.", "the president") == nil)
        // A title before a name is no role phrase.
        #expect(mention("Yesterday the foreign minister Ivan Orlov spoke.", "Ivan Orlov")?.kind == .person)
    }

    @Test func anAppositionGivesTheRole() {
        let text = "Ali Rezai, Iran's supreme leader, spoke. Hassan Tabari, the Turkish foreign minister, listened. The Iranian supreme leader left."
        #expect(mention(text, "The Iranian supreme leader")?.entity == "Ali Rezai")
        #expect(mention(text, "Hassan Tabari")?.kind == .person)
    }
}
