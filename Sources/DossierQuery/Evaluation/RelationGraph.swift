import DossierCore
import DossierStore

/// `graph`: the relations as weighted edges subject —predicate→ object; the nodes are the entities
/// at either end.
enum RelationGraph {
    /// The columns of a graph table: one row per edge.
    static let fields = [
        Field(name: "subject", type: .entity), Field(name: "predicate", type: .predicate),
        Field(name: "object", type: .entity), Field(name: "weight", type: .int),
    ]

    private struct Edge: Hashable {
        var subject: Int32
        var predicate: RelationPredicate
        var object: Int32
    }

    /// One row per distinct (subject, predicate, object) among `relations`, weighted by how many
    /// relations it stands for, heaviest first.
    static func edges(of relations: [Int32], in index: CorpusIndex) -> [[Value]] {
        var weights: [Edge: Int] = [:]
        for row in relations.map(Int.init) {
            weights[Edge(subject: index.relations.subjects[row], predicate: index.relations.predicates[row],
                         object: index.relations.objects[row]), default: 0] += 1
        }
        let rows = weights.map { edge, weight -> [Value] in
            [index.entityValue(edge.subject), .predicate(edge.predicate), index.entityValue(edge.object), .int(weight)]
        }
        return rows.sorted { left, right in
            if left[3] != right[3] { return Value.order(left[3], right[3]) > 0 }
            for column in 0..<3 {
                let order = Value.order(left[column], right[column])
                if order != 0 { return order < 0 }
            }
            return false
        }
    }
}
