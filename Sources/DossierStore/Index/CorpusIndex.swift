import DossierCore

/// The workspace's rows as in-memory columns (struct of arrays), built when a workspace opens.
///
/// SQLite holds the truth; the query evaluator scans these columns. Rows are referred to by their
/// position in a table (`Int32`), and every cross-reference (a mention's entity and document) is
/// such a position, so filters and joins are integer work.
public struct CorpusIndex: Sendable {
    /// One column per document field.
    package struct DocumentColumns: Sendable {
        /// Document identifiers.
        package var ids: [String] = []
        /// Headlines.
        package var titles: [String?] = []
        /// Publication dates.
        package var dates: [Day?] = []
        /// Publishers or source files.
        package var sources: [String?] = []
        /// Addresses.
        package var urls: [String?] = []
        /// Word counts.
        package var wordCounts: [Int] = []
        /// Full texts.
        package var texts: [String] = []

        /// Creates empty columns.
        package init() {}

        /// The number of documents.
        package var count: Int { ids.count }

        /// Appends one document.
        package mutating func append(_ document: Document, wordCount: Int) {
            ids.append(document.id)
            titles.append(document.title)
            dates.append(document.date)
            sources.append(document.source)
            urls.append(document.url)
            wordCounts.append(wordCount)
            texts.append(document.text)
        }
    }

    /// One column per entity field given at construction; the statistics are derived.
    package struct EntityColumns: Sendable {
        /// Canonical names.
        package var names: [String] = []
        /// Kinds.
        package var kinds: [EntityKind] = []
        /// Other names the entity goes by, as written in the corpus.
        package var aliases: [[String]] = []
        /// How many mentions each entity has (derived).
        package internal(set) var mentionCounts: [Int] = []
        /// In how many documents each entity is mentioned (derived).
        package internal(set) var documentCounts: [Int] = []
        /// The earliest date of a document that mentions the entity (derived).
        package internal(set) var firstDates: [Day?] = []
        /// The latest date of a document that mentions the entity (derived).
        package internal(set) var lastDates: [Day?] = []

        /// Creates empty columns.
        package init() {}

        /// The number of entities.
        package var count: Int { names.count }

        /// Appends one entity.
        package mutating func append(name: String, kind: EntityKind, aliases: [String]) {
            names.append(name)
            kinds.append(kind)
            self.aliases.append(aliases)
        }
    }

    /// One column per mention field.
    package struct MentionColumns: Sendable {
        /// The entity each mention names (a row of ``CorpusIndex/entities``).
        package var entities: [Int32] = []
        /// The document each mention is in (a row of ``CorpusIndex/documents``).
        package var documents: [Int32] = []
        /// The sentence index within the document.
        package var sentences: [Int32] = []
        /// The mention as written.
        package var texts: [String] = []
        /// Code-point offsets where each mention starts.
        package var starts: [Int32] = []
        /// Code-point offsets where each mention ends.
        package var ends: [Int32] = []

        /// Creates empty columns.
        package init() {}

        /// The number of mentions.
        package var count: Int { entities.count }

        /// Appends one mention.
        package mutating func append(entity: Int32, document: Int32, sentence: Int32, text: String, span: TextSpan) {
            entities.append(entity)
            documents.append(document)
            sentences.append(sentence)
            texts.append(text)
            starts.append(Int32(span.start))
            ends.append(Int32(span.end))
        }
    }

    /// The documents.
    package private(set) var documents: DocumentColumns
    /// The entities.
    package private(set) var entities: EntityColumns
    /// The mentions.
    package private(set) var mentions: MentionColumns
    /// The sentences, grouped by document and in order within each.
    package private(set) var sentences: SentenceColumns
    /// The relations.
    package private(set) var relations: RelationColumns
    /// The time expressions.
    package private(set) var times: TimeColumns
    /// For each document, its sentences.
    package private(set) var sentencesByDocument: GroupedRows
    private var sentenceSlices: TextSlices
    private var evidenceSlices: TextSlices
    /// For each entity, the documents that mention it, ascending and without repeats.
    package private(set) var documentsByEntity: [[Int32]]
    /// For each document, the entities it mentions, ascending and without repeats.
    package private(set) var entitiesByDocument: [[Int32]]
    /// Lower-cased names and aliases to the entities that carry them.
    private var entitiesByName: [String: [Int32]]

    /// Builds the index and derives the per-entity statistics and postings.
    package init(documents: DocumentColumns, entities: EntityColumns, mentions: MentionColumns,
                sentences: SentenceColumns = SentenceColumns(), relations: RelationColumns = RelationColumns(),
                times: TimeColumns = TimeColumns()) {
        self.documents = documents
        self.entities = entities
        self.mentions = mentions
        self.sentences = sentences
        self.relations = relations
        self.times = times
        sentencesByDocument = GroupedRows(keys: sentences.documents, keyCount: documents.count)
        sentenceSlices = TextSlices(documents: sentences.documents, starts: sentences.starts, ends: sentences.ends, texts: documents.texts)
        evidenceSlices = TextSlices(documents: relations.documents, starts: relations.evidenceStarts, ends: relations.evidenceEnds,
                                    texts: documents.texts)
        var documentsByEntity = Array(repeating: [Int32](), count: entities.count)
        var entitiesByDocument = Array(repeating: [Int32](), count: documents.count)
        var mentionCounts = Array(repeating: 0, count: entities.count)
        for row in 0..<mentions.count {
            let entity = Int(mentions.entities[row])
            let document = mentions.documents[row]
            mentionCounts[entity] += 1
            if documentsByEntity[entity].last != document { documentsByEntity[entity].append(document) }
            entitiesByDocument[Int(document)].append(Int32(entity))
        }
        for entity in documentsByEntity.indices where !Self.isSortedUnique(documentsByEntity[entity]) {
            documentsByEntity[entity] = Array(Set(documentsByEntity[entity])).sorted()
        }
        for document in entitiesByDocument.indices {
            entitiesByDocument[document] = Array(Set(entitiesByDocument[document])).sorted()
        }
        self.entities.mentionCounts = mentionCounts
        self.entities.documentCounts = documentsByEntity.map(\.count)
        self.entities.firstDates = documentsByEntity.map { $0.compactMap { documents.dates[Int($0)] }.min() }
        self.entities.lastDates = documentsByEntity.map { $0.compactMap { documents.dates[Int($0)] }.max() }
        self.documentsByEntity = documentsByEntity
        self.entitiesByDocument = entitiesByDocument
        var entitiesByName: [String: [Int32]] = [:]
        for entity in 0..<entities.count {
            let names = Set(([entities.names[entity]] + entities.aliases[entity]).map { $0.lowercased() })
            for name in names { entitiesByName[name, default: []].append(Int32(entity)) }
        }
        self.entitiesByName = entitiesByName
    }

    /// An empty index.
    package init() { self.init(documents: DocumentColumns(), entities: EntityColumns(), mentions: MentionColumns()) }

    /// The text of sentence `row`, sliced from its document.
    package func text(ofSentence row: Int) -> String {
        sentenceSlices.text(row, in: documents.texts[Int(sentences.documents[row])])
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
        guard let candidates = entitiesByName[key], !candidates.isEmpty else {
            return .notFound(suggestions: suggestions(for: key))
        }
        if candidates.count == 1 { return .found(candidates[0]) }
        let canonical = candidates.filter { entities.names[Int($0)].lowercased() == key }
        if canonical.count == 1 { return .found(canonical[0]) }
        return .ambiguous(candidates.sorted { entities.mentionCounts[Int($0)] > entities.mentionCounts[Int($1)] })
    }

    /// Every entity that goes by `name` (a canonical name or an alias, ignoring case), in row order.
    package func entities(named name: String) -> [Int32] {
        (entitiesByName[name.lowercased()] ?? []).sorted()
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

    private static func isSortedUnique(_ values: [Int32]) -> Bool {
        zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
    }
}
