import DossierCore
import GRDB

// Growing the column file by a batch: the file written before is taken up only when the workspace
// has merely grown since, as ingests make it grow, and what is copied from it is checked against the
// database before the grown file is kept.
extension Workspace {
    /// The column file `file`, written for an earlier state of this workspace, ready to be copied
    /// into the next one: when the workspace has only grown since, as ingests make it grow. Its
    /// documents are all there still, and the new ones are numbered after them; each of its
    /// entities is still there (same number, name and kind), or was merged into another by corpus
    /// resolution, which moves all of an entity's mentions and relations together, so one of them
    /// tells which. `nil` when the file is to be built whole.
    func earlierColumns(_ file: ColumnFileReader, stamp: ColumnFileStamp, entities: CorpusIndex.EntityColumns,
                                positions: [Int64: Int], _ db: Database) throws -> CorpusIndex.EarlierColumns? {
        let earlierStamp = file.stamp
        guard earlierStamp.identity == stamp.identity, earlierStamp.generation < stamp.generation,
              earlierStamp.lastDocument <= stamp.lastDocument,
              let index = try? CorpusIndex(reading: file, texts: { numbers in documentTexts(numbers: numbers) }) else { return nil }
        // Rows are only ever added, and for new documents: each table has as many rows for the
        // earlier documents as the file has. (A count of the whole table is read off its smallest
        // index's pages; one of a range of rows decodes each.)
        func kept(_ table: String, by document: String, _ count: Int) throws -> Bool {
            let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            let new = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(document) > ?", arguments: [earlierStamp.lastDocument]) ?? 0
            return all - new == count
        }
        // The last document is still the one the file has (a number freed by a deletion is given again).
        if let last = index.documents.ids.indices.last {
            let row = try Row.fetchOne(db, sql: "SELECT id, words FROM documents WHERE number = ?", arguments: [earlierStamp.lastDocument])
            guard let row, row[0] as String == index.documents.ids[last], row[1] as Int == index.documents.wordCounts[last] else { return nil }
        }
        guard (index.documents.numbers.last ?? 0) == earlierStamp.lastDocument, try kept("documents", by: "number", index.documents.count),
              try kept("mentions", by: "document", index.mentions.count), try kept("sentences", by: "document", index.sentences.count),
              try kept("relations", by: "document", index.relations.count), try kept("times", by: "document", index.times.count) else { return nil }
        let earlierEntities = index.entities
        var rows = [Int32](repeating: -1, count: earlierEntities.count)
        for row in rows.indices {
            if let now = positions[earlierEntities.numbers[row]], entities.kinds[now] == earlierEntities.kinds[row],
               entities.names[now] == earlierEntities.names[row] {
                rows[row] = Int32(now)
            } else if let into = try Self.entityNow(ofEarlier: row, in: index, db) {
                guard let now = positions[into] else { return nil }
                rows[row] = Int32(now)
            } else if !index.postings.mentionsByEntity[row].isEmpty || !index.postings.relationsBySubject[row].isEmpty
                        || !index.postings.relationsByObject[row].isEmpty {
                // Rows refer to an entity that is gone, and none of them says where it went.
                return nil
            }
        }
        let earlier = CorpusIndex.EarlierColumns(index: index, entityRows: rows)
        return earlier.isWhole ? earlier : nil
    }

    /// The number of the entity that one of the mentions or relations of entity `row` of the
    /// earlier `index` names now, when it names exactly one.
    private static func entityNow(ofEarlier row: Int, in index: CorpusIndex, _ db: Database) throws -> Int64? {
        func documentNumber(_ document: Int32) -> Int64 { index.documents.numbers[Int(document)] }
        if let mention = index.postings.mentionsByEntity[row].first.map(Int.init) {
            let found = try Int64.fetchAll(db, sql: "SELECT DISTINCT entity FROM mentions WHERE document = ? AND start = ? AND end = ?",
                                           arguments: [documentNumber(index.mentions.documents[mention]), index.mentions.starts[mention],
                                                       index.mentions.ends[mention]])
            return found.count == 1 ? found[0] : nil
        }
        let relations = index.relations
        for (postings, argument) in [(index.postings.relationsBySubject, "subject"), (index.postings.relationsByObject, "object")] {
            guard let relation = postings[row].first.map(Int.init) else { continue }
            let found = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT \(argument) FROM relations
                WHERE document = ? AND sentence = ? AND evidence_start = ? AND evidence_end = ? AND predicate = ?
                """, arguments: [documentNumber(relations.documents[relation]), relations.sentences[relation], relations.evidenceStarts[relation],
                                 relations.evidenceEnds[relation], relations.predicates[relation].rawValue])
            return found.count == 1 ? found[0] : nil
        }
        return nil
    }

    /// Whether the mentions and relations of `written` name the entities the database's do: each
    /// entity whose mentions are not those of the entity of its number and name in `earlier` (a new
    /// entity, or one that gained mentions or absorbed another) has as many as the database gives
    /// it, and the entity numbers of all the mentions, and of all the relations' arguments, add up
    /// to the same sums (a mention or a relation that moved alone would change them).
    static func columnsAgree(_ written: CorpusIndex.WrittenColumns, earlier: CorpusIndex.EntityTable, _ db: Database) throws -> Bool {
        let entities = written.entities
        let earlierRows = Dictionary(earlier.numbers.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let count = try db.cachedStatement(sql: "SELECT count(*) FROM mentions WHERE entity = ?")
        var mentionSum: Int64 = 0, argumentSum: Int64 = 0
        for row in 0..<entities.count {
            let number = entities.numbers[row]
            mentionSum &+= Int64(entities.mentionCounts[row]) &* number
            argumentSum &+= Int64(written.relationCounts[row]) &* number
            let earlierCount = earlierRows[number].flatMap { earlier.names[$0] == entities.names[row] ? earlier.mentionCounts[$0] : nil } ?? 0
            guard entities.mentionCounts[row] != earlierCount else { continue }
            guard try Int.fetchOne(count, arguments: [number]) == entities.mentionCounts[row] else { return false }
        }
        func sum(_ sql: String) throws -> Int64 { try Int64.fetchOne(db, sql: sql) ?? 0 }
        return try sum("SELECT sum(entity) FROM mentions") == mentionSum
            && sum("SELECT sum(subject) FROM relations") &+ sum("SELECT sum(object) FROM relations") == argumentSum
    }
}
