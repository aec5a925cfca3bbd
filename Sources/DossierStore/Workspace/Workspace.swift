import DossierCore
import DossierText
import Foundation
import GRDB

/// A persistent collection of annotated documents: one SQLite file that `sqlite3` can open.
///
/// SQLite holds the truth. Beside it, the workspace keeps the columns the query evaluator scans in
/// one more file (its path with `-columns` appended), grown by each ingest's documents and mapped
/// into memory when the workspace is queried, so opening takes the same time however large the
/// corpus. That file is a cache stamped with the workspace's identity and write generation, never
/// trusted when it does not match: when it is stale (an ingest was killed before writing it) it is
/// grown by the documents it lacks, and when it is missing (the SQLite file was copied alone),
/// damaged, or disagrees with the database, it is built whole from the database.
/// Ingest is incremental (old documents are never processed again) and transactional: each batch
/// of documents is written in one transaction, so an interrupted ingest leaves the workspace as it
/// was before that batch.
///
/// Several programs may use one workspace at once. It is in SQLite's WAL mode, so readers (queries,
/// the shell) never wait for a writer and see whole batches only; a second writer waits its turn
/// (``defaultBusyTimeout``, then the batch is tried again up to ``busyRetries`` times) and after that
/// reports that the workspace is busy. Whether a document is new is decided inside the write
/// transaction, under a unique index on the SHA-256 of its text, so two ingests of the same texts
/// running together add each text once.
public final class Workspace: Sendable {
    /// The workspace file.
    public let path: String
    let database: DatabasePool
    /// A second connection that only reads `PRAGMA data_version`, which changes when any other
    /// connection (another process, or this workspace's own writes) commits to the file.
    private let watcher: DatabaseQueue
    private let busyTimeout: TimeInterval

    /// How long a write waits, by default, for another program's write to finish before it gives up once.
    public static let defaultBusyTimeout: TimeInterval = 20
    /// How many more times a batch is written after the wait ran out, before the ingest stops.
    public static let busyRetries = 2

    private init(path: String, database: DatabasePool, watcher: DatabaseQueue, busyTimeout: TimeInterval) {
        self.path = path
        self.database = database
        self.watcher = watcher
        self.busyTimeout = busyTimeout
    }

    /// Opens the workspace at `path`, creating an empty one there when there is no file and
    /// `createIfMissing` is set. A write waits up to `busyTimeout` seconds for another program's.
    ///
    /// - Throws: a ``Diagnostic`` when the file is missing (and not to be created), is not SQLite,
    ///   is a SQLite file of another program, or was made by a newer Dossier.
    public static func open(at path: String, createIfMissing: Bool = false,
                            busyTimeout: TimeInterval = defaultBusyTimeout) throws(Diagnostic) -> Workspace {
        let exists = FileManager.default.fileExists(atPath: path)
        guard exists || createIfMissing else {
            throw Diagnostic(.error, .workspaceMissing, "there is no workspace at '\(path)'", sourceName: path,
                             help: .init("create one with 'dossier ingest \(path) FILES…'"))
        }
        // SQLite answers "busy" at once, without waiting, to a connection that opens or upgrades a
        // file another one is creating or switching to WAL: such openings are tried again for as
        // long as a write would wait.
        let started = Date()
        while true {
            do {
                return try openOnce(at: path, busyTimeout: busyTimeout)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                guard Date().timeIntervalSince(started) < busyTimeout else { throw busy(path: path, waited: Date().timeIntervalSince(started), error: error) }
                usleep(50_000)
            } catch let diagnostic as Diagnostic {
                throw diagnostic
            } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
                throw Diagnostic(.error, .notAWorkspace, "'\(path)' is not a Dossier workspace (it is not a SQLite database)", sourceName: path,
                                 underlyingError: SQLiteError(error))
            } catch {
                throw Diagnostic(.error, .workspaceOpenFailed, "the workspace cannot be opened: \(Self.describe(error))", sourceName: path,
                                 underlyingError: Self.underlying(error))
            }
        }
    }

    private static func openOnce(at path: String, busyTimeout: TimeInterval) throws -> Workspace {
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.label = "Dossier workspace"
            configuration.busyMode = .timeout(busyTimeout)
            let database = try DatabasePool(path: path, configuration: configuration)
            let migrator = WorkspaceSchema.migrator
            let needsMigration = try database.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                // Only GRDB's table: another program is creating the workspace right now.
                guard tables.allSatisfy({ $0 == "grdb_migrations" }) || tables.contains("workspace_info") else {
                    throw Diagnostic(.error, .notAWorkspace, "'\(path)' is a SQLite database, but not a Dossier workspace", sourceName: path)
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw Diagnostic(.error, .workspaceTooNew, "the workspace was made by a newer version of Dossier", sourceName: path)
                }
                return try !migrator.hasCompletedMigrations(db)
            }
            if needsMigration { try migrate(database, with: migrator) }
            var watching = Configuration()
            watching.readonly = true
            watching.label = "Dossier workspace watcher"
            watching.busyMode = .timeout(busyTimeout)
            return Workspace(path: path, database: database, watcher: try DatabaseQueue(path: path, configuration: watching),
                             busyTimeout: busyTimeout)
        }
    }

    /// Brings the schema up to date. Another program may be creating or upgrading the same file at
    /// the same moment: each migration is a transaction of its own, so one of ours can fail on what
    /// the other just made ("table … already exists"); once the other is done nothing is left to do.
    private static func migrate(_ database: DatabasePool, with migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(database)
                return
            } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY && attempt < 10 {
                attempt += 1
                usleep(50_000)
                if try database.read({ try migrator.hasCompletedMigrations($0) }) { return }
            }
        }
    }

    /// Closes the workspace's connections, after moving everything written into the file itself.
    ///
    /// In WAL mode, committed batches may still sit in the `-wal` file beside the workspace; once it
    /// is closed the file holds them all, so it can be copied or renamed alone (the demo workspace is
    /// built under a temporary name and renamed). The workspace must not be used after this.
    public func close() throws(Diagnostic) {
        do {
            _ = try database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try watcher.close()
            try database.close()
        } catch {
            throw Diagnostic(.error, .workspaceOpenFailed, "the workspace cannot be closed: \(Self.describe(error))", sourceName: path,
                             underlyingError: Self.underlying(error))
        }
    }

    /// The version of the workspace schema this Dossier writes; a workspace of a later version
    /// cannot be opened by it, so caches of built workspaces carry it in their names.
    public static var schemaVersion: Int { WorkspaceSchema.version }

    /// SQLite's data version of the file: it changes whenever a change is committed to the file, by
    /// another process or by this workspace. Compare it with the value read before ``loadIndex()`` to
    /// know whether the index is stale.
    package func dataVersion() throws(Diagnostic) -> Int {
        do {
            return try watcher.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw Diagnostic(.error, .workspaceReadFailed, "reading the workspace failed: \(Self.describe(error))", sourceName: path,
                             underlyingError: Self.underlying(error))
        }
    }

    /// The size of the workspace file in bytes, or `nil` when it cannot be read.
    public var fileSize: Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    /// The number of documents in the workspace.
    public func documentCount() throws(Diagnostic) -> Int {
        try run { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0 }
    }

    func run<T>(_ body: (Database) throws -> T) throws(Diagnostic) -> T {
        do {
            return try database.read(body)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.error, .workspaceReadFailed, "reading the workspace failed: \(Self.describe(error))", sourceName: path,
                             underlyingError: Self.underlying(error))
        }
    }

    /// Runs `body` in a write transaction; while another program holds the write lock it waits
    /// (its busy timeout), and tries the whole transaction again ``busyRetries`` times.
    func runWrite(_ body: (Database) throws -> Void) throws(Diagnostic) {
        var attempt = 0
        let started = Date()
        while true {
            do {
                try database.write { db in
                    try body(db)
                    // Every committed write makes the column file stale (its stamp holds the generation).
                    try db.execute(sql: "UPDATE workspace_info SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                attempt += 1
                if attempt > Self.busyRetries { throw Self.busy(path: path, waited: Date().timeIntervalSince(started), error: error) }
                usleep(50_000)
            } catch {
                throw Diagnostic(.error, .workspaceWriteFailed, "writing to the workspace failed, and the batch was rolled back: \(Self.describe(error))",
                                 sourceName: path, underlyingError: Self.underlying(error))
            }
        }
    }

    /// The workspace stayed locked by another writer for the whole wait.
    private static func busy(path: String, waited: TimeInterval, error: DatabaseError) -> Diagnostic {
        Diagnostic(.error, .workspaceBusy, "the workspace is busy: another program kept writing to it for \(max(1, Int(waited.rounded()))) s", sourceName: path,
                   help: .init("try again when the other ingest is done"), underlyingError: SQLiteError(error))
    }

    /// The error a diagnostic keeps: SQLite's codes for a database error, else the error itself.
    static func underlying(_ error: any Error) -> any Error {
        if let error = error as? DatabaseError { return SQLiteError(error) }
        return error
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }
}
