import DossierCore

extension CorpusIndex {
    /// The relations, one column per field. Arguments are entity rows; the evidence is a span of
    /// the document's text, not a copy of it.
    package struct RelationTable: Sendable {
        /// The document each relation is in (a row of ``CorpusIndex/documents``).
        package let documents: Column<Int32>
        /// The index of the evidence sentence within the document.
        package let sentences: Column<Int32>
        /// Code-point offsets where each evidence span starts.
        package let evidenceStarts: Column<Int32>
        /// Code-point offsets where each evidence span ends.
        package let evidenceEnds: Column<Int32>
        /// Who acts (a row of ``CorpusIndex/entities``).
        package private(set) var subjects: Column<Int32>
        /// What they do.
        package let predicates: CodedColumn<RelationPredicate>
        /// To or with whom, or where (a row of ``CorpusIndex/entities``).
        package private(set) var objects: Column<Int32>
        /// TIMEX3 values of the relations' times, when they have one.
        package let times: OptionalStringColumn
        /// The days each relation's time denotes, when known.
        package let timeRanges: TimeRangeColumn
        /// Whether each happened, is planned, was canceled, is reported or hypothetical.
        package let modalities: CodedColumn<Modality>
        /// Whether the clause denies it.
        package let negations: FlagColumn

        /// The number of relations.
        package var count: Int { documents.count }

        init(_ columns: RelationColumns) {
            documents = Column(columns.documents)
            sentences = Column(columns.sentences)
            evidenceStarts = Column(columns.evidenceStarts)
            evidenceEnds = Column(columns.evidenceEnds)
            subjects = Column(columns.subjects)
            predicates = CodedColumn(columns.predicates)
            objects = Column(columns.objects)
            times = OptionalStringColumn(columns.times)
            timeRanges = TimeRangeColumn(columns.timeRanges)
            modalities = CodedColumn(columns.modalities)
            negations = FlagColumn(columns.negations)
        }

        /// These relations, between the entities `subjects` and `objects` instead (rows of entities
        /// merged since).
        func relating(subjects: Column<Int32>, objects: Column<Int32>) -> RelationTable {
            precondition(subjects.count == count && objects.count == count)
            var relations = self
            relations.subjects = subjects
            relations.objects = objects
            return relations
        }

        init(reading file: ColumnFileReader) throws(ColumnFileProblem) {
            documents = try file.column("relations.documents")
            sentences = try file.column("relations.sentences")
            evidenceStarts = try file.column("relations.evidenceStarts")
            evidenceEnds = try file.column("relations.evidenceEnds")
            subjects = try file.column("relations.subjects")
            predicates = try file.coded("relations.predicates")
            objects = try file.column("relations.objects")
            times = try file.optionalStrings("relations.times")
            timeRanges = try file.timeRanges("relations.timeRanges")
            modalities = try file.coded("relations.modalities")
            negations = try file.flags("relations.negations")
            guard [sentences.count, evidenceStarts.count, evidenceEnds.count, subjects.count, predicates.count, objects.count, times.count,
                   timeRanges.count, modalities.count, negations.count].allSatisfy({ $0 == documents.count }) else {
                throw .damaged("the relation columns differ in length")
            }
        }

        /// Writes the table's columns to `file`; after `old`'s rows when it is given, so that a file
        /// grows by a batch without the old rows being read again.
        func write(into file: inout ColumnFileWriter, after old: Self? = nil) {
            file.add("relations.documents", documents, after: old?.documents)
            file.add("relations.sentences", sentences, after: old?.sentences)
            file.add("relations.evidenceStarts", evidenceStarts, after: old?.evidenceStarts)
            file.add("relations.evidenceEnds", evidenceEnds, after: old?.evidenceEnds)
            file.add("relations.subjects", subjects, after: old?.subjects)
            file.add("relations.predicates", predicates, after: old?.predicates)
            file.add("relations.objects", objects, after: old?.objects)
            file.add("relations.times", times, after: old?.times)
            file.add("relations.timeRanges", timeRanges, after: old?.timeRanges)
            file.add("relations.modalities", modalities, after: old?.modalities)
            file.add("relations.negations", negations, after: old?.negations)
        }
    }
}
