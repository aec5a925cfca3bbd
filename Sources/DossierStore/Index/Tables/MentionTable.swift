import DossierCore

extension CorpusIndex {
    /// The mentions, one column per field.
    package struct MentionTable: Sendable {
        /// The entity each mention names (a row of ``CorpusIndex/entities``).
        package private(set) var entities: Column<Int32>
        /// The document each mention is in (a row of ``CorpusIndex/documents``).
        package let documents: Column<Int32>
        /// The sentence index within the document.
        package let sentences: Column<Int32>
        /// The mention as written, each distinct text kept once.
        package let texts: DictionaryStringColumn
        /// Code-point offsets where each mention starts.
        package let starts: Column<Int32>
        /// Code-point offsets where each mention ends.
        package let ends: Column<Int32>

        /// The number of mentions.
        package var count: Int { entities.count }

        init(_ columns: MentionColumns) {
            entities = Column(columns.entities)
            documents = Column(columns.documents)
            sentences = Column(columns.sentences)
            texts = DictionaryStringColumn(columns.texts)
            starts = Column(columns.starts)
            ends = Column(columns.ends)
        }

        /// The mentions from their columns, all of one length.
        init(entities: [Int32], documents: [Int32], sentences: [Int32], texts: DictionaryStringColumn, starts: [Int32], ends: [Int32]) {
            precondition([documents.count, sentences.count, texts.count, starts.count, ends.count].allSatisfy { $0 == entities.count })
            self.entities = Column(entities)
            self.documents = Column(documents)
            self.sentences = Column(sentences)
            self.texts = texts
            self.starts = Column(starts)
            self.ends = Column(ends)
        }

        /// These mentions, naming the entities `entities` instead (rows of entities merged since).
        func naming(entities: Column<Int32>) -> MentionTable {
            precondition(entities.count == count)
            var mentions = self
            mentions.entities = entities
            return mentions
        }

        init(reading file: ColumnFileReader) throws(ColumnFileProblem) {
            entities = try file.column("mentions.entities")
            documents = try file.column("mentions.documents")
            sentences = try file.column("mentions.sentences")
            texts = try file.dictionaryStrings("mentions.texts")
            starts = try file.column("mentions.starts")
            ends = try file.column("mentions.ends")
            guard [documents.count, sentences.count, texts.count, starts.count, ends.count].allSatisfy({ $0 == entities.count }) else {
                throw .damaged("the mention columns differ in length")
            }
        }

        /// Writes the table's columns to `file`; after `old`'s rows when it is given, so that a file
        /// grows by a batch without the old rows being read again.
        func write(into file: inout ColumnFileWriter, after old: Self? = nil) {
            file.add("mentions.entities", entities, after: old?.entities)
            file.add("mentions.documents", documents, after: old?.documents)
            file.add("mentions.sentences", sentences, after: old?.sentences)
            file.add("mentions.texts", texts, after: old?.texts)
            file.add("mentions.starts", starts, after: old?.starts)
            file.add("mentions.ends", ends, after: old?.ends)
        }
    }
}
