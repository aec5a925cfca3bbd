import GRDB

/// What SQLite reported when a workspace could not be opened, read or written: kept as the
/// ``DossierCore/Diagnostic/underlyingError`` of the diagnostic that says so, so that SQLite's
/// result codes are not lost in the message.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// SQLite's primary result code, such as 5 (`SQLITE_BUSY`) or 26 (`SQLITE_NOTADB`).
    public var resultCode: Int32
    /// SQLite's extended result code, such as 517 (`SQLITE_BUSY_SNAPSHOT`); the primary code
    /// when SQLite gave no more.
    public var extendedResultCode: Int32
    /// SQLite's message, when it gave one.
    public var message: String?

    /// The error GRDB reported.
    init(_ error: DatabaseError) {
        resultCode = error.resultCode.rawValue
        extendedResultCode = error.extendedResultCode.rawValue
        message = error.message
    }

    /// Whether SQLite gave up waiting for another connection's lock (`SQLITE_BUSY` or `SQLITE_LOCKED`).
    public var isBusy: Bool { resultCode == ResultCode.SQLITE_BUSY.rawValue || resultCode == ResultCode.SQLITE_LOCKED.rawValue }

    /// SQLite's message and its extended result code.
    public var description: String { "\(message ?? "SQLite error") (SQLite code \(extendedResultCode))" }
}
