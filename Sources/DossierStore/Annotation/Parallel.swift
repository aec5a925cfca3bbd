import Foundation
import Synchronization

/// Work spread over several threads, with the results in input order.
package enum Parallel {
    /// One worker per active core: what ``map(_:workers:_:)`` uses unless told otherwise.
    package static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `transform` applied to each element by `workers` threads at once; the results keep the input
    /// order whatever the number of workers and whichever element finishes first.
    ///
    /// Each worker takes the next element no other has taken, so a slow element holds up only its
    /// own worker. `transform` runs on several threads at once, hence `@Sendable`, and its results
    /// cross from those threads to the caller, hence `Sendable`.
    package static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], workers: Int = coreCount, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let workers = max(1, min(workers, elements.count))
        guard workers > 1 else { return elements.map(transform) }
        let next = Atomic<Int>(0)
        let results = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < elements.count else { return }
                let result = transform(elements[index])
                results.withLock { $0[index] = result }
            }
        }
        // concurrentPerform returns once every worker has, so every slot is filled.
        return results.withLock { slots in slots.map { $0! } }
    }
}
