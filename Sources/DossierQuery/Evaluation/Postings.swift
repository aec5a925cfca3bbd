import DossierStore
import Synchronization

/// Rows grouped by the entity or document they belong to, each built the first time a query needs it.
///
/// Queries of one session may run at once (``QuerySession``'s `async` fetches run off the caller's
/// thread), so the groups built so far are kept behind a lock; a group is built once.
final class Postings: Sendable {
    private let index: CorpusIndex
    private let built = Mutex(Built())

    private struct Built {
        var byEntity: GroupedRows?
        var byDocument: [RowKind: GroupedRows] = [:]
        var bySubject: GroupedRows?
        var byObject: GroupedRows?
    }

    init(index: CorpusIndex) { self.index = index }

    /// The mentions of each entity.
    var mentionsByEntity: GroupedRows {
        grouped(\.byEntity) { GroupedRows(keys: $0.mentions.entities, keyCount: $0.entities.count) }
    }

    /// The mentions in each document.
    var mentionsByDocument: GroupedRows { rowsByDocument(.mentions) }

    /// The relations whose subject is each entity.
    var relationsBySubject: GroupedRows {
        grouped(\.bySubject) { GroupedRows(keys: $0.relations.subjects, keyCount: $0.entities.count) }
    }

    /// The relations whose object is each entity.
    var relationsByObject: GroupedRows {
        grouped(\.byObject) { GroupedRows(keys: $0.relations.objects, keyCount: $0.entities.count) }
    }

    /// The rows of `kind` (mentions, sentences, relations, times) in each document.
    func rowsByDocument(_ kind: RowKind) -> GroupedRows {
        if kind == .sentences { return index.sentencesByDocument }
        return grouped(\.byDocument[kind]) { index in
            let keys: Column<Int32> = switch kind {
            case .mentions: index.mentions.documents
            case .relations: index.relations.documents
            case .times: index.times.documents
            case .documents, .entities, .sentences: Column()
            }
            return GroupedRows(keys: keys, keyCount: index.documents.count)
        }
    }

    /// The group at `place`, built by `build` the first time.
    private func grouped(_ place: WritableKeyPath<Built, GroupedRows?>,
                         build: (CorpusIndex) -> GroupedRows) -> GroupedRows {
        let index = self.index
        return built.withLock { built in
            if let group = built[keyPath: place] { return group }
            let group = build(index)
            built[keyPath: place] = group
            return group
        }
    }
}
