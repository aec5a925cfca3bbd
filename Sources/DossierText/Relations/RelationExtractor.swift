import DossierCore

/// Finds relations between the entities of a document: subject —predicate→ object, with time,
/// modality and negation (ANNOTATIONS.md).
///
/// Conform to plug your own extractor into a ``Pipeline``; it receives the document already read
/// into tokens and sentences, with its resolved mentions and tagged times.
public protocol RelationExtractor: Sendable {
    /// The relations shown by `text`, in the order of their evidence sentences.
    func relations(in text: AnalyzedText, mentions: [Mention], times: [TimeExpression]) -> [Relation]
}
