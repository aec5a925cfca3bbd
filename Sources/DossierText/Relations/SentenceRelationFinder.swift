import DossierCore

/// Finds the relations of one sentence with clause patterns: active and passive verbs ("Xi invited
/// Putin", "Putin was invited by Xi"), nominal forms ("Putin's visit to China", "an arrest warrant
/// for Putin"), coordination, infinitive chains ("intends to visit China … to attend"), relative
/// clauses and reported speech ("…, the Kremlin confirmed").
struct SentenceRelationFinder {
    var reading: SentenceReading
    /// The person a charge's object falls back to when the warrant names no one ("the arrest warrant").
    var chargeTarget: ArgumentCandidate?

    private var range: Range<Int> { reading.range }

    /// The relations of the sentence, before times are attached.
    func relations() -> [ClauseRelation] {
        var found: [ClauseRelation] = []
        var byTrigger: [Int: [ClauseRelation]] = [:]
        for index in range {
            guard let trigger = reading.trigger(at: index) else { continue }
            let relations = trigger.isNoun
                ? nominalRelations(at: index, trigger)
                : verbalRelations(at: index, trigger, earlier: byTrigger)
            byTrigger[index] = relations
            let attended = relations + attendances(after: relations)
            found += attended + impliedVisits(after: attended)
        }
        return markReportedSpeech(in: found)
    }

    // MARK: Verbs

    private func verbalRelations(at index: Int, _ trigger: RelationTrigger, earlier: [Int: [ClauseRelation]]) -> [ClauseRelation] {
        if trigger.predicate == .state { return statements(at: index) }
        var subjects: [Int]
        var objects: [Int]
        let modalityReading = modality(at: index, trigger)
        if reading.isPassive(index, trigger) {
            guard let agent = agent(after: index) else { return [] }
            subjects = reading.coordinated(with: agent, leftwards: false)
            objects = subjectsBefore(index)
        } else {
            objects = objectsAfter(index, trigger)
            subjects = subjectsBefore(index)
            // An infinitive takes its subject from the verb that governs it: the object of
            // "invite"/"send" ("invited Putin to visit"), else that verb's subject.
            if let governing = modalityReading.governingTrigger, let governed = earlier[governing]?.first {
                let objectControl: Set<RelationPredicate> = [.invite, .send]
                let controller = objectControl.contains(governed.predicate) ? governed.object : governed.subject
                return relations(at: index, trigger, subjects: [controller], objects: objects.map { reading.arguments[$0] },
                                 modalityReading: modalityReading, earlier: earlier)
            }
        }
        // "Trump and Erdoğan spoke": a symmetric predicate between coordinated subjects.
        if objects.isEmpty, subjects.count == 2, RelationPredicate.symmetric.contains(trigger.predicate) {
            return relations(at: index, trigger, subjects: [reading.arguments[subjects[0]]], objects: [reading.arguments[subjects[1]]],
                             modalityReading: modalityReading, earlier: earlier)
        }
        if trigger.isReversed { swap(&subjects, &objects) }
        return relations(at: index, trigger, subjects: subjects.map { reading.arguments[$0] },
                         objects: objects.map { reading.arguments[$0] }, modalityReading: modalityReading, earlier: earlier)
    }

    /// A relation from each subject to each object, with the modality the verb group reads, or the
    /// one an infinitive inherits from the verb governing it (`earlier` holds that verb's relations).
    private func relations(at index: Int, _ trigger: RelationTrigger, subjects: [ArgumentCandidate], objects: [ArgumentCandidate],
                           modalityReading: ModalityReading, earlier: [Int: [ClauseRelation]]) -> [ClauseRelation] {
        var modality = modalityReading.modality ?? .asserted
        if let governing = modalityReading.governingTrigger, let governed = earlier[governing]?.first, modalityReading.modality == nil {
            modality = governed.predicate == .invite || governed.predicate == .send ? .planned : governed.modality
        }
        return pairs(subjects, objects).map {
            ClauseRelation(trigger: index, predicate: trigger.predicate, subject: $0, object: $1, modality: modality,
                           isNegated: modalityReading.isNegated)
        }
    }

    /// "…, the Kremlin confirmed", "said Yuri Ushakov", "KCNA reported that …": the speaker states
    /// something about the first actor of what was said.
    private func statements(at index: Int) -> [ClauseRelation] {
        let previous = index - 1, next = index + 1
        var speakers: [Int] = []
        var said: Range<Int>
        var isFinalAttribution = false
        // "Callamard encouraged the CIA to …", "urged the embassy": the addressee is the object.
        if reading.cues(index).contains(.directive), let addressee = argument(startingNear: next) {
            return statements(at: index, speakers: subjectsBefore(index), topics: [addressee])
        }
        if (reading.isComma(previous) || range.contains(previous) && reading.isQuote(previous)), let inverted = argument(startingNear: next) {
            speakers = [personAfterTitle(inverted) ?? inverted]
            said = range.lowerBound..<previous
        } else {
            speakers = subjectsBefore(index)
            guard let first = speakers.first else { return [] }
            let speakerStart = reading.arguments[first].tokens.lowerBound
            var before = speakerStart - 1
            while range.contains(before) && reading.cues(before).contains(.determiner) { before -= 1 }
            // "…, the Kremlin confirmed": the speaker after a comma, the verb right after it (not
            // "Merkel's spokesperson, Steffen Seibert, said", an apposition).
            let speakerEnd = reading.arguments[speakers[speakers.count - 1]].tokens.upperBound
            let isAttributionAfterward = range.contains(before) && (reading.isComma(before) || reading.isQuote(before))
                && !(speakerEnd..<index).contains { reading.isComma($0) }
            let opensContent = next < range.upperBound && (reading.isComma(next) || reading.isQuote(next)
                || reading.cues(next).contains(.clauseBoundary) || reading.text.token(next, is: ":"))
            if opensContent {
                said = next..<range.upperBound
            } else if isAttributionAfterward {
                said = range.lowerBound..<before
                isFinalAttribution = !reading.isQuote(range.lowerBound)
            } else if let reported = argument(startingNear: next), reading.isFollowedByVerb(reading.arguments[reported].tokens.upperBound) {
                // "announced Benin was to join": a clause without "that".
                return statements(at: index, speakers: speakers, topics: [reported])
            } else {
                return []
            }
        }
        // The topic is the subject of what was said: a name within its first few words.
        var contentStart = said.lowerBound
        while contentStart < said.upperBound && (reading.isQuote(contentStart) || reading.cues(contentStart).contains(.clauseBoundary)) {
            contentStart += 1
        }
        guard let topic = reading.arguments.indices.first(where: { position in
            let start = reading.arguments[position].tokens.lowerBound
            return said.contains(start) && (start <= contentStart + 3 || isFinalAttribution) && !speakers.contains(position)
                && reading.arguments[position].argument.kind.canAct && (isFinalAttribution || reading.isSubjectCandidate(position))
        }) else { return [] }
        return statements(at: index, speakers: speakers, topics: reading.coordinated(with: topic, leftwards: false))
    }

    /// A `state` relation from each speaker to each topic, with the modality of the reporting verb.
    private func statements(at index: Int, speakers: [Int], topics: [Int]) -> [ClauseRelation] {
        let trigger = RelationTrigger(predicate: .state, form: .past, objectPrepositions: [])
        return relations(at: index, trigger, subjects: speakers.map { reading.arguments[$0] }, objects: topics.map { reading.arguments[$0] },
                         modalityReading: modality(at: index, trigger), earlier: [:])
    }

    // MARK: Nouns

    private func nominalRelations(at index: Int, _ trigger: RelationTrigger) -> [ClauseRelation] {
        // "a meeting between Zelensky and Trump": the two sides of a symmetric noun.
        if RelationPredicate.symmetric.contains(trigger.predicate), reading.cues(index + 1).contains(.between) {
            let sides = objectsAfter(index, trigger, onlyPrepositional: true)
            guard sides.count == 2 else { return [] }
            return relations(at: index, trigger, subjects: [reading.arguments[sides[0]]], objects: [reading.arguments[sides[1]]],
                             modalityReading: modality(at: index, trigger), earlier: [:])
        }
        let subjects = nominalSubjects(of: index)
        guard !subjects.isEmpty else { return [] }
        var objects = objectsAfter(index, trigger, onlyPrepositional: true).map { reading.arguments[$0] }
        // A warrant that names no one ("the arrest warrant") is for whoever the document's last
        // warrant was for, else for the person the sentence is about.
        if objects.isEmpty, trigger.predicate == .charge {
            if let target = chargeTarget {
                objects = [target]
            } else if let person = reading.arguments.indices.first(where: {
                reading.arguments[$0].argument.kind == .person && !subjects.contains($0) && reading.isSubjectCandidate($0)
            }) {
                objects = [reading.arguments[person]]
            }
        }
        // "China and Russia's ties": coordinated possessors of a partnership are its two sides.
        if objects.isEmpty, trigger.predicate == .cooperate, subjects.count == 2 {
            return [ClauseRelation(trigger: index, predicate: .cooperate, subject: reading.arguments[subjects[0]],
                                   object: reading.arguments[subjects[1]], modality: .asserted, isNegated: false)]
        }
        return relations(at: index, trigger, subjects: subjects.map { reading.arguments[$0] }, objects: objects,
                         modalityReading: modality(at: index, trigger), earlier: [:])
    }

    /// Who the noun's action belongs to: its possessor ("Putin's visit", "his visit"), a name
    /// modifying it ("the ICC arrest warrant"), the subject of the verb it is the object of ("the
    /// ICC issued an arrest warrant"), or the one criticised "for" it.
    private func nominalSubjects(of index: Int) -> [Int] {
        var cursor = index - 1
        var steps = 0
        while cursor >= range.lowerBound && steps < 4 {
            if reading.isPossessiveEnding(cursor), let owner = reading.argumentIndex(at: cursor - 1) {
                return reading.coordinated(with: owner, leftwards: true)
            }
            if let modifier = reading.argumentIndex(at: cursor) { return [modifier] }
            let cues = reading.cues(cursor)
            if cues.contains(.determiner) || cues.contains(.possessivePronoun) { break }
            guard reading.isLowercaseContentWord(cursor) || cues.contains(.plannedAdjective) || cues.contains(.adverb)
                || reading.text.tokens[cursor].kind == .number else { break }
            cursor -= 1
            steps += 1
        }
        // The verb governing the noun phrase.
        steps = 0
        while cursor >= range.lowerBound && steps < 4 {
            let cues = reading.cues(cursor)
            if cues.contains(.for) || reading.text.token(cursor, is: "over"), let blamed = reading.argumentIndex(at: cursor - 1) {
                return [blamed]
            }
            if cues.contains(.lightVerb) || reading.trigger(at: cursor).map({ !$0.isNoun }) == true {
                return subjectsBefore(cursor)
            }
            guard cues.contains(.determiner) || cues.contains(.plannedAdjective) || cues.contains(.adverb)
                || reading.isPlainLowercaseWord(cursor) || reading.text.tokens[cursor].kind == .number else { return [] }
            cursor -= 1
            steps += 1
        }
        return []
    }

    // MARK: Arguments

    /// The nearest candidate before `index` in subject position, with those coordinated with it.
    ///
    /// None when a common noun stands right before the verb group ("officers traveled to Canada",
    /// "his family reported"), or when a relative pronoun refers to one ("a coalition which was
    /// joined by"). An apposition between commas is skipped ("Kupec, spokeswoman for the
    /// Department of Justice, criticized").
    private func subjectsBefore(_ index: Int) -> [Int] {
        if hasCommonNounSubject(before: index) { return [] }
        var cursor = index - 1
        var commas = 0
        var insideApposition: Int?
        while cursor >= range.lowerBound {
            if reading.cues(cursor).contains(.relativePronoun) || reading.text.token(cursor, is: "which") {
                var before = cursor - 1
                if reading.isComma(before) { before -= 1 }
                // "the BRICS group, which": a name before the head noun of the antecedent.
                if reading.argumentIndex(at: before) == nil && reading.isLowercaseContentWord(before) { before -= 1 }
                guard let antecedent = reading.argumentIndex(at: before) else { return [] }
                return reading.coordinated(with: antecedent, leftwards: true)
            }
            // "She … returned": a pronoun no one was found for is still the subject.
            if reading.cues(cursor).contains(.personPronoun) && !reading.cues(cursor).contains(.possessivePronoun)
                && reading.argumentIndex(at: cursor) == nil {
                return []
            }
            if reading.isComma(cursor) {
                commas += 1
                if commas == 2 { insideApposition = nil }
            } else if reading.text.token(cursor, is: ";") || reading.text.token(cursor, is: ":") {
                break
            }
            if let position = reading.argumentIndex(at: cursor) {
                if reading.isSubjectCandidate(position) {
                    // After one comma, a name may sit in an apposition: prefer one before the next comma.
                    if commas == 1 && insideApposition == nil && reading.arguments[position].argument.kind != .person {
                        insideApposition = position
                    } else {
                        return reading.coordinated(with: position, leftwards: true)
                    }
                }
                cursor = reading.arguments[position].tokens.lowerBound - 1
                continue
            }
            cursor -= 1
        }
        if let position = insideApposition { return reading.coordinated(with: position, leftwards: true) }
        return []
    }

    /// Whether the word before the verb group of `index` is a common noun (its subject is not a name).
    private func hasCommonNounSubject(before index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= range.lowerBound {
            let cues = reading.cues(cursor)
            if reading.isQuote(cursor) || reading.isAdverb(cursor) || cues.intersects(RelationCue.verbGroup) || cues.contains(.planning) {
                cursor -= 1
                continue
            }
            if cues.contains(.infinitive) { return false }
            return reading.argumentIndex(at: cursor) == nil && reading.isLowercaseContentWord(cursor)
        }
        return false
    }

    /// The object after the trigger: a direct object, or one the trigger's prepositions introduce
    /// ("travelled to Moscow"), or after "of" following a noun ("the opening ceremony of the
    /// Winter Olympics"); with the candidates coordinated with it.
    private func objectsAfter(_ index: Int, _ trigger: RelationTrigger, onlyPrepositional: Bool = false) -> [Int] {
        var cursor = index + 1
        var crossed: Int32?
        var steps = 0
        while cursor < range.upperBound && steps < 10 {
            if let position = reading.argumentIndex(at: cursor) {
                guard reading.arguments[position].tokens.lowerBound == cursor else { return [] }
                let allowed: Bool
                if let preposition = crossed {
                    allowed = trigger.objectPrepositions.contains(preposition)
                        || reading.cues(cursor).contains(.of) == false && isOfAfterNoun(before: cursor)
                } else {
                    allowed = !onlyPrepositional && !trigger.needsPreposition
                }
                guard allowed else { return [] }
                return reading.coordinated(with: personAfterTitle(position) ?? position, leftwards: false)
            }
            let cues = reading.cues(cursor)
            if reading.isPunctuation(cursor) && !reading.isQuote(cursor) { return [] }
            if cues.contains(.preposition) {
                if crossed != nil && !cues.contains(.of) { return [] }
                if crossed == nil || cues.contains(.of) { crossed = reading.wordID(cursor) }
                cursor += 1
                continue
            }
            if cues.contains(.clauseBoundary) || cues.intersects([.be, .have, .auxiliary, .future]) { return [] }
            if let next = reading.trigger(at: cursor), !next.isNoun { return [] }
            cursor += 1
            steps += 1
        }
        return []
    }

    /// "US Secretary of State Mike Pompeo": the person a country-and-title phrase leads to.
    private func personAfterTitle(_ position: Int) -> Int? {
        let candidate = reading.arguments[position]
        guard candidate.argument.kind == .location else { return nil }
        var cursor = candidate.tokens.upperBound
        while cursor < range.upperBound && cursor <= candidate.tokens.upperBound + 5 {
            if let person = reading.argumentIndex(at: cursor) { return reading.arguments[person].argument.kind == .person ? person : nil }
            guard reading.text.tokens[cursor].isCapitalizedWord || reading.cues(cursor).contains(.of) else { return nil }
            cursor += 1
        }
        return nil
    }

    /// Whether the last preposition crossed before `index` is an "of" that follows a noun.
    private func isOfAfterNoun(before index: Int) -> Bool {
        var cursor = index - 1
        while cursor > range.lowerBound && !reading.cues(cursor).contains(.preposition) { cursor -= 1 }
        return reading.cues(cursor).contains(.of) && reading.isPlainLowercaseWord(cursor - 1)
    }

    /// The candidate after "by" following a passive verb.
    private func agent(after index: Int) -> Int? {
        var cursor = index + 1
        while cursor < range.upperBound && cursor <= index + 6 {
            if reading.cues(cursor).contains(.agent) { return argument(startingNear: cursor + 1) }
            if reading.isPunctuation(cursor) || reading.cues(cursor).contains(.clauseBoundary) { return nil }
            cursor += 1
        }
        return nil
    }

    /// The first candidate starting at `index` or a few title or determiner words later; "members
    /// of", "leaders of" lead to the body they belong to.
    private func argument(startingNear index: Int) -> Int? {
        var cursor = index
        while cursor < range.upperBound && cursor <= index + 4 {
            if let position = reading.argumentIndex(at: cursor) { return position }
            let token = reading.text.tokens[cursor]
            let isMembersOf = reading.isLowercaseContentWord(cursor) && reading.cues(cursor + 1).contains(.of)
            if isMembersOf {
                cursor += 2
                continue
            }
            guard token.isCapitalizedWord || reading.cues(cursor).contains(.determiner) else { return nil }
            cursor += 1
        }
        return nil
    }

    /// "visit South Africa for the BRICS summit": a visit made for an event attends it.
    private func attendances(after relations: [ClauseRelation]) -> [ClauseRelation] {
        relations.compactMap { relation in
            guard relation.predicate == .visit else { return nil }
            var cursor = relation.object.tokens.upperBound
            guard reading.cues(cursor).contains(.for) else { return nil }
            cursor += 1
            while cursor < range.upperBound && cursor <= relation.object.tokens.upperBound + 4 {
                if let position = reading.argumentIndex(at: cursor) {
                    let event = reading.arguments[position]
                    guard event.argument.kind == .event || event.argument.kind == .organization else { return nil }
                    var attendance = relation
                    attendance.predicate = .attend
                    attendance.object = event
                    return attendance
                }
                cursor += 1
            }
            return nil
        }
    }

    /// "attend the Belt and Road Forum in China", "Forums held in China": attending an event held
    /// in a place visits the place.
    private func impliedVisits(after relations: [ClauseRelation]) -> [ClauseRelation] {
        relations.compactMap { relation in
            guard relation.predicate == .attend else { return nil }
            var cursor = relation.object.tokens.upperBound
            let limit = min(range.upperBound, cursor + 3)
            while cursor < limit {
                let cues = reading.cues(cursor)
                if let position = reading.argumentIndex(at: cursor) {
                    let place = reading.arguments[position]
                    guard place.argument.kind == .location, reading.cues(cursor - 1).contains(.preposition) else { return nil }
                    var visit = relation
                    visit.predicate = .visit
                    visit.object = place
                    return visit
                }
                guard reading.text.token(cursor, is: "in") || reading.text.token(cursor, is: "held") || reading.text.token(cursor, is: "at")
                    || reading.text.token(cursor, is: "hosted") || cues.contains(.determiner) else { return nil }
                cursor += 1
            }
            return nil
        }
    }

    private func pairs(_ subjects: [ArgumentCandidate], _ objects: [ArgumentCandidate]) -> [(ArgumentCandidate, ArgumentCandidate)] {
        subjects.flatMap { subject in objects.map { (subject, $0) } }
    }

    // MARK: Modality

    /// Reads the verb group before the trigger ("will be", "is scheduled to", "did not",
    /// "canceled his planned") and what follows it in the sentence ("… but decided to cancel").
    private func modality(at index: Int, _ trigger: RelationTrigger) -> ModalityReading {
        var result = ModalityReading()
        var cursor = index - 1
        let limit = max(range.lowerBound, index - 10)
        while cursor >= limit {
            if reading.isQuote(cursor) { cursor -= 1; continue }
            if let position = reading.argumentIndex(at: cursor) {
                // A headline infinitive: "Russia to visit North Korea".
                if reading.cues(cursor + 1).contains(.infinitive) && cursor + 2 == index { result.isPlanned = true }
                let isSkipped = trigger.isNoun && reading.arguments[position].isPronoun || !reading.isSubjectCandidate(position)
                if !isSkipped { break }
                cursor = reading.arguments[position].tokens.lowerBound - 1
                continue
            }
            if reading.isPunctuation(cursor) { break }
            let cues = reading.cues(cursor)
            if let governing = reading.trigger(at: cursor), !governing.isNoun {
                if reading.cues(index - 1).contains(.infinitive) || reading.cues(cursor + 1).contains(.infinitive) {
                    result.governingTrigger = cursor
                }
                break
            }
            if cues.contains(.negation) {
                if reading.cues(cursor - 1).contains(.decision) { result.isCanceled = true } else { result.isNegated = true }
            }
            if cues.contains(.refusal) { result.isNegated = true }
            if reading.cancels(at: cursor) { result.isCanceled = true }
            if cues.contains(.future) { result.isPlanned = true }
            if cues.contains(.planning) && reading.cues(reading.nextIgnoringQuotes(cursor)).contains(.infinitive) { result.isPlanned = true }
            if cues.contains(.plannedAdjective) && trigger.isNoun { result.isPlanned = true }
            if cues.contains(.hypothetical) { result.isHypothetical = true }
            if cues.contains(.clauseBoundary) && !cues.contains(.preposition) { break }
            cursor -= 1
        }
        // "If the House votes to impeach …": a condition opening the clause.
        var clauseStart = index - 1
        while clauseStart > range.lowerBound && !reading.isComma(clauseStart) { clauseStart -= 1 }
        if (clauseStart..<index).contains(where: { reading.cues($0).contains(.hypothetical) && reading.cues($0).contains(.clauseBoundary) }) {
            result.isHypothetical = true
        }
        // "… but decided to cancel the plan", "… was later called off", "… if he lands".
        var sawContrast = false
        var passedClauseBoundary = false
        for later in (index + 1)..<max(index + 1, range.upperBound) {
            let cues = reading.cues(later)
            if cues.contains(.contrast) { sawContrast = true }
            if cues.contains(.hypothetical) && cues.contains(.clauseBoundary) && !passedClauseBoundary { result.isHypothetical = true }
            if reading.isPunctuation(later) || cues.contains(.clauseBoundary) && !cues.contains(.hypothetical) { passedClauseBoundary = true }
            if reading.cancels(at: later) && (sawContrast || reading.cues(later - 1).contains(.be)) { result.isCanceled = true }
        }
        return result
    }

    /// Marks the asserted relations of a sentence that reports a statement, or that says
    /// "according to" or "reportedly", as reported.
    private func markReportedSpeech(in relations: [ClauseRelation]) -> [ClauseRelation] {
        let hasReportingCue = range.contains { reading.cues($0).contains(.reported) }
        let hasStatement = relations.contains { $0.predicate == .state }
        return relations.map { relation in
            var relation = relation
            guard relation.predicate != .state, relation.modality == .asserted else { return relation }
            if hasReportingCue || hasStatement { relation.modality = .reported }
            return relation
        }
    }
}
