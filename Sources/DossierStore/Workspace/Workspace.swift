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
public final class Workspace: Sendable {
    /// The workspace file.
    public let path: String
    private let database: DatabaseQueue

    private init(path: String, database: DatabaseQueue) {
        self.path = path
        self.database = database
    }

    /// Opens the workspace at `path`, creating an empty one there when there is no file and
    /// `createIfMissing` is set.
    ///
    /// - Throws: a ``Diagnostic`` when the file is missing (and not to be created), is not SQLite,
    ///   is a SQLite file of another program, or was made by a newer Dossier.
    public static func open(at path: String, createIfMissing: Bool = false) throws(Diagnostic) -> Workspace {
        let exists = FileManager.default.fileExists(atPath: path)
        guard exists || createIfMissing else {
            throw Diagnostic(.error, "there is no workspace at '\(path)'", sourceName: path,
                             help: .init("create one with 'dossier ingest \(path) FILES…'"))
        }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.label = "Dossier workspace"
            let database = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = WorkspaceSchema.migrator
            try database.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                guard tables.isEmpty || tables.contains("workspace_info") else {
                    throw Diagnostic(.error, "'\(path)' is a SQLite database, but not a Dossier workspace", sourceName: path)
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw Diagnostic(.error, "the workspace was made by a newer version of Dossier", sourceName: path)
                }
            }
            try migrator.migrate(database)
            return Workspace(path: path, database: database)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw Diagnostic(.error, "'\(path)' is not a Dossier workspace (it is not a SQLite database)", sourceName: path)
        } catch {
            throw Diagnostic(.error, "the workspace cannot be opened: \(Self.describe(error))", sourceName: path)
        }
    }

    /// The number of documents in the workspace.
    public func documentCount() throws(Diagnostic) -> Int {
        try run { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0 }
    }

    /// Reads `paths` (files, folders, glob patterns), annotates the new documents and adds them.
    ///
    /// Malformed records are reported in the result and skipped; the rest is ingested.
    /// - Parameters:
    ///   - progress: called after each batch with the report so far.
    ///   - isCancelled: polled before each batch; when it returns `true` the ingest stops, keeping
    ///     the batches already written (each is whole) and marking the report cancelled.
    public func ingest(paths: [String], pipeline: Pipeline = Pipeline(), batchSize: Int = 256,
                       progress: (IngestReport) -> Void = { _ in },
                       isCancelled: () -> Bool = { false }) throws(Diagnostic) -> IngestReport {
        let inputs = InputFiles(paths)
        var report = IngestReport()
        report.problems = inputs.problems
        var pending: [Document] = []
        func stopsHere() -> Bool {
            report.wasCancelled = isCancelled()
            return report.wasCancelled
        }
        for path in inputs.paths {
            if stopsHere() { return report }
            let outcome = InputFiles.read(path)
            report.filesRead += 1
            report.problems += outcome.problems
            pending += outcome.documents
            while pending.count >= batchSize {
                if stopsHere() { return report }
                try ingestBatch(Array(pending.prefix(batchSize)), pipeline: pipeline, into: &report)
                pending.removeFirst(batchSize)
                progress(report)
            }
        }
        if !pending.isEmpty {
            if stopsHere() { return report }
            try ingestBatch(pending, pipeline: pipeline, into: &report)
            progress(report)
        }
        return report
    }

    /// Annotates `documents` and adds those the workspace does not have yet, in batches.
    public func ingest(documents: [Document], pipeline: Pipeline = Pipeline(), batchSize: Int = 256) throws(Diagnostic) -> IngestReport {
        var report = IngestReport()
        var start = 0
        while start < documents.count {
            let end = min(start + batchSize, documents.count)
            try ingestBatch(Array(documents[start..<end]), pipeline: pipeline, into: &report)
            start = end
        }
        return report
    }

    /// Adds annotations made elsewhere (or by ``Pipeline``), skipping documents already present.
    public func add(_ annotated: [AnnotatedDocument]) throws(Diagnostic) -> IngestReport {
        var report = IngestReport()
        let fresh = try newDocumentPositions(among: annotated.map(\.document), report: &report)
        try write(fresh.map { annotated[$0] }, into: &report)
        return report
    }

    private func ingestBatch(_ documents: [Document], pipeline: Pipeline, into report: inout IngestReport) throws(Diagnostic) {
        let fresh = try newDocumentPositions(among: documents, report: &report).map { documents[$0] }
        try write(Parallel.map(fresh, pipeline.annotate), into: &report)
    }

    /// The positions in `batch` of the documents whose id and text neither the workspace nor an
    /// earlier document of the batch has.
    private func newDocumentPositions(among batch: [Document], report: inout IngestReport) throws(Diagnostic) -> [Int] {
        var seenIDs = Set<String>()
        var seenTexts = Set<String>()
        var fresh: [Int] = []
        try run { db in
            for (position, document) in batch.enumerated() {
                let duplicateInBatch = seenIDs.contains(document.id) || seenTexts.contains(document.text)
                let idPresent = try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [document.id]) ?? false
                let textPresent = try idPresent || (String.fetchAll(db, sql: "SELECT text FROM documents WHERE content_hash = ?",
                                                                   arguments: [ContentHash.of(document.text)]).contains(document.text))
                if duplicateInBatch || idPresent || textPresent {
                    report.alreadyPresent += 1
                } else {
                    seenIDs.insert(document.id)
                    seenTexts.insert(document.text)
                    fresh.append(position)
                }
            }
        }
        return fresh
    }

    /// Writes annotated documents in one transaction: all of them, or none.
    private func write(_ annotated: [AnnotatedDocument], into report: inout IngestReport) throws(Diagnostic) {
        guard !annotated.isEmpty else { return }
        try runWrite { db in
            var entityNumbers: [EntityKey: Int64] = [:]
            let insertDocument = try db.cachedStatement(sql: """
                INSERT INTO documents (id, title, date, source, url, words, content_hash, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
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
            var aliasesWritten = Set<EntityAlias>()
            for item in annotated {
                let document = item.document
                try insertDocument.execute(arguments: [
                    document.id, document.title, document.date?.iso, document.source, document.url,
                    WordCounter.count(in: document.text), ContentHash.of(document.text), document.text,
                ])
                let documentNumber = db.lastInsertedRowID
                let slicer = CodePointSlicer(document.text)
                for sentence in item.sentences {
                    let text = slicer.text(of: sentence.span)
                    try insertSentence.execute(arguments: [documentNumber, sentence.index, sentence.span.start, sentence.span.end, text])
                    try indexSentence.execute(arguments: [db.lastInsertedRowID, text])
                }
                for mention in item.mentions {
                    let key = EntityKey(name: mention.entity, kind: mention.kind)
                    let entityNumber: Int64
                    if let known = entityNumbers[key] {
                        entityNumber = known
                    } else if let stored = try Int64.fetchOne(findEntity, arguments: [key.name, key.kind.rawValue]) {
                        entityNumber = stored
                    } else {
                        try insertEntity.execute(arguments: [key.name, key.kind.rawValue])
                        entityNumber = db.lastInsertedRowID
                    }
                    entityNumbers[key] = entityNumber
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
            }
        }
        report.added += annotated.count
    }

    /// Loads the in-memory columns the query evaluator scans.
    public func loadIndex() throws(Diagnostic) -> CorpusIndex {
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
            return CorpusIndex(documents: documents, entities: entities, mentions: mentions)
        }
    }

    /// The ids of the documents with a sentence that matches `words`, an SQLite FTS5 query: words
    /// that must all occur (`arrest warrant`), `"quoted phrases"`, `OR`, `NOT`, `prefix*`.
    ///
    /// - Throws: a ``Diagnostic`` that quotes SQLite's reason when the words are not a valid query.
    public func documents(matching words: String) throws(Diagnostic) -> [String] {
        do {
            return try database.read { db in
                try String.fetchAll(db, sql: """
                    SELECT DISTINCT documents.id FROM sentence_search
                    JOIN sentences ON sentences.number = sentence_search.rowid
                    JOIN documents ON documents.number = sentences.document
                    WHERE sentence_search MATCH ? ORDER BY documents.number
                    """, arguments: [words])
            }
        } catch let error as DatabaseError {
            throw Diagnostic(.error, "the search words cannot be read: \(error.message ?? error.description)",
                             notes: ["write words that must all occur, \"quoted phrases\", OR, NOT, or prefix*"])
        } catch {
            throw Diagnostic(.error, "the search failed: \(Self.describe(error))", sourceName: path)
        }
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
            throw Diagnostic(.error, "reading the workspace failed: \(Self.describe(error))", sourceName: path)
        }
    }

    private func runWrite(_ body: (Database) throws -> Void) throws(Diagnostic) {
        do {
            try database.write(body)
        } catch {
            throw Diagnostic(.error, "writing to the workspace failed, and the batch was rolled back: \(Self.describe(error))", sourceName: path)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }
}
