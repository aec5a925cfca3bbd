/// Every lower-cased canonical name and alias, sorted by their UTF-8 bytes, with the entities that
/// carry each: a name is found by binary search, in the mapped file as in memory.
struct EntityNames: Sendable {
    /// The distinct lower-cased names, in byte order.
    let keys: StringColumn
    /// For each key, the entities that carry it, ascending.
    let entities: GroupedRows

    /// The names of `names` and `aliases`, entity by entity.
    init(names: StringColumn, aliases: StringListColumn) {
        var byName: [String: Set<Int32>] = [:]
        for entity in names.indices {
            byName[names[entity].lowercased(), default: []].insert(Int32(entity))
            for alias in aliases[entity] { byName[alias.lowercased(), default: []].insert(Int32(entity)) }
        }
        let sorted = byName.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.init(keys: StringColumn(sorted), entities: GroupedRows(lists: sorted.map { byName[$0]!.sorted() }))
    }

    init(keys: StringColumn, entities: GroupedRows) {
        self.keys = keys
        self.entities = entities
    }

    /// The names stored in `file` under `name`.
    init(reading file: ColumnFileReader, _ name: String) throws(ColumnFileProblem) {
        self.init(keys: try file.strings("\(name).keys"), entities: try file.groupedRows("\(name).entities"))
    }

    /// Writes the names to `file` under `name`.
    func write(_ name: String, into file: inout ColumnFileWriter) {
        file.add("\(name).keys", keys)
        file.add("\(name).entities", entities)
    }

    /// The entities whose lower-cased name or alias is `key`, ascending.
    func entities(forKey key: String) -> [Int32] {
        var key = key
        return key.withUTF8 { wanted in
            var low = 0, high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys.utf8(middle).lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
            }
            guard low < keys.count, keys.utf8(low).elementsEqual(wanted) else { return [] }
            return Array(entities[low])
        }
    }
}
