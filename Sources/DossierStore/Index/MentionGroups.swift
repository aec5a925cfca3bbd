extension CorpusIndex {
    /// What the mentions tell of the entities and the documents, read off the mentions grouped by
    /// entity and by document.
    struct MentionGroups {
        /// For each entity, the documents that mention it, ascending and without repeats.
        let documentsByEntity: GroupedRows
        /// For each document, the entities it mentions, ascending and without repeats.
        let entitiesByDocument: GroupedRows
        /// For each entity, its mentions counted.
        let mentionCounts: [Int]

        /// The groups of the mentions whose entities and documents are `entities` and `documents`,
        /// which `byEntity` and `byDocument` group by entity and by document.
        init(entities: JoinedColumn<Int32>, documents: JoinedColumn<Int32>, byEntity: GroupedRows, byDocument: GroupedRows) {
            documentsByEntity = Self.distinct(byEntity, of: documents)
            entitiesByDocument = Self.distinct(byDocument, of: entities)
            mentionCounts = (0..<byEntity.keyCount).map { byEntity[$0].count }
        }

        /// For each key of `groups`, the values in `column` of its rows, ascending and without repeats,
        /// in one flat column rather than a list per key.
        private static func distinct(_ groups: GroupedRows, of column: JoinedColumn<Int32>) -> GroupedRows {
            var offsets = [0], rows: [Int32] = [], values: [Int32] = []
            offsets.reserveCapacity(groups.keyCount + 1)
            for key in 0..<groups.keyCount {
                values.removeAll(keepingCapacity: true)
                for row in groups[key] { values.append(column[Int(row)]) }
                // Mentions are in document order, so a key's documents usually come sorted already.
                if !values.isSorted { values.sort() }
                var previous: Int32? = nil
                for value in values where value != previous {
                    rows.append(value)
                    previous = value
                }
                offsets.append(rows.count)
            }
            return GroupedRows(offsets: Column(offsets), rows: Column(rows))
        }

        /// The entities with their statistics: mentions, documents, and the first and last of
        /// those documents' `dates`.
        func entityTable(_ entities: EntityColumns, dates: DayColumn) -> EntityTable {
            let documents = (0..<documentsByEntity.keyCount).map { documentsByEntity[$0] }
            return EntityTable(entities, mentionCounts: mentionCounts, documentCounts: documents.map(\.count),
                               firstDates: documents.map { $0.compactMap { dates[Int($0)] }.min() },
                               lastDates: documents.map { $0.compactMap { dates[Int($0)] }.max() })
        }
    }
}

extension Array where Element: Comparable {
    /// Whether each element is at most the next.
    fileprivate var isSorted: Bool { zip(self, dropFirst()).allSatisfy { $0 <= $1 } }
}
