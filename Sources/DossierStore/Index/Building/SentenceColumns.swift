import DossierCore

extension CorpusIndex {
    /// One column per sentence field. A sentence's text is not stored: it is a slice of its
    /// document's text, so the corpus is held in memory once.
    package struct SentenceColumns: Sendable {
        /// The document each sentence is in (a row of ``CorpusIndex/documents``).
        package var documents: [Int32] = []
        /// The sentence's position in its document, from 0.
        package var positions: [Int32] = []
        /// Code-point offsets where each sentence starts.
        package var starts: [Int32] = []
        /// Code-point offsets where each sentence ends.
        package var ends: [Int32] = []

        /// Creates empty columns.
        package init() {}

        /// The number of sentences.
        package var count: Int { documents.count }

        /// Appends one sentence.
        package mutating func append(document: Int32, _ sentence: Sentence) {
            documents.append(document)
            positions.append(Int32(sentence.index))
            starts.append(Int32(sentence.span.start))
            ends.append(Int32(sentence.span.end))
        }
    }
}
