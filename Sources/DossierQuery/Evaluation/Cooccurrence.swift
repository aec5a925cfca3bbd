import DossierCore
import DossierStore
import Foundation

/// What `cooccur` was asked for.
struct CooccurrenceOptions {
    /// The rows it takes: documents, sentences or entities.
    var source: RowKind
    /// Whether entities co-occur in a sentence (`in sentence`) or a document (`in document`).
    var withinSentences: Bool
    /// The fewest shared units a pair needs (`min N`).
    var minimum: Int
    /// The kind of the entities paired (`with KIND`); for an entities source, of the partners only.
    var kind: EntityKind? = nil
}

/// `cooccur`: pairs of entities named in the same sentences or documents, how often, and their
/// pointwise mutual information, log2(P(a, b) / (P(a) P(b))), over the units counted.
enum Cooccurrence {
    /// The columns of a co-occurrence table.
    static let fields = [
        Field(name: "a", type: .entity), Field(name: "b", type: .entity), Field(name: "count", type: .int), Field(name: "pmi", type: .float),
    ]
}

extension Evaluator {
    /// The co-occurrence table of `rows`. From documents or sentences, the units are those rows (or
    /// their sentences, or their documents) and each pair appears once, `a` before `b`. From entities,
    /// each carried entity is `a`, its partners anywhere in the corpus are `b`, and the units are the
    /// whole corpus's.
    func cooccurrences(of rows: [Int32], _ options: CooccurrenceOptions) throws(Diagnostic) -> [[Value]] {
        var pairCounts: [Int64: Int] = [:]
        var unitCounts: [Int32: Int] = [:]
        let unitTotal: Int
        let isWanted: (Int32) -> Bool = { entity in options.kind.map { self.index.entities.kinds[Int(entity)] == $0 } ?? true }
        if options.source == .entities {
            let carried = Evaluator.sortedUnique(rows)
            let carriedSet = Set(carried)
            unitTotal = options.withinSentences ? index.sentences.count : index.documents.count
            for a in carried {
                if isCancelled() { throw Evaluator.cancelled }
                for unit in units(of: a, withinSentences: options.withinSentences) {
                    for b in entities(in: unit, withinSentences: options.withinSentences)
                    where b != a && isWanted(b) && !(carriedSet.contains(b) && b < a) {
                        pairCounts[Evaluator.pairKey(a, b), default: 0] += 1
                    }
                }
            }
            for key in pairCounts.keys {
                for entity in [Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key)] where unitCounts[entity] == nil {
                    unitCounts[entity] = options.withinSentences
                        ? units(of: entity, withinSentences: true).count : index.entities.documentCounts[Int(entity)]
                }
            }
        } else {
            let units = scopeUnits(of: rows, options)
            unitTotal = units.count
            for (position, unit) in units.enumerated() {
                if position & 0xFFF == 0xFFF, isCancelled() { throw Evaluator.cancelled }
                let present = entities(in: unit, withinSentences: options.withinSentences).filter(isWanted)
                for (position, a) in present.enumerated() {
                    unitCounts[a, default: 0] += 1
                    for b in present[(position + 1)...] { pairCounts[Evaluator.pairKey(a, b), default: 0] += 1 }
                }
            }
        }
        let names = index.entities.names
        var table: [[Value]] = []
        for (key, count) in pairCounts where count >= options.minimum {
            let (a, b) = (Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key))
            let expected = Double(unitCounts[a] ?? 1) * Double(unitCounts[b] ?? 1)
            let pmi = log2(Double(count) * Double(unitTotal) / max(expected, 1))
            table.append([.entity(a, name: names[Int(a)]), .entity(b, name: names[Int(b)]), .int(count), .float((pmi * 1000).rounded() / 1000 + 0)])
        }
        return table.sorted { left, right in
            for column in [2, 3] where left[column] != right[column] { return Value.order(left[column], right[column]) > 0 }
            for column in [0, 1] {
                let order = Value.order(left[column], right[column])
                if order != 0 { return order < 0 }
            }
            return false
        }
    }

    /// An ordered pair of entity rows as one dictionary key.
    private static func pairKey(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }

    /// The units (document or sentence rows) counted for documents or sentences.
    private func scopeUnits(of rows: [Int32], _ options: CooccurrenceOptions) -> [Int32] {
        switch (options.source, options.withinSentences) {
        case (.documents, true): Evaluator.sortedUnique(rows).flatMap { index.sentencesByDocument[$0] }
        case (.sentences, false): Evaluator.sortedUnique(rows.map { index.sentences.documents[Int($0)] })
        default: Evaluator.sortedUnique(rows)
        }
    }

    /// The documents or sentences in which `entity` is named.
    private func units(of entity: Int32, withinSentences: Bool) -> [Int32] {
        withinSentences ? sentencesMentioning(entity) : index.documentsByEntity[Int(entity)]
    }

    /// The entities named in a document or a sentence, ascending.
    private func entities(in unit: Int32, withinSentences: Bool) -> [Int32] {
        guard withinSentences else { return index.entitiesByDocument[Int(unit)] }
        let position = index.sentences.positions[Int(unit)]
        let mentions = postings.mentionsByDocument[index.sentences.documents[Int(unit)]]
        return Evaluator.sortedUnique(mentions.filter { index.mentions.sentences[Int($0)] == position }.map { index.mentions.entities[Int($0)] })
    }
}
