/// One sentence's dependency parse read for relations: each word's children, its lemma's key and
/// the token it comes from.
struct ClauseGraph {
    let parse: SentenceParse
    /// The token (in the document) each word comes from.
    let tokenOfWord: [Int]
    /// Each word's dependents, in order.
    let children: [[Int]]
    /// Each word's lemma key.
    let lemmaKeys: [UInt64]
    /// Each word's lower-cased form key.
    let formKeys: [UInt64]

    /// Reads `parse`; a word whose lemma the lexicon does not know takes the lexicon's lemma of its form.
    init(parse: SentenceParse, tokenOfWord: [Int], lexicon: RelationLexicon) {
        self.parse = parse
        self.tokenOfWord = tokenOfWord
        var children = [[Int]](repeating: [], count: parse.count)
        for (word, head) in parse.heads.enumerated() where head >= 0 { children[head].append(word) }
        self.children = children
        let formKeys = parse.words.bytes.withUnsafeBufferPointer { bytes in parse.words.ranges.map { LemmaKey.of(bytes, $0) } }
        self.formKeys = formKeys
        lemmaKeys = parse.lemmas.indices.map { word in
            lexicon.lemmaKey(lemma: LemmaKey.of(parse.lemmas[word]), form: formKeys[word], tag: parse.tags[word])
        }
    }

    var count: Int { parse.count }

    func head(_ word: Int) -> Int { parse.heads[word] }
    func relation(_ word: Int) -> DependencyRelation { parse.relations[word] }
    func tag(_ word: Int) -> PartOfSpeech { parse.tags[word] }
    func lemma(_ word: Int) -> String { parse.lemmas[word] }

    /// The dependents of `word` with relation `relation`.
    func children(of word: Int, _ relation: DependencyRelation) -> [Int] {
        children[word].filter { parse.relations[$0] == relation }
    }

    /// The dependents of `word` with any of `relations`.
    func children(of word: Int, in relations: Set<DependencyRelation>) -> [Int] {
        children[word].filter { relations.contains(parse.relations[$0]) }
    }

    /// The first dependent of `word` with relation `relation`.
    func child(of word: Int, _ relation: DependencyRelation) -> Int? {
        children[word].first { parse.relations[$0] == relation }
    }

    /// The lemma key of the preposition (`case` dependent) of a nominal, or 0; two-word prepositions
    /// ("according to", "out of") give the key of their first word.
    func preposition(of word: Int) -> UInt64 {
        guard let marker = children[word].first(where: { parse.relations[$0] == .case }) else { return 0 }
        return lemmaKeys[marker]
    }

    /// Whether `word` has a dependent whose lemma key is `key` with one of `relations`.
    func hasChild(_ word: Int, lemma key: UInt64, in relations: Set<DependencyRelation>) -> Bool {
        children[word].contains { lemmaKeys[$0] == key && relations.contains(parse.relations[$0]) }
    }

    /// The conjuncts coordinated with `word` after it ("X, Y and Z": Y and Z for X), recursively.
    func conjuncts(of word: Int) -> [Int] {
        var result: [Int] = []
        var pending = [word]
        while let next = pending.popLast() {
            for child in children[next] where parse.relations[child] == .conj {
                result.append(child)
                pending.append(child)
            }
        }
        return result.sorted()
    }

    /// Whether `word` is in the subtree of `root`.
    func isInSubtree(_ word: Int, of root: Int) -> Bool { DependencyTree.isInSubtree(word, of: root, heads: parse.heads) }

    /// The words of the subtree of `root`, in order.
    func subtree(of root: Int) -> [Int] {
        var result: [Int] = []
        var pending = [root]
        while let next = pending.popLast() {
            result.append(next)
            pending.append(contentsOf: children[next])
        }
        return result.sorted()
    }
}
