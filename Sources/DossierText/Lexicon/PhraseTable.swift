/// A trie of phrases over word identifiers, for longest-match lookups in token sequences.
///
/// The trie is flat: its edges live in one open-addressing table keyed by (node, word), and each
/// node's values are one range of a shared list. Looking a phrase up costs one probe per word
/// and allocates nothing, and a gazetteer snapshot stores the table as four arrays
/// (``GazetteerSnapshot``). ``Builder`` makes one.
struct PhraseTable: Sendable {
    /// Each slot's edge key, `edgeKey(node, word)`; 0 marks an empty slot. At most half the slots
    /// are taken.
    private let slotKeys: [UInt64]
    /// Each slot's child node.
    private let slotChildren: [Int32]
    /// Where each node's values start in `valueList`; one more entry than there are nodes.
    let valueOffsets: [Int32]
    /// Every node's values, node after node.
    let valueList: [Int32]

    /// An empty table.
    init() {
        self.init(edgeKeys: [], edgeChildren: [], valueOffsets: [0, 0], valueList: [])!
    }

    /// The table with the given edges (distinct keys, each with its child node) and node values,
    /// as ``edges`` and ``GazetteerSnapshot`` give them; `nil` when they do not fit together.
    init?(edgeKeys: [UInt64], edgeChildren: [Int32], valueOffsets: [Int32], valueList: [Int32]) {
        let nodeCount = valueOffsets.count - 1
        guard edgeChildren.count == edgeKeys.count, nodeCount >= 1, valueOffsets.first == 0, valueOffsets.last.map(Int.init) == valueList.count,
              zip(valueOffsets, valueOffsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              edgeChildren.allSatisfy({ $0 > 0 && Int($0) < nodeCount }), !edgeKeys.contains(0) else { return nil }
        var capacity = 2
        while capacity < 2 * edgeKeys.count + 1 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity), children = [Int32](repeating: 0, count: capacity)
        for (key, child) in zip(edgeKeys, edgeChildren) {
            var slot = Self.homeSlot(of: key, mask: capacity - 1)
            while keys[slot] != 0 {
                if keys[slot] == key { return nil }
                slot = (slot + 1) & (capacity - 1)
            }
            keys[slot] = key
            children[slot] = child
        }
        slotKeys = keys
        slotChildren = children
        self.valueOffsets = valueOffsets
        self.valueList = valueList
    }

    /// Every edge, by key: what ``init(edgeKeys:edgeChildren:valueOffsets:valueList:)`` takes.
    var edges: (keys: [UInt64], children: [Int32]) {
        let sorted = zip(slotKeys, slotChildren).filter { $0.0 != 0 }.sorted { $0.0 < $1.0 }
        return (sorted.map(\.0), sorted.map(\.1))
    }

    /// Whether the table has no phrases.
    var isEmpty: Bool { valueOffsets.count == 2 }

    /// The key of the edge from `node` by `word` (never 0: nodes count from 1 in it).
    @inline(__always)
    static func edgeKey(_ node: Int, _ word: Int32) -> UInt64 { UInt64(node + 1) << 32 | UInt64(UInt32(bitPattern: word)) }

    @inline(__always)
    static func homeSlot(of key: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

    /// The child of `node` by `word`, or `nil`.
    @inline(__always)
    private func child(of node: Int, by word: Int32) -> Int? {
        let key = Self.edgeKey(node, word)
        let mask = slotKeys.count - 1
        var slot = Self.homeSlot(of: key, mask: mask)
        while true {
            let stored = slotKeys[slot]
            if stored == key { return Int(slotChildren[slot]) }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The values of `node`.
    @inline(__always)
    private func values(of node: Int) -> ArraySlice<Int32> { valueList[Int(valueOffsets[node])..<Int(valueOffsets[node + 1])] }

    /// Calls `body` with the length and values of every phrase that starts at `start` and ends before `end`, shortest first.
    func forEachMatch(in words: [Int32], from start: Int, to end: Int, _ body: (Int, ArraySlice<Int32>) -> Void) {
        var node = 0
        var position = start
        while position < end {
            let word = words[position]
            guard word >= 0, let next = child(of: node, by: word) else { return }
            node = next
            position += 1
            let found = values(of: node)
            if !found.isEmpty { body(position - start, found) }
        }
    }

    /// Whether some phrase starts with the word `word` (a cheap test before `forEachMatch`).
    @inline(__always)
    func hasPhrase(startingWith word: Int32) -> Bool { word >= 0 && child(of: 0, by: word) != nil }

    /// The values of exactly the phrase `words`.
    func values(for words: [Int32]) -> ArraySlice<Int32> {
        var node = 0
        for word in words {
            guard word >= 0, let next = child(of: node, by: word) else { return [] }
            node = next
        }
        return values(of: node)
    }

    /// Builds a ``PhraseTable`` one phrase at a time.
    struct Builder {
        private var children: [UInt64: Int32] = [:]
        private var values: [[Int32]] = [[]]

        /// A builder with room for about `count` words of phrases.
        init(capacity count: Int = 0) {
            children.reserveCapacity(count)
            values.reserveCapacity(count + 1)
        }

        /// Adds `value` for the phrase `words` (phrases with unknown words are left out).
        mutating func insert(_ words: [Int32], value: Int32) {
            guard !words.isEmpty, !words.contains(Vocabulary.unknown) else { return }
            var node = 0
            for word in words {
                let key = PhraseTable.edgeKey(node, word)
                if let next = children[key] {
                    node = Int(next)
                } else {
                    values.append([])
                    let next = Int32(values.count - 1)
                    children[key] = next
                    node = Int(next)
                }
            }
            if !values[node].contains(value) { values[node].append(value) }
        }

        /// The table.
        func build() -> PhraseTable {
            // In key order, so the same phrases always give the same arrays.
            let edges = children.sorted { $0.key < $1.key }
            var offsets: [Int32] = [0]
            offsets.reserveCapacity(values.count + 1)
            var list: [Int32] = []
            for nodeValues in values {
                list += nodeValues
                offsets.append(Int32(list.count))
            }
            return PhraseTable(edgeKeys: edges.map(\.key), edgeChildren: edges.map(\.value), valueOffsets: offsets, valueList: list)!
        }
    }
}
