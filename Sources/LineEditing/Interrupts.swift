import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C in the interactive shell: it cancels what runs, or the line being typed, instead of
/// ending the program.
///
/// The handler only sets a flag; the query evaluator polls it between stages and rows, and the
/// line editor returns ``LineInput/interrupted`` when a read is cut short by it.
public enum Interrupts {
    private static let pending = Atomic<Bool>(false)

    /// Routes SIGINT to the flag. Without `SA_RESTART`, so a blocked terminal read returns.
    public static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Interrupts.pending.store(true, ordering: .relaxed) }
        #else
        action.__sigaction_u.__sa_handler = { _ in Interrupts.pending.store(true, ordering: .relaxed) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Whether Ctrl-C was pressed since the flag was last cleared.
    public static var isPending: Bool { pending.load(ordering: .relaxed) }

    /// Clears the flag, returning whether it was set.
    @discardableResult
    public static func clear() -> Bool { pending.exchange(false, ordering: .relaxed) }
}
