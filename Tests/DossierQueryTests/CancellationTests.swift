import DossierCore
import Testing
@testable import DossierQuery

/// A query stops inside its loops when asked to, and leaves the session as it was.
@Suite struct CancellationTests {
    /// A session whose query is cancelled after `calls` questions.
    static func session(cancellingAfter calls: Int) -> (QuerySession, () -> Int) {
        let session = Fixture.session()
        final class Counter: @unchecked Sendable { var value = 0 }
        let counter = Counter()
        session.isCancelled = {
            counter.value += 1
            return counter.value > calls
        }
        return (session, { counter.value })
    }

    @Test func kwicStopsBetweenSlicesOfMentions() throws {
        let (session, asked) = Self.session(cancellingAfter: 1)
        // Not '| count', which counts without making the rows.
        let diagnostic = try #require(Fixture.diagnostic("mentions | kwic width 50 | take 1", in: session))
        #expect(diagnostic.code == .cancelled)
        #expect(asked() >= 2)
    }

    @Test func aCancelledBindingLeavesTheSessionAsItWas() throws {
        let (session, _) = Self.session(cancellingAfter: 0)
        #expect(Fixture.diagnostic("let x = documents | where words > 1", in: session)?.code == .cancelled)
        #expect(session.boundNames.isEmpty)
    }

    @Test func sortingAndScanningAskWhetherToStop() throws {
        let evaluator = Evaluator(index: Fixture.index, postings: Postings(index: Fixture.index), bindings: [:], isCancelled: { true },
                                  fullTextSearch: nil, sentenceSearch: nil)
        #expect(throws: Diagnostic.self) {
            _ = try evaluator.sortedPositions(count: 5000, keys: [PlannedSortKey(expression: .constant(.int(1)), descending: false)]) { _, row in
                .int(row % 7)
            }
        }
        #expect(throws: Diagnostic.self) { try evaluator.checkCancellation(at: 1023) }
        try evaluator.checkCancellation(at: 1)
    }
}
