import DossierStore

/// Rows grouped by the entity or document they belong to, as the index keeps them.
struct Postings: Sendable {
    private let index: CorpusIndex

    init(index: CorpusIndex) { self.index = index }

    /// The mentions of each entity.
    var mentionsByEntity: GroupedRows { index.postings.mentionsByEntity }

    /// The mentions in each document.
    var mentionsByDocument: GroupedRows { index.postings.mentionsByDocument }

    /// The relations whose subject is each entity.
    var relationsBySubject: GroupedRows { index.postings.relationsBySubject }

    /// The relations whose object is each entity.
    var relationsByObject: GroupedRows { index.postings.relationsByObject }

    /// The rows of `kind` (mentions, sentences, relations, times) in each document.
    func rowsByDocument(_ kind: RowKind) -> GroupedRows {
        switch kind {
        case .sentences: index.sentencesByDocument
        case .mentions: index.postings.mentionsByDocument
        case .relations: index.postings.relationsByDocument
        case .times: index.postings.timesByDocument
        case .documents, .entities: GroupedRows(keys: Column<Int32>(), keyCount: index.documents.count)
        }
    }
}
