/// Rows grouped by a key, stored compactly: the rows of key `k` are `rows[offsets[k]..<offsets[k + 1]]`.
package struct GroupedRows: Sendable {
    let offsets: Column<Int>
    let rows: Column<Int32>

    /// Groups the positions of `keys` by their value (a counting sort), ascending within each key;
    /// every key is below `keyCount`.
    package init(keys: some Collection<Int32>, keyCount: Int) {
        var offsets = Array(repeating: 0, count: keyCount + 1)
        for key in keys { offsets[Int(key) + 1] += 1 }
        for key in 0..<keyCount { offsets[key + 1] += offsets[key] }
        var next = offsets
        var rows = Array(repeating: Int32(0), count: keys.count)
        for (row, key) in keys.enumerated() {
            rows[next[Int(key)]] = Int32(row)
            next[Int(key)] += 1
        }
        self.init(offsets: Column(offsets), rows: Column(rows))
    }

    /// Groups the rows of `earlier`'s keys followed by those of `keys`, which are numbered on
    /// after `earlier`'s, when it is given.
    init(keys: Column<Int32>, after earlier: Column<Int32>?, keyCount: Int) {
        self.init(keys: JoinedColumn(earlier ?? Column(), keys), keyCount: keyCount)
    }

    /// One group per list, in order.
    package init(lists: [[Int32]]) {
        var offsets = [0]
        offsets.reserveCapacity(lists.count + 1)
        for list in lists { offsets.append(offsets.last! + list.count) }
        self.init(offsets: Column(offsets), rows: Column(lists.flatMap { $0 }))
    }

    init(offsets: Column<Int>, rows: Column<Int32>) {
        self.offsets = offsets
        self.rows = rows
    }

    /// The number of keys.
    package var keyCount: Int { Swift.max(0, offsets.count - 1) }

    /// The rows whose key is `key`.
    package subscript(key: Int32) -> Slice<Column<Int32>> {
        let start = offsets[Int(key)], end = offsets[Int(key) + 1]
        precondition(start >= 0 && start <= end && end <= rows.count, "grouped rows out of range")
        return rows[start..<end]
    }

    /// The rows whose key is `key`.
    package subscript(key: Int) -> Slice<Column<Int32>> { self[Int32(key)] }
}
