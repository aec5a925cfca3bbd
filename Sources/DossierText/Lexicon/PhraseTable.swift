/// A trie of phrases over word identifiers, for longest-match lookups in token sequences.
struct PhraseTable: Sendable {
    private var children: [[Int32: Int32]] = [[:]]
    private var values: [[Int32]] = [[]]

    /// Whether the table has no phrases.
    var isEmpty: Bool { children.count == 1 }

    /// Adds `value` for the phrase `words`.
    mutating func insert(_ words: [Int32], value: Int32) {
        guard !words.isEmpty, !words.contains(Vocabulary.unknown) else { return }
        var node = 0
        for word in words {
            if let next = children[node][word] {
                node = Int(next)
            } else {
                children.append([:])
                values.append([])
                let next = Int32(children.count - 1)
                children[node][word] = next
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
            guard word >= 0, let next = children[node][word] else { return }
            node = Int(next)
            position += 1
            if !values[node].isEmpty { body(position - start, values[node]) }
        }
    }

    /// Whether some phrase starts with the word `word` (a cheap test before `forEachMatch`).
    @inline(__always)
    func hasPhrase(startingWith word: Int32) -> Bool { word >= 0 && children[0][word] != nil }

    /// The values of exactly the phrase `words`.
    func values(for words: [Int32]) -> [Int32] {
        var node = 0
        for word in words {
            guard word >= 0, let next = children[node][word] else { return [] }
            node = Int(next)
        }
        return values[node]
    }
}
