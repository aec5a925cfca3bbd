import DossierCore
import DossierStore

/// Following links between rows: `@putin | relations`, `relations | documents`, `sentences | mentions`.
///
/// Documents link to everything in them; entities to their mentions and to the relations they are
/// an argument of; sentences, mentions, relations and times link to each other through the
/// sentence they are in (a relation's evidence sentence). Results are ascending row numbers.
extension Evaluator {
    func navigate(from kind: RowKind, _ rows: [Int32], to target: RowKind) -> [Int32] {
        if kind == target { return rows }
        switch (kind, target) {
        case (.documents, .entities):
            var mask = [Bool](repeating: false, count: index.entities.count)
            for row in rows { for entity in index.entitiesByDocument[Int(row)] { mask[Int(entity)] = true } }
            return Evaluator.rows(of: mask)
        case (.documents, _):
            let grouped = postings.rowsByDocument(target)
            var found: [Int32] = []
            for row in Evaluator.sortedUnique(rows) { found.append(contentsOf: grouped[row]) }
            return found.sorted()
        case (.entities, .documents):
            var mask = [Bool](repeating: false, count: index.documents.count)
            for row in rows { for document in index.documentsByEntity[Int(row)] { mask[Int(document)] = true } }
            return Evaluator.rows(of: mask)
        case (.entities, .mentions):
            return gather(Evaluator.sortedUnique(rows), from: [postings.mentionsByEntity])
        case (.entities, .relations):
            return gather(Evaluator.sortedUnique(rows), from: [postings.relationsBySubject, postings.relationsByObject])
        case (.entities, _):
            return navigate(from: .mentions, navigate(from: .entities, rows, to: .mentions), to: target)
        case (_, .documents):
            return Evaluator.sortedUnique(rows.map { location(of: kind, row: Int($0)).document })
        case (.mentions, .entities):
            return Evaluator.sortedUnique(rows.map { index.mentions.entities[Int($0)] })
        case (.relations, .entities):
            return Evaluator.sortedUnique(rows.map { index.relations.subjects[Int($0)] } + rows.map { index.relations.objects[Int($0)] })
        case (_, .entities):
            return navigate(from: .mentions, navigate(from: kind, rows, to: .mentions), to: .entities)
        default:
            return sameSentence(from: kind, rows, to: target)
        }
    }

    /// The rows of `target` in the sentences the `rows` of `kind` are in.
    private func sameSentence(from kind: RowKind, _ rows: [Int32], to target: RowKind) -> [Int32] {
        var wanted: [Int32: Set<Int32>] = [:]
        for row in rows {
            let (document, sentence) = location(of: kind, row: Int(row))
            wanted[document, default: []].insert(sentence)
        }
        let grouped = postings.rowsByDocument(target)
        var found: [Int32] = []
        for (document, sentences) in wanted {
            for row in grouped[document] where sentences.contains(location(of: target, row: Int(row)).sentence) {
                found.append(row)
            }
        }
        return found.sorted()
    }

    /// The document a row is in, and its sentence's position there (`-1` for a document itself).
    private func location(of kind: RowKind, row: Int) -> (document: Int32, sentence: Int32) {
        switch kind {
        case .documents: (Int32(row), -1)
        case .sentences: (index.sentences.documents[row], index.sentences.positions[row])
        case .mentions: (index.mentions.documents[row], index.mentions.sentences[row])
        case .relations: (index.relations.documents[row], index.relations.sentences[row])
        case .times: (index.times.documents[row], index.times.sentences[row])
        case .entities: preconditionFailure("an entity is not in one place")
        }
    }

    private func gather(_ keys: [Int32], from groups: [GroupedRows]) -> [Int32] {
        var found: [Int32] = []
        for key in keys { for group in groups { found.append(contentsOf: group[key]) } }
        return groups.count > 1 ? Evaluator.sortedUnique(found) : found.sorted()
    }
}
