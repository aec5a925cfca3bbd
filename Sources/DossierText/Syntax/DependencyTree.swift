/// Walks over a dependency tree given as each word's head (-1 for the root).
enum DependencyTree {
    /// Whether `word` is `root` or lies below it; a malformed tree with a cycle ends the walk.
    static func isInSubtree<Head: BinaryInteger>(_ word: Int, of root: Int, heads: [Head]) -> Bool {
        var current = word, steps = 0
        while current >= 0 && steps <= heads.count {
            if current == root { return true }
            current = Int(heads[current])
            steps += 1
        }
        return false
    }
}
