// Writing the index to a column file, and mapping it back.
extension CorpusIndex {
    /// Writes every column, derived ones included, to the column file at `path`, atomically.
    package func write(to path: String, stamp: ColumnFileStamp) throws {
        var file = ColumnFileWriter()
        documents.write(into: &file)
        entities.write(into: &file)
        mentions.write(into: &file)
        sentences.write(into: &file)
        relations.write(into: &file)
        times.write(into: &file)
        file.add("sentencesByDocument", sentencesByDocument)
        file.add("sentenceSlices.starts", sentenceSlices.starts)
        file.add("sentenceSlices.ends", sentenceSlices.ends)
        file.add("evidenceSlices.starts", evidenceSlices.starts)
        file.add("evidenceSlices.ends", evidenceSlices.ends)
        file.add("documentsByEntity", documentsByEntity)
        file.add("entitiesByDocument", entitiesByDocument)
        file.add("entityNames.keys", entityNames.keys)
        file.add("entityNames.entities", entityNames.entities)
        postings.write(into: &file)
        try file.write(to: path, stamp: stamp)
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
        let sentenceSlices = TextSlices(starts: try file.column("sentenceSlices.starts"), ends: try file.column("sentenceSlices.ends"))
        let evidenceSlices = TextSlices(starts: try file.column("evidenceSlices.starts"), ends: try file.column("evidenceSlices.ends"))
        let sentencesByDocument = try file.groupedRows("sentencesByDocument")
        let documentsByEntity = try file.groupedRows("documentsByEntity")
        let entitiesByDocument = try file.groupedRows("entitiesByDocument")
        guard sentenceSlices.starts.count == sentences.count, sentenceSlices.ends.count == sentences.count,
              evidenceSlices.starts.count == relations.count, evidenceSlices.ends.count == relations.count,
              sentencesByDocument.keyCount == documents.count, entitiesByDocument.keyCount == documents.count,
              documentsByEntity.keyCount == entities.count else { throw .damaged("the derived columns do not match the tables") }
        self.init(documents: documents, entities: entities, mentions: try MentionTable(reading: file), sentences: sentences,
                  relations: relations, times: try TimeTable(reading: file), sentencesByDocument: sentencesByDocument,
                  sentenceSlices: sentenceSlices, evidenceSlices: evidenceSlices, documentsByEntity: documentsByEntity,
                  entitiesByDocument: entitiesByDocument,
                  entityNames: EntityNames(keys: try file.strings("entityNames.keys"), entities: try file.groupedRows("entityNames.entities")),
                  postings: try IndexPostings(reading: file, entityCount: entities.count, documentCount: documents.count))
    }
}
