import DossierCore

/// The workspace's rows as columns (a struct of arrays) that the query evaluator scans.
///
/// SQLite holds the truth. The columns are built in memory from rows, or mapped from the column
/// file the workspace keeps beside its database (``Workspace/openIndex()``), which opens in the
/// same time however large the corpus. Rows are referred to by their
/// position in a table (`Int32`), and every cross-reference (a mention's entity and document) is
/// such a position, so filters and joins are integer work.
public struct CorpusIndex: Sendable {
    /// The documents.
    package let documents: DocumentTable
    /// The entities.
    package let entities: EntityTable
    /// The mentions.
    package let mentions: MentionTable
    /// The sentences, grouped by document and in order within each.
    package let sentences: SentenceTable
    /// The relations.
    package let relations: RelationTable
    /// The time expressions.
    package let times: TimeTable
    /// For each document, its sentences.
    package let sentencesByDocument: GroupedRows
    let sentenceSlices: TextSlices
    let evidenceSlices: TextSlices
    /// For each entity, the documents that mention it, ascending and without repeats.
    package let documentsByEntity: GroupedRows
    /// For each document, the entities it mentions, ascending and without repeats.
    package let entitiesByDocument: GroupedRows
    /// Lower-cased names and aliases to the entities that carry them.
    let entityNames: EntityNames
    /// The rows that refer to each entity or document, so following a reference reads a group
    /// instead of scanning a table.
    package let postings: IndexPostings

    /// Builds the index from columns built in memory, and derives the per-entity statistics and
    /// postings. The documents' texts are `texts` when given, else those of `documents`; while the
    /// index is built, `readText` (when given) reads them instead, to slice sentences and evidence.
    package init(documents: DocumentColumns, entities: EntityColumns, mentions: MentionColumns,
                sentences: SentenceColumns = SentenceColumns(), relations: RelationColumns = RelationColumns(),
                times: TimeColumns = TimeColumns(), texts: DocumentTexts? = nil, readText: ((Int) -> String)? = nil) {
        let documentTable = DocumentTable(documents, texts: texts)
        self.init(documents: documentTable, entities: entities, mentions: MentionTable(mentions), sentences: SentenceTable(sentences),
                  relations: RelationTable(relations), times: TimeTable(times), readText: readText ?? { documentTable.texts[$0] })
    }

    /// Builds the index from tables already made, and derives the per-entity statistics and
    /// postings; `readText` reads the documents' texts to slice sentences and evidence.
    ///
    /// A workspace makes each table as soon as it has read its rows, and lets go of the rows, so
    /// a large corpus is not held twice while its index is built.
    init(documents documentTable: DocumentTable, entities: EntityColumns, mentions: MentionTable, sentences sentenceTable: SentenceTable,
         relations relationTable: RelationTable, times: TimeTable, readText: (Int) throws -> String) rethrows {
        let postings = IndexPostings(mentions: mentions, relations: relationTable, times: times, entityCount: entities.count,
                                     documentCount: documentTable.count)
        let groups = MentionGroups(entities: JoinedColumn(mentions.entities), documents: JoinedColumn(mentions.documents),
                                   byEntity: postings.mentionsByEntity, byDocument: postings.mentionsByDocument)
        let entityTable = groups.entityTable(entities, dates: documentTable.dates)
        self.init(documents: documentTable, entities: entityTable, mentions: mentions, sentences: sentenceTable,
                  relations: relationTable, times: times,
                  sentencesByDocument: GroupedRows(keys: sentenceTable.documents, keyCount: documentTable.count),
                  sentenceSlices: try TextSlices(documents: sentenceTable.documents, starts: sentenceTable.starts, ends: sentenceTable.ends,
                                             readText: readText),
                  evidenceSlices: try TextSlices(documents: relationTable.documents, starts: relationTable.evidenceStarts,
                                             ends: relationTable.evidenceEnds, readText: readText),
                  documentsByEntity: groups.documentsByEntity, entitiesByDocument: groups.entitiesByDocument,
                  entityNames: EntityNames(names: entityTable.names, aliases: entityTable.aliases), postings: postings)
    }

    init(documents: DocumentTable, entities: EntityTable, mentions: MentionTable, sentences: SentenceTable, relations: RelationTable,
         times: TimeTable, sentencesByDocument: GroupedRows, sentenceSlices: TextSlices, evidenceSlices: TextSlices,
         documentsByEntity: GroupedRows, entitiesByDocument: GroupedRows, entityNames: EntityNames, postings: IndexPostings) {
        self.documents = documents
        self.entities = entities
        self.mentions = mentions
        self.sentences = sentences
        self.relations = relations
        self.times = times
        self.sentencesByDocument = sentencesByDocument
        self.sentenceSlices = sentenceSlices
        self.evidenceSlices = evidenceSlices
        self.documentsByEntity = documentsByEntity
        self.entitiesByDocument = entitiesByDocument
        self.entityNames = entityNames
        self.postings = postings
    }

    /// An empty index.
    package init() { self.init(documents: DocumentColumns(), entities: EntityColumns(), mentions: MentionColumns()) }

    /// The text of sentence `row`, sliced from its document.
    package func text(ofSentence row: Int) -> String {
        sentenceSlices.text(row, in: documents.texts[Int(sentences.documents[row])])
    }

    /// The row of the document the workspace numbers `number`, when the index has it (a binary
    /// search: rows are in the order of their numbers).
    package func documentRow(number: Int64) -> Int32? {
        let numbers = documents.numbers.buffer
        var low = 0, high = numbers.count
        while low < high {
            let middle = (low + high) / 2
            if numbers[middle] < number { low = middle + 1 } else { high = middle }
        }
        return low < numbers.count && numbers[low] == number ? Int32(low) : nil
    }

    /// The row of the sentence at `position` in `document`, when the index has it.
    package func sentenceRow(document: Int32, position: Int32) -> Int32? {
        sentencesByDocument[document].first { sentences.positions[Int($0)] == position }
    }

    /// The evidence sentence of relation `row`, sliced from its document.
    package func evidence(ofRelation row: Int) -> String {
        evidenceSlices.text(row, in: documents.texts[Int(relations.documents[row])])
    }

    /// What an entity name or alias refers to.
    package enum EntityLookup: Hashable, Sendable {
        /// Exactly one entity carries the name.
        case found(Int32)
        /// Several entities carry the name; they are listed by mention count, largest first.
        case ambiguous([Int32])
        /// No entity carries the name; the closest names are suggested.
        case notFound(suggestions: [String])
    }

    /// Finds the entity named `name` (a canonical name or an alias, case-insensitive).
    ///
    /// A canonical-name match wins over alias matches, so `@"Xi Jinping"` is never ambiguous
    /// with an entity that merely has that alias.
    package func lookUpEntity(named name: String) -> EntityLookup {
        let key = name.lowercased()
        let candidates = entityNames.entities(forKey: key)
        guard !candidates.isEmpty else {
            return .notFound(suggestions: suggestions(for: key))
        }
        if candidates.count == 1 { return .found(candidates[0]) }
        let canonical = candidates.filter { entities.names[Int($0)].lowercased() == key }
        if canonical.count == 1 { return .found(canonical[0]) }
        return .ambiguous(candidates.sorted { entities.mentionCounts[Int($0)] > entities.mentionCounts[Int($1)] })
    }

    /// Every entity that goes by `name` (a canonical name or an alias, ignoring case), in row order.
    package func entities(named name: String) -> [Int32] {
        entityNames.entities(forKey: name.lowercased())
    }

    /// Up to five canonical names for `key`: first of the entities whose canonical name contains it
    /// or is close to it in spelling, then of those with an alias close to it ("putn" → Vladimir Putin).
    private func suggestions(for key: String) -> [String] {
        func closest(_ scored: [(String, Int)]) -> [String] { scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0) }
        var suggestions = closest(entities.names.indices.compactMap { entity -> (String, Int)? in
            let name = entities.names[entity]
            let lowered = name.lowercased()
            if lowered.contains(key) || key.contains(lowered) { return (name, 0) }
            let distance = EditDistance.between(key, lowered)
            return distance <= max(2, key.count / 3) ? (name, distance) : nil
        })
        suggestions = Array(suggestions.prefix(5))
        let aliasLimit = max(1, key.count / 3)
        let byAlias = closest(entities.names.indices.compactMap { entity -> (String, Int)? in
            let best = entities.aliases[entity].map { EditDistance.between(key, $0.lowercased()) }.min()
            return best.flatMap { $0 <= aliasLimit ? (entities.names[entity], $0) : nil }
        })
        for name in byAlias where !suggestions.contains(name) && suggestions.count < 5 { suggestions.append(name) }
        return suggestions
    }
}
