/// Mends a greedy parser's commonest mistakes about subjects and objects, which the relation
/// extractor reads first:
/// - the second of two conjoined subjects made a subject of the verb too ("Cyprus, Greece and
///   Israel visited Egypt" with "Israel" as a second `nsubj` of "visited"; "talks between Merkel
///   and Macron ended" with "Macron" as one). The parser attaches "and Israel" before it has seen
///   the verb, and a verb in Universal Dependencies has one subject, so a second subject after a
///   `cc` is a conjunct of the first;
/// - a reported clause's subject made a second subject of the speech verb ("said Clinton would meet");
/// - a subject left as the root, with its verb a `parataxis` of it ("X's president, Name, canceled");
/// - an object made a compound of the time after it ("will visit Moscow next month");
/// - a subject hung as an apposition on a fronted time ("Yesterday, Roscosmos, … announced");
/// - a relative clause hung on a verb ("the group, which comprises Brazil, …" as a `parataxis` of
///   the main verb): a clause whose subject is a relative pronoun right after a noun modifies it.
enum SubjectRepair {
    /// Re-attaches every second subject that follows a coordinating conjunction of the same head.
    static func repair(heads: inout [Int32], relations: inout [DependencyRelation], tags: [PartOfSpeech]) {
        var children: [Int: [Int]] = [:]
        for word in heads.indices where heads[word] >= 0 { children[Int(heads[word]), default: []].append(word) }
        for (head, words) in children {
            let subjects = words.filter { relations[$0] == .nsubj || relations[$0] == .nsubjPass }
            guard subjects.count > 1, let first = subjects.first else { continue }
            for second in subjects.dropFirst() where second < head {
                guard let conjunction = words.last(where: { relations[$0] == .cc && first < $0 && $0 < second }) else { continue }
                let target = firstConjunct(before: conjunction, under: first, like: tags[second], heads: heads, relations: relations, tags: tags)
                heads[second] = Int32(target)
                relations[second] = .conj
                heads[conjunction] = Int32(second)
                // A comma right before the conjunction goes with the conjunct too.
                if conjunction > 0, heads[conjunction - 1] == Int32(head), tags[conjunction - 1] == .punctuation {
                    heads[conjunction - 1] = Int32(second)
                }
            }
        }
    }

    /// Moves a reported clause's subject back into it: "The White House said Clinton would meet
    /// Yeltsin" with "Clinton" as a second subject of "said". The parser attaches the name before it
    /// has seen "would meet"; a verb that already has a subject before it, and a clausal complement
    /// without one after the name, gives the name to the complement.
    static func repairReportedSubjects(heads: inout [Int32], relations: inout [DependencyRelation]) {
        var children = [[Int]](repeating: [], count: heads.count)
        for word in heads.indices where heads[word] >= 0 { children[Int(heads[word])].append(word) }
        for (verb, words) in children.enumerated() {
            guard words.contains(where: { $0 < verb && relations[$0] == .nsubj }),
                  let second = words.first(where: { $0 > verb && relations[$0] == .nsubj }),
                  let complement = words.first(where: { $0 > second && relations[$0] == .ccomp }),
                  !children[complement].contains(where: { relations[$0].isSubject }) else { continue }
            heads[second] = Int32(complement)
        }
    }

    /// Makes a name the subject of the finite verb the parser left after it: "Mexico's president,
    /// Ernesto Zedillo, canceled a visit" parsed with "Ernesto Zedillo" as the root and "canceled",
    /// which the greedy parser never attached, as a `parataxis` of it. A root noun with neither a
    /// subject nor a copula is no clause; the subjectless verb is.
    static func repairNominalRoots(heads: inout [Int32], relations: inout [DependencyRelation], tags: [PartOfSpeech],
                                   isFiniteVerb: (Int) -> Bool) {
        guard let root = heads.firstIndex(of: -1), tags[root] == .properNoun || tags[root] == .noun else { return }
        let rootChildren = heads.indices.filter { heads[$0] == Int32(root) }
        guard !rootChildren.contains(where: { relations[$0] == .cop || relations[$0].isSubject }),
              let verb = rootChildren.first(where: { $0 > root && relations[$0] == .parataxis && tags[$0] == .verb && isFiniteVerb($0) }),
              !heads.indices.contains(where: { heads[$0] == Int32(verb) && relations[$0].isSubject }) else { return }
        heads[verb] = -1
        relations[verb] = .root
        heads[root] = Int32(verb)
        relations[root] = .nsubj
        for word in rootChildren where word > verb { heads[word] = Int32(verb) }
    }

    /// Gives back to the verb a name the parser made a compound of the time after it: "will visit
    /// Moscow next month" with "Moscow" as a compound of "month". A time noun modifying a clause
    /// takes no name as a compound; the name is the verb's object, or an oblique when it has one.
    static func repairNamesBeforeTimes(heads: inout [Int32], relations: inout [DependencyRelation], tags: [PartOfSpeech],
                                       isTimeNoun: (Int) -> Bool) {
        for time in heads.indices where heads[time] >= 0 && [.oblUnmarked, .oblTmod, .obl, .obj].contains(relations[time])
            && tags[Int(heads[time])] == .verb && (tags[time] == .noun || tags[time] == .properNoun) && isTimeNoun(time) {
            let verb = Int(heads[time])
            guard let name = heads.indices.first(where: { heads[$0] == Int32(time) && relations[$0] == .compound && tags[$0] == .properNoun }),
                  verb < name, (name + 1..<time).allSatisfy({ heads[$0] == Int32(time) && (tags[$0] == .adjective || tags[$0] == .determiner) }) else { continue }
            let hasObject = heads.indices.contains { heads[$0] == Int32(verb) && relations[$0] == .obj }
            heads[name] = Int32(verb)
            relations[name] = hasObject ? .obl : .obj
        }
    }

    /// Gives a subjectless verb the name the parser hung as an apposition on a fronted time
    /// ("Yesterday, Roscosmos, the Russian space agency, announced": "Roscosmos" in apposition to
    /// "Yesterday"): a time word has no appositions, and the verb needs its subject.
    static func repairFrontedTimes(heads: inout [Int32], relations: inout [DependencyRelation], tags: [PartOfSpeech]) {
        var children: [Int: [Int]] = [:]
        for word in heads.indices where heads[word] >= 0 { children[Int(heads[word]), default: []].append(word) }
        for (verb, words) in children where tags[verb] == .verb {
            guard !words.contains(where: { relations[$0].isSubject }) else { continue }
            for time in words where time < verb && [.oblUnmarked, .oblTmod, .obl].contains(relations[time]) && tags[time] == .noun {
                guard let name = children[time]?.first(where: { relations[$0] == .appos && $0 < verb && tags[$0] == .properNoun }) else { continue }
                heads[name] = Int32(verb)
                relations[name] = .nsubj
                break
            }
        }
    }

    /// Re-attaches a clause whose subject is "which" or "who" right after a noun (or a comma after
    /// one) as a relative clause of that noun, when the parser hung it elsewhere.
    static func repairRelativeClauses(heads: inout [Int32], relations: inout [DependencyRelation], tags: [PartOfSpeech],
                                      isRelativePronoun: (Int) -> Bool) {
        for pronoun in heads.indices where relations[pronoun] == .nsubj && heads[pronoun] > Int32(pronoun) && isRelativePronoun(pronoun) {
            let verb = Int(heads[pronoun])
            guard relations[verb] != .aclRelcl else { continue }
            var noun = pronoun - 1
            if noun >= 0 && tags[noun] == .punctuation { noun -= 1 }
            guard noun >= 0, tags[noun] == .noun || tags[noun] == .properNoun else { continue }
            // The noun's phrase head: the noun itself unless it is the last word of a name or compound.
            while [.flat, .compound].contains(relations[noun]), heads[noun] > Int32(noun), Int(heads[noun]) < pronoun { noun = Int(heads[noun]) }
            // Never under its own clause: the noun must not be inside the verb's subtree.
            guard !DependencyTree.isInSubtree(noun, of: verb, heads: heads) else { continue }
            heads[verb] = Int32(noun)
            relations[verb] = .aclRelcl
        }
    }

    /// The word the conjunct after `conjunction` joins: the nearest word of the first subject's
    /// phrase before the conjunction with the conjunct's part of speech ("Merkel" in "talks between
    /// Merkel and Macron"), or the first of the conjuncts it already heads; else the subject itself.
    private static func firstConjunct(before conjunction: Int, under subject: Int, like tag: PartOfSpeech,
                                      heads: [Int32], relations: [DependencyRelation], tags: [PartOfSpeech]) -> Int {
        var word = conjunction - 1
        while word > subject && tags[word] == .punctuation { word -= 1 }
        // The words from there up to the subject; none if that word is outside the subject's phrase.
        var chain: [Int] = []
        var current = word
        while current >= 0 && current != subject && chain.count < heads.count {
            chain.append(current)
            current = Int(heads[current])
        }
        guard current == subject else { return subject }
        chain.append(subject)
        guard var found = chain.first(where: { tags[$0] == tag }) else { return subject }
        while relations[found] == .conj, heads[found] >= 0 { found = Int(heads[found]) }
        return found
    }
}
