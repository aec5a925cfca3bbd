import DossierCore

extension CorpusIndex {
    /// One column per time-expression field.
    public struct TimeColumns: Sendable {
        /// The document each expression is in (a row of ``CorpusIndex/documents``).
        public var documents: [Int32] = []
        /// The index of the sentence within the document.
        public var sentences: [Int32] = []
        /// The expressions as written.
        public var texts: [String] = []
        /// TIMEX3 types.
        public var types: [TimexType] = []
        /// TIMEX3 values (`2023-10`, `XXXX-10`, `P3Y`).
        public var values: [String] = []
        /// The days each expression denotes, when known.
        public var ranges: [TimeRange?] = []
        /// Code-point offsets where each expression starts.
        public var starts: [Int32] = []
        /// Code-point offsets where each expression ends.
        public var ends: [Int32] = []

        /// Creates empty columns.
        public init() {}

        /// The number of time expressions.
        public var count: Int { documents.count }

        /// Appends one time expression.
        public mutating func append(document: Int32, _ time: TimeExpression) {
            documents.append(document)
            sentences.append(Int32(time.sentence))
            texts.append(time.text)
            types.append(time.type)
            values.append(time.value)
            ranges.append(time.range)
            starts.append(Int32(time.span.start))
            ends.append(Int32(time.span.end))
        }
    }
}
