import DossierCore
import DossierText
import Testing

/// The people, organisations and first names derived from the Phoenix actor dictionaries
/// (Scripts/make-known-actors.py), and what the recognizer and resolver make of them.
@Suite("Known people and organisations")
struct KnownActorTests {
    let gazetteer = Gazetteer.bundled

    func mentions(_ text: String) -> [Mention] { TestSupport.mentionValues(text) }

    func mention(_ text: String, _ name: String) -> Mention? { TestSupport.mention(name, in: text) }

    @Test func theTablesHoldPeopleWithTheirOtherNames() {
        let putin = gazetteer.entries(for: "Vladimir Putin").first
        #expect(putin?.category == .person)
        #expect(putin?.category.entityKind == .person)
        #expect(gazetteer.entries(for: "Vladimir Vladimirovich Putin").first?.canonical == "Vladimir Putin")
        #expect(gazetteer.entries(for: "Putin").first?.canonical == "Vladimir Putin")  // a surname no one else has
        #expect(gazetteer.entries(for: "Bashar al Assad").first?.canonical == "Bashar al-Assad")
        // Titles are stripped from the dictionaries' aliases ("PRESIDENT_VLADIMIR_PUTIN").
        #expect(gazetteer.entries(for: "President Vladimir Putin").isEmpty)
    }

    @Test func theTablesLeaveOutNoiseOfTheDictionaries() {
        // Country records list cities and misspellings; role records name offices, not people.
        #expect(gazetteer.entries(for: "Kabul").allSatisfy { $0.category != .person })
        #expect(gazetteer.entries(for: "Republika Hrvatska").allSatisfy { $0.category != .person })
        // A surname that is an ordinary word names nobody by itself ("Rice", "Bush").
        #expect(gazetteer.entries(for: "Rice").allSatisfy { $0.category != .person })
        #expect(gazetteer.entries(for: "Bush").allSatisfy { $0.category != .person })
        // A name two people share is a person, but neither of them.
        #expect(gazetteer.entries(for: "George Bush").first?.canonical == "George Bush")
    }

    @Test func organisationsAndFirstNamesFromTheDictionaries() {
        #expect(gazetteer.entries(for: "American Civil Liberties Union").first?.category == .organization)
        #expect(gazetteer.entries(for: "ACLU").first?.canonical == "American Civil Liberties Union")
        #expect(gazetteer.entries(for: "ACLU").first?.matchesOnlyInCapitals == true)
        #expect(gazetteer.features(ofWord: "Vladimir").contains(.firstName))
        #expect(gazetteer.features(ofWord: "Ahmed").contains(.firstName))
        #expect(gazetteer.features(ofWord: "Putin").contains(.surname))
    }

    @Test func aKnownPersonIsAPersonWhereverTheSentenceStarts() {
        let text = "Vladimir Putin arrived in Beijing on Monday. Putin met Xi Jinping. Xi praised the talks."
        let found = mentions(text)
        #expect(found.first { $0.text == "Vladimir Putin" }?.kind == .person)
        #expect(found.filter { $0.text == "Putin" }.map(\.entity) == ["Vladimir Putin"])
        #expect(found.first { $0.text == "Xi Jinping" }?.kind == .person)
        #expect(found.first { $0.text == "Xi" }?.entity == "Xi Jinping")
    }

    @Test func aKnownSurnameAloneNamesItsPerson() {
        #expect(mention("Putin spoke in Moscow on Friday.", "Putin")?.entity == "Vladimir Putin")
        #expect(mention("Talks with Netanyahu stalled.", "Netanyahu")?.kind == .person)
        // The document's own full name comes first.
        let namesake = "Igor Putin, a farmer from Tver, was fined. Putin said he would appeal."
        #expect(mention(namesake, "Putin")?.entity == "Igor Putin")
    }

    @Test func aTitleBeforeAKnownPersonGivesTheRole() {
        let text = "Russian President Vladimir Putin met the envoy. The Russian leader thanked him."
        #expect(mention(text, "Vladimir Putin")?.entity == "Vladimir Putin")
        #expect(mention(text, "The Russian leader")?.entity == "Vladimir Putin")
    }

    @Test func aKnownPersonWhoseNameHoldsATitleWord() {
        // "Bishop" is a title, but "Julie Bishop" is a known person.
        let found = mentions("Australian Foreign Minister Julie Bishop flew to Jakarta.")
        #expect(found.first { $0.entity == "Julie Bishop" }?.kind == .person)
        #expect(!found.contains { $0.text == "Julie" })
    }

    @Test func firstNamesFromAbroadMakePeople() {
        // "Vladimir" is also a Russian city, yet it starts a person's name.
        #expect(mention("The court fined Vladimir Kozlov on Tuesday.", "Vladimir Kozlov")?.kind == .person)
        #expect(mention("Police arrested Mamadou Traore in Bamako.", "Mamadou Traore")?.kind == .person)
    }

    @Test func aKnownOrganisationByItsAcronym() {
        #expect(mention("The ACLU sued the state on Monday.", "ACLU")?.entity == "American Civil Liberties Union")
        #expect(mention("The ACLU sued the state on Monday.", "ACLU")?.kind == .organization)
    }
}
