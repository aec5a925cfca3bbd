import DossierCore

extension CorpusIndex {
    /// The entities, one column per field, with statistics derived from their mentions.
    package struct EntityTable: Sendable {
        /// Canonical names.
        package let names: StringColumn
        /// Kinds.
        package let kinds: CodedColumn<EntityKind>
        /// Other names the entity goes by, as written in the corpus.
        package let aliases: StringListColumn
        /// How many mentions each entity has.
        package let mentionCounts: Column<Int>
        /// In how many documents each entity is mentioned.
        package let documentCounts: Column<Int>
        /// The earliest date of a document that mentions the entity.
        package let firstDates: DayColumn
        /// The latest date of a document that mentions the entity.
        package let lastDates: DayColumn
        /// The workspace's numbers for the entities, which say in a column file written earlier
        /// which entity each row was.
        package let numbers: Column<Int64>

        /// The number of entities.
        package var count: Int { names.count }

        init(_ columns: EntityColumns, mentionCounts: [Int], documentCounts: [Int], firstDates: [Day?], lastDates: [Day?]) {
            names = StringColumn(columns.names)
            kinds = CodedColumn(columns.kinds)
            aliases = StringListColumn(columns.aliases)
            self.mentionCounts = Column(mentionCounts)
            self.documentCounts = Column(documentCounts)
            self.firstDates = DayColumn(firstDates)
            self.lastDates = DayColumn(lastDates)
            numbers = Column(columns.numbers)
        }

        init(reading file: ColumnFileReader) throws(ColumnFileProblem) {
            names = try file.strings("entities.names")
            kinds = try file.coded("entities.kinds")
            aliases = try file.stringLists("entities.aliases")
            mentionCounts = try file.column("entities.mentionCounts")
            documentCounts = try file.column("entities.documentCounts")
            firstDates = try file.days("entities.firstDates")
            lastDates = try file.days("entities.lastDates")
            numbers = try file.column("entities.numbers")
            guard [numbers.count, kinds.count, aliases.count, mentionCounts.count, documentCounts.count, firstDates.count, lastDates.count]
                .allSatisfy({ $0 == names.count }) else { throw .damaged("the entity columns differ in length") }
        }

        func write(into file: inout ColumnFileWriter) {
            file.add("entities.names", names)
            file.add("entities.kinds", kinds)
            file.add("entities.aliases", aliases)
            file.add("entities.mentionCounts", mentionCounts)
            file.add("entities.documentCounts", documentCounts)
            file.add("entities.firstDates", firstDates)
            file.add("entities.lastDates", lastDates)
            file.add("entities.numbers", numbers)
        }
    }
}
