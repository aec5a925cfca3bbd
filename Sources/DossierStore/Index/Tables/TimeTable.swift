import DossierCore

extension CorpusIndex {
    /// The time expressions, one column per field.
    package struct TimeTable: Sendable {
        /// The document each expression is in (a row of ``CorpusIndex/documents``).
        package let documents: Column<Int32>
        /// The index of the sentence within the document.
        package let sentences: Column<Int32>
        /// The expressions as written.
        package let texts: StringColumn
        /// TIMEX3 types.
        package let types: CodedColumn<TimexType>
        /// TIMEX3 values (`2023-10`, `XXXX-10`, `P3Y`).
        package let values: StringColumn
        /// The days each expression denotes, when known.
        package let ranges: TimeRangeColumn
        /// Code-point offsets where each expression starts.
        package let starts: Column<Int32>
        /// Code-point offsets where each expression ends.
        package let ends: Column<Int32>

        /// The number of time expressions.
        package var count: Int { documents.count }

        init(_ columns: TimeColumns) {
            documents = Column(columns.documents)
            sentences = Column(columns.sentences)
            texts = StringColumn(columns.texts)
            types = CodedColumn(columns.types)
            values = StringColumn(columns.values)
            ranges = TimeRangeColumn(columns.ranges)
            starts = Column(columns.starts)
            ends = Column(columns.ends)
        }

        init(reading file: ColumnFileReader) throws(ColumnFileProblem) {
            documents = try file.column("times.documents")
            sentences = try file.column("times.sentences")
            texts = try file.strings("times.texts")
            types = try file.coded("times.types")
            values = try file.strings("times.values")
            ranges = try file.timeRanges("times.ranges")
            starts = try file.column("times.starts")
            ends = try file.column("times.ends")
            guard [sentences.count, texts.count, types.count, values.count, ranges.count, starts.count, ends.count]
                .allSatisfy({ $0 == documents.count }) else { throw .damaged("the time columns differ in length") }
        }

        /// Writes the table's columns to `file`; after `old`'s rows when it is given, so that a file
        /// grows by a batch without the old rows being read again.
        func write(into file: inout ColumnFileWriter, after old: Self? = nil) {
            file.add("times.documents", documents, after: old?.documents)
            file.add("times.sentences", sentences, after: old?.sentences)
            file.add("times.texts", texts, after: old?.texts)
            file.add("times.types", types, after: old?.types)
            file.add("times.values", values, after: old?.values)
            file.add("times.ranges", ranges, after: old?.ranges)
            file.add("times.starts", starts, after: old?.starts)
            file.add("times.ends", ends, after: old?.ends)
        }
    }
}
