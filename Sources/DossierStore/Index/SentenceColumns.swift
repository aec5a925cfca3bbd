import DossierCore

extension CorpusIndex {
    /// One column per sentence field. A sentence's text is not stored: it is a slice of its
    /// document's text, so the corpus is held in memory once.
    public struct SentenceColumns: Sendable {
        /// The document each sentence is in (a row of ``CorpusIndex/documents``).
        public var documents: [Int32] = []
        /// The sentence's position in its document, from 0.
        public var positions: [Int32] = []
        /// Code-point offsets where each sentence starts.
        public var starts: [Int32] = []
        /// Code-point offsets where each sentence ends.
        public var ends: [Int32] = []

        /// Creates empty columns.
        public init() {}

        /// The number of sentences.
        public var count: Int { documents.count }

        /// Appends one sentence.
        public mutating func append(document: Int32, _ sentence: Sentence) {
            documents.append(document)
            positions.append(Int32(sentence.index))
            starts.append(Int32(sentence.span.start))
            ends.append(Int32(sentence.span.end))
        }
    }
}
