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
        (mentionsByEntity, mentionsByDocument) = Self.group(mentions, entityCount: entityCount, documentCount: documentCount)
        (relationsBySubject, relationsByObject, relationsByDocument) = Self.group(relations, entityCount: entityCount, documentCount: documentCount)
        timesByDocument = Self.group(times, documentCount: documentCount)
    }

    /// The mentions of each entity and in each document: of `earlier`'s, when given, followed by
    /// `mentions`.
    static func group(_ mentions: CorpusIndex.MentionTable, after earlier: CorpusIndex.MentionTable? = nil, entityCount: Int, documentCount: Int)
        -> (byEntity: GroupedRows, byDocument: GroupedRows) {
        (GroupedRows(keys: mentions.entities, after: earlier?.entities, keyCount: entityCount),
         GroupedRows(keys: mentions.documents, after: earlier?.documents, keyCount: documentCount))
    }

    /// The relations of each subject, of each object and in each document: of `earlier`'s, when
    /// given, followed by `relations`.
    static func group(_ relations: CorpusIndex.RelationTable, after earlier: CorpusIndex.RelationTable? = nil, entityCount: Int, documentCount: Int)
        -> (bySubject: GroupedRows, byObject: GroupedRows, byDocument: GroupedRows) {
        (GroupedRows(keys: relations.subjects, after: earlier?.subjects, keyCount: entityCount),
         GroupedRows(keys: relations.objects, after: earlier?.objects, keyCount: entityCount),
         GroupedRows(keys: relations.documents, after: earlier?.documents, keyCount: documentCount))
    }

    /// The time expressions in each document: of `earlier`'s, when given, followed by `times`.
    static func group(_ times: CorpusIndex.TimeTable, after earlier: CorpusIndex.TimeTable? = nil, documentCount: Int) -> GroupedRows {
        GroupedRows(keys: times.documents, after: earlier?.documents, keyCount: documentCount)
    }

    init(reading file: ColumnFileReader, entityCount: Int, documentCount: Int) throws(ColumnFileProblem) {
        mentionsByEntity = try file.groupedRows(CorpusIndex.Section.mentionsByEntity)
        mentionsByDocument = try file.groupedRows(CorpusIndex.Section.mentionsByDocument)
        relationsBySubject = try file.groupedRows(CorpusIndex.Section.relationsBySubject)
        relationsByObject = try file.groupedRows(CorpusIndex.Section.relationsByObject)
        relationsByDocument = try file.groupedRows(CorpusIndex.Section.relationsByDocument)
        timesByDocument = try file.groupedRows(CorpusIndex.Section.timesByDocument)
        guard [mentionsByEntity, relationsBySubject, relationsByObject].allSatisfy({ $0.keyCount == entityCount }),
              [mentionsByDocument, relationsByDocument, timesByDocument].allSatisfy({ $0.keyCount == documentCount }) else {
            throw .damaged("the postings do not match the tables")
        }
    }

    static func write(mentionsByEntity: GroupedRows, mentionsByDocument: GroupedRows, into file: inout ColumnFileWriter) {
        file.add(CorpusIndex.Section.mentionsByEntity, mentionsByEntity)
        file.add(CorpusIndex.Section.mentionsByDocument, mentionsByDocument)
    }

    static func write(relationsBySubject: GroupedRows, relationsByObject: GroupedRows, relationsByDocument: GroupedRows,
                      into file: inout ColumnFileWriter) {
        file.add(CorpusIndex.Section.relationsBySubject, relationsBySubject)
        file.add(CorpusIndex.Section.relationsByObject, relationsByObject)
        file.add(CorpusIndex.Section.relationsByDocument, relationsByDocument)
    }

    static func write(timesByDocument: GroupedRows, into file: inout ColumnFileWriter) {
        file.add(CorpusIndex.Section.timesByDocument, timesByDocument)
    }
}
