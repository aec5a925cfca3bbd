import DossierCore

/// The things a sentence's words can stand for as relation arguments: the entity a mention names,
/// the country of a demonym ("Russian"), the entity a pronoun or description refers to, the
/// country behind a group noun ("the delegations of Cyprus, Greece and Israel", "Russian troops").
struct SentenceArguments {
    let graph: ClauseGraph
    let sentence: Int
    /// The mention argument of each word inside a mention.
    private(set) var mentionAt: [RelationArgument?]
    /// The country of each word that is a demonym ("Russian", "North Korean").
    private(set) var demonymAt: [RelationArgument?]
    /// The speaker of the sentence's statement or quotation, for "I", "we", "my", "our".
    var speaker: RelationArgument?
    /// The subjects that are things without a name ("The resolution passed"): an "it" after one
    /// refers to it, not to a body named in the sentences before.
    private(set) var unnamedSubjects: [Int] = []

    init(graph: ClauseGraph, sentence: Int, text: AnalyzedText, mentions: ArraySlice<Mention>, gazetteer: Gazetteer, lexicon: RelationLexicon) {
        self.graph = graph
        self.sentence = sentence
        var mentionAt = [RelationArgument?](repeating: nil, count: graph.count)
        var demonymAt = [RelationArgument?](repeating: nil, count: graph.count)
        var cursor = mentions.startIndex
        for word in 0..<graph.count {
            let token = text.tokens[graph.tokenOfWord[word]]
            while cursor < mentions.endIndex && mentions[cursor].span.end <= token.span.start { cursor += 1 }
            if cursor < mentions.endIndex, mentions[cursor].span.start <= token.span.start, token.span.end <= mentions[cursor].span.end {
                let mention = mentions[cursor]
                mentionAt[word] = RelationArgument(name: mention.entity, kind: mention.kind, span: mention.span)
            }
            let tokenIndex = graph.tokenOfWord[word]
            if mentionAt[word] == nil || mentionAt[word]?.kind == .location, token.isCapitalizedWord,
               let demonym = gazetteer.demonym(in: text.words, at: tokenIndex, before: min(text.words.count, tokenIndex + 3)) {
                demonymAt[word] = RelationArgument(name: demonym.country, kind: .location, span: token.span)
            }
        }
        self.mentionAt = mentionAt
        self.demonymAt = demonymAt
        unnamedSubjects = (0..<graph.count).filter { word in
            guard graph.relation(word) == .nsubj || graph.relation(word) == .nsubjPass, graph.tag(word) == .noun,
                  graph.parse.treebankTags[word] == "NN", mentionAt[word] == nil, demonymAt[word] == nil,
                  Self.classKinds[graph.lemmaKeys[word]] == nil else { return false }
            let clause = lexicon.clauseWord(graph.lemmaKeys[word])
            return !clause.contains(.group) && !clause.contains(.leader)
                && !graph.children[word].contains { mentionAt[$0] != nil || demonymAt[$0] != nil }
        }
    }

    /// Whether `word` lies inside a mention or is a demonym.
    func isNamed(_ word: Int) -> Bool { mentionAt[word] != nil || demonymAt[word] != nil }

    /// The arguments the nominal headed by `word` stands for, with the words coordinated with it.
    func arguments(at word: Int, lexicon: RelationLexicon, discourse: DiscourseModel) -> [RelationArgument] {
        var result: [RelationArgument] = []
        for head in [word] + graph.conjuncts(of: word) {
            for argument in resolve(head, lexicon: lexicon, discourse: discourse) where !result.contains(where: { $0.name == argument.name }) {
                result.append(argument)
            }
        }
        return result
    }

    /// The arguments of one nominal head, without its conjuncts.
    func resolve(_ word: Int, lexicon: RelationLexicon, discourse: DiscourseModel, depth: Int = 0) -> [RelationArgument] {
        guard depth < 4 else { return [] }
        if let argument = mentionAt[word] {
            // "Manhattan District Attorney Cyrus Vance" parsed as one flat name: the person the
            // title words lead up to, not the place they begin with.
            if argument.kind != .person,
               let person = graph.children(of: word, .flat).reversed().lazy.compactMap({ self.mentionAt[$0] }).first(where: { $0.kind == .person }) {
                return [person]
            }
            return [argument]
        }
        if graph.tag(word) == .pronoun || graph.tag(word) == .determiner {
            return pronoun(word, discourse: discourse).map { [$0] } ?? []
        }
        if let demonym = demonymAt[word], graph.tag(word) != .noun { return [demonym] }
        let clause = lexicon.clauseWord(graph.lemmaKeys[word])
        guard graph.tag(word) == .noun || graph.tag(word) == .properNoun else { return [] }
        // "the president, Donald Trump", "associates Mickey Hart and Bruce Hornsby", "artists such
        // as Bob Dylan": a name in apposition (or attached without a preposition) names the head.
        for child in graph.children[word] {
            let relation = graph.relation(child)
            let preposition = graph.preposition(of: child)
            // "the town of Pandeglang", "the province of Banten": a place noun names its "of" place.
            let namesPlace = relation == .nmod && preposition == Self.of && Self.placeNouns.contains(graph.lemmaKeys[word])
            guard relation == .appos || relation == .flat || namesPlace || ((relation == .nmod || relation == .nmodUnmarked)
                && (preposition == 0 || preposition == Self.such || preposition == Self.including || preposition == Self.like)) else { continue }
            let named = arguments(at: child, lexicon: lexicon, discourse: discourse)
            if !named.isEmpty { return named }
        }
        if clause.contains(.group) || clause.contains(.leader) {
            // "the delegations of Cyprus, Greece and Israel", "Israel's government", "Russian troops",
            // "the US delegation", "the delegation from Russia and China".
            var owners: [RelationArgument] = []
            for child in graph.children[word] {
                let relation = graph.relation(child)
                let preposition = graph.preposition(of: child)
                let owns = relation == .nmodPoss || relation == .compound || relation == .amod
                    || (relation == .nmod && (preposition == Self.of || preposition == Self.from))
                guard owns else { continue }
                for head in [child] + graph.conjuncts(of: child) {
                    // "its troops", "their government": the body the possessive refers to.
                    let possessive = relation == .nmodPoss && graph.tag(head) == .pronoun && Self.collective.contains(graph.formKeys[head])
                        ? pronoun(head, discourse: discourse) : nil
                    if let named = mentionAt[head] ?? demonymAt[head] ?? possessive, named.kind != .person {
                        if !owners.contains(where: { $0.name == named.name }) { owners.append(named) }
                    }
                }
            }
            if !owners.isEmpty { return owners }
        }
        // "the BRICS group", "the G20 summit": a name before a class noun names the whole phrase.
        if let kinds = Self.classKinds[graph.lemmaKeys[word]],
           let named = graph.children(of: word, .compound).lazy.compactMap({ self.mentionAt[$0] }).last,
           kinds.contains(named.kind) || named.kind == .other {
            return [named]
        }
        // "Putin's actions", "Xi's leadership": a stance or deed stands for whose it is.
        // "the bank accounts of Ferdinand Marcos": a thing owned stands for its possessor or "of" phrase.
        let ofPhrase = clause.contains(.possession) ? graph.children(of: word, .nmod).first { graph.preposition(of: $0) == Self.of } : nil
        if clause.contains(.proxy) || clause.contains(.possession), let possessor = graph.child(of: word, .nmodPoss) ?? ofPhrase {
            let owners = arguments(at: possessor, lexicon: lexicon, discourse: discourse)
            if !owners.isEmpty { return owners }
        }
        // "NATO warplanes", "Serbian positions", "Iraqi targets": things in the plural that a body
        // or country names as its own stand for it.
        if graph.parse.treebankTags[word] == "NNS" {
            for child in graph.children[word] where graph.relation(child) == .compound || graph.relation(child) == .amod {
                // "ethnic Albanian villages" belong to a people, not to Albania.
                if mentionAt[child] == nil, child > 0, graph.formKeys[child - 1] == Self.ethnic { continue }
                if let named = mentionAt[child] ?? demonymAt[child], named.kind != .person, named.kind != .event { return [named] }
            }
        }
        // "the capital Pyongyang", "Foreign Minister Sergey Lavrov" parsed apart: a name right after
        // the head noun is what it names, with the names coordinated with it ("officials Ivan
        // Petrov and Sergei Orlov").
        if word + 1 < graph.count, mentionAt[word + 1] != nil, mentionAt[word] == nil {
            return arguments(at: word + 1, lexicon: lexicon, discourse: discourse)
        }
        // "Secretary of State Madeleine Albright" with the name parsed under "of State": a person
        // named after capitalised title words ("of", "for" between them) inside the head's phrase.
        if graph.tag(word) == .properNoun {
            var next = word + 1
            while next < graph.count && next <= word + 4 && mentionAt[next] == nil
                    && (graph.tag(next) == .properNoun || graph.formKeys[next] == Self.of || graph.formKeys[next] == Self.forKey) {
                next += 1
            }
            if next < graph.count, let person = mentionAt[next], person.kind == .person, next > word + 1, graph.isInSubtree(next, of: word) {
                return [person]
            }
        }
        // "the president, Emmanuel Macron", an apposition parsed apart.
        if word + 2 < graph.count, graph.tag(word + 1) == .punctuation, graph.formKeys[word + 1] == Self.comma,
           let next = mentionAt[word + 2], next.kind == .person, lexicon.clauseWord(graph.lemmaKeys[word]).contains(.leader) {
            return [next]
        }
        // "the summit", "the court", "this agreement": the entity last named with that head word;
        // "the president", "the foreign minister": the person the document gave that title.
        if let determiner = graph.child(of: word, .det), Self.definite.contains(graph.formKeys[determiner]) {
            if let holder = discourse.holder(ofTitle: graph.lemmaKeys[word], from: sentence) { return [holder] }
            // "The Labour Party's leader … the party's leadership": a name earlier in the sentence
            // that ends with the head word comes before those of the sentences before.
            for candidate in stride(from: word - 1, through: 0, by: -1) {
                guard let named = mentionAt[candidate], named.name.split(separator: " ").last.map({ LemmaKey.of($0) }) == graph.lemmaKeys[word] else { continue }
                return [named]
            }
            if let described = discourse.described(head: graph.lemmaKeys[word], kinds: Self.classKinds[graph.lemmaKeys[word]], from: sentence) {
                return [described]
            }
        }
        return []
    }

    /// The entity a pronoun refers to: for "he" or "she" in a clause below the one whose subject is
    /// a person named earlier in the sentence ("Putin said he would go"), that person; else the
    /// most salient fitting entity of the discourse.
    func pronoun(_ word: Int, discourse: DiscourseModel) -> RelationArgument? {
        let key = graph.formKeys[word]
        let masculine = Self.masculine.contains(key), feminine = Self.feminine.contains(key)
        if masculine || feminine {
            if let named = subjectAbove(word, where: { $0.kind == .person && discourse.gender(of: $0.name).map { $0 == feminine } ?? true }) {
                return named
            }
            // "Garcia invited him": an object pronoun is not its own clause's subject (binding
            // principle B), and refers back to a person named earlier in the sentence before one
            // of the sentences before ("After Hunter retreated …, Garcia invited him").
            guard !graph.relation(word).isSubject, graph.relation(word) != .nmodPoss else {
                return discourse.person(female: feminine, from: sentence)
            }
            let coArguments = Set(clauseSubjects(of: word).compactMap { mentionAt[$0]?.name })
            for candidate in stride(from: word - 1, through: 0, by: -1) {
                guard let named = mentionAt[candidate], named.kind == .person, !coArguments.contains(named.name) else { continue }
                if let gender = discourse.gender(of: named.name), gender != feminine { continue }
                return named
            }
            return discourse.person(female: feminine, from: sentence, excluding: coArguments)
        }
        if Self.firstPerson.contains(key) { return speaker }
        if Self.collective.contains(key) {
            // "Ciena said it would buy Tellabs": the named body that is the subject of a clause
            // above the pronoun's.
            if let named = subjectAbove(word, where: { $0.kind != .person && $0.kind != .event }) { return named }
            // "The resolution passed, with 194 Republicans opposing it".
            if Self.singular.contains(key), unnamedSubjects.contains(where: { $0 < word }) { return nil }
            return discourse.collective(from: sentence)
        }
        return nil
    }

    /// The named subject, earlier in the sentence, of a clause above the one `word` is in, that
    /// `accepts` allows ("Putin said he would go", "Ciena said it would buy").
    private func subjectAbove(_ word: Int, where accepts: (RelationArgument) -> Bool) -> RelationArgument? {
        let clause = graph.head(word)
        guard clause >= 0 else { return nil }
        for candidate in stride(from: word - 1, through: 0, by: -1) {
            guard let named = mentionAt[candidate] ?? demonymAt[candidate], graph.relation(candidate).isSubject,
                  graph.head(candidate) != clause, graph.isInSubtree(clause, of: graph.head(candidate)), accepts(named) else { continue }
            return named
        }
        return nil
    }

    /// The words heading the subject of the clause `word` belongs to: its verb's subjects, or for a
    /// verb conjoined without one ("met Putin and thanked him"), the first verb's.
    private func clauseSubjects(of word: Int) -> [Int] {
        var verb = graph.head(word)
        // "invited him to the meeting": a pronoun inside a phrase belongs to the verb above it.
        while verb >= 0 && graph.tag(verb) != .verb && graph.tag(verb) != .auxiliary && graph.relation(verb) != .root { verb = graph.head(verb) }
        var steps = 0
        while verb >= 0 && steps < 4 {
            steps += 1
            let subjects = graph.children(of: verb, in: [.nsubj, .nsubjPass])
            if !subjects.isEmpty || graph.relation(verb) != .conj { return subjects }
            verb = graph.head(verb)
        }
        return []
    }

    static let comma = LemmaKey.of(","), ethnic = LemmaKey.of("ethnic"), forKey = LemmaKey.of("for")
    static let such = LemmaKey.of("such"), including = LemmaKey.of("include"), like = LemmaKey.of("like")
    static let of = LemmaKey.of("of"), from = LemmaKey.of("from"), by = LemmaKey.of("by"), between = LemmaKey.of("between")
    static let masculine: Set<UInt64> = Set(["he", "him", "his", "himself"].map { LemmaKey.of($0) })
    static let feminine: Set<UInt64> = Set(["she", "her", "hers", "herself"].map { LemmaKey.of($0) })
    static let firstPerson: Set<UInt64> = Set(["i", "me", "my", "we", "us", "our"].map { LemmaKey.of($0) })
    static let collective: Set<UInt64> = Set(["it", "its", "they", "them", "their"].map { LemmaKey.of($0) })
    static let singular: Set<UInt64> = Set(["it", "its"].map { LemmaKey.of($0) })
    /// Words that refer to something named elsewhere: pronouns of every kind.
    static let referring: Set<UInt64> = masculine.union(feminine).union(firstPerson).union(collective)
    /// Nouns for places that "of" names: "the town of Pandeglang".
    static let placeNouns: Set<UInt64> = Set(["town", "city", "village", "province", "region", "state", "island", "port", "district",
                                               "county", "capital", "republic", "kingdom", "country", "emirate", "municipality"].map { LemmaKey.of($0) })
    static let definite: Set<UInt64> = Set(["the", "this", "that", "these", "those"].map { LemmaKey.of($0) })
    /// Class nouns that refer to the last entity of a kind ("the country", "the company").
    static let classKinds: [UInt64: Set<EntityKind>] = [
        LemmaKey.of("country"): [.location], LemmaKey.of("nation"): [.location], LemmaKey.of("kingdom"): [.location],
        LemmaKey.of("company"): [.organization], LemmaKey.of("firm"): [.organization], LemmaKey.of("group"): [.organization],
        LemmaKey.of("organization"): [.organization], LemmaKey.of("organisation"): [.organization],
        LemmaKey.of("bloc"): [.organization, .group], LemmaKey.of("event"): [.event], LemmaKey.of("summit"): [.event],
        LemmaKey.of("forum"): [.event], LemmaKey.of("conference"): [.event],
    ]
}
