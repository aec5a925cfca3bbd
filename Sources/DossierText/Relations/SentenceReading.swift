import DossierCore

/// One sentence as the relation finder sees it: each token's entry in the relation lexicon and the
/// argument candidates, with the questions the clause patterns ask of them (is this word a verb
/// here? is this name in subject position? what comes after the verb?).
struct SentenceReading {
    let text: AnalyzedText
    let lexicon: RelationLexicon
    /// The sentence's token indices.
    let range: Range<Int>
    /// The argument candidates, in text order.
    private(set) var arguments: [ArgumentCandidate] = []
    private var wordIDs: [Int32]
    private var argumentOfToken: [Int32]
    private var isTimeToken: [Bool]

    /// Reads the sentence's tokens against the lexicon; `arguments` are added afterwards.
    init(text: AnalyzedText, lexicon: RelationLexicon, range: Range<Int>) {
        self.text = text
        self.lexicon = lexicon
        self.range = range
        var key: [UInt8] = []
        key.reserveCapacity(32)
        wordIDs = text.bytes.withUnsafeBufferPointer { bytes in
            range.map { index in
                text.tokens[index].kind == .word ? lexicon.wordID(ofToken: index, in: text, bytes: bytes, key: &key) : Vocabulary.unknown
            }
        }
        argumentOfToken = [Int32](repeating: -1, count: range.count)
        isTimeToken = [Bool](repeating: false, count: range.count)
    }

    /// Marks the tokens of a time expression ("on Sunday"), which positions are read across.
    mutating func markTime(_ tokens: Range<Int>) {
        for token in tokens where range.contains(token) { isTimeToken[token - range.lowerBound] = true }
    }

    /// Whether token `index` is part of a time expression.
    func isTime(_ index: Int) -> Bool { range.contains(index) && isTimeToken[index - range.lowerBound] }

    /// Whether any token of the sentence can signal a relation; most sentences cannot be skipped,
    /// but those that can are skipped before their arguments are read.
    var hasTrigger: Bool {
        wordIDs.contains { id in lexicon.word(id).map { $0.verb != nil || $0.noun != nil } ?? false }
    }

    /// Adds candidates that do not overlap each other (the document's mentions), in text order.
    mutating func add(mentions candidates: [ArgumentCandidate]) {
        arguments += candidates
        arguments.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        reindex()
    }

    /// Adds an argument candidate; it replaces any candidate whose tokens it overlaps.
    mutating func add(_ candidate: ArgumentCandidate) {
        let overlapping = Set(candidate.tokens.compactMap(argumentIndex(at:)))
        if !overlapping.isEmpty {
            arguments = arguments.enumerated().filter { !overlapping.contains($0.offset) }.map(\.element)
        }
        let position = arguments.firstIndex { $0.tokens.lowerBound > candidate.tokens.lowerBound } ?? arguments.endIndex
        arguments.insert(candidate, at: position)
        reindex()
    }

    private mutating func reindex() {
        for index in argumentOfToken.indices { argumentOfToken[index] = -1 }
        for (position, candidate) in arguments.enumerated() {
            for token in candidate.tokens where range.contains(token) { argumentOfToken[token - range.lowerBound] = Int32(position) }
        }
    }

    // MARK: Words

    /// What the lexicon knows about token `index`.
    func word(_ index: Int) -> RelationWord? { range.contains(index) ? lexicon.word(wordIDs[index - range.lowerBound]) : nil }

    /// The lexicon identifier of token `index`.
    func wordID(_ index: Int) -> Int32 { range.contains(index) ? wordIDs[index - range.lowerBound] : Vocabulary.unknown }

    /// The cues of token `index` (none outside the sentence).
    func cues(_ index: Int) -> RelationCue { word(index)?.cues ?? [] }

    /// The argument candidate covering token `index`.
    func argumentIndex(at index: Int) -> Int? {
        guard range.contains(index) else { return nil }
        let position = argumentOfToken[index - range.lowerBound]
        return position < 0 ? nil : Int(position)
    }

    func isPunctuation(_ index: Int) -> Bool { text.tokens[index].kind == .punctuation || text.tokens[index].kind == .symbol }
    func isQuote(_ index: Int) -> Bool { text.tokens[index].shape.contains(.quote) }
    func isPossessiveEnding(_ index: Int) -> Bool { range.contains(index) && text.tokens[index].shape.contains(.possessive) }
    func isComma(_ index: Int) -> Bool { range.contains(index) && text.token(index, is: ",") }

    /// A lower-case content word that is no adverb and no trigger verb: most often a noun or an adjective.
    func isPlainLowercaseWord(_ index: Int) -> Bool {
        isLowercaseContentWord(index) && !isAdverb(index) && word(index)?.verb == nil
    }

    /// Whether token `index` calls something off: "cancelled", or the "off" of "called off".
    func cancels(at index: Int) -> Bool {
        let cues = cues(index)
        return cues.contains(.cancel) || cues.contains(.off) && self.cues(index - 1).contains(.callVerb)
    }

    /// Whether token `index` is an adverb: a known one, or a lower-case word ending in "-ly".
    func isAdverb(_ index: Int) -> Bool {
        if cues(index).contains(.adverb) { return true }
        let token = text.tokens[index]
        guard token.kind == .word, token.bytes.count > 4, !token.shape.contains(.capitalized) else { return false }
        return text.bytes[token.bytes.upperBound - 2] == UInt8(ascii: "l") && text.bytes[token.bytes.upperBound - 1] == UInt8(ascii: "y")
    }

    /// The next token after `index` that is not a quotation mark.
    func nextIgnoringQuotes(_ index: Int) -> Int {
        var next = index + 1
        while next < range.upperBound && isQuote(next) { next += 1 }
        return next
    }

    // MARK: Triggers

    /// The trigger token `index` reads as here: a verb or a noun, whichever its neighbours suggest.
    func trigger(at index: Int) -> RelationTrigger? {
        guard argumentIndex(at: index) == nil, let word = word(index) else { return nil }
        // "U.S.-led", "Russia-backed": a compound adjective, not a verb.
        if index > range.lowerBound && !text.tokens[index].spaceBefore && text.token(index - 1, is: "-") { return nil }
        switch (word.verb, word.noun) {
        case let (verb?, noun?): return readsAsVerb(index, verb) ? verb : noun
        case let (verb?, nil): return readsAsVerb(index, verb) || verb.form != .base ? verb : nil
        case let (nil, noun?): return noun
        case (nil, nil): return nil
        }
    }

    /// Whether token `index`, which may be a verb or a noun, is a verb here ("Putin visits" vs
    /// "his visits", "a foreign visit").
    private func readsAsVerb(_ index: Int, _ verb: RelationTrigger) -> Bool {
        var previous = index - 1
        while previous >= range.lowerBound && isQuote(previous) { previous -= 1 }
        guard previous >= range.lowerBound else { return verb.form != .base }
        let cues = cues(previous)
        if cues.contains(.infinitive) || cues.intersects(RelationCue.verbGroup) || cues.contains(.personPronoun) && !cues.contains(.possessivePronoun)
            || cues.contains(.relativePronoun) || cues.contains(.coordinator) || cues.contains(.planning) && verb.form == .gerund {
            return true
        }
        if cues.contains(.determiner) || cues.contains(.possessivePronoun) || cues.contains(.plannedAdjective) || cues.contains(.preposition)
            || isPossessiveEnding(previous) || text.tokens[previous].kind == .number {
            return false
        }
        if argumentIndex(at: previous) != nil || isComma(previous) { return verb.form != .base || argumentIndex(at: previous) != nil }
        return false
    }

    /// Whether the verb trigger at `index` is in the passive ("was invited", "will be led", "a
    /// delegation led by").
    func isPassive(_ index: Int, _ trigger: RelationTrigger) -> Bool {
        guard trigger.form == .participle || trigger.form == .pastOrParticiple else { return false }
        if cues(index + 1).contains(.agent) { return true }
        var previous = index - 1
        while previous >= range.lowerBound && cues(previous).intersects([.adverb, .negation]) { previous -= 1 }
        return cues(previous).contains(.be)
    }

    // MARK: Positions

    /// Whether candidate `position` stands where a subject stands: at the start of a clause, or
    /// right before a verb when only a preposition precedes it ("with Xi praising"); not after a
    /// verb or a preposition.
    func isSubjectCandidate(_ position: Int) -> Bool {
        switch objectPosition(of: position) {
        case nil: return true
        case .afterVerb?, .afterPreposition?: return false
        case .afterClauseOpener?: return isFollowedByVerb(arguments[position].tokens.upperBound)
        }
    }

    /// Whether a verb (or an auxiliary) starts at token `index`.
    func isFollowedByVerb(_ index: Int) -> Bool {
        guard range.contains(index) else { return false }
        if cues(index).intersects([.be, .have, .auxiliary, .future, .hypothetical, .lightVerb]) { return true }
        if let trigger = trigger(at: index), !trigger.isNoun { return true }
        return false
    }

    /// What puts a candidate in object position.
    enum ObjectPosition {
        /// A verb precedes it: "visited Beijing".
        case afterVerb
        /// A preposition precedes it: "to China".
        case afterPreposition
        /// A word that may open a clause precedes it: "with Xi praising Putin", "after Turkey began".
        case afterClauseOpener
    }

    /// Whether candidate `position` follows a preposition or a verb (skipping titles, determiners
    /// and modifiers), or is coordinated with one that does; `nil` when it does not.
    func objectPosition(of position: Int) -> ObjectPosition? {
        var index = arguments[position].tokens.lowerBound - 1
        var steps = 0
        while index >= range.lowerBound && steps < 5 {
            if let other = argumentIndex(at: index) {
                return isPossessiveEnding(index + 1) ? objectPosition(of: other) : nil
            }
            let cues = cues(index)
            // A time phrase ("on Sunday") and the preposition before it say nothing about position.
            if isTime(index) {
                while index > range.lowerBound && isTime(index) { index -= 1 }
                if self.cues(index).contains(.preposition) { index -= 1 }
                steps += 1
                continue
            }
            // Coordinated names share a position; a comma coordinates only inside a list.
            let end = arguments[position].tokens.upperBound
            if cues.contains(.coordinator) || isComma(index) && (isComma(end) || self.cues(end).contains(.coordinator)) {
                guard let other = argumentIndex(at: index - 1) else { return nil }
                return objectPosition(of: personBefore(affiliation: other) ?? other)
            }
            if cues.contains(.from) && self.cues(index - 1).contains(.delegation) { return nil }
            if cues.contains(.with) || cues.contains(.preposition) && cues.contains(.clauseBoundary) { return .afterClauseOpener }
            // "of" inside a title: "Secretary of State Mike Pompeo".
            if cues.contains(.of) && index > range.lowerBound && text.tokens[index - 1].isCapitalizedWord && argumentIndex(at: index - 1) == nil
                && argumentIndex(at: index + 1) == nil
                && index + 1 < range.upperBound && text.tokens[index + 1].isCapitalizedWord {
                index -= 1
                steps += 1
                continue
            }
            if cues.contains(.preposition) { return .afterPreposition }
            if cues.contains(.lightVerb) { return .afterVerb }
            if let trigger = trigger(at: index), !trigger.isNoun { return .afterVerb }
            if cues.intersects([.be, .have, .auxiliary, .future, .clauseBoundary, .negation, .hypothetical]) { return nil }
            // "She left the UK": a word between a name or pronoun and the object is a verb.
            if isLowercaseContentWord(index) && !isAdverb(index) {
                var before = index - 1
                while before >= range.lowerBound && isAdverb(before) { before -= 1 }
                if before >= range.lowerBound && (argumentIndex(at: before) != nil || self.cues(before).contains(.personPronoun)) {
                    return .afterVerb
                }
            }
            let token = text.tokens[index]
            let skippable = token.isCapitalizedWord || cues.contains(.determiner) || isAdverb(index)
                || cues.contains(.plannedAdjective) || token.kind == .number || isPossessiveEnding(index) || isQuote(index)
                || isPlainLowercaseWord(index)
            if !skippable { return nil }
            index -= 1
            steps += 1
        }
        return nil
    }

    /// `position` and the candidates coordinated with it ("Moscow and Beijing", "Brazil, Russia,
    /// India and China"), leftwards when `leftwards`, else rightwards; in text order. A comma joins
    /// two names only inside a list that "and" or "or" closes.
    func coordinated(with position: Int, leftwards: Bool) -> [Int] {
        var result = [position]
        var current = position
        var sawCoordinator = false
        while true {
            let candidate = arguments[current]
            if leftwards {
                // "Trump and Turkish President Erdoğan": titles between "and" and the name.
                var index = skipTitles(before: candidate.tokens.lowerBound - 1)
                let isCoordinator = cues(index).contains(.coordinator)
                guard isCoordinator || isComma(index) && sawCoordinator else { break }
                sawCoordinator = sawCoordinator || isCoordinator
                index -= 1
                if isCoordinator && isComma(index) { index -= 1 }
                guard let other = argumentIndex(at: index), other < current else { break }
                let head = personBefore(affiliation: other) ?? other
                result.insert(head, at: 0)
                current = head
            } else {
                var index = candidate.tokens.upperBound
                if let affiliation = argumentIndex(at: index + 1), cues(index).contains(.of) || cues(index).contains(.from),
                   candidate.argument.kind == .person, arguments[affiliation].argument.kind == .location {
                    index = arguments[affiliation].tokens.upperBound
                }
                let hasComma = isComma(index)
                if hasComma { index += 1 }
                let isCoordinator = cues(index).contains(.coordinator)
                if isCoordinator { index += 1 }
                guard hasComma || isCoordinator else { break }
                index = skipTitles(from: index)
                guard let other = argumentIndex(at: index), other > current, arguments[other].tokens.lowerBound == index else { break }
                if !isCoordinator {
                    // "A, B" continues a list only if B is followed by another comma or "and".
                    let after = arguments[other].tokens.upperBound
                    guard isComma(after) || cues(after).contains(.coordinator) else { break }
                }
                result.append(other)
                current = other
            }
        }
        return result
    }

    /// "Buhari of Nigeria": the person a place after "of"/"from" belongs to.
    func personBefore(affiliation position: Int) -> Int? {
        let start = arguments[position].tokens.lowerBound
        guard arguments[position].argument.kind == .location, cues(start - 1).contains(.of) || cues(start - 1).contains(.from),
              let person = argumentIndex(at: start - 2), arguments[person].argument.kind == .person else { return nil }
        return person
    }

    /// The index before the capitalised title words (and a country naming them) that end at `index`.
    private func skipTitles(before index: Int) -> Int {
        var cursor = index
        while cursor > range.lowerBound && cursor > index - 4 {
            if let position = argumentIndex(at: cursor), arguments[position].argument.kind == .location {
                cursor = arguments[position].tokens.lowerBound - 1
                continue
            }
            guard argumentIndex(at: cursor) == nil, text.tokens[cursor].isCapitalizedWord, cues(cursor).isEmpty else { break }
            cursor -= 1
        }
        return cursor
    }

    /// The index after the capitalised title words (and a country naming them) that start at `index`.
    private func skipTitles(from index: Int) -> Int {
        var cursor = index
        while cursor < range.upperBound && cursor < index + 4 {
            if let position = argumentIndex(at: cursor) {
                let candidate = arguments[position]
                // A country before a title ("Turkish President") is skipped; the name itself is not.
                guard candidate.argument.kind == .location, candidate.tokens.upperBound < range.upperBound,
                      text.tokens[candidate.tokens.upperBound].isCapitalizedWord, argumentIndex(at: candidate.tokens.upperBound) == nil
                else { break }
                cursor = candidate.tokens.upperBound
                continue
            }
            guard text.tokens[cursor].isCapitalizedWord, cues(cursor).isEmpty else { break }
            cursor += 1
        }
        return cursor
    }

    /// A lower-case word that is not a function word the lexicon knows ("arrest" in "arrest
    /// warrant", "opening" in "opening ceremony").
    func isLowercaseContentWord(_ index: Int) -> Bool {
        let token = text.tokens[index]
        return token.kind == .word && !token.shape.contains(.capitalized) && !token.shape.contains(.allCaps) && cues(index).isEmpty
    }
}
