import DossierStore

/// Rows grouped by the entity or document they belong to, each built the first time a query needs it.
final class Postings {
    private let index: CorpusIndex
    private var byEntity: GroupedRows?
    private var byDocument: [RowKind: GroupedRows] = [:]
    private var bySubject: GroupedRows?
    private var byObject: GroupedRows?

    init(index: CorpusIndex) { self.index = index }

    /// The mentions of each entity.
    var mentionsByEntity: GroupedRows {
        if let byEntity { return byEntity }
        let built = GroupedRows(keys: index.mentions.entities, keyCount: index.entities.count)
        byEntity = built
        return built
    }

    /// The mentions in each document.
    var mentionsByDocument: GroupedRows { rowsByDocument(.mentions) }

    /// The relations whose subject is each entity.
    var relationsBySubject: GroupedRows {
        if let bySubject { return bySubject }
        let built = GroupedRows(keys: index.relations.subjects, keyCount: index.entities.count)
        bySubject = built
        return built
    }

    /// The relations whose object is each entity.
    var relationsByObject: GroupedRows {
        if let byObject { return byObject }
        let built = GroupedRows(keys: index.relations.objects, keyCount: index.entities.count)
        byObject = built
        return built
    }

    /// The rows of `kind` (mentions, sentences, relations, times) in each document.
    func rowsByDocument(_ kind: RowKind) -> GroupedRows {
        if kind == .sentences { return index.sentencesByDocument }
        if let built = byDocument[kind] { return built }
        let keys: [Int32] = switch kind {
        case .mentions: index.mentions.documents
        case .relations: index.relations.documents
        case .times: index.times.documents
        case .documents, .entities, .sentences: []
        }
        let built = GroupedRows(keys: keys, keyCount: index.documents.count)
        byDocument[kind] = built
        return built
    }
}
