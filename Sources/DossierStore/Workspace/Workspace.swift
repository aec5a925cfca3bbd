import DossierCore
import DossierText
import Foundation
import GRDB

/// A persistent collection of annotated documents: one SQLite file that `sqlite3` can open.
///
/// SQLite holds the truth; ``loadIndex()`` builds the in-memory columns the query evaluator scans.
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
    private let database: DatabasePool
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

    /// Reads `paths` (files, folders, glob patterns), annotates the new documents and adds them.
    ///
    /// Malformed records are reported in the result and skipped; the rest is ingested. A record
    /// whose id the workspace (or an earlier record) already gives to a different text is reported
    /// and skipped, naming both places.
    /// - Parameters:
    ///   - progress: called after each batch with the report so far, and once more before a write
    ///     error stops the ingest, so a caller can say what was added before it.
    ///   - isCancelled: polled before each batch; when it returns `true` the ingest stops, keeping
    ///     the batches already written (each is whole) and marking the report cancelled.
    /// - Throws: a ``Diagnostic`` when a batch cannot be written (the batches before it are kept and
    ///   the diagnostic says how many documents they added), or the workspace stays busy.
    public func ingest(paths: [String], pipeline: Pipeline = Pipeline(), batchSize: Int = 256,
                       progress: (IngestReport) -> Void = { _ in },
                       isCancelled: () -> Bool = { false }) throws(Diagnostic) -> IngestReport {
        let inputs = InputFiles(paths)
        var report = IngestReport()
        report.problems = inputs.problems
        report.pathProblems = inputs.problems.count
        var origins: [String: SeenDocument] = [:]
        // Each file is read when the batches need its documents.
        let outcomes = inputs.paths.lazy.map { path in
            let outcome = InputFiles.read(path, name: inputs.names[path])
            report.filesRead += 1
            report.problems += outcome.problems
            return outcome
        }
        // Each batch is annotated outside any transaction, so readers and other writers are not
        // held up, then written in one.
        do {
            let finished = try BatchAnnotator(batchSize: batchSize).run(outcomes, selecting: { batch throws(Diagnostic) in
                try newDocumentPositions(among: batch, seen: &origins, report: &report)
            }, annotate: pipeline.annotate, isCancelled: isCancelled) { _, annotated throws(Diagnostic) in
                try write(annotated, into: &report)
                progress(report)
            }
            report.wasCancelled = !finished
        } catch {
            progress(report)
            throw error.noting(report)
        }
        return report
    }

    /// Annotates `documents` and adds those the workspace does not have yet, in batches.
    public func ingest(documents: [Document], pipeline: Pipeline = Pipeline(), batchSize: Int = 256) throws(Diagnostic) -> IngestReport {
        var report = IngestReport()
        var origins: [String: SeenDocument] = [:]
        do {
            try BatchAnnotator(batchSize: batchSize).run([ReadOutcome(documents: documents)], selecting: { batch throws(Diagnostic) in
                try newDocumentPositions(among: batch, seen: &origins, report: &report)
            }, annotate: pipeline.annotate) { _, annotated throws(Diagnostic) in
                try write(annotated, into: &report)
            }
        } catch {
            throw error.noting(report)
        }
        return report
    }

    /// Adds annotations made elsewhere (or by ``Pipeline``), skipping documents already present.
    public func add(_ annotated: [AnnotatedDocument]) throws(Diagnostic) -> IngestReport {
        var report = IngestReport()
        var origins: [String: SeenDocument] = [:]
        let fresh = try newDocumentPositions(among: ReadOutcome(documents: annotated.map(\.document)), seen: &origins, report: &report)
        try write(fresh.map { annotated[$0] }, into: &report)
        return report
    }

    /// The positions in `batch` of the documents whose id and text neither the workspace nor an
    /// earlier document of the ingest has, so no time goes into annotating the others. A document
    /// whose id is taken by a different text is a problem that names both places; one whose id or
    /// text is there already is counted as present. ``write(_:into:)`` asks again, for real, inside
    /// its transaction. `seen` maps each id taken in this ingest to its record and its text's digest.
    private func newDocumentPositions(among batch: ReadOutcome, seen: inout [String: SeenDocument],
                                      report: inout IngestReport) throws(Diagnostic) -> [Int] {
        var batchTexts = Set<String>()
        var fresh: [Int] = []
        try run { db in
            for (position, document) in batch.documents.enumerated() {
                let origin = batch.origins.indices.contains(position) ? batch.origins[position] : nil
                let digest = TextDigest.of(document.text)
                if let earlier = seen[document.id] {
                    if earlier.digest == digest {
                        report.alreadyPresent += 1
                    } else {
                        report.problems.append(Self.idTaken(document.id, by: earlier.origin.map { "the record at \($0)" } ?? "an earlier document", at: origin))
                    }
                    continue
                }
                if let stored = try String.fetchOne(db, sql: "SELECT text FROM documents WHERE id = ?", arguments: [document.id]) {
                    if stored == document.text {
                        report.alreadyPresent += 1
                    } else {
                        report.problems.append(Self.idTaken(document.id, by: "a document already in the workspace", at: origin))
                    }
                    continue
                }
                if try batchTexts.contains(digest)
                    || Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE text_sha256 = ?", arguments: [digest]) == true {
                    report.alreadyPresent += 1
                    continue
                }
                seen[document.id] = SeenDocument(origin: origin, digest: digest)
                batchTexts.insert(digest)
                fresh.append(position)
            }
        }
        return fresh
    }

    /// An id taken earlier in an ingest: where its record was, and its text's digest.
    private struct SeenDocument {
        var origin: DocumentOrigin?
        var digest: String
    }

    /// "the id 'x' is already used by a different text", at the record that lost, naming the one that won.
    private static func idTaken(_ id: String, by owner: String, at origin: DocumentOrigin?) -> Diagnostic {
        var diagnostic = Diagnostic(.error, .idTaken, "the id '\(id)' is already used by \(owner) with a different text; this record is skipped",
                                    sourceName: origin?.path)
        if let origin { diagnostic.range = SourceRange(at: SourceLocation(line: origin.line, column: 1, offset: 0)) }
        diagnostic.help = .init("give the record its own id; files found in folders are named by their path in the folder")
        return diagnostic
    }

    /// Writes annotated documents in one transaction: all of them, or none.
    ///
    /// Inside the transaction, which holds the write lock, each document is checked once more: one
    /// whose id or text another program added since ``newDocumentPositions(among:seen:report:)``
    /// looked is counted as present, and the unique indexes on ids and texts back the check.
    private func write(_ annotated: [AnnotatedDocument], into report: inout IngestReport) throws(Diagnostic) {
        guard !annotated.isEmpty else { return }
        var added = 0
        var present = 0
        try runWrite { db in
            added = 0
            present = 0
            var entityNumbers: [EntityKey: Int64] = [:]
            let insertDocument = try db.cachedStatement(sql: """
                INSERT INTO documents (id, title, date, source, url, words, content_hash, text_sha256, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let findDocument = try db.cachedStatement(sql: "SELECT 1 FROM documents WHERE id = ? OR text_sha256 = ?")
            let insertSentence = try db.cachedStatement(sql: "INSERT INTO sentences (document, position, start, end, text) VALUES (?, ?, ?, ?, ?)")
            let indexSentence = try db.cachedStatement(sql: "INSERT INTO sentence_search (rowid, text) VALUES (?, ?)")
            let findEntity = try db.cachedStatement(sql: "SELECT number FROM entities WHERE name = ? AND kind = ?")
            let insertEntity = try db.cachedStatement(sql: "INSERT INTO entities (name, kind) VALUES (?, ?)")
            let insertAlias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_aliases (entity, alias) VALUES (?, ?)")
            let insertMention = try db.cachedStatement(sql: """
                INSERT INTO mentions (entity, document, sentence, start, end, text) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let insertTime = try db.cachedStatement(sql: """
                INSERT INTO times (document, sentence, start, end, text, type, value, range_start, range_end, granularity)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertRelation = try db.cachedStatement(sql: """
                INSERT INTO relations (document, sentence, evidence_start, evidence_end, subject, subject_start, subject_end,
                    predicate, object, object_start, object_end, time, range_start, range_end, granularity, modality, negated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var aliasesWritten = Set<EntityAlias>()
            /// The number of the entity named so, inserting it when the workspace has none.
            func entityNumber(name: String, kind: EntityKind) throws -> Int64 {
                let key = EntityKey(name: name, kind: kind)
                if let known = entityNumbers[key] { return known }
                let number: Int64
                if let stored = try Int64.fetchOne(findEntity, arguments: [name, kind.rawValue]) {
                    number = stored
                } else {
                    try insertEntity.execute(arguments: [name, kind.rawValue])
                    number = db.lastInsertedRowID
                }
                entityNumbers[key] = number
                return number
            }
            for item in annotated {
                let document = item.document
                let digest = TextDigest.of(document.text)
                if try Bool.fetchOne(findDocument, arguments: [document.id, digest]) == true {
                    present += 1
                    continue
                }
                try insertDocument.execute(arguments: [
                    document.id, document.title, document.date?.iso, document.source, document.url,
                    WordCounter.count(in: document.text), ContentHash.of(document.text), digest, document.text,
                ])
                added += 1
                let documentNumber = db.lastInsertedRowID
                let slicer = CodePointSlicer(document.text)
                for sentence in item.sentences {
                    let text = slicer.text(of: sentence.span)
                    try insertSentence.execute(arguments: [documentNumber, sentence.index, sentence.span.start, sentence.span.end, text])
                    try indexSentence.execute(arguments: [db.lastInsertedRowID, text])
                }
                for mention in item.mentions {
                    let entityNumber = try entityNumber(name: mention.entity, kind: mention.kind)
                    if mention.text != mention.entity, aliasesWritten.insert(EntityAlias(entity: entityNumber, alias: mention.text)).inserted {
                        try insertAlias.execute(arguments: [entityNumber, mention.text])
                    }
                    try insertMention.execute(arguments: [
                        entityNumber, documentNumber, mention.sentence, mention.span.start, mention.span.end, mention.text,
                    ])
                }
                for time in item.times {
                    try insertTime.execute(arguments: [
                        documentNumber, time.sentence, time.span.start, time.span.end, time.text, time.type.timeMLName, time.value,
                        time.range?.start.iso, time.range?.end.iso, time.range?.granularity.rawValue,
                    ])
                }
                for relation in item.relations {
                    let subject = try entityNumber(name: relation.subject.name, kind: relation.subject.kind)
                    let object = try entityNumber(name: relation.object.name, kind: relation.object.kind)
                    try insertRelation.execute(arguments: [
                        documentNumber, relation.sentence, relation.evidence.start, relation.evidence.end,
                        subject, relation.subject.span.start, relation.subject.span.end, relation.predicate.rawValue,
                        object, relation.object.span.start, relation.object.span.end, relation.time,
                        relation.timeRange?.start.iso, relation.timeRange?.end.iso, relation.timeRange?.granularity.rawValue,
                        relation.modality.rawValue, relation.isNegated,
                    ])
                }
            }
            // Inside the transaction, so a reader never sees a surname-only entity the batch made
            // before it is merged into its full name.
            try CorpusEntityResolver.resolve(in: db, touching: Set(entityNumbers.values))
        }
        report.added += added
        report.alreadyPresent += present
    }

    /// Loads the in-memory columns the query evaluator scans.
    package func loadIndex() throws(Diagnostic) -> CorpusIndex {
        try run { db in
            var documents = CorpusIndex.DocumentColumns()
            var documentPositions: [Int64: Int32] = [:]
            let documentRows = try Row.fetchCursor(db, sql: "SELECT number, id, title, date, source, url, words, text FROM documents ORDER BY number")
            while let row = try documentRows.next() {
                documentPositions[row[0]] = Int32(documents.count)
                let date: String? = row[3]
                documents.append(Document(id: row[1], title: row[2], date: date.flatMap { Day(iso: $0) }, source: row[4], url: row[5], text: row[7]),
                                 wordCount: row[6])
            }
            var entities = CorpusIndex.EntityColumns()
            var entityPositions: [Int64: Int] = [:]
            var aliases: [Int64: [String]] = [:]
            let aliasRows = try Row.fetchCursor(db, sql: "SELECT entity, alias FROM entity_aliases ORDER BY entity, alias")
            while let row = try aliasRows.next() { aliases[row[0], default: []].append(row[1]) }
            let entityRows = try Row.fetchCursor(db, sql: "SELECT number, name, kind FROM entities ORDER BY number")
            while let row = try entityRows.next() {
                let number: Int64 = row[0]
                entityPositions[number] = entities.count
                entities.append(name: row[1], kind: EntityKind(rawValue: row[2]) ?? .other, aliases: aliases[number] ?? [])
            }
            var mentions = CorpusIndex.MentionColumns()
            let mentionRows = try Row.fetchCursor(db, sql: "SELECT entity, document, sentence, start, end, text FROM mentions ORDER BY document, start")
            while let row = try mentionRows.next() {
                guard let entity = entityPositions[row[0]], let document = documentPositions[row[1]] else { continue }
                mentions.append(entity: Int32(entity), document: document, sentence: row[2], text: row[5],
                                span: TextSpan(start: row[3], end: row[4]))
            }
            let sentences = try Self.loadSentences(db, documents: documentPositions)
            let times = try Self.loadTimes(db, documents: documentPositions)
            let relations = try Self.loadRelations(db, documents: documentPositions, entities: entityPositions, names: entities)
            return CorpusIndex(documents: documents, entities: entities, mentions: mentions,
                               sentences: sentences, relations: relations, times: times)
        }
    }

    /// The ids of the documents with a sentence that matches `words`, in FTS5's syntax (see
    /// ``SearchWords``): words that must all occur (`arrest warrant`), `"quoted phrases"`, `OR`,
    /// `AND`, `NOT`, parentheses, `prefix*`, `NEAR(a b, 5)`; punctuation inside a word is part of it.
    ///
    /// - Throws: a ``Diagnostic`` that says what is wrong when the words are not a valid search.
    public func documents(matching words: String) throws(Diagnostic) -> [String] {
        try search(words) { db, expression in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT documents.id FROM sentence_search
                JOIN sentences ON sentences.number = sentence_search.rowid
                JOIN documents ON documents.number = sentences.document
                WHERE sentence_search MATCH ? ORDER BY documents.number
                """, arguments: [expression])
        }
    }

    /// The sentences that match `words` (see ``documents(matching:)``): each document's id and the
    /// sentence's position in it, in document order.
    public func sentences(matching words: String) throws(Diagnostic) -> [(document: String, position: Int)] {
        try search(words) { db, expression in
            try Row.fetchAll(db, sql: """
                SELECT documents.id, sentences.position FROM sentence_search
                JOIN sentences ON sentences.number = sentence_search.rowid
                JOIN documents ON documents.number = sentences.document
                WHERE sentence_search MATCH ? ORDER BY documents.number, sentences.position
                """, arguments: [expression]).map { (document: $0[0], position: $0[1]) }
        }
    }

    private func search<T>(_ words: String, _ body: (Database, String) throws -> T) throws(Diagnostic) -> T {
        let expression: String
        do throws(SearchWords.Problem) {
            expression = try SearchWords.expression(for: words)
        } catch {
            throw Diagnostic(.error, .invalidSearchWords, "the search words cannot be read: \(error.message)", notes: [SearchWords.syntaxNote])
        }
        do {
            return try database.read { db in try body(db, expression) }
        } catch let error as DatabaseError where (error.message ?? "").hasPrefix("fts5") {
            // What SearchWords let through and FTS5 still refused.
            throw Diagnostic(.error, .invalidSearchWords, "the search words cannot be read: \(error.message ?? error.description)",
                             notes: [SearchWords.syntaxNote], underlyingError: SQLiteError(error))
        } catch {
            throw Diagnostic(.error, .workspaceReadFailed, "the search failed: \(Self.describe(error))", sourceName: path,
                             underlyingError: Self.underlying(error))
        }
    }

    private static func loadSentences(_ db: Database, documents: [Int64: Int32]) throws -> CorpusIndex.SentenceColumns {
        var sentences = CorpusIndex.SentenceColumns()
        let rows = try Row.fetchCursor(db, sql: "SELECT document, position, start, end FROM sentences ORDER BY document, position")
        while let row = try rows.next() {
            guard let document = documents[row[0]] else { continue }
            sentences.append(document: document, Sentence(index: row[1], span: TextSpan(start: row[2], end: row[3])))
        }
        return sentences
    }

    private static func loadTimes(_ db: Database, documents: [Int64: Int32]) throws -> CorpusIndex.TimeColumns {
        var times = CorpusIndex.TimeColumns()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT document, sentence, start, end, text, type, value, range_start, range_end, granularity FROM times ORDER BY document, start
            """)
        while let row = try rows.next() {
            guard let document = documents[row[0]] else { continue }
            times.append(document: document, TimeExpression(
                span: TextSpan(start: row[2], end: row[3]), text: row[4], type: TimexType(timeMLName: row[5]) ?? .date,
                value: row[6], range: timeRange(start: row[7], end: row[8], granularity: row[9]), sentence: row[1]))
        }
        return times
    }

    /// The relations, with their arguments as rows of the entity columns already loaded.
    private static func loadRelations(_ db: Database, documents: [Int64: Int32], entities: [Int64: Int],
                                      names: CorpusIndex.EntityColumns) throws -> CorpusIndex.RelationColumns {
        var relations = CorpusIndex.RelationColumns()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT document, sentence, evidence_start, evidence_end, subject, subject_start, subject_end, predicate,
                object, object_start, object_end, time, range_start, range_end, granularity, modality, negated
            FROM relations ORDER BY document, sentence, number
            """)
        while let row = try rows.next() {
            guard let document = documents[row[0]], let subject = entities[row[4]], let object = entities[row[8]],
                  let predicate = RelationPredicate(rawValue: row[7]) else { continue }
            func argument(_ entity: Int, start: Int, end: Int) -> RelationArgument {
                RelationArgument(name: names.names[entity], kind: names.kinds[entity], span: TextSpan(start: start, end: end))
            }
            let relation = Relation(
                subject: argument(subject, start: row[5], end: row[6]), predicate: predicate, object: argument(object, start: row[9], end: row[10]),
                time: row[11], timeRange: timeRange(start: row[12], end: row[13], granularity: row[14]),
                modality: Modality(rawValue: row[15]) ?? .asserted, isNegated: row[16], sentence: row[1], evidence: TextSpan(start: row[2], end: row[3]))
            relations.append(document: document, subject: Int32(subject), object: Int32(object), relation)
        }
        return relations
    }

    /// The range stored as ISO days and a granularity, when all three are there and make sense.
    private static func timeRange(start: String?, end: String?, granularity: String?) -> TimeRange? {
        guard let start = start.flatMap({ Day(iso: $0) }), let end = end.flatMap({ Day(iso: $0) }), start <= end else { return nil }
        return TimeRange(start: start, end: end, granularity: granularity.flatMap(Granularity.init(rawValue:)) ?? .day)
    }

    private struct EntityKey: Hashable {
        var name: String
        var kind: EntityKind
    }

    private struct EntityAlias: Hashable {
        var entity: Int64
        var alias: String
    }

    private func run<T>(_ body: (Database) throws -> T) throws(Diagnostic) -> T {
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
    private func runWrite(_ body: (Database) throws -> Void) throws(Diagnostic) {
        var attempt = 0
        let started = Date()
        while true {
            do {
                try database.write(body)
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
    private static func underlying(_ error: any Error) -> any Error {
        if let error = error as? DatabaseError { return SQLiteError(error) }
        return error
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }
}
