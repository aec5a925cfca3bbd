/// A trie of phrases over word identifiers, for longest-match lookups in token sequences.
///
/// The trie's edges live in one hash table keyed by (node, word) rather than a dictionary per
/// node: the gazetteers hold tens of thousands of names, and a small dictionary per node made
/// building them most of the gazetteer's loading time.
struct PhraseTable: Sendable {
    /// Each edge's child, keyed by `edgeKey(node, word)`.
    private var children: [UInt64: Int32] = [:]
    /// The children of the root, by word (the test `hasPhrase(startingWith:)` makes for every token).
    private var firstWords: Set<Int32> = []
    /// Each node's values (node 0 is the root).
    private var values: [[Int32]] = [[]]

    /// Whether the table has no phrases.
    var isEmpty: Bool { values.count == 1 }

    @inline(__always)
    private static func edgeKey(_ node: Int, _ word: Int32) -> UInt64 { UInt64(node) << 32 | UInt64(UInt32(bitPattern: word)) }

    /// Makes room for about `count` phrases' words.
    mutating func reserveCapacity(_ count: Int) {
        children.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// Adds `value` for the phrase `words`.
    mutating func insert(_ words: [Int32], value: Int32) {
        guard !words.isEmpty, !words.contains(Vocabulary.unknown) else { return }
        var node = 0
        for word in words {
            let key = Self.edgeKey(node, word)
            if let next = children[key] {
                node = Int(next)
            } else {
                values.append([])
                let next = Int32(values.count - 1)
                children[key] = next
                if node == 0 { firstWords.insert(word) }
                node = Int(next)
            }
        }
        if !values[node].contains(value) { values[node].append(value) }
    }

    /// Calls `body` with the length and values of every phrase that starts at `start` and ends before `end`, shortest first.
    func forEachMatch(in words: [Int32], from start: Int, to end: Int, _ body: (Int, [Int32]) -> Void) {
        var node = 0
        var position = start
        while position < end {
            let word = words[position]
            guard word >= 0, let next = children[Self.edgeKey(node, word)] else { return }
            node = Int(next)
            position += 1
            if !values[node].isEmpty { body(position - start, values[node]) }
        }
    }

    /// Whether some phrase starts with the word `word` (a cheap test before `forEachMatch`).
    @inline(__always)
    func hasPhrase(startingWith word: Int32) -> Bool { word >= 0 && firstWords.contains(word) }

    /// The values of exactly the phrase `words`.
    func values(for words: [Int32]) -> [Int32] {
        var node = 0
        for word in words {
            guard word >= 0, let next = children[Self.edgeKey(node, word)] else { return [] }
            node = Int(next)
        }
        return values[node]
    }
}
