import DossierCore

/// A relation read off one trigger word of a parsed sentence, before its time is settled.
struct ClauseRelation {
    var subject: RelationArgument
    var predicate: RelationPredicate
    var object: RelationArgument
    var modality: Modality
    var isNegated: Bool
    /// The trigger word.
    var trigger: Int
}

/// Reads relations off one parsed sentence with frame rules: each trigger word's subject, object and
/// oblique arguments by preposition, passive agents, subjects shared across conjoined verbs and
/// inherited down `xcomp`, `advcl` and relative clauses, event nouns with their possessor and
/// support verb, and modality and negation from the clause's auxiliaries and governing verbs.
struct ClauseReading {
    let graph: ClauseGraph
    var arguments: SentenceArguments
    let lexicon: RelationLexicon
    let discourse: DiscourseModel

    // MARK: Subjects and objects

    /// Whether `verb` is passive: it has a passive subject or auxiliary, or is a past participle
    /// modifying a noun ("a delegation led by Shoigu").
    func isPassive(_ verb: Int) -> Bool {
        if graph.children[verb].contains(where: { graph.relation($0) == .nsubjPass || graph.relation($0) == .auxPass || graph.relation($0) == .csubjPass }) {
            return true
        }
        return graph.relation(verb) == .acl && graph.parse.treebankTags[verb] == "VBN"
    }

    /// The word heading the actor of `verb`: its subject, or in the passive its "by" phrase; when
    /// the verb has none, the one it shares: a conjoined verb's, the controller of an infinitive,
    /// the noun a relative or participial clause modifies, the main clause's for a participle.
    func actorWords(of verb: Int, depth: Int = 0) -> [Int] {
        guard depth < 6 else { return [] }
        if isPassive(verb) {
            // The "by" phrase, whatever label the parse gave it.
            return graph.children[verb].filter { graph.relation($0) == .oblAgent || graph.preposition(of: $0) == SentenceArguments.by }
        }
        let subjects = graph.children(of: verb, in: [.nsubj, .nsubjOuter])
        // "The party's leader, Jeremy Corbyn announced": an apposition parsed as a second subject;
        // the name is the actor.
        if let subject = subjects.first(where: { arguments.isNamed($0) }) ?? subjects.first {
            // "who visited": the relative pronoun stands for the noun the clause modifies.
            if Self.relativePronouns.contains(graph.formKeys[subject]) {
                if graph.relation(verb) == .aclRelcl { return [graph.head(verb)] }
                // A relative clause parsed as something else: the noun right before "who".
                var antecedent = subject - 1
                while antecedent >= 0 && graph.tag(antecedent) == .punctuation { antecedent -= 1 }
                if antecedent >= 0, graph.tag(antecedent).isNominal { return [antecedent] }
            }
            return [subject]
        }
        let head = graph.head(verb)
        guard head >= 0 else { return [] }
        switch graph.relation(verb) {
        case .conj:
            // "visited Beijing and met Xi": the first verb's subject (and voice).
            if graph.tag(head) == .verb || graph.tag(head) == .auxiliary || graph.tag(head) == .adjective {
                return isPassive(head) ? [] : actorWords(of: head, depth: depth + 1)
            }
            return []
        case .xcomp:
            // "invited Putin to visit": the object controls; "plans to visit": the subject does.
            if let object = graph.child(of: head, .obj) ?? graph.child(of: head, .iobj) { return [object] }
            if isPassive(head), let subject = graph.child(of: head, .nsubjPass) { return [subject] }
            return actorWords(of: head, depth: depth + 1)
        case .advcl:
            // "…, sending Lavrov in his place", "visit China to attend the forum": the main clause's
            // subject; under a passive ("was invited by Xi to visit"), the passive subject.
            guard isSharedSubjectClause(verb) else { return [] }
            if isPassive(head), let subject = graph.child(of: head, .nsubjPass) { return [subject] }
            // "dispatched Holbrooke to Belgrade to meet Milosevic": the one sent does what they are sent for.
            if lexicon.verbFrames(graph.lemmaKeys[head]).contains(where: { $0.predicate == .send }), let sent = graph.child(of: head, .obj),
               graph.children(of: verb, .mark).contains(where: { graph.lemmaKeys[$0] == Self.to }) {
                return [sent]
            }
            return actorWords(of: head, depth: depth + 1)
        case .acl:
            // "leaders attending the summit": the noun; passive participles were handled above.
            return [head]
        case .aclRelcl:
            return [head]
        default:
            return []
        }
    }

    /// The words heading the targets of `verb` under `frame`.
    func targetWords(of verb: Int, frame: RelationLexicon.Frame) -> [Int] {
        var words: [Int] = []
        let passive = isPassive(verb)
        for child in graph.children[verb] {
            switch graph.relation(child) {
            case .obj where !passive:
                guard frame.targets.object else { break }
                words.append(child)
                // "swapped prisoners with Ukraine": a target phrase the parse hung on the object (only
                // for verbs whose object is a target too: "flew fighters to Syria" moves cargo).
                for phrase in graph.children(of: child, .nmod) {
                    let preposition = graph.preposition(of: phrase)
                    if preposition != 0 && preposition != Self.of && frame.targets.prepositions.contains(preposition) { words.append(phrase) }
                }
            case .iobj where frame.targets.object || frame.targets.indirectObject:
                words.append(child)
            case .nsubjPass where frame.targets.object:
                words.append(child)
            case .obl, .oblUnmarked:
                let preposition = graph.preposition(of: child)
                if preposition != 0 && (frame.targets.prepositions.contains(preposition) || preposition == frame.particle) {
                    words.append(child)
                } else if preposition == 0 && frame.targets.object && !passive && graph.tag(child).isNominal {
                    // An object the parse labelled as an oblique ("sending Foreign Minister Sergey Lavrov").
                    words.append(child)
                }
            default:
                break
            }
        }
        // "which Putin visited": the object relative pronoun stands for the modified noun.
        if graph.relation(verb) == .aclRelcl, let relative = graph.children[verb].first(where: { Self.relativePronouns.contains(graph.formKeys[$0]) }),
           words.contains(relative) {
            words.removeAll { $0 == relative }
            words.append(graph.head(verb))
        }
        // "a delegation led by Shoigu": the modified noun is the passive participle's object.
        if passive && graph.relation(verb) == .acl && frame.targets.object { words.append(graph.head(verb)) }
        return words
    }

    /// Whether the verb takes the particle or preposition its frame needs ("call on").
    func hasParticle(_ verb: Int, _ frame: RelationLexicon.Frame) -> Bool {
        guard frame.particle != 0 else { return true }
        return graph.children[verb].contains { child in
            (graph.relation(child) == .compoundPrt && graph.lemmaKeys[child] == frame.particle)
                || ((graph.relation(child) == .obl || graph.relation(child) == .obj) && graph.preposition(of: child) == frame.particle)
        }
    }

    /// The arguments of several nominal heads.
    func arguments(at words: [Int]) -> [RelationArgument] {
        var result: [RelationArgument] = []
        for word in words {
            for argument in arguments.arguments(at: word, lexicon: lexicon, discourse: discourse)
            where !result.contains(where: { $0.name == argument.name }) {
                result.append(argument)
            }
        }
        return result
    }

    // MARK: Modality

    /// What the clause says about whether the event of `trigger` happened.
    struct ModalityReading {
        var isPlanned = false, isCanceled = false, isHypothetical = false, isReported = false, isNegated = false

        var modality: Modality {
            if isCanceled { return .canceled }
            if isHypothetical { return .hypothetical }
            if isPlanned { return .planned }
            if isReported { return .reported }
            return .asserted
        }
    }

    /// The modality and negation of the event `trigger` names, from its own auxiliaries, negation,
    /// adverbs and conditional marker, and from the verbs that govern it: plan verbs ("intends to
    /// visit", "a planned visit"), cancel verbs ("cancelled the visit", "called off"), refusals
    /// ("refused to attend", "refrained from"), threats and hedges ("reportedly", "accused of").
    func modality(of trigger: Int) -> ModalityReading {
        var reading = ModalityReading()
        var node = trigger, steps = 0
        var keepsNegation = false
        while node >= 0 && steps < 6 {
            steps += 1
            let negated = reading.isNegated
            read(node, into: &reading, isTrigger: node == trigger)
            if keepsNegation { reading.isNegated = negated }
            let head = graph.head(node)
            guard head >= 0 else { break }
            let relation = graph.relation(node)
            let headWord = lexicon.clauseWord(graph.lemmaKeys[head])
            switch relation {
            case .xcomp, .obj, .nsubjPass, .advcl, .obl, .ccomp, .csubj:
                if headWord.contains(.cancel) || (headWord.contains(.plan) && isNegatedDecision(head)) {
                    reading.isCanceled = true
                    return reading
                }
                let governs = headWord.contains(.refuse) || headWord.contains(.plan) || headWord.contains(.reported)
                    || headWord.contains(.threat) || headWord.contains(.support)
                if headWord.contains(.refuse) && relation != .ccomp { reading.isNegated.toggle() }
                let isPurpose = relation == .advcl && graph.child(of: node, .mark).map { graph.lemmaKeys[$0] == Self.to } ?? false
                if headWord.contains(.plan) && (relation == .xcomp || relation == .obj || relation == .nsubjPass || isPurpose) {
                    reading.isPlanned = true
                    // "was scheduled to visit … but decided to cancel the plan".
                    if isCalledOff(head) {
                        reading.isCanceled = true
                        return reading
                    }
                }
                if headWord.contains(.threat) && relation == .xcomp { reading.isHypothetical = true }
                if headWord.contains(.reported) && relation != .obj && relation != .nsubjPass { reading.isReported = true }
                // A reported clause keeps its own modality; other clauses inherit only from the
                // verbs that govern whether they happen, and purpose clauses from their main clause.
                if relation == .ccomp || (relation != .xcomp && !governs && !isPurpose) { return reading }
                node = head
            case .acl where headWord.contains(.plan) && graph.children(of: node, .mark).contains(where: { graph.lemmaKeys[$0] == Self.to }):
                // "IBM's plans to acquire Lotus".
                reading.isPlanned = true
                return reading
            case .conj:
                // Conjoined verbs share their auxiliaries ("will visit X and meet Y"), but not a
                // negation they are set against ("has not condemned Russia and instead criticised
                // the West", "did not attend but sent a minister").
                if graph.children[node].contains(where: { Self.contrastive.contains(graph.formKeys[$0]) }) { keepsNegation = true }
                node = head
            default:
                return reading
            }
        }
        return reading
    }

    /// Whether a plan is called off by a verb coordinated with it ("… but cancelled it", "… but
    /// decided to cancel the plan").
    private func isCalledOff(_ plan: Int) -> Bool {
        let coordinated = graph.children(of: plan, .conj) + (graph.relation(plan) == .conj && graph.head(plan) >= 0 ? [graph.head(plan)] : [])
        return coordinated.contains { verb in
            let word = lexicon.clauseWord(graph.lemmaKeys[verb])
            if word.contains(.cancel) { return true }
            return graph.children(of: verb, .xcomp).contains { lexicon.clauseWord(graph.lemmaKeys[$0]).contains(.cancel) }
        }
    }

    /// Whether an adverbial clause shares its main clause's subject: a participle ("…, sending
    /// Lavrov"), a purpose infinitive ("to attend the forum"), or one after "after", "while", "by".
    func isSharedSubjectClause(_ verb: Int) -> Bool {
        guard let mark = graph.child(of: verb, .mark) else { return true }
        return Self.participleMarks.contains(graph.lemmaKeys[mark]) || graph.lemmaKeys[mark] == Self.to
    }

    /// "decided not to attend": a plan verb whose complement is negated cancels.
    private func isNegatedDecision(_ verb: Int) -> Bool {
        guard graph.lemmaKeys[verb] == Self.decide else { return false }
        guard let complement = graph.child(of: verb, .xcomp) else { return false }
        return graph.children[complement].contains { lexicon.clauseWord(graph.lemmaKeys[$0]).contains(.negation) }
    }

    private func read(_ node: Int, into reading: inout ModalityReading, isTrigger: Bool) {
        for child in graph.children[node] {
            let word = lexicon.clauseWord(graph.lemmaKeys[child])
            switch graph.relation(child) {
            case .aux, .auxPass:
                if word.contains(.future) { reading.isPlanned = true }
                if word.contains(.hypothetical) {
                    // "said Clinton would meet Yeltsin": reported speech's "would" is its speaker's "will".
                    if graph.formKeys[child] == Self.would && isReportedFuture(node) { reading.isPlanned = true } else { reading.isHypothetical = true }
                }
                if graph.formKeys[child] == Self.wont { reading.isPlanned = true; reading.isNegated.toggle() }
            case .advmod, .det:
                if word.contains(.negation) { reading.isNegated.toggle() }
                if word.contains(.reported) && graph.relation(child) == .advmod { reading.isReported = true }
            case .mark:
                if word.contains(.conditional) { reading.isHypothetical = true }
            case .amod where isTrigger:
                if word.contains(.plannedAdjective) { reading.isPlanned = true }
                if word.contains(.hypotheticalAdjective) {
                    if word.contains(.reported) || graph.lemmaKeys[child] == Self.alleged { reading.isReported = true } else { reading.isHypothetical = true }
                }
            case .aclRelcl where isTrigger:
                // "Trump's planned trip to Warsaw, which was cancelled".
                if lexicon.clauseWord(graph.lemmaKeys[child]).contains(.cancel) { reading.isCanceled = true }
            default:
                break
            }
        }
        // "Russia to visit North Korea": a headline's infinitive is planned.
        if isTrigger, graph.relation(node) == .root, graph.children(of: node, .mark).contains(where: { graph.lemmaKeys[$0] == Self.to }) {
            reading.isPlanned = true
        }
        // "is to visit", "is due to attend": a copula-governed infinitive is planned.
        if isTrigger, graph.relation(node) == .xcomp, let head = Optional(graph.head(node)), head >= 0,
           graph.lemmaKeys[head] == Self.be {
            reading.isPlanned = true
        }
    }

    /// Whether `clause` is what a speech verb reports ("said … would"), with no condition on it
    /// ("would … if").
    private func isReportedFuture(_ clause: Int) -> Bool {
        guard graph.relation(clause) == .ccomp, graph.head(clause) >= 0,
              lexicon.verbFrames(graph.lemmaKeys[graph.head(clause)]).contains(where: { $0.predicate == .state }) else { return false }
        let conditions = graph.children(of: clause, .mark) + graph.children(of: clause, .advcl).flatMap { graph.children(of: $0, .mark) }
        return !conditions.contains { lexicon.clauseWord(graph.lemmaKeys[$0]).contains(.conditional) }
    }

    static let would = LemmaKey.of("would")
    static let contrastive: Set<UInt64> = Set(["but", "instead", "rather", "yet"].map { LemmaKey.of($0) })
    static let relativePronouns: Set<UInt64> = Set(["who", "which", "that", "whom", "whose"].map { LemmaKey.of($0) })
    static let participleMarks: Set<UInt64> = Set(["after", "before", "while", "when", "by", "since", "upon", "on", "from", "without", "for"].map { LemmaKey.of($0) })
    static let to = LemmaKey.of("to")
    static let of = LemmaKey.of("of")
    static let contentPrepositions: Set<UInt64> = [of, LemmaKey.of("about")]
    static let decide = LemmaKey.of("decide"), be = LemmaKey.of("be"), wont = LemmaKey.of("wo"), alleged = LemmaKey.of("alleged")
}
