/// For each entity and each document, the rows that refer to it: built with the index and kept in
/// the column file, so no query pays for grouping a whole table.
package struct IndexPostings: Sendable {
    /// The mentions of each entity.
    package let mentionsByEntity: GroupedRows
    /// The mentions in each document.
    package let mentionsByDocument: GroupedRows
    /// The relations whose subject is each entity.
    package let relationsBySubject: GroupedRows
    /// The relations whose object is each entity.
    package let relationsByObject: GroupedRows
    /// The relations in each document.
    package let relationsByDocument: GroupedRows
    /// The time expressions in each document.
    package let timesByDocument: GroupedRows

    init(mentions: CorpusIndex.MentionTable, relations: CorpusIndex.RelationTable, times: CorpusIndex.TimeTable,
         entityCount: Int, documentCount: Int) {
        mentionsByEntity = GroupedRows(keys: mentions.entities, keyCount: entityCount)
        mentionsByDocument = GroupedRows(keys: mentions.documents, keyCount: documentCount)
        relationsBySubject = GroupedRows(keys: relations.subjects, keyCount: entityCount)
        relationsByObject = GroupedRows(keys: relations.objects, keyCount: entityCount)
        relationsByDocument = GroupedRows(keys: relations.documents, keyCount: documentCount)
        timesByDocument = GroupedRows(keys: times.documents, keyCount: documentCount)
    }

    init(reading file: ColumnFileReader, entityCount: Int, documentCount: Int) throws(ColumnFileProblem) {
        mentionsByEntity = try file.groupedRows("postings.mentionsByEntity")
        mentionsByDocument = try file.groupedRows("postings.mentionsByDocument")
        relationsBySubject = try file.groupedRows("postings.relationsBySubject")
        relationsByObject = try file.groupedRows("postings.relationsByObject")
        relationsByDocument = try file.groupedRows("postings.relationsByDocument")
        timesByDocument = try file.groupedRows("postings.timesByDocument")
        guard [mentionsByEntity, relationsBySubject, relationsByObject].allSatisfy({ $0.keyCount == entityCount }),
              [mentionsByDocument, relationsByDocument, timesByDocument].allSatisfy({ $0.keyCount == documentCount }) else {
            throw .damaged("the postings do not match the tables")
        }
    }

    func write(into file: inout ColumnFileWriter) {
        file.add("postings.mentionsByEntity", mentionsByEntity)
        file.add("postings.mentionsByDocument", mentionsByDocument)
        file.add("postings.relationsBySubject", relationsBySubject)
        file.add("postings.relationsByObject", relationsByObject)
        file.add("postings.relationsByDocument", relationsByDocument)
        file.add("postings.timesByDocument", timesByDocument)
    }
}
