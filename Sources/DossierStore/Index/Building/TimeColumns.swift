import DossierCore

extension CorpusIndex {
    /// One column per time-expression field.
    package struct TimeColumns: Sendable {
        /// The document each expression is in (a row of ``CorpusIndex/documents``).
        package var documents: [Int32] = []
        /// The index of the sentence within the document.
        package var sentences: [Int32] = []
        /// The expressions as written.
        package var texts: [String] = []
        /// TIMEX3 types.
        package var types: [TimexType] = []
        /// TIMEX3 values (`2023-10`, `XXXX-10`, `P3Y`).
        package var values: [String] = []
        /// The days each expression denotes, when known.
        package var ranges: [TimeRange?] = []
        /// Code-point offsets where each expression starts.
        package var starts: [Int32] = []
        /// Code-point offsets where each expression ends.
        package var ends: [Int32] = []

        /// Creates empty columns.
        package init() {}

        /// The number of time expressions.
        package var count: Int { documents.count }

        /// Appends one time expression.
        package mutating func append(document: Int32, _ time: TimeExpression) {
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
