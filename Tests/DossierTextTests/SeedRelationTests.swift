import DossierCore
import DossierText
import Testing

/// The relations the issue lists for the seed articles, each with what must hold of it.
@Suite("Seed relations")
struct SeedRelationTests {
    struct Expected: CustomTestStringConvertible, Sendable {
        var subject: String
        var predicate: RelationPredicate
        var object: String
        var time: String?
        var modality: Modality?
        var negated = false

        var testDescription: String { "\(subject) —\(predicate)→ \(object)" }
    }

    static let expected: [Expected] = [
        Expected(subject: "Vladimir Putin", predicate: .visit, object: "China", time: "2023-10", modality: .planned),
        Expected(subject: "Vladimir Putin", predicate: .attend, object: "Belt and Road Forum", modality: .planned),
        Expected(subject: "International Criminal Court", predicate: .charge, object: "Vladimir Putin", time: "2023-03"),
        Expected(subject: "International Criminal Court", predicate: .charge, object: "Vladimir Putin", time: "XXXX-03"),
        Expected(subject: "Vladimir Putin", predicate: .visit, object: "South Africa", modality: .canceled),
        Expected(subject: "Vladimir Putin", predicate: .attend, object: "BRICS summit", negated: true),
        Expected(subject: "Vladimir Putin", predicate: .send, object: "Sergey Lavrov"),
        Expected(subject: "Xi Jinping", predicate: .invite, object: "Vladimir Putin", time: "2023-03"),
        Expected(subject: "Xi Jinping", predicate: .praise, object: "Vladimir Putin"),
        Expected(subject: "China", predicate: .criticize, object: "Russia", negated: true),
        Expected(subject: "Sergei Shoigu", predicate: .lead, object: "Russian delegation"),
        Expected(subject: "Russia", predicate: .visit, object: "Pyongyang", time: "2023-W30", modality: .planned),
        Expected(subject: "China", predicate: .visit, object: "Pyongyang", time: "2023-W30", modality: .planned),
        Expected(subject: "Russia", predicate: .visit, object: "North Korea", modality: .planned),
    ]

    static let relations: [Relation] = {
        (try? ["003_9500509ab041714a.txt", "000_a2bef38422b75170.txt"].flatMap {
            TestSupport.pipeline.annotate(try TestSupport.seed($0)).relations
        }) ?? []
    }()

    @Test(arguments: expected)
    func comesOutRight(_ expected: Expected) {
        let matching = Self.relations.filter {
            $0.subject.name == expected.subject && $0.predicate == expected.predicate && $0.object.name == expected.object
                && (expected.time == nil || $0.time == expected.time) && (expected.modality == nil || $0.modality == expected.modality)
                && $0.isNegated == expected.negated
        }
        #expect(!matching.isEmpty, "not found: \(expected.testDescription); found: \(Self.relations.map { "\($0.subject.name) \($0.predicate) \($0.object.name) \($0.time ?? "-") \($0.modality)" })")
    }

    @Test func timesCarryTheirRange() throws {
        let visit = try #require(Self.relations.first { $0.predicate == .visit && $0.time == "2023-10" })
        #expect(visit.timeRange == TimeRange(literal: "2023-10"))
        #expect(visit.cameoCode == "042")
    }
}
