import Dossier
import Dispatch
import Foundation
import Synchronization
import Testing

/// The `async` fetches: the same results as the synchronous ones, run off the caller's thread, and
/// stopped by the task's cancellation, before the query runs or while it runs.
@Suite("Typed queries and Swift concurrency")
struct TypedQueryConcurrencyTests {
    /// What `body` gives, called where the synchronous fetches are the ones chosen.
    static func synchronously<Result>(_ body: () throws -> Result) rethrows -> Result { try body() }

    @Test func asyncFetchesGiveWhatTheSynchronousOnesGive() async throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let visits = Query.entity("Vladimir Putin").relations.where { $0.predicate == .visit }
        let asynchronous = try await session.fetchAll(visits)
        let synchronous = try Self.synchronously { try session.fetchAll(visits) }
        #expect(!asynchronous.isEmpty && asynchronous == synchronous)
        let quarters = visits.timeline(by: .quarter)
        let buckets = try await session.fetchAll(quarters)
        let synchronousBuckets = try Self.synchronously { try session.fetchAll(quarters) }
        #expect(!buckets.isEmpty && buckets == synchronousBuckets)
        #expect(try await session.fetchCount(visits.count()) == asynchronous.count)
        let byPredicate = Query.relations.count { [$0.predicate, $0.modality] }.rendered(as: .bar)
        let table = try await session.fetchTable(byPredicate)
        let synchronousTable = try Self.synchronously { try session.fetchTable(byPredicate) }
        #expect(table.presentation == .bar(value: 2) && table == synchronousTable)

        // A problem of the query is its diagnostic, placed in its text and named as asked.
        let unknown = Query.entity("Vladimir Ptin").relations
        do {
            _ = try await session.fetchAll(unknown, sourceName: "trips.swift")
            Issue.record("an unknown entity must be an error")
        } catch let error as Diagnostic {
            #expect(error.sourceName == "trips.swift" && error.range?.start.column == 1)
            #expect(error.message.contains("Vladimir Ptin"))
        }
        // The `let` bindings the session holds are the async query's too.
        let trips = try session.bind(visits.bound(to: "trips"))
        #expect(try await session.fetchAll(trips.where { $0.modality == .planned }).allSatisfy { $0.modality == .planned })
    }

    /// From the main actor the query runs elsewhere, leaving the main actor free while it runs: the
    /// search it asks waits for a job of the main actor, which could never run if the query held it.
    /// (The session, which is not `Sendable`, stays with its caller.)
    @MainActor @Test func runsOffTheCallersActor() async throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mainActorRan = DispatchSemaphore(value: 0)
        let waits = Mutex<[DispatchTimeoutResult]>([])
        session.fullTextSearch = { _ throws(Diagnostic) in
            let result = mainActorRan.wait(timeout: .now() + 60)
            waits.withLock { $0.append(result) }
            return [0, 1]
        }
        let mainActorJob = Task { @MainActor in _ = mainActorRan.signal() }
        let documents = try await session.fetchAll(Query.documents.search("anything").sorted(by: \.identifier))
        await mainActorJob.value
        #expect(documents.map(\.identifier) == ["000_a2bef38422b75170", "003_9500509ab041714a"])
        #expect(waits.withLock { $0 } == [.success])
    }

    @Test func aTaskCancelledBeforeTheQueryRunsThrowsCancellationError() async throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let searches = Mutex(0)
        session.fullTextSearch = { _ throws(Diagnostic) in
            searches.withLock { $0 += 1 }
            return []
        }
        let query = Query.documents.search("warrant")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await session.fetchAll(query)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(searches.withLock { $0 } == 0)
    }

    /// The task is cancelled while its query runs (inside the first `search`, which waits until the
    /// test has cancelled it): the evaluator stops before the next stage, so the sentence search after
    /// it never runs, and the fetch throws `CancellationError`, not rows.
    @Test func cancellingATaskStopsItsRunningQuery() async throws {
        let (session, folder) = try TypedResultTests.seedSession()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = DispatchSemaphore(value: 0)
        let resume = DispatchSemaphore(value: 0)
        let sentenceSearches = Mutex(0)
        session.fullTextSearch = { _ throws(Diagnostic) in
            started.signal()
            resume.wait()
            return [0, 1]
        }
        session.sentenceSearch = { _ throws(Diagnostic) in
            sentenceSearches.withLock { $0 += 1 }
            return [0]
        }
        let query = Query.documents.search("warrant").sentences.search("Putin")
        let task = Task { try await session.fetchAll(query) }
        // Wait, off the cooperative threads, until the query is inside its first stage.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                started.wait()
                continuation.resume()
            }
        }
        task.cancel()
        resume.signal()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(sentenceSearches.withLock { $0 } == 0)
    }
}
