import Dossier
import Foundation
import Testing

/// The steps of the DocC article "Building an Analyst Tool" beyond what Examples/PersonTrips runs
/// (Scripts/test-examples checks the tool itself): the same code, on the seed articles.
@Suite("The analyst-tool article")
struct AnalystToolArticleTests {
    /// The example's query, as `Examples/PersonTrips/Sources/person-trips/TripQuery.swift` builds it.
    struct TripQuery {
        static let predicates: [RelationPredicate] = [.visit, .attend]
        let rows: RowQuery<RelationRecord>

        init(person: String) {
            let traveller = EntityName(person, kind: .person)
            rows = Query.relations
                .where { $0.subject == traveller && $0.predicate.isIn(Self.predicates) }
                .sorted { [$0.timeRange.ascending, $0.date.ascending, $0.sentence.ascending] }
        }
    }

    @MainActor final class TripsModel {
        let session: QuerySession
        var trips: [RelationRecord] = []
        var loading: Task<Void, Never>?

        init(session: QuerySession) { self.session = session }

        func load(person: String) {
            loading?.cancel()
            loading = Task {
                do {
                    trips = try await session.fetchAll(TripQuery(person: person).rows)
                } catch {
                    // CancellationError when replaced; a Diagnostic for a name the workspace does not know
                }
            }
        }
    }

    @Test func whenTheTripsWereAndWithWhom() throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let person = "Vladimir Putin"
        let query = TripQuery(person: person)
        #expect(query.rows.dqlText
            == #"relations | where subject == @"Vladimir Putin":person and predicate in [visit, attend] | sort time asc, date asc, sentence asc"#)
        let trips = try session.fetchAll(query.rows)
        #expect(trips.count == 13)

        let traveller = EntityName(person, kind: .person)
        let byQuarter = try session.fetchAll(query.rows.timeline(by: .quarter))
        // A trip without a time of its own counts by its document's date; with neither it is left out.
        #expect(byQuarter.map(\.count).reduce(0, +) == trips.filter { $0.timeRange != nil || $0.date != nil }.count)
        #expect(byQuarter.contains { $0.range.description == "2023-Q4" && $0.count >= 2 })
        let companions = try session.fetchAll(Query.entity(traveller).cooccurrences(with: .person, in: .sentence).top(5, by: \.count))
        #expect(!companions.isEmpty && companions.allSatisfy { $0.first.name == person && $0.second.kind == .person })
        let destinations = try session.fetchAll(query.rows.count(by: \.object))
        #expect(destinations.map(\.count).reduce(0, +) == trips.count)
        #expect(destinations.first { $0.key?.name == "China" }?.count == trips.filter { $0.object.name == "China" }.count)

        let bound = try session.bind(query.rows.bound(to: "trips"))
        let planned = try session.fetchAll(bound.where { $0.modality == .planned })
        #expect(planned == trips.filter { $0.modality == .planned })
    }

    @MainActor @Test func theModelLoadsTripsWithAwait() async throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = TripsModel(session: session)
        model.load(person: "Xi Jinping")
        model.load(person: "Vladimir Putin")  // replaces the first load
        await model.loading?.value
        #expect(model.trips.count == 13 && model.trips.allSatisfy { $0.subject.name == "Vladimir Putin" })
    }
}
