import DossierCore

extension ClauseReading {
    /// The relations the sentence's trigger words show.
    mutating func relations() -> [ClauseRelation] {
        var found: [ClauseRelation] = []
        // Speakers first, so "I" and "we" in what they said resolve to them.
        for word in 0..<graph.count where graph.tag(word) == .verb {
            if lexicon.verbFrames(graph.lemmaKeys[word]).contains(where: { $0.predicate == .state }),
               let speaker = arguments(at: actorWords(of: word)).first {
                arguments.speaker = speaker
                break
            }
        }
        if arguments.speaker == nil, let according = accordingTo().first { arguments.speaker = according.speaker }
        for word in 0..<graph.count {
            switch graph.tag(word) {
            case .verb:
                verbRelations(word, into: &found)
                if lexicon.clauseWord(graph.lemmaKeys[word]).contains(.appoint) { appointmentRelations(word, into: &found) }
            case .noun:
                nounRelations(word, into: &found)
            default:
                break
            }
        }
        for (speaker, content, marker) in accordingTo() {
            statement(speakers: [speaker], content: content, trigger: marker, addressee: [], into: &found)
        }
        return found
    }

    private func emit(_ predicate: RelationPredicate, actors: [RelationArgument], targets: [RelationArgument], trigger: Int,
                      into found: inout [ClauseRelation]) {
        guard !actors.isEmpty else { return }
        let reading = modality(of: trigger)
        func add(_ subject: RelationArgument, _ object: RelationArgument) {
            guard subject.name != object.name else { return }
            found.append(ClauseRelation(subject: subject, predicate: predicate, object: object, modality: reading.modality,
                                        isNegated: reading.isNegated, trigger: trigger))
        }
        if targets.isEmpty {
            // "Putin and Xi met", "the delegations of Cyprus, Greece and Israel met": every pair.
            guard RelationPredicate.symmetric.contains(predicate), actors.count > 1 else { return }
            for first in actors.indices { for second in actors.indices where second > first { add(actors[first], actors[second]) } }
            return
        }
        for actor in actors { for target in targets { add(actor, target) } }
    }

    // MARK: Verbs

    private func verbRelations(_ verb: Int, into found: inout [ClauseRelation]) {
        let frames = lexicon.verbFrames(graph.lemmaKeys[verb]).filter { hasParticle(verb, $0) }
        // A phrasal sense ("call on") wins over the plain verb when its particle is there.
        let chosen = frames.contains { $0.particle != 0 } ? frames.filter { $0.particle != 0 } : frames
        for frame in chosen {
            if frame.predicate == .state {
                // "urged Congress to act": a request is about its addressee; "told the BBC that …" is not.
                let addressee = frame.targets.object && !frame.targets.clause ? arguments(at: graph.children(of: verb, in: [.obj, .iobj])) : []
                statement(speakers: arguments(at: actorWords(of: verb)), content: content(of: verb), trigger: verb, addressee: addressee, into: &found)
                continue
            }
            var actors = arguments(at: actorWords(of: verb))
            // "with Xi Jinping praising Putin's leadership": a participle's subject is the name right
            // before it, where the parse found none.
            if actors.isEmpty, let adjacent = nameBefore(verb) { actors = [adjacent] }
            var targetWords = targetWords(of: verb, frame: frame)
            // "praising Putin's leadership" parsed apart: the name right after a verb that takes an object.
            if targetWords.isEmpty, frame.targets.object, !isPassive(verb), let next = nameAfter(verb) { targetWords = [next] }
            // "led the Russian delegation": a delegation is led as itself, not as its country.
            var targets = frame.predicate == .lead || frame.predicate == .send
                ? targetWords.flatMap { groupName(at: $0).map { [$0] } ?? arguments(at: [$0]) } : arguments(at: targetWords)
            if lexicon.clauseWord(graph.lemmaKeys[verb]).contains(.comprise) || graph.lemmaKeys[verb] == Self.comprise { swap(&actors, &targets) }
            // A verbal attack between people is criticism.
            var predicate = frame.predicate
            if predicate == .attack, graph.lemmaKeys[verb] == Self.attackKey, actors.allSatisfy({ $0.kind == .person }),
               targets.allSatisfy({ $0.kind == .person }) {
                predicate = .criticize
            }
            if predicate == .criticize, frame.targets.object, graph.lemmaKeys[verb] == Self.attackKey,
               !(actors.allSatisfy { $0.kind == .person } && targets.allSatisfy { $0.kind == .person }) {
                continue
            }
            if predicate == .host && !targets.contains(where: { $0.kind == .person || $0.kind == .event }) { continue }
            // "welcomed Netanyahu to Cairo" receives a visitor; "welcomed the decision" praises.
            if predicate == .praise, lexicon.verbFrames(graph.lemmaKeys[verb]).contains(where: { $0.predicate == .host }),
               (graph.children(of: verb, .obl) + graph.children(of: verb, .obj).flatMap { graph.children(of: $0, .nmod) })
                .contains(where: { graph.preposition(of: $0) == Self.to }) {
                continue
            }
            // "sent Holbrooke to Belgrade": the one sent, when named, is the target, not where they went.
            if predicate == .send, targets.contains(where: { $0.kind == .person }) { targets.removeAll { $0.kind == .location } }
            emit(predicate, actors: actors, targets: targets, trigger: verb, into: &found)
            if predicate == .attend { emit(.visit, actors: actors, targets: venues(of: [verb] + targetWords), trigger: verb, into: &found) }
        }
    }

    // MARK: Appointments

    /// "Parliament elected Lahoud as president", "Jiang was elected president of China", "she
    /// became chairman of IBM": the one appointed leads what the role's "of" phrase or owner names
    /// ("Lebanon's president"), else what owns the appointing body ("IBM's board named …"). Only
    /// leading roles count: a lesser appointment is no `lead`.
    private func appointmentRelations(_ verb: Int, into found: inout [ClauseRelation]) {
        let passive = isPassive(verb)
        let objects = graph.children(of: verb, .obj)
        // The role: a leader noun the verb takes as a complement, an object, or an "as" phrase.
        // ("elected Lahoud as president" with the "as" phrase hung on the object counts too.)
        let candidates = graph.children[verb] + objects.flatMap { graph.children(of: $0, .nmod) }
        let roles = candidates.filter { child in
            let relation = graph.relation(child)
            guard [.xcomp, .obj, .obl, .nmod, .advcl, .ccomp].contains(relation), lexicon.clauseWord(graph.lemmaKeys[child]).contains(.leader) else { return false }
            return (relation != .obl && relation != .nmod) || graph.preposition(of: child) == Self.asKey
        }
        guard let role = roles.first else { return }
        let holderWords: [Int]
        if passive {
            holderWords = graph.children(of: verb, .nsubjPass)
        } else if let object = objects.first(where: { $0 != role }) {
            holderWords = [object]
        } else {
            holderWords = actorWords(of: verb)
        }
        let holders = arguments(at: holderWords).filter { $0.kind == .person }
        guard !holders.isEmpty else { return }
        var led = owners(of: role)
        if led.isEmpty {
            // "sworn in as president of China" with "of China" hung on the verb.
            let phrases = graph.children(of: verb, .obl).filter { $0 > role && graph.preposition(of: $0) == SentenceArguments.of }
            led = arguments(at: phrases)
        }
        if led.isEmpty, !passive, objects.contains(where: { $0 != role }) {
            // "IBM's board named Akers chairman": the appointing body's owner.
            led = actorWords(of: verb).flatMap { owners(of: $0) + arguments(at: [$0]).filter { $0.kind == .organization || $0.kind == .location } }
        }
        emit(.lead, actors: holders, targets: led.filter { $0.kind != .person }, trigger: verb, into: &found)
    }

    /// The named things a noun phrase belongs to: its possessor, a name or demonym before it, its
    /// "of" phrase ("Lebanon's president", "the Chinese president", "president of China").
    private func owners(of word: Int) -> [RelationArgument] {
        var result: [RelationArgument] = []
        for child in graph.children[word] {
            let relation = graph.relation(child)
            let owns = relation == .nmodPoss || relation == .compound || relation == .amod
                || (relation == .nmod && graph.preposition(of: child) == SentenceArguments.of)
            guard owns else { continue }
            for argument in arguments(at: [child]) where argument.kind != .person && !result.contains(where: { $0.name == argument.name }) {
                result.append(argument)
            }
        }
        return result
    }

    /// The word right after `word` (past a determiner) when it begins a name.
    private func nameAfter(_ word: Int) -> Int? {
        var after = word + 1
        if after < graph.count && graph.tag(after) == .determiner { after += 1 }
        guard after < graph.count, arguments.mentionAt[after] != nil, after == 0 || arguments.mentionAt[after - 1]?.name != arguments.mentionAt[after]?.name else {
            return nil
        }
        return after
    }

    /// The named actor that ends right before `word` (past one adverb), if any.
    private func nameBefore(_ word: Int) -> RelationArgument? {
        var before = word - 1
        if before >= 0 && graph.tag(before) == .adverb { before -= 1 }
        guard before >= 0, let named = arguments.mentionAt[before], named.kind.canAct else { return nil }
        return named
    }

    /// "the Russian delegation": a group noun with a demonym, named as a group of its own.
    private func groupName(at word: Int) -> RelationArgument? {
        guard lexicon.clauseWord(graph.lemmaKeys[word]).contains(.group) else { return nil }
        for child in graph.children[word] where graph.relation(child) == .amod || graph.relation(child) == .compound {
            guard arguments.demonymAt[child] != nil else { continue }
            let text = graph.parse.words.form(child) + " " + graph.parse.words.form(word).lowercased()
            let start = arguments.demonymAt[child]!.span.start
            return RelationArgument(name: text, kind: .group, span: TextSpan(start: start, end: start + text.unicodeScalars.count))
        }
        return nil
    }

    /// The places an event is held ("attend the summit in Johannesburg", "attended the forum at
    /// the Kremlin", "attended the forums held in China"): attending it is visiting them.
    private func venues(of words: [Int]) -> [RelationArgument] {
        var places: [RelationArgument] = []
        // A participle modifying the event ("held in", "hosted in") says where it is too.
        let participles = words.flatMap { graph.children(of: $0, in: [.acl, .advcl]).filter { graph.tag($0) == .verb && graph.child(of: $0, .mark) == nil } }
        for word in words + participles {
            for child in graph.children[word] where graph.relation(child) == .obl || graph.relation(child) == .nmod {
                let preposition = graph.preposition(of: child)
                guard preposition == Self.inKey || preposition == Self.atKey else { continue }
                for place in arguments(at: [child]) where place.kind == .location && !places.contains(where: { $0.name == place.name }) {
                    places.append(place)
                }
            }
        }
        return places
    }

    /// The clause a speech verb reports: its clausal complement, or the clause it is set into
    /// ("…, the Kremlin said"), or its quoted parataxis.
    private func content(of verb: Int) -> Int? {
        if let complement = graph.child(of: verb, .ccomp) ?? graph.child(of: verb, .xcomp) { return complement }
        if graph.relation(verb) == .parataxis, graph.head(verb) >= 0 { return graph.head(verb) }
        return graph.child(of: verb, .parataxis)
    }

    /// "according to Tass": the speaker, the clause the phrase is attached to (its verb, though
    /// the parse may hang the phrase on a noun of it) and the word "according".
    private func accordingTo() -> [(speaker: RelationArgument, content: Int, marker: Int)] {
        var result: [(RelationArgument, Int, Int)] = []
        for word in 0..<graph.count where graph.formKeys[word] == Self.according {
            // "according" is the case marker of the source, with "to" as its fixed second word.
            guard let source = accordingSource(of: word) else { continue }
            var clause = graph.head(source)
            while clause >= 0 && graph.tag(clause) != .verb && graph.tag(clause) != .auxiliary && graph.head(clause) >= 0 { clause = graph.head(clause) }
            guard clause >= 0 else { continue }
            for speaker in arguments(at: [source]) { result.append((speaker, clause, word)) }
        }
        return result
    }

    /// The head word of the source an "according" introduces ("according to Reuters").
    private func accordingSource(of according: Int) -> Int? {
        var source = graph.head(according)
        guard source >= 0 else { return nil }
        // "According to Texas Governor Greg Abbott": the parse may hang "according" on the title; the
        // name the title comes before is the source.
        while !arguments.isNamed(source), [.compound, .nmodDesc, .flat].contains(graph.relation(source)), graph.head(source) > source,
              !((source + 1)..<graph.head(source)).contains(where: { graph.tag($0) == .punctuation }) {
            source = graph.head(source)
        }
        return source
    }

    /// A statement: the speaker states about the main named actor of what was said — the
    /// subject of the reported clause, else the first other entity the statement names — or
    /// about the addressee of a request ("urged Congress to …").
    ///
    /// The first entity is looked for after the speech verb ("X said …") or before it when the
    /// statement comes first ("…, X said"), leaving out the speech verb's own phrases (its subject,
    /// "told reporters in Moscow"): a greedy parse often hangs the reported clause's subject on the
    /// speech verb ("reported Leonov … will be buried"), and words keep their order.
    private func statement(speakers: [RelationArgument], content: Int?, trigger: Int, addressee: [RelationArgument],
                           into found: inout [ClauseRelation]) {
        guard !speakers.isEmpty else { return }
        let isSpeaker = { (name: String) in speakers.contains { $0.name == name } }
        var objects: [RelationArgument] = []
        if let content {
            var subjectWords = graph.children(of: content, in: [.nsubj, .nsubjPass, .nsubjOuter, .csubj])
            if subjectWords.isEmpty { subjectWords = actorWords(of: content) }
            objects = arguments(at: subjectWords).filter { !isSpeaker($0.name) }
        }
        if objects.isEmpty {
            var own = Set([trigger])
            for child in graph.children[trigger] {
                let relation = graph.relation(child)
                // "announced the death of X", "spoke about X": an "of" or "about" phrase the parse hung on the speech verb is
                // what was said, not where or when.
                let isContent = relation == .obl && Self.contentPrepositions.contains(graph.preposition(of: child))
                let isOwn = relation.isSubject || (relation == .obl && !isContent) || relation == .oblTmod || relation == .advmod || relation == .iobj
                    || relation == .punct || relation == .aux || relation == .mark
                    || (relation == .obj && (!addressee.isEmpty || lexicon.verbFrames(graph.lemmaKeys[trigger]).contains { $0.predicate == .state && $0.targets.object }))
                if isOwn { own.formUnion(graph.subtree(of: child)) }
            }
            // "According to Connecticut Senator Richard Blumenthal, …", "according to Windsor Locks' first selectman, Chris
            // Kervick, …": the source's own name and title are not what it said. Only the words up to the source, and the
            // name in apposition to a title: a greedy parse also hangs the reported clause's subject on a named source
            // ("According to CNN, Turkey has …").
            if graph.formKeys[trigger] == Self.according, let source = accordingSource(of: trigger), source > trigger {
                var end = source
                for child in graph.children[source].sorted() where child > source {
                    let relation = graph.relation(child)
                    // A name goes on without a comma; a comma opens an apposition, or the next clause.
                    guard (relation == .flat && child == end + 1) || (relation == .appos && !arguments.isNamed(source)) else { continue }
                    end = max(end, graph.subtree(of: child).last ?? child)
                }
                own.formUnion(trigger...end)
            }
            let statementFirst = content.map { $0 < trigger } ?? false
            let words = statementFirst ? Array(0..<trigger) : Array((trigger + 1)..<graph.count)
            for word in words where !own.contains(word) {
                // A name, or a third-person pronoun for one ("reported his cause of death").
                let pronounReferent = graph.tag(word) == .pronoun ? arguments.pronoun(word, discourse: discourse) : nil
                // "… the party's leadership": a description of something the document named.
                let described = graph.tag(word) == .noun && arguments.mentionAt[word] == nil
                    ? arguments.resolve(word, lexicon: lexicon, discourse: discourse).first { !isSpeaker($0.name) } : nil
                guard let named = arguments.mentionAt[word] ?? arguments.demonymAt[word] ?? pronounReferent ?? described, !isSpeaker(named.name) else { continue }
                objects = [named]
                break
            }
        }
        if objects.isEmpty { objects = addressee }
        emit(.state, actors: speakers, targets: objects, trigger: trigger, into: &found)
    }

    // MARK: Event nouns

    private func nounRelations(_ noun: Int, into found: inout [ClauseRelation]) {
        let frames = lexicon.nounFrames(graph.lemmaKeys[noun])
        guard !frames.isEmpty else { return }
        // "in charge of the hearings" is responsibility, not an accusation.
        if graph.children(of: noun, .case).contains(where: { graph.lemmaKeys[$0] == Self.inKey }), !graph.children[noun].contains(where: { graph.relation($0) == .det }),
           frames.contains(where: { $0.predicate == .charge }) {
            return
        }
        let head = graph.head(noun)
        let headWord = head >= 0 ? lexicon.clauseWord(graph.lemmaKeys[head]) : []
        let relation = graph.relation(noun)
        let isObjectOfHead = relation == .obj || relation == .nsubjPass || (relation == .obl && graph.tag(head) == .verb)
        // "held talks with", and "canceled a planned visit to Washington": the verb's subject is the actor.
        // "arrived in Washington for talks with Clinton": what a trip is for, its traveller does.
        let isPurpose = relation == .obl && head >= 0 && graph.tag(head) == .verb && graph.preposition(of: noun) == SentenceArguments.forKey
        let supported = isPurpose || isObjectOfHead && (headWord.contains(.support) || headWord.contains(.plan) || headWord.contains(.cancel)
            || headWord.contains(.refuse))
        let undergone = isObjectOfHead && headWord.contains(.reverseSupport)
        for frame in frames {
            var actorWords: [Int] = []
            var targetWords: [Int] = []
            var compounds: [Int] = []
            var between: [Int] = []
            for child in graph.children[noun] {
                switch graph.relation(child) {
                case .nmodPoss:
                    actorWords.append(child)
                case .nmod:
                    let preposition = graph.preposition(of: child)
                    if preposition == SentenceArguments.by || (preposition == SentenceArguments.from && !frame.targets.prepositions.contains(preposition)) {
                        // "a journey from Jakarta": a place a trip starts from is no traveller.
                        if frame.predicate == .visit && preposition == SentenceArguments.from
                            && arguments(at: [child]).allSatisfy({ $0.kind == .location }) { continue }
                        actorWords.append(child)
                    } else if preposition == SentenceArguments.between {
                        between.append(child)
                    } else if frame.targets.prepositions.contains(preposition) {
                        targetWords.append(child)
                    }
                case .compound, .amod:
                    if arguments.isNamed(child) { compounds.append(child) }
                default:
                    break
                }
            }
            // "Johannesburg is one of the signatories of the Rome Statute", "X is a member of NATO":
            // a membership noun said of its subject.
            if frame.predicate == .join || frame.predicate == .lead {
                actorWords += graph.children(of: noun, .nsubj)
                if relation == .nmod, graph.preposition(of: noun) == SentenceArguments.of, head >= 0 {
                    actorWords += graph.children(of: head, .nsubj)
                }
            } else if actorWords.isEmpty, graph.child(of: noun, .cop) != nil {
                // "Bolton was a critic of Russia", "X is a partner of Y": a predicate noun is said of its subject.
                actorWords += graph.children(of: noun, .nsubj)
            }
            var actors = arguments(at: actorWords)
            var targets = arguments(at: targetWords)
            // "Putin's trip to China" with the phrase misparsed: the name right after the frame's preposition.
            if targets.isEmpty, noun + 2 < graph.count, frame.targets.prepositions.contains(graph.lemmaKeys[noun + 1]),
               graph.tag(noun + 1) == .adposition, let next = nameAfter(noun + 1) {
                targets = arguments(at: [next])
            }
            if supported || undergone {
                // "held talks with X": the target may hang from the verb.
                for child in graph.children[head] where graph.relation(child) == .obl && frame.targets.prepositions.contains(graph.preposition(of: child)) {
                    for argument in arguments(at: [child]) where !targets.contains(where: { $0.name == argument.name }) { targets.append(argument) }
                }
                let subjects = arguments(at: self.actorWords(of: head))
                if supported {
                    if actors.isEmpty { actors = subjects }
                } else if targets.isEmpty {
                    // "faced sanctions from the EU": the subject undergoes the event.
                    targets = subjects
                    let sources = graph.children[head].filter { [SentenceArguments.from, SentenceArguments.by].contains(graph.preposition(of: $0)) }
                    if actors.isEmpty { actors = arguments(at: sources) }
                }
            }
            // A name before the noun: the actor ("the ICC warrant", "US sanctions"), or the target
            // when the frame says so and no other target is named ("Iran sanctions"), or when it is
            // a person charged ("the Putin warrant").
            for argument in arguments(at: compounds) {
                let isTarget = (frame.targets.compound && targets.isEmpty && !actors.isEmpty)
                    || (frame.predicate == .charge && argument.kind == .person)
                if isTarget { targets.append(argument) } else if !actors.contains(where: { $0.name == argument.name }) { actors.append(argument) }
            }
            // "issued an arrest warrant for alleged war crimes": the warrant is for the person the
            // text is about.
            if frame.predicate == .charge, targets.isEmpty, !actors.isEmpty, let person = implicitChargeTarget(of: noun) {
                targets = [person]
            }
            if !between.isEmpty {
                // "talks between A and B": every pair (with the actor, if one is named).
                let parties = arguments(at: between)
                emit(frame.predicate, actors: actors + parties, targets: [], trigger: noun, into: &found)
                continue
            }
            emit(frame.predicate, actors: actors, targets: targets, trigger: noun, into: &found)
        }
    }

    /// Whom a charge noun without a named target is against: the person subject of the clause
    /// above it ("Putin is gearing up … since the ICC issued a warrant"), else the person last
    /// charged, else the person the text is about.
    private func implicitChargeTarget(of noun: Int) -> RelationArgument? {
        var node = graph.head(noun)
        while node >= 0 {
            for subject in graph.children(of: node, in: [.nsubj, .nsubjPass]) {
                if let person = arguments(at: [subject]).first(where: { $0.kind == .person }) { return person }
            }
            node = graph.head(node)
        }
        return discourse.chargeTarget ?? discourse.person(female: false, from: arguments.sentence) ?? discourse.person(female: true, from: arguments.sentence)
    }

    static let inKey = LemmaKey.of("in"), atKey = LemmaKey.of("at"), asKey = LemmaKey.of("as")
    static let according = LemmaKey.of("according"), comprise = LemmaKey.of("comprise"), attackKey = LemmaKey.of("attack")
}
