import DossierCore
import DossierText
import GRDB

// Writing annotated documents, a batch per transaction.
extension Workspace {
    /// Writes annotated documents in one transaction: all of them, or none.
    ///
    /// Inside the transaction, which holds the write lock, each document is checked once more: one
    /// whose id or text another program added since ``newDocumentPositions(among:seen:report:)``
    /// looked is counted as present, and the unique indexes on ids and texts back the check.
    func write(_ annotated: [AnnotatedDocument], into report: inout IngestReport) throws(Diagnostic) {
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

    private struct EntityKey: Hashable {
        var name: String
        var kind: EntityKind
    }

    private struct EntityAlias: Hashable {
        var entity: Int64
        var alias: String
    }
}
