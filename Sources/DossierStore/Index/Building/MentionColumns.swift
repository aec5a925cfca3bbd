import DossierCore

extension CorpusIndex {
    /// Builds, row by row, one column per mention field.
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
}
