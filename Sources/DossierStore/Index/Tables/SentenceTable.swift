import DossierCore

extension CorpusIndex {
    /// The sentences, grouped by document and in order within each. A sentence's text is a slice of
    /// its document's text, not a copy.
    package struct SentenceTable: Sendable {
        /// The document each sentence is in (a row of ``CorpusIndex/documents``).
        package let documents: Column<Int32>
        /// The sentence's position in its document, from 0.
        package let positions: Column<Int32>
        /// Code-point offsets where each sentence starts.
        package let starts: Column<Int32>
        /// Code-point offsets where each sentence ends.
        package let ends: Column<Int32>

        /// The number of sentences.
        package var count: Int { documents.count }

        init(_ columns: SentenceColumns) {
            documents = Column(columns.documents)
            positions = Column(columns.positions)
            starts = Column(columns.starts)
            ends = Column(columns.ends)
        }

        init(reading file: ColumnFileReader) throws(ColumnFileProblem) {
            documents = try file.column("sentences.documents")
            positions = try file.column("sentences.positions")
            starts = try file.column("sentences.starts")
            ends = try file.column("sentences.ends")
            guard [positions.count, starts.count, ends.count].allSatisfy({ $0 == documents.count }) else {
                throw .damaged("the sentence columns differ in length")
            }
        }

        /// Writes the table's columns to `file`; after `old`'s rows when it is given, so that a file
        /// grows by a batch without the old rows being read again.
        func write(into file: inout ColumnFileWriter, after old: Self? = nil) {
            file.add("sentences.documents", documents, after: old?.documents)
            file.add("sentences.positions", positions, after: old?.positions)
            file.add("sentences.starts", starts, after: old?.starts)
            file.add("sentences.ends", ends, after: old?.ends)
        }
    }
}
