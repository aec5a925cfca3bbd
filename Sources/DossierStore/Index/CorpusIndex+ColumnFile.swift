// Writing the index to a column file, and mapping it back.
extension CorpusIndex {
    /// The sections of the derived columns in a column file (each table names its own).
    enum Section {
        static let sentencesByDocument = "sentencesByDocument"
        static let sentenceSlices = "sentenceSlices"
        static let evidenceSlices = "evidenceSlices"
        static let documentsByEntity = "documentsByEntity"
        static let entitiesByDocument = "entitiesByDocument"
        static let entityNames = "entityNames"
        // The postings (``IndexPostings``).
        static let mentionsByEntity = "postings.mentionsByEntity"
        static let mentionsByDocument = "postings.mentionsByDocument"
        static let relationsBySubject = "postings.relationsBySubject"
        static let relationsByObject = "postings.relationsByObject"
        static let relationsByDocument = "postings.relationsByDocument"
        static let timesByDocument = "postings.timesByDocument"
    }

    /// Writes every column, derived ones included, to the column file at `path`, atomically.
    package func write(to path: String, stamp: ColumnFileStamp) throws {
        var file = ColumnFileWriter(path: path)
        documents.write(into: &file)
        mentions.write(into: &file)
        file.add(Section.documentsByEntity, documentsByEntity)
        file.add(Section.entitiesByDocument, entitiesByDocument)
        IndexPostings.write(mentionsByEntity: postings.mentionsByEntity, mentionsByDocument: postings.mentionsByDocument, into: &file)
        entities.write(into: &file)
        entityNames.write(Section.entityNames, into: &file)
        sentences.write(into: &file)
        file.add(Section.sentencesByDocument, sentencesByDocument)
        sentenceSlices.write(Section.sentenceSlices, into: &file)
        relations.write(into: &file)
        evidenceSlices.write(Section.evidenceSlices, into: &file)
        IndexPostings.write(relationsBySubject: postings.relationsBySubject, relationsByObject: postings.relationsByObject,
                            relationsByDocument: postings.relationsByDocument, into: &file)
        times.write(into: &file)
        IndexPostings.write(timesByDocument: postings.timesByDocument, into: &file)
        try file.finish(stamp: stamp)
    }

    /// Writes the columns of an index built from tables that `read` makes one at a time, so that
    /// only one table (and what is derived from it) is held at once: the same columns
    /// ``init(documents:entities:mentions:sentences:relations:times:readText:)`` builds and
    /// ``write(to:stamp:)`` writes. `readText` reads a document's text by row, to slice sentences and
    /// evidence.
    ///
    /// With `earlier`, the file grows by a batch: `read` makes only the rows that `earlier` does not
    /// have, which follow its rows (their documents are numbered after its last), and each table is
    /// written as `earlier`'s rows followed by the new ones; `readText` is asked only for new
    /// documents. The derived columns are computed again over all the rows, and the entities are
    /// `entities` now. The file is the one a full build writes.
    ///
    /// - Returns: what the caller checks the columns against the database with, or `nil` once a
    ///   write has failed (``ColumnFileWriter/finish(stamp:)`` reports it).
    @discardableResult
    static func writeColumns(into file: inout ColumnFileWriter, entities: EntityColumns, read: TableReader, readText: (Int) throws -> String,
                             after earlier: EarlierColumns? = nil) throws -> WrittenColumns? {
        let dates: DayColumn, documentCount: Int
        do {
            let documents = try read.documents()
            documents.write(into: &file, after: earlier?.index.documents)
            documentCount = (earlier?.index.documents.count ?? 0) + documents.count
            dates = earlier.map { DayColumn(numbers: Column(Array($0.index.documents.dates.numbers) + Array(documents.dates.numbers))) }
                ?? documents.dates
        }
        // Once a write has failed (a full disk), the rest is not worth reading.
        guard !file.hasFailed else { return nil }
        let entityTable: EntityTable
        do {
            let mentions = try read.mentions()
            let earlierMentions = earlier.map { $0.index.mentions.naming(entities: $0.rows(of: $0.index.mentions.entities)) }
            mentions.write(into: &file, after: earlierMentions)
            let postings = IndexPostings.group(mentions, after: earlierMentions, entityCount: entities.count, documentCount: documentCount)
            let groups = MentionGroups(entities: JoinedColumn(earlierMentions?.entities ?? Column(), mentions.entities),
                                       documents: JoinedColumn(earlierMentions?.documents ?? Column(), mentions.documents),
                                       byEntity: postings.byEntity, byDocument: postings.byDocument)
            file.add(Section.documentsByEntity, groups.documentsByEntity)
            file.add(Section.entitiesByDocument, groups.entitiesByDocument)
            IndexPostings.write(mentionsByEntity: postings.byEntity, mentionsByDocument: postings.byDocument, into: &file)
            entityTable = groups.entityTable(entities, dates: dates)
        }
        entityTable.write(into: &file)
        EntityNames(names: entityTable.names, aliases: entityTable.aliases).write(Section.entityNames, into: &file)
        guard !file.hasFailed else { return nil }
        do {
            let sentences = try read.sentences()
            sentences.write(into: &file, after: earlier?.index.sentences)
            file.add(Section.sentencesByDocument, GroupedRows(keys: sentences.documents, after: earlier?.index.sentences.documents, keyCount: documentCount))
            try TextSlices(documents: sentences.documents, starts: sentences.starts, ends: sentences.ends, readText: readText)
                .write(Section.sentenceSlices, into: &file, after: earlier?.index.sentenceSlices)
        }
        guard !file.hasFailed else { return nil }
        let relationArguments: (subjects: GroupedRows, objects: GroupedRows)
        do {
            let relations = try read.relations()
            let earlierRelations = earlier.map { $0.index.relations.relating(subjects: $0.rows(of: $0.index.relations.subjects),
                                                                             objects: $0.rows(of: $0.index.relations.objects)) }
            relations.write(into: &file, after: earlierRelations)
            try TextSlices(documents: relations.documents, starts: relations.evidenceStarts, ends: relations.evidenceEnds, readText: readText)
                .write(Section.evidenceSlices, into: &file, after: earlier?.index.evidenceSlices)
            let postings = IndexPostings.group(relations, after: earlierRelations, entityCount: entities.count, documentCount: documentCount)
            IndexPostings.write(relationsBySubject: postings.bySubject, relationsByObject: postings.byObject,
                                relationsByDocument: postings.byDocument, into: &file)
            relationArguments = (postings.bySubject, postings.byObject)
        }
        guard !file.hasFailed else { return nil }
        do {
            let times = try read.times()
            times.write(into: &file, after: earlier?.index.times)
            IndexPostings.write(timesByDocument: IndexPostings.group(times, after: earlier?.index.times, documentCount: documentCount), into: &file)
        }
        return WrittenColumns(entities: entityTable,
                              relationCounts: (0..<entities.count).map { relationArguments.subjects[$0].count + relationArguments.objects[$0].count })
    }

    /// What ``writeColumns(into:entities:read:readText:after:)`` wrote, to check it against the database.
    struct WrittenColumns {
        /// The entities, with their mentions counted.
        let entities: EntityTable
        /// For each entity, the relations it is an argument of (twice when it is both).
        let relationCounts: [Int]
    }

    /// A column file written before a batch, which the file after it copies instead of reading the
    /// old rows again.
    struct EarlierColumns {
        /// The index mapped from the earlier file.
        let index: CorpusIndex
        /// For each entity row of the earlier file, its row now: entities merged since into another
        /// have that one's row. Entities that no row refers to may have -1.
        let entityRows: [Int32]

        /// The rows now of the entity rows in `column`, written earlier.
        func rows(of column: Column<Int32>) -> Column<Int32> {
            Column(column.buffer.map { entityRows[Int($0)] })
        }

        /// Whether every row of the earlier file refers to a document of the file and to an entity
        /// that is still somewhere: only the file's table is checked when it is mapped, and a
        /// damaged value copied forward would otherwise stay, or stop the build.
        var isWhole: Bool {
            let documentCount = Int32(index.documents.count)
            func documentsExist(_ column: Column<Int32>) -> Bool { column.buffer.allSatisfy { $0 >= 0 && $0 < documentCount } }
            func entitiesExist(_ column: Column<Int32>) -> Bool {
                column.buffer.allSatisfy { $0 >= 0 && Int($0) < entityRows.count && entityRows[Int($0)] >= 0 }
            }
            let mentions = index.mentions, relations = index.relations
            return documentsExist(mentions.documents) && entitiesExist(mentions.entities) && documentsExist(index.sentences.documents)
                && documentsExist(relations.documents) && entitiesExist(relations.subjects) && entitiesExist(relations.objects)
                && documentsExist(index.times.documents)
        }
    }

    /// Makes each table of an index when ``writeColumns(into:entities:read:readText:)`` asks for it.
    struct TableReader {
        var documents: () throws -> DocumentTable
        var mentions: () throws -> MentionTable
        var sentences: () throws -> SentenceTable
        var relations: () throws -> RelationTable
        var times: () throws -> TimeTable
    }

    /// The index mapped from `file`; the documents' texts are read through `texts`, made from the
    /// documents' numbers in the workspace.
    ///
    /// Only the file's table is read here: each column's pages are read when a query first touches
    /// them. Columns are checked for length against their table, not value by value.
    package init(reading file: ColumnFileReader, texts: (Column<Int64>) -> DocumentTexts) throws(ColumnFileProblem) {
        let documents = try DocumentTable(reading: file, texts: texts)
        let entities = try EntityTable(reading: file)
        let sentences = try SentenceTable(reading: file)
        let relations = try RelationTable(reading: file)
        let sentenceSlices = try TextSlices(reading: file, Section.sentenceSlices)
        let evidenceSlices = try TextSlices(reading: file, Section.evidenceSlices)
        let sentencesByDocument = try file.groupedRows(Section.sentencesByDocument)
        let documentsByEntity = try file.groupedRows(Section.documentsByEntity)
        let entitiesByDocument = try file.groupedRows(Section.entitiesByDocument)
        guard sentenceSlices.starts.count == sentences.count, sentenceSlices.ends.count == sentences.count,
              evidenceSlices.starts.count == relations.count, evidenceSlices.ends.count == relations.count,
              sentencesByDocument.keyCount == documents.count, entitiesByDocument.keyCount == documents.count,
              documentsByEntity.keyCount == entities.count else { throw .damaged("the derived columns do not match the tables") }
        self.init(documents: documents, entities: entities, mentions: try MentionTable(reading: file), sentences: sentences,
                  relations: relations, times: try TimeTable(reading: file), sentencesByDocument: sentencesByDocument,
                  sentenceSlices: sentenceSlices, evidenceSlices: evidenceSlices, documentsByEntity: documentsByEntity,
                  entitiesByDocument: entitiesByDocument,
                  entityNames: try EntityNames(reading: file, Section.entityNames),
                  postings: try IndexPostings(reading: file, entityCount: entities.count, documentCount: documents.count))
    }
}
