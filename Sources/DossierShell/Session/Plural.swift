import DossierQuery

/// Counted nouns: "1 document", "2 documents", "1 entity".
package enum Plural {
    /// `count` and the noun, singular for one.
    package static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? Self.plural(of: singular))
    }

    /// The plural of a noun the shell counts.
    static func plural(of singular: String) -> String {
        singular.hasSuffix("y") ? String(singular.dropLast()) + "ies" : singular + "s"
    }

    /// The singular of a row kind: document, entity, mention, sentence, relation, time.
    static func singular(of kind: RowKind) -> String {
        switch kind {
        case .documents: "document"
        case .entities: "entity"
        case .mentions: "mention"
        case .sentences: "sentence"
        case .relations: "relation"
        case .times: "time"
        }
    }
}
