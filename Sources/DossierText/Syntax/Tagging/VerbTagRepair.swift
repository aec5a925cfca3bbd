/// Mends a greedy tagger's costliest mistakes on verbs, which mislead the parser about where the
/// clause is:
/// - "have" or "be" tagged as a main verb before the participle it goes with ("China has so far
///   not condemned Russia": the tagger decides "has" before it sees "condemned" — it reads two
///   words ahead, and the participle may be four away, past adverbs and "not");
/// - a compound subject's last noun tagged as a base-form verb ("the arrest warrant", read as
///   "arrest" the noun and "warrant" the verb);
/// - a past tense tagged as a participle with no auxiliary before it, between a subject and an
///   object ("Western nations imposed sanctions": a headline's participle in the web text the
///   tagger learned from, a past tense in news).
struct VerbTagRepair: Sendable {
    private let verbClasses: Set<UInt8>
    private let adjectiveClasses: Set<UInt8>
    private let skippable: Set<UInt8>
    private let auxiliaryClass: UInt8?
    private let participleClass: UInt8?
    private let gerundClass: UInt8?
    private let pastClass: UInt8?
    private let nominalClasses: Set<UInt8>
    private let objectStartClasses: Set<UInt8>

    init(tagSet: [PartOfSpeechTagger.Tag]) {
        func classes(_ tag: PartOfSpeech) -> Set<UInt8> { Set(tagSet.indices.filter { tagSet[$0].universal == tag }.map { UInt8($0) }) }
        func first(_ tag: PartOfSpeech, _ treebank: String) -> UInt8? {
            tagSet.firstIndex { $0.universal == tag && $0.treebank == treebank }.map(UInt8.init) ?? tagSet.firstIndex { $0.universal == tag }.map(UInt8.init)
        }
        verbClasses = classes(.verb)
        adjectiveClasses = classes(.adjective)
        skippable = classes(.adverb).union(classes(.particle))
        auxiliaryClass = tagSet.firstIndex { $0.universal == .auxiliary }.map(UInt8.init)
        participleClass = first(.verb, "VBN")
        gerundClass = first(.verb, "VBG")
        pastClass = first(.verb, "VBD")
        // Possessives ("his planned visit") are no subjects.
        nominalClasses = classes(.noun).union(classes(.properNoun)).union(classes(.pronoun))
            .filter { !["PRP$", "WP$", "POS"].contains(tagSet[Int($0)].treebank) }
        objectStartClasses = classes(.determiner).union(classes(.noun)).union(classes(.properNoun)).union(classes(.numeral))
            .union(classes(.adjective)).union(classes(.pronoun))
        participleTreebankClasses = Set(tagSet.indices.filter { tagSet[$0].treebank == "VBN" }.map { UInt8($0) })
        baseFormClasses = Set(tagSet.indices.filter { tagSet[$0].treebank == "VB" }.map { UInt8($0) })
        singularNounClasses = Set(tagSet.indices.filter { tagSet[$0].treebank == "NN" }.map { UInt8($0) })
        commonNounClass = first(.noun, "NN")
        clauseClasses = verbClasses.union(classes(.auxiliary))
    }
    private let participleTreebankClasses: Set<UInt8>
    private let baseFormClasses: Set<UInt8>
    private let singularNounClasses: Set<UInt8>
    private let commonNounClass: UInt8?
    private let clauseClasses: Set<UInt8>

    static let have: Set<UInt64> = Set(["have", "has", "had", "having"].map(Self.key))
    static let be: Set<UInt64> = Set(["be", "is", "are", "was", "were", "been", "being", "am"].map(Self.key))

    static func key(_ word: String) -> UInt64 {
        Array(word.utf8).withUnsafeBufferPointer { FeatureKey.bytes($0, 0..<$0.count) }
    }

    /// Retags "have"/"be" + adverbs + participle as auxiliary + verb, a participle with no
    /// auxiliary between a nominal and an object as a past tense, and an unlicensed base form
    /// inside the subject as a noun, in place.
    func repair(_ classes: inout [UInt8], words: [WordKeys]) {
        guard let auxiliaryClass, let participleClass else { return }
        // "The ICC arrest warrant, issued in March": a base-form verb right after a singular common noun,
        // before any verb of the sentence, has nothing to license it (no modal, "to" or "do"); it is
        // the last noun of a compound subject.
        if let commonNounClass {
            for index in classes.indices.dropFirst() where baseFormClasses.contains(classes[index]) {
                guard singularNounClasses.contains(classes[index - 1]), !classes[..<index].contains(where: clauseClasses.contains) else { break }
                classes[index] = commonNounClass
            }
        }
        if let pastClass {
            for index in classes.indices.dropFirst().dropLast() where participleTreebankClasses.contains(classes[index]) {
                guard nominalClasses.contains(classes[index - 1]), objectStartClasses.contains(classes[index + 1]) else { continue }
                let hasAuxiliary = (max(0, index - 3)..<index).contains { Self.have.contains(words[$0].form) || Self.be.contains(words[$0].form) }
                if !hasAuxiliary { classes[index] = pastClass }
            }
        }
        for index in classes.indices where verbClasses.contains(classes[index]) {
            let isHave = Self.have.contains(words[index].form), isBe = Self.be.contains(words[index].form)
            guard isHave || isBe else { continue }
            var next = index + 1
            while next < classes.count && next <= index + 4 && skippable.contains(classes[next]) { next += 1 }
            guard next > index + 1, next < classes.count else { continue }
            // Only across adverbs or "not": right after it the tagger saw the participle itself.
            let suffix2 = words[next].suffix2, suffix3 = words[next].suffix3
            let isParticiple = suffix2 == Self.ed || suffix2 == Self.en || suffix3 == Self.own
            let isGerund = suffix3 == Self.ing
            guard verbClasses.contains(classes[next]) || adjectiveClasses.contains(classes[next]) else { continue }
            if isParticiple {
                classes[index] = auxiliaryClass
                classes[next] = participleClass
            } else if isBe && isGerund, let gerundClass {
                classes[index] = auxiliaryClass
                classes[next] = gerundClass
            }
        }
    }

    private static func suffix(_ text: String) -> UInt64 {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { FeatureKey.bytes($0, 0..<$0.count) } &+ UInt64(bytes.count)
    }
    static let ed = suffix("ed"), en = suffix("en"), own = suffix("own"), ing = suffix("ing")
}
