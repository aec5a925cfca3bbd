/// Rows grouped by a key, stored compactly: the rows of key `k` are `rows[offsets[k]..<offsets[k + 1]]`, ascending.
package struct GroupedRows: Sendable {
    private let offsets: [Int]
    private let rows: [Int32]

    /// Groups the positions of `keys` by their value (a counting sort); every key is below `keyCount`.
    package init(keys: [Int32], keyCount: Int) {
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

    /// The rows whose key is `key`, ascending.
    package subscript(key: Int32) -> ArraySlice<Int32> {
        rows[offsets[Int(key)]..<offsets[Int(key) + 1]]
    }
}

