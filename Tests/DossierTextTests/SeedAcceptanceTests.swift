import DossierCore
import DossierText
import Testing

@Suite("Seed articles")
struct SeedAcceptanceTests {
    func annotated() throws -> [AnnotatedDocument] {
        try ["003_9500509ab041714a.txt", "000_a2bef38422b75170.txt"].map { TestSupport.pipeline.annotate(try TestSupport.seed($0)) }
    }

    @Test func seedHeaderIsStripped() throws {
        let document = try TestSupport.seed("003_9500509ab041714a.txt")
        #expect(document.date == Day(year: 2023, month: 7, day: 25))
        #expect(document.text.hasPrefix("Russian President"))
    }

    @Test func personsAcrossBothSeeds() throws {
        let persons = Set(try annotated().flatMap(\.mentions).filter { $0.kind == .person }.map(\.entity))
        #expect(persons == ["Vladimir Putin", "Xi Jinping", "Sergey Lavrov", "Yuri Ushakov", "Sergei Shoigu", "Li Hongzhong"])
    }

    @Test func iccResolvesInBothSeeds() throws {
        for document in try annotated() {
            let icc = document.mentions.filter { $0.text == "ICC" }
            #expect(!icc.isEmpty)
            #expect(icc.allSatisfy { $0.entity == "International Criminal Court" && $0.kind == .organization })
        }
        let lowercase = try annotated()[0].mentions.first { $0.text == "international criminal court" }
        #expect(lowercase?.entity == "International Criminal Court")
    }

    @Test func surnameResolves() throws {
        for document in try annotated() {
            let putin = document.mentions.filter { $0.text == "Putin" }
            #expect(!putin.isEmpty)
            #expect(putin.allSatisfy { $0.entity == "Vladimir Putin" && $0.kind == .person })
        }
    }

    @Test func locationsAndEvents() throws {
        let mentions = try annotated().flatMap(\.mentions)
        func kinds(_ entity: String) -> Set<EntityKind> { Set(mentions.filter { $0.entity == entity }.map(\.kind)) }
        for place in ["China", "Russia", "South Africa", "India", "Beijing", "Pyongyang", "North Korea"] {
            #expect(kinds(place) == [.location], "\(place)")
        }
        #expect(kinds("Belt and Road Forum") == [.event])
        for notPerson in ["Belt", "Tass", "Kremlin", "Victory Day", "Rome Statue", "Winter Olympics"] {
            #expect(!kinds(notPerson).contains(.person), "\(notPerson)")
        }
        // A demonym is a mention only where it names its country as an actor ("The Russian delegation").
        let demonyms = mentions.filter { $0.text == "Russian" || $0.text == "Chinese" }
        #expect(demonyms.map(\.entity) == ["Russia"])
        #expect(demonyms.allSatisfy { $0.kind == .location })
        #expect(kinds("Rome Statue") == [.other])  // the seed's spelling of "Rome Statute"
    }

    @Test func rolePhrasesResolveToTheirHolder() throws {
        let documents = try annotated()
        let president = documents[0].mentions.filter { $0.text == "the Russian president" }
        #expect(president.count == 1)
        #expect(president.allSatisfy { $0.entity == "Vladimir Putin" && $0.kind == .person })
        let roles = documents[1].mentions.filter { $0.text == "the Russian leader" || $0.text == "the Russian president" }
        #expect(roles.count == 2)
        #expect(roles.allSatisfy { $0.entity == "Vladimir Putin" && $0.kind == .person })
    }

    @Test func spansMatchTexts() throws {
        for document in try annotated() {
            for mention in document.mentions { #expect(TestSupport.text(document.document.text, mention.span) == mention.text) }
            for time in document.times { #expect(TestSupport.text(document.document.text, time.span) == time.text) }
        }
    }

    @Test func timesOfSeed003() throws {
        let times = try annotated()[0].times
        func values(_ text: String) -> [String] { times.filter { $0.text == text }.map(\.value) }
        #expect(values("Tuesday") == ["2023-07-25"])
        #expect(values("July 25") == ["2023-07-25"])
        #expect(values("October") == ["2023-10", "2023-10"])
        #expect(values("2017") == ["2017"])
        #expect(values("2022") == ["2022"])
        #expect(values("last year") == ["2022"])
        #expect(values("this week") == ["2023-W30"])
        #expect(values("July 27") == ["2023-07-27"])
        #expect(values("2020") == ["2020"])
        #expect(times.first { $0.text == "October" }?.range == TimeRange(literal: "2023-10"))
        #expect(!times.contains { $0.text.contains("70") })
    }

    @Test func timesOfUndatedSeed000() throws {
        let times = try annotated()[1].times
        #expect(times.map(\.value) == ["XXXX-10", "XXXX-03", "XXXX-03"])
        #expect(times.allSatisfy { $0.range == nil })
    }
}
