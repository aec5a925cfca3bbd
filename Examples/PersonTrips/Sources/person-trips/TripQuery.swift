import Dossier

/// The typed query for one person's trips: the `visit` and `attend` relations whose subject is the
/// person, in the order they happened.
///
/// It prints as
/// `relations | where subject == @"Vladimir Putin":person and predicate in [visit, attend] | sort time asc, date asc, sentence asc`,
/// and the session checks it like that text: a name that is no person of the workspace is a
/// `Diagnostic` at the entity.
struct TripQuery {
    /// The predicates that count as a trip.
    static let predicates: [RelationPredicate] = [.visit, .attend]

    /// The rows to fetch, as `RelationRecord`s.
    let rows: RowQuery<RelationRecord>

    /// The trips of `person`, a person of the workspace by name.
    init(person: String) {
        let traveller = EntityName(person, kind: .person)
        // Time first; relations without a time of their own (nor a known one, as `XXXX-10`) come
        // after, by the date of their document, then in the order of the sentences that state them.
        rows = Query.relations
            .where { $0.subject == traveller && $0.predicate.isIn(Self.predicates) }
            .sorted { [$0.timeRange.ascending, $0.date.ascending, $0.sentence.ascending] }
    }
}
