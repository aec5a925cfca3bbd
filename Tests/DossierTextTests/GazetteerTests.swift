import DossierText
import Testing

@Suite("Gazetteer")
struct GazetteerTests {
    let gazetteer = Gazetteer.bundled

    @Test func countriesFromISOCodes() {
        #expect(gazetteer.entries(for: "Russian Federation").first?.canonical == "Russia")
        #expect(gazetteer.entries(for: "russia").first?.canonical == "Russia")
        #expect(gazetteer.entries(for: "North Korea").first?.category == .country)
        #expect(gazetteer.entries(for: "Democratic People's Republic of Korea").first?.canonical == "North Korea")
        #expect(gazetteer.entries(for: "Democratic People’s Republic of Korea").first?.canonical == "North Korea")
    }

    @Test func citiesAndCapitals() {
        #expect(gazetteer.entries(for: "Pyongyang").first?.category == .city)
        #expect(gazetteer.entries(for: "Johannesburg").first?.category == .city)
        #expect(gazetteer.entries(for: "Sao Paulo").first?.canonical == "São Paulo")
    }

    @Test func organizationsWithAcronyms() {
        let icc = gazetteer.entries(for: "ICC").first
        #expect(icc?.canonical == "International Criminal Court")
        #expect(icc?.matchesOnlyInCapitals == true)
        #expect(gazetteer.entries(for: "international criminal court").first?.canonical == "International Criminal Court")
        #expect(gazetteer.entries(for: "NATO").first?.canonical == "North Atlantic Treaty Organization")
        #expect(gazetteer.entries(for: "WHO").first?.matchesOnlyInCapitals == true)
    }

    @Test func demonyms() {
        #expect(gazetteer.entries(for: "Russian").first?.category == .demonym)
        #expect(gazetteer.entries(for: "Russian").first?.canonical == "Russia")
        #expect(gazetteer.entries(for: "North Korean").first?.canonical == "North Korea")
        #expect(gazetteer.features(ofWord: "Chinese").contains(.demonym))
    }

    @Test func titlesAndHeadWords() {
        #expect(gazetteer.isTitle("Foreign Minister"))
        #expect(gazetteer.isTitle("defence minister"))
        #expect(gazetteer.isTitle("Politburo member"))
        #expect(!gazetteer.isTitle("Forum"))
        #expect(gazetteer.features(ofWord: "Court").contains(.organizationHead))
        #expect(gazetteer.features(ofWord: "Forum").contains(.eventHead))
        #expect(gazetteer.features(ofWord: "summit").contains(.eventCue))
        #expect(gazetteer.features(ofWord: "The").contains(.functionWord))
        #expect(gazetteer.features(ofWord: "John").contains(.firstName))
        #expect(!gazetteer.features(ofWord: "Belt").contains(.firstName))
    }

    @Test func calendarWords() {
        #expect(gazetteer.calendarWord(ofWord: "October") == .month(10))
        #expect(gazetteer.calendarWord(ofWord: "Tuesday") == .weekday(2))
        #expect(gazetteer.calendarWord(ofWord: "yesterday") == .dayOffset(-1))
    }

    @Test func tablesFromText() {
        let small = Gazetteer(tables: ["organizations": "Example Agency\tEXA\n# comment\n", "titles": "chief\n"])
        #expect(small.entries(for: "EXA").first?.canonical == "Example Agency")
        #expect(small.entries(for: "example agency").count == 1)
        #expect(small.isTitle("Chief"))
        #expect(small.entries(for: "Russia").isEmpty)
    }
}
