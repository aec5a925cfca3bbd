import DossierCore

extension CorpusIndex {
    /// Builds, row by row, one column per document field.
    package struct DocumentColumns: Sendable {
        /// Document identifiers.
        package var ids: [String] = []
        /// Headlines.
        package var titles: [String?] = []
        /// Publication dates.
        package var dates: [Day?] = []
        /// Publishers or source files.
        package var sources: [String?] = []
        /// Addresses.
        package var urls: [String?] = []
        /// Word counts.
        package var wordCounts: [Int] = []
        /// Full texts, unless the index reads them from elsewhere.
        package var texts: [String] = []
        /// The workspace's numbers for the documents (row + 1 for documents built in memory).
        package var numbers: [Int64] = []

        /// Creates empty columns.
        package init() {}

        /// The number of documents.
        package var count: Int { ids.count }

        /// Appends one document.
        package mutating func append(_ document: Document, wordCount: Int) {
            ids.append(document.id)
            titles.append(document.title)
            dates.append(document.date)
            sources.append(document.source)
            urls.append(document.url)
            wordCounts.append(wordCount)
            texts.append(document.text)
            numbers.append(Int64(numbers.count + 1))
        }

        /// Appends a document's fields but not its text, which the index reads from the workspace
        /// by `number`.
        package mutating func append(number: Int64, id: String, title: String?, date: Day?, source: String?, url: String?, wordCount: Int) {
            ids.append(id)
            titles.append(title)
            dates.append(date)
            sources.append(source)
            urls.append(url)
            wordCounts.append(wordCount)
            numbers.append(number)
        }
    }
}
