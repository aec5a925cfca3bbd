import DossierStore

/// Rows grouped by a key, stored compactly: the rows of key `k` are `rows[offsets[k]..<offsets[k + 1]]`, ascending.
struct GroupedRows: Sendable {
    let offsets: [Int]
    let rows: [Int32]

    /// Groups the positions of `keys` by their value (a counting sort).
    init(keys: [Int32], keyCount: Int) {
        var offsets = Array(repeating: 0, count: keyCount + 1)
        for key in keys { offsets[Int(key) + 1] += 1 }
        for key in 0..<keyCount { offsets[key + 1] += offsets[key] }
        var next = offsets
        var rows = Array(repeating: Int32(0), count: keys.count)
        for (row, key) in keys.enumerated() {
            rows[next[Int(key)]] = Int32(row)
            next[Int(key)] += 1
        }
        self.offsets = offsets
        self.rows = rows
    }

    subscript(key: Int32) -> ArraySlice<Int32> {
        rows[offsets[Int(key)]..<offsets[Int(key) + 1]]
    }
}

/// Mentions by entity and by document, built the first time a query navigates to mentions.
final class Postings {
    private let index: CorpusIndex
    private var byEntity: GroupedRows?
    private var byDocument: GroupedRows?

    init(index: CorpusIndex) { self.index = index }

    /// The mentions of each entity.
    var mentionsByEntity: GroupedRows {
        if let byEntity { return byEntity }
        let built = GroupedRows(keys: index.mentions.entities, keyCount: index.entities.count)
        byEntity = built
        return built
    }

    /// The mentions in each document.
    var mentionsByDocument: GroupedRows {
        if let byDocument { return byDocument }
        let built = GroupedRows(keys: index.mentions.documents, keyCount: index.documents.count)
        byDocument = built
        return built
    }
}
