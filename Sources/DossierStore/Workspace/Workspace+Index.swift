import DossierCore
import DossierText
import GRDB

// The columns the query evaluator scans: mapped from the column file beside the workspace, which
// grows by the documents an ingest adds, and is built whole from SQLite when it is missing, damaged
// or disagrees with the database.
extension Workspace {
    /// The column file that belongs to this workspace: its path with `-columns` appended, beside
    /// SQLite's own `-wal` and `-shm` files.
    package var columnFilePath: String { path + "-columns" }

    /// The index, mapped from the column file in constant time when the file matches the workspace;
    /// otherwise the file is written from the database for the next time, and mapped.
    ///
    /// The file is a cache: it is stamped with the workspace's identity and write generation, so a
    /// file left behind by an interrupted ingest, copied from another workspace, or damaged is
    /// never trusted. When it cannot be written the index is built in memory.
    package func openIndex() throws(Diagnostic) -> CorpusIndex {
        let stamp = try run { db in try Self.stamp(db) }
        if let mapped = try? mappedIndex(stamp: stamp) { return mapped }
        let written = try writeColumnFile()
        if written.problem == nil, let mapped = try? mappedIndex(stamp: written.stamp) { return mapped }
        return try loadIndex()
    }

    /// How ``refreshColumnFile()`` brought the column file up to date.
    package enum ColumnFileUpdate: Equatable {
        /// The file matched the workspace already.
        case current
        /// The file written before the last batches was copied, and the rows of the documents
        /// added since were appended.
        case appended(documents: Int)
        /// The file was written whole from the database.
        case rebuilt
    }

    /// Writes the column file from the database, unless it already matches it.
    ///
    /// - Throws: a ``Diagnostic`` when the database cannot be read or the file cannot be written.
    @discardableResult
    package func refreshColumnFile() throws(Diagnostic) -> ColumnFileUpdate {
        let stamp = try run { db in try Self.stamp(db) }
        if (try? ColumnFileReader(path: columnFilePath, stamp: stamp)) != nil { return .current }
        let written = try writeColumnFile()
        if let problem = written.problem { throw problem }
        return written.update
    }

    /// Writes the column file from one snapshot of the database, a table at a time: each table is
    /// read, written with the columns derived from it, and let go before the next, so the corpus
    /// is never held whole. When the file there was written before the batches since, its rows are
    /// copied and only the new ones read (``earlierColumns(_:stamp:entities:positions:_:)``).
    /// Returns the stamp of that snapshot, and the warning that the file could not be written, when
    /// it could not.
    private func writeColumnFile() throws(Diagnostic) -> (stamp: ColumnFileStamp, update: ColumnFileUpdate, problem: Diagnostic?) {
        ColumnFileWriter.removeAbandonedFiles(of: columnFilePath)
        let earlierFile = try? ColumnFileReader(path: columnFilePath)
        var file = ColumnFileWriter(path: columnFilePath)
        let (stamp, update) = try run { db -> (ColumnFileStamp, ColumnFileUpdate) in
            let stamp = try Self.stamp(db)
            // A file that cannot even be made is not worth reading the database for.
            guard !file.hasFailed else { return (stamp, .rebuilt) }
            let (entities, entityPositions) = try Self.loadEntities(db)
            if let earlierFile,
               let earlier = try earlierColumns(earlierFile, stamp: stamp, entities: entities, positions: entityPositions, db) {
                let added = try writeColumns(into: &file, entities: entities, positions: entityPositions,
                                             after: (earlier, earlierFile.stamp.lastDocument), db)
                if let added { return (stamp, .appended(documents: added)) }
                // The columns copied disagree with the database: build the file whole instead.
                file = ColumnFileWriter(path: columnFilePath)
            }
            _ = try writeColumns(into: &file, entities: entities, positions: entityPositions, after: nil, db)
            return (stamp, .rebuilt)
        }
        do {
            try file.finish(stamp: stamp)
            return (stamp, update, nil)
        } catch {
            return (stamp, update, Diagnostic(.warning, .columnFileUnwritable, "the workspace's column file cannot be written: \(Self.describe(error))",
                                      sourceName: columnFilePath,
                                      help: .init("queries still work; each opening reads the columns from the database until the file can be written")))
        }
    }

    /// Writes the columns of the documents numbered after `earlier`'s last one after `earlier`'s
    /// columns, or of every document without it. Returns how many documents were written, or `nil`
    /// when the columns grown from `earlier` disagree with the database
    /// (``columnsAgree(_:earlier:_:)``): such a file is not to be kept.
    private func writeColumns(into file: inout ColumnFileWriter, entities: CorpusIndex.EntityColumns, positions entityPositions: [Int64: Int],
                              after earlier: (columns: CorpusIndex.EarlierColumns, lastDocument: Int64)?, _ db: Database) throws -> Int? {
        let lastDocument = earlier?.lastDocument ?? Int64.min
        let firstRow = earlier?.columns.index.documents.count ?? 0
        let numbers = try Int64.fetchAll(db, sql: "SELECT number FROM documents WHERE number > ? ORDER BY number", arguments: [lastDocument])
        let documentPositions = Self.positions(of: numbers, from: firstRow)
        let reader = CorpusIndex.TableReader(
            documents: { try self.loadDocuments(db, after: lastDocument) },
            mentions: { try Self.loadMentions(db, after: lastDocument, continuing: earlier?.columns.index.mentions.texts, documents: documentPositions,
                                              entities: entityPositions) },
            sentences: { try Self.loadSentences(db, after: lastDocument, documents: documentPositions) },
            relations: { try Self.loadRelations(db, after: lastDocument, documents: documentPositions, entities: entityPositions, names: entities) },
            times: { try Self.loadTimes(db, after: lastDocument, documents: documentPositions) })
        let written = try CorpusIndex.writeColumns(into: &file, entities: entities, read: reader,
                                                   readText: try Self.textReader(db, numbers: numbers, firstRow: firstRow), after: earlier?.columns)
        guard let earlier, let written else { return numbers.count }
        return try Self.columnsAgree(written, earlier: earlier.columns.index.entities, db) ? numbers.count : nil
    }

    private func mappedIndex(stamp: ColumnFileStamp) throws(ColumnFileProblem) -> CorpusIndex {
        let file = try ColumnFileReader(path: columnFilePath, stamp: stamp)
        return try CorpusIndex(reading: file) { numbers in documentTexts(numbers: numbers) }
    }

    /// Texts read from the database by document number.
    func documentTexts(numbers: Column<Int64>) -> DocumentTexts {
        DocumentTexts(count: numbers.count) { [database, path] row throws(Diagnostic) in
            let number = numbers[row]
            let text: String?
            do {
                text = try database.read { db in
                    try String.fetchOne(db.cachedStatement(sql: "SELECT text FROM documents WHERE number = ?"), arguments: [number])
                }
            } catch {
                throw Diagnostic(.error, .workspaceReadFailed, "reading a document's text failed: \(Self.describe(error))", sourceName: path,
                                 underlyingError: Self.underlying(error))
            }
            // The index was opened on rows the database no longer has: another program changed it since.
            guard let text else {
                throw Diagnostic(.error, .workspaceReadFailed, "document \(number) is no longer in the workspace", sourceName: path,
                                 help: .init("the workspace changed since it was opened; open it again"))
            }
            return text
        }
    }

    /// What the workspace is now: its identity, write generation and last document.
    static func stamp(_ db: Database) throws -> ColumnFileStamp {
        let info = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM workspace_info WHERE key IN ('identity', 'generation')")
            .map { (row: Row) -> (String, String) in (row["key"], row["value"]) })
        let lastDocument = try Int64.fetchOne(db, sql: "SELECT max(number) FROM documents") ?? 0
        return ColumnFileStamp(identity: info["identity"] ?? "", generation: Int(info["generation"] ?? "") ?? 0, lastDocument: lastDocument)
    }

    /// Builds the columns in memory from the database (texts are read from it when needed).
    package func loadIndex() throws(Diagnostic) -> CorpusIndex { try buildIndex().index }

    /// Builds the columns from one snapshot of the database, with the stamp of that snapshot.
    ///
    /// Each table is made from its rows as soon as they are read, and the rows are let go, so the
    /// corpus is held once rather than twice while the index is built.
    private func buildIndex() throws(Diagnostic) -> (index: CorpusIndex, stamp: ColumnFileStamp) {
        try run { db in
            let stamp = try Self.stamp(db)
            let documents = try loadDocuments(db)
            let documentPositions = Self.positions(of: documents.numbers)
            let (entities, entityPositions) = try Self.loadEntities(db)
            let mentions = try Self.loadMentions(db, documents: documentPositions, entities: entityPositions)
            let sentences = try Self.loadSentences(db, documents: documentPositions)
            let times = try Self.loadTimes(db, documents: documentPositions)
            let relations = try Self.loadRelations(db, documents: documentPositions, entities: entityPositions, names: entities)
            let index = try CorpusIndex(documents: documents, entities: entities, mentions: mentions, sentences: sentences, relations: relations,
                                        times: times, readText: try Self.textReader(db, numbers: documents.numbers))
            return (index, stamp)
        }
    }

    /// Reads the text of the document in row `row`, whose number is `numbers[row - firstRow]`, in the
    /// snapshot `db` reads, to slice sentences and evidence while the index is built.
    private static func textReader(_ db: Database, numbers: some RandomAccessCollection<Int64>, firstRow: Int = 0)
        throws -> (Int) throws -> String {
        let statement = try db.cachedStatement(sql: "SELECT text FROM documents WHERE number = ?")
        return { row in
            try String.fetchOne(statement, arguments: [numbers[numbers.index(numbers.startIndex, offsetBy: row - firstRow)]]) ?? ""
        }
    }

    /// The row of each document number, for numbers in ascending order whose first is in row `firstRow`.
    private static func positions(of numbers: some Collection<Int64>, from firstRow: Int = 0) -> [Int64: Int32] {
        Dictionary(uniqueKeysWithValues: numbers.enumerated().map { ($0.element, Int32(firstRow + $0.offset)) })
    }

    /// The documents, in the order of their numbers; their texts are read from the workspace when needed.
    private func loadDocuments(_ db: Database, after lastDocument: Int64 = .min) throws -> CorpusIndex.DocumentTable {
        var documents = CorpusIndex.DocumentColumns()
        let rows = try Row.fetchCursor(db, sql: "SELECT number, id, title, date, source, url, words FROM documents WHERE number > ? ORDER BY number",
                                         arguments: [lastDocument])
        while let row = try rows.next() {
            // Columns by position: a lookup by name costs a dictionary search per value.
            let date: String? = row[3]
            documents.append(number: row[0], id: row[1], title: row[2], date: date.flatMap { Day(iso: $0) }, source: row[4],
                             url: row[5], wordCount: row[6])
        }
        return CorpusIndex.DocumentTable(documents, texts: documentTexts(numbers: Column(documents.numbers)))
    }

    /// The entities with their aliases, and the row of each entity number.
    private static func loadEntities(_ db: Database) throws -> (CorpusIndex.EntityColumns, [Int64: Int]) {
        var entities = CorpusIndex.EntityColumns()
        var positions: [Int64: Int] = [:]
        var aliases: [Int64: [String]] = [:]
        let aliasRows = try Row.fetchCursor(db, sql: "SELECT entity, alias FROM entity_aliases ORDER BY entity, alias")
        while let row = try aliasRows.next() { aliases[row[0], default: []].append(row[1]) }
        let rows = try Row.fetchCursor(db, sql: "SELECT number, name, kind FROM entities ORDER BY number")
        while let row = try rows.next() {
            let number: Int64 = row[0]
            positions[number] = entities.count
            entities.append(name: row[1], kind: EntityKind(rawValue: row[2]) ?? .other, aliases: aliases[number] ?? [], number: number)
        }
        return (entities, positions)
    }

    /// The mentions, their texts coded as they are read: the largest table is never held as one
    /// string per row.
    /// After `lastDocument`, texts are coded `continuing` the earlier column's.
    private static func loadMentions(_ db: Database, after lastDocument: Int64 = .min, continuing: DictionaryStringColumn? = nil,
                                     documents: [Int64: Int32], entities: [Int64: Int]) throws -> CorpusIndex.MentionTable {
        var entityRows: [Int32] = [], documentRows: [Int32] = [], sentences: [Int32] = [], starts: [Int32] = [], ends: [Int32] = []
        var texts = continuing.map { DictionaryStringColumn.Builder(continuing: $0) } ?? DictionaryStringColumn.Builder()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT entity, document, sentence, start, end, text FROM mentions WHERE document > ? ORDER BY document, start, number
            """, arguments: [lastDocument])
        while let row = try rows.next() {
            guard let entity = entities[row[0]], let document = documents[row[1]] else { continue }
            entityRows.append(Int32(entity))
            documentRows.append(document)
            sentences.append(row[2])
            starts.append(row[3])
            ends.append(row[4])
            texts.append(row[5])
        }
        return CorpusIndex.MentionTable(entities: entityRows, documents: documentRows, sentences: sentences, texts: texts.column, starts: starts,
                                        ends: ends)
    }

    private static func loadSentences(_ db: Database, after lastDocument: Int64 = .min, documents: [Int64: Int32]) throws -> CorpusIndex.SentenceTable {
        var sentences = CorpusIndex.SentenceColumns()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT document, position, start, end FROM sentences WHERE document > ? ORDER BY document, position
            """, arguments: [lastDocument])
        while let row = try rows.next() {
            guard let document = documents[row[0]] else { continue }
            sentences.append(document: document, Sentence(index: row[1], span: TextSpan(start: row[2], end: row[3])))
        }
        return CorpusIndex.SentenceTable(sentences)
    }

    private static func loadTimes(_ db: Database, after lastDocument: Int64 = .min, documents: [Int64: Int32]) throws -> CorpusIndex.TimeTable {
        var times = CorpusIndex.TimeColumns()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT document, sentence, start, end, text, type, value, range_start, range_end, granularity FROM times
            WHERE document > ? ORDER BY document, start, number
            """, arguments: [lastDocument])
        while let row = try rows.next() {
            guard let document = documents[row[0]] else { continue }
            times.append(document: document, TimeExpression(
                span: TextSpan(start: row[2], end: row[3]), text: row[4], type: TimexType(timeMLName: row[5]) ?? .date,
                value: row[6], range: timeRange(start: row[7], end: row[8], granularity: row[9]), sentence: row[1]))
        }
        return CorpusIndex.TimeTable(times)
    }

    /// The relations, with their arguments as rows of the entity columns already loaded.
    private static func loadRelations(_ db: Database, after lastDocument: Int64 = .min, documents: [Int64: Int32], entities: [Int64: Int],
                                      names: CorpusIndex.EntityColumns) throws -> CorpusIndex.RelationTable {
        var relations = CorpusIndex.RelationColumns()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT document, sentence, evidence_start, evidence_end, subject, subject_start, subject_end, predicate,
                object, object_start, object_end, time, range_start, range_end, granularity, modality, negated
            FROM relations WHERE document > ? ORDER BY document, sentence, number
            """, arguments: [lastDocument])
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
        return CorpusIndex.RelationTable(relations)
    }

    /// The range stored as ISO days and a granularity, when all three are there and make sense.
    private static func timeRange(start: String?, end: String?, granularity: String?) -> TimeRange? {
        guard let start = start.flatMap({ Day(iso: $0) }), let end = end.flatMap({ Day(iso: $0) }), start <= end else { return nil }
        return TimeRange(start: start, end: end, granularity: granularity.flatMap(Granularity.init(rawValue:)) ?? .day)
    }
}
