import DossierCore

extension CorpusIndex {
    /// The documents, one column per field.
    package struct DocumentTable: Sendable {
        /// Document identifiers.
        package let ids: StringColumn
        /// Headlines.
        package let titles: OptionalStringColumn
        /// Publication dates.
        package let dates: DayColumn
        /// Publishers or source files.
        package let sources: OptionalStringColumn
        /// Addresses.
        package let urls: OptionalStringColumn
        /// Word counts.
        package let wordCounts: Column<Int>
        /// Full texts, read when a query needs them.
        package let texts: DocumentTexts
        /// The workspace's numbers for the documents.
        package let numbers: Column<Int64>

        /// The number of documents.
        package var count: Int { ids.count }

        init(_ columns: DocumentColumns, texts: DocumentTexts?) {
            ids = StringColumn(columns.ids)
            titles = OptionalStringColumn(columns.titles)
            dates = DayColumn(columns.dates)
            sources = OptionalStringColumn(columns.sources)
            urls = OptionalStringColumn(columns.urls)
            wordCounts = Column(columns.wordCounts)
            self.texts = texts ?? DocumentTexts(columns.texts)
            numbers = Column(columns.numbers)
        }

        init(reading file: ColumnFileReader, texts: (Column<Int64>) -> DocumentTexts) throws(ColumnFileProblem) {
            numbers = try file.column("documents.numbers")
            ids = try file.strings("documents.ids")
            titles = try file.optionalStrings("documents.titles")
            dates = try file.days("documents.dates")
            sources = try file.optionalStrings("documents.sources")
            urls = try file.optionalStrings("documents.urls")
            wordCounts = try file.column("documents.wordCounts")
            self.texts = texts(numbers)
            guard [numbers.count, titles.count, dates.count, sources.count, urls.count, wordCounts.count].allSatisfy({ $0 == ids.count }) else {
                throw .damaged("the document columns differ in length")
            }
        }

        /// Writes the table's columns to `file`; after `old`'s rows when it is given, so that a file
        /// grows by a batch without the old rows being read again.
        func write(into file: inout ColumnFileWriter, after old: Self? = nil) {
            file.add("documents.ids", ids, after: old?.ids)
            file.add("documents.titles", titles, after: old?.titles)
            file.add("documents.dates", dates, after: old?.dates)
            file.add("documents.sources", sources, after: old?.sources)
            file.add("documents.urls", urls, after: old?.urls)
            file.add("documents.wordCounts", wordCounts, after: old?.wordCounts)
            file.add("documents.numbers", numbers, after: old?.numbers)
        }
    }
}
