import DossierCore

/// Finds the names of one sentence for `RuleBasedEntityRecognizer`.
struct SentenceNameFinder {
    let text: AnalyzedText
    let bytes: UnsafeBufferPointer<UInt8>
    let gazetteer: Gazetteer
    let context: DocumentContext
    let range: Range<Int>
    let sentence: Int
    /// For each token, the length of the title starting there (0 when none).
    private var titleLength: [Int]
    /// Tokens that cannot be part of a name: in titles that include lower-case words.
    private var breaksNames: [Bool]
    /// Tokens already taken by a name.
    private var claimed: [Bool]
    /// Whether the sentence looks like a headline in title case.
    private let isTitleCase: Bool
    /// Whether the sentence is written in capitals ("LEICESTERSHIRE TAKE OVER AT TOP").
    private let isAllCapsHeadline: Bool
    /// Whether the sentence is a dateline: capitalised words and commas, then a date ("MILWAUKEE , Wisconsin 1996-08-29").
    private let isDateline: Bool
    private var output: [EntityCandidate] = []

    init(text: AnalyzedText, bytes: UnsafeBufferPointer<UInt8>, gazetteer: Gazetteer, context: DocumentContext, range: Range<Int>,
         sentence: Int) {
        self.text = text
        self.bytes = bytes
        self.gazetteer = gazetteer
        self.context = context
        self.range = range
        self.sentence = sentence
        titleLength = Array(repeating: 0, count: range.count)
        breaksNames = Array(repeating: false, count: range.count)
        claimed = Array(repeating: false, count: range.count)
        var words = 0, capitalized = 0, letterWords = 0, capitals = 0, lowercase = 0, capitalizedFunctionWords = 0
        var run = 0, longestRun = 0
        for index in range {
            run = text.tokens[index].isCapitalizedWord ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        for index in range where text.tokens[index].kind == .word {
            let shape = text.tokens[index].shape
            letterWords += 1
            if shape.contains(.allCaps) { capitals += 1 }
            if shape.contains(.lowercase) { lowercase += 1 }
            if shape.contains(.capitalized), gazetteer.features(text.words[index]).contains(.functionWord) { capitalizedFunctionWords += 1 }
            guard text.tokens[index].bytes.count >= 4 else { continue }
            words += 1
            if text.tokens[index].shape.contains(.capitalized) { capitalized += 1 }
        }
        isAllCapsHeadline = letterWords >= 3 && capitals * 5 >= letterWords * 4
        isDateline = range.count >= 2 && range.count <= 8 && text.tokens[range.upperBound - 1].kind == .number
            && range.dropLast().allSatisfy { text.tokens[$0].isCapitalizedWord || text.token($0, is: ",") }
        // A table row ("S. Jayasuriya c Healy b Fleming 44") has lower-case words but no capitalised "To", "In", "The".
        // A list of names ("Romania - Cosmin Contra ( 31st ) , Mihai Tararache") has no run of three capitalised words.
        isTitleCase = words >= 3 && capitalized * 4 >= words * 3 && (lowercase == 0 && longestRun >= 3 || capitalizedFunctionWords > 0)
    }

    // MARK: Token facts

    private func token(_ index: Int) -> Token { text.tokens[index] }
    private func features(_ index: Int) -> WordFeatures { gazetteer.features(text.words[index]) }
    private func slot(_ index: Int) -> Int { index - range.lowerBound }

    private func isLowercaseWord(_ index: Int) -> Bool {
        index < range.upperBound && token(index).kind == .word && token(index).shape.contains(.lowercase)
    }

    private func isCalendarName(_ index: Int) -> Bool {
        switch gazetteer.calendarWord(text.words[index]) {
        case .month, .weekday: true
        default: false
        }
    }

    /// Whether the token can be part of a capitalised name.
    private func isNameToken(_ index: Int) -> Bool {
        let token = token(index)
        return token.isCapitalizedWord && !claimed[slot(index)] && !breaksNames[slot(index)] && !isCalendarName(index)
    }

    /// Whether `index` starts the sentence or a quotation or clause inside it: only punctuation other
    /// than a comma or a closing mark comes right before it.
    private func isSentenceInitial(_ index: Int) -> Bool {
        guard index > range.lowerBound else { return true }
        let previous = token(index - 1)
        guard previous.kind == .punctuation else { return false }
        return !text.token(index - 1, is: ",") && !previous.shape.contains(.closing)
    }

    /// The head word kind of the token, and whether it was written in the plural.
    private func head(at index: Int) -> (kind: EntityKind, plural: Bool)? {
        if let kind = headKind(features(index)) { return (kind, false) }
        let byteRange = token(index).bytes
        guard byteRange.count > 3, bytes[byteRange.upperBound - 1] == UInt8(ascii: "s") else { return nil }
        var key: [UInt8] = []
        KeyNormalizer.normalize(bytes, byteRange.lowerBound..<(byteRange.upperBound - 1), into: &key)
        return headKind(gazetteer.features(gazetteer.vocabulary.id(of: key))).map { ($0, true) }
    }

    private func headKind(_ features: WordFeatures) -> EntityKind? {
        if features.contains(.organizationHead) { return .organization }
        if features.contains(.eventHead) { return .event }
        if features.contains(.locationHead) { return .location }
        if features.contains(.documentHead) { return .other }
        return nil
    }

    /// Whether every token with letters in `tokens` is written in capitals.
    private func isAllCaps(_ tokens: Range<Int>) -> Bool {
        tokens.allSatisfy { token($0).kind != .word || token($0).shape.contains(.allCaps) }
    }

    /// The best gazetteer entry for exactly `tokens`, if any.
    private func gazetteerEntry(for tokens: Range<Int>) -> GazetteerEntry? {
        var best: GazetteerEntry?
        gazetteer.forEachName(in: text.words, from: tokens.lowerBound, to: tokens.upperBound) { length, indices in
            guard length == tokens.count else { return }
            for index in indices {
                let entry = gazetteer.entry(index)
                if entry.matchesOnlyInCapitals, !isAllCaps(tokens) { continue }
                if best == nil || entry.category.priority < best!.category.priority { best = entry }
            }
        }
        return best
    }

    // MARK: Finding

    mutating func find(into result: inout [EntityCandidate]) {
        markTitles()
        if isAllCapsHeadline {
            findInHeadline()
        } else {
            findRolePhrasesAndActors()
            findLowercaseNames()
            findLowercaseAcronymDefinitions()
            for chunk in chunks() { classify(chunk) }
        }
        output.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        result.append(contentsOf: output)
    }

    private mutating func emit(_ tokens: Range<Int>, kind: EntityKind, entity: String? = nil, evidence: EntityEvidence,
                               category: GazetteerCategory? = nil, role: PersonRole? = nil) {
        let written = text.text(ofTokens: tokens)
        output.append(EntityCandidate(tokens: tokens, span: text.span(ofTokens: tokens), text: written, kind: kind,
                                      entity: entity ?? written, sentence: sentence, evidence: evidence, category: category,
                                      role: role))
        for index in tokens where range.contains(index) { claimed[slot(index)] = true }
    }

    /// Marks titles ("Foreign Minister", "Politburo member"); those with lower-case words break names.
    private mutating func markTitles() {
        var index = range.lowerBound
        while index < range.upperBound {
            guard token(index).kind == .word else { index += 1; continue }
            let length = gazetteer.titleLength(in: text.words, from: index, to: range.upperBound)
            guard length > 0 else { index += 1; continue }
            titleLength[slot(index)] = length
            let span = index..<(index + length)
            if span.contains(where: { isLowercaseWord($0) }) {
                for covered in span { breaksNames[slot(covered)] = true }
            }
            index += length
        }
    }

    /// Multi-word organisation and group names written partly in lower case ("international criminal court").
    private mutating func findLowercaseNames() {
        var index = range.lowerBound
        while index < range.upperBound {
            guard isLowercaseWord(index) || token(index).isCapitalizedWord, gazetteer.startsName(text.words[index]) else {
                index += 1
                continue
            }
            var best: (length: Int, entry: GazetteerEntry)?
            gazetteer.forEachName(in: text.words, from: index, to: range.upperBound) { length, indices in
                let tokens = index..<(index + length)
                guard tokens.contains(where: { isLowercaseWord($0) && !features($0).contains(.connector) }) else { return }
                for entryIndex in indices {
                    let entry = gazetteer.entry(entryIndex)
                    guard !entry.matchesOnlyInCapitals else { continue }
                    let allowed = entry.category == .group ? length >= 2 : (entry.category == .organization && length >= 3)
                    if allowed, best.map({ $0.length <= length }) ?? true { best = (length, entry) }
                }
            }
            if let (length, entry) = best {
                emit(index..<(index + length), kind: entry.category.entityKind ?? .other, entity: entry.canonical,
                     evidence: .gazetteer, category: entry.category)
                index += length
            } else {
                index += 1
            }
        }
    }

    /// "the federal mining authority (FMA)": a lower-case long form the gazetteer lacks, defined by its acronym.
    private mutating func findLowercaseAcronymDefinitions() {
        for open in range where open + 2 < range.upperBound && text.token(open, is: "(") && text.token(open + 2, is: ")") {
            guard isAcronym(open + 1),
                  let long = AcronymDefinition.longForm(before: open, in: text, bytes: bytes, gazetteer: gazetteer, lowerBound: range.lowerBound),
                  !long.contains(where: { claimed[slot($0)] }) else { continue }
            var start = long.lowerBound
            while start < long.upperBound - 1, features(start).contains(.functionWord) { start += 1 }  // "the"
            let kind = head(at: long.upperBound - 1)?.kind ?? .organization
            emit(start..<long.upperBound, kind: kind, entity: AcronymDefinition.canonical(start..<long.upperBound, in: text, gazetteer: gazetteer),
                 evidence: .headWord)
        }
    }

    /// Runs of capitalised tokens, joined across connectors when a head word or the gazetteer licenses it.
    private func chunks() -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard isNameToken(index) else { index += 1; continue }
            var end = index + 1
            while end < range.upperBound, isNameToken(end) { end += 1 }
            runs.append(index..<end)
            index = end
        }
        var merged: [Range<Int>] = []
        for run in runs {
            if let last = merged.last, canJoin(last, run) {
                merged[merged.count - 1] = last.lowerBound..<run.upperBound
            } else {
                merged.append(run)
            }
        }
        return merged
    }

    private func canJoin(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
        let gap = left.upperBound..<right.lowerBound
        guard (1...2).contains(gap.count), gap.allSatisfy({ isLowercaseWord($0) || token($0).kind == .punctuation && text.token($0, is: "&") })
        else { return false }
        if gap.allSatisfy({ features($0).contains(.nameParticle) }) { return true }
        guard gap.allSatisfy({ features($0).contains(.connector) }) else { return false }
        // A gazetteer name across the gap ("Bosnia and Herzegovina", "House of Commons").
        for start in left {
            var crosses = false
            gazetteer.forEachName(in: text.words, from: start, to: right.upperBound) { length, _ in
                if start + length > right.lowerBound { crosses = true }
            }
            if crosses { return true }
        }
        let joinsWithAnd = text.token(gap.lowerBound, is: "and") || text.token(gap.lowerBound, is: "&")
        if joinsWithAnd {
            // "Belt and Road Forum": the head word ends the right part, and the left part is no known name.
            return gap.count == 1 && head(at: right.upperBound - 1) != nil && head(at: left.upperBound - 1) == nil
                && gazetteerEntry(for: left) == nil
        }
        // "Bank of England", "University of Oxford": the left part ends with a head word.
        return head(at: left.upperBound - 1) != nil
    }

    // MARK: Classifying

    private mutating func classify(_ chunk: Range<Int>) {
        var start = chunk.lowerBound
        let end = chunk.upperBound
        if gazetteerEntry(for: chunk) == nil {
            while start < end, isSentenceInitial(chunk.lowerBound), features(start).contains(.functionWord) { start += 1 }
        }
        guard start < end else { return }
        classify(start..<end, modifiersOnly: false)
    }

    /// Classifies a name; with `modifiersOnly`, keeps only well-evidenced parts (the words before a title).
    private mutating func classify(_ name: Range<Int>, modifiersOnly: Bool) {
        let start = name.lowerBound, end = name.upperBound
        // "BRICS summit", "G20 summit".
        if !modifiersOnly, isLowercaseWord(end), features(end).contains(.eventCue), !claimed[slot(end)] {
            let tokens = start..<(end + 1)
            emit(tokens, kind: .event, entity: text.text(ofTokens: tokens), evidence: .headWord)
            return
        }
        if let entry = gazetteerEntry(for: name) {
            emitGazetteerName(name, entry)
            return
        }
        if name.count >= 2, let (kind, _) = head(at: end - 1) {
            // "Doris Day" is a person, not an event; the resolver merges "Forums" with "Forum".
            let isPerson = kind == .event && name.count == 2 && features(start).contains(.firstName)
            emit(name, kind: isPerson ? .person : kind, evidence: isPerson ? .firstName : .headWord)
            return
        }
        if name.count >= 2, features(start).contains(.clubPrefix), !modifiersOnly {
            emit(name, kind: .organization, evidence: .headWord)  // "Real Madrid", "Dynamo Moscow"
            return
        }
        if name.count >= 3, let kind = headBeforeConnector(in: name) {
            emit(name, kind: kind, evidence: .headWord)
            return
        }
        if let title = lastTitle(in: name) {
            if title.lowerBound > start { classify(start..<title.lowerBound, modifiersOnly: true) }
            if title.upperBound < end { classifyPerson(title.upperBound..<end, role: role(ofTitle: title)) }
            return
        }
        if let demonymLength = leadingDemonymLength(name), demonymLength < name.count {
            classify((start + demonymLength)..<end, modifiersOnly: modifiersOnly)
            return
        }
        if modifiersOnly { return }
        if name.count == 1, features(start).contains(.functionWord) { return }  // "I", "We" inside a sentence
        if start > range.lowerBound, let title = titleEnding(at: start) {
            classifyPerson(name, role: role(ofTitle: title))
            return
        }
        if hasTitleAfter(end) || hasCountryInParentheses(after: end) || hasAgeAfter(end) {
            classifyPerson(name)
            return
        }
        if name.count >= 3, features(start).contains(.notPersonName) || leadingDemonymLength(start..<(start + 1)) == 1 {
            classify((start + 1)..<end, modifiersOnly: false)  // "Republican Larry Hogan", "Democrat Chuck Schumer"
            return
        }
        // "The Master", "His Band" inside a title are no names of people.
        let mayBePerson = !name.contains { features($0).contains(.notPersonName) || token($0).shape.contains(.hasDigits) }
            && !features(start).contains(.functionWord) && !features(end - 1).contains(.functionWord)
        if name.count >= 2, mayBePerson, features(start).contains(.firstName), !isAllCaps(name),
           features(end - 1).contains(.surname) || name.count == 2 && text.words[end - 1] == Vocabulary.unknown {
            emit(name, kind: .person, evidence: .firstName)
            return
        }
        if hasOrganizationCue(around: name) {
            emit(name, kind: .organization, evidence: .headWord)
            return
        }
        if let split = acronymBoundary(in: name) {
            // "Chicago NAPM", "OSCE Chechnya": an acronym next to another name is a name of its own.
            classify(start..<split, modifiersOnly: false)
            classify(split..<end, modifiersOnly: false)
            return
        }
        if name.count == 1, head(at: start) != nil { return }  // "Court", "Parliament" alone
        if name.count == 1, token(start).shape.contains(.hyphenated), splitHyphenated(start) { return }
        let weak = isTitleCase || (name.count == 1 && isSentenceInitial(start))
        let kind = defaultKind(of: name, mayBePerson: mayBePerson, weak: weak)
        emit(name, kind: kind, evidence: weak && kind == .other ? .weak : .capitalization)
    }

    /// A name with no cue but its spelling: two or three capitalised words that could be a person's
    /// are one ("Jesper Parnevik"); one that holds a place is an organisation ("Air France",
    /// "Rotor Volgograd"); after "in" or "near" a place; in a sports report a team.
    private func defaultKind(of name: Range<Int>, mayBePerson: Bool, weak: Bool) -> EntityKind {
        // "Air France", "Rotor Volgograd", "Paris St Germain".
        let holdsPlace = name.contains { isPlaceWord($0) }
        let afterPreposition = name.lowerBound > range.lowerBound && isLowercaseWord(name.lowerBound - 1)
            && features(name.lowerBound - 1).contains(.locationPreposition)
        let atVenue = context.isSportsReport && name.lowerBound > range.lowerBound && text.token(name.lowerBound - 1, is: "at")
        if afterPreposition || atVenue, !holdsPlace, name.upperBound >= range.upperBound || !token(name.upperBound).shape.contains(.possessive) {
            return .location
        }
        if name.count >= 2, holdsPlace { return .organization }
        // An unknown acronym ("FOMC", "CFDT") mostly names an organisation.
        if name.count == 1, !weak, isAcronym(name.lowerBound) { return .organization }
        if context.isSportsReport, name.count == 1, isSpeaker(name) { return .person }  // "said Hill", "Hill told"
        if context.isSportsReport, name.count == 1 || isAllCaps(name) { return weak && !isFollowedByNumber(name) ? .other : .organization }
        let particles = name.filter { isLowercaseWord($0) }.count  // "Joost van der Westhuizen"
        if (2...3).contains(name.count - particles), mayBePerson, !weak, !isAllCaps(name) { return .person }
        return .other
    }

    /// Whether a speech verb comes right before or after the name ("said Hill", "Hill told reporters").
    private func isSpeaker(_ name: Range<Int>) -> Bool {
        let before = name.lowerBound - 1, after = name.upperBound
        return before >= range.lowerBound && isLowercaseWord(before) && features(before).contains(.speechVerb)
            || after < range.upperBound && isLowercaseWord(after) && features(after).contains(.speechVerb)
    }

    private func isPluralWord(_ index: Int) -> Bool {
        let byteRange = token(index).bytes
        return byteRange.count > 3 && bytes[byteRange.upperBound - 1] == UInt8(ascii: "s") && !token(index).shape.contains(.allCaps)
    }

    /// A capitals-only word of two to six letters without periods ("NAPM"), not a function word ("US").
    private func isAcronym(_ index: Int) -> Bool {
        let token = token(index)
        return token.kind == .word && token.shape.contains(.allCaps) && !token.shape.contains(.initialism)
            && (2...6).contains(token.bytes.count) && !features(index).contains(.functionWord)
    }

    /// Where an acronym at either end of a longer mixed-case name meets the rest of it.
    private func acronymBoundary(in name: Range<Int>) -> Int? {
        guard name.count >= 2, !isAllCaps(name) else { return nil }
        if isAcronym(name.lowerBound), !token(name.lowerBound + 1).shape.contains(.allCaps) { return name.lowerBound + 1 }
        if isAcronym(name.upperBound - 1), !token(name.upperBound - 2).shape.contains(.allCaps) { return name.upperBound - 1 }
        return nil
    }

    private func isFollowedByNumber(_ name: Range<Int>) -> Bool {
        name.upperBound < range.upperBound && token(name.upperBound).kind == .number
    }

    /// Whether the token alone is a country or city in the gazetteer.
    private func isPlaceWord(_ index: Int) -> Bool {
        guard gazetteer.startsName(text.words[index]) else { return false }
        var found = false
        gazetteer.forEachName(in: text.words, from: index, to: index + 1) { _, indices in
            found = indices.contains { gazetteer.entry($0).category.entityKind == .location && !gazetteer.entry($0).matchesOnlyInCapitals }
        }
        return found
    }

    /// Emits a gazetteer name with its kind; in a sports report a city or region that is not
    /// placed by a preposition or a dateline names a team.
    private mutating func emitGazetteerName(_ name: Range<Int>, _ entry: GazetteerEntry) {
        guard var kind = entry.category.entityKind else { return }
        if context.isSportsReport, entry.category == .city || entry.category == .region, !isPlaced(name) {
            kind = .organization
        }
        emit(name, kind: kind, entity: entry.canonical, evidence: .gazetteer, category: entry.category)
    }

    /// "in Chicago", "near Leeds", or a dateline ("LONDON 1996-08-30" alone on its line).
    private func isPlaced(_ name: Range<Int>) -> Bool {
        let before = name.lowerBound - 1
        // "in Chicago", "IN WARSAW"; "at" only in lower case ("CHICAGO AT TORONTO" names teams).
        if before >= range.lowerBound, token(before).kind == .word,
           features(before).contains(.locationPreposition) || text.token(before, is: "at") { return true }
        if isDateline { return true }
        guard name.lowerBound == range.lowerBound else { return false }
        // "Leicester : Leicestershire beat Somerset", "London ( The Oval ) :": a venue heading a result.
        let isVenue = name.upperBound < range.upperBound && (text.token(name.upperBound, is: ":") || text.token(name.upperBound, is: "("))
        return isVenue
    }

    /// "Stefan Edberg (Sweden)": a country in parentheses right after a name.
    private func hasCountryInParentheses(after end: Int) -> Bool {
        guard end + 2 < range.upperBound, text.token(end, is: "(") else { return false }
        var found = false
        gazetteer.forEachName(in: text.words, from: end + 1, to: range.upperBound) { length, indices in
            guard end + 1 + length < range.upperBound, text.token(end + 1 + length, is: ")") else { return }
            if indices.contains(where: { gazetteer.entry($0).category == .country || gazetteer.entry($0).category == .place }) {
                found = true
            }
        }
        return found
    }

    /// "John Smith, 34,": an age between commas.
    private func hasAgeAfter(_ end: Int) -> Bool {
        guard end + 2 < range.upperBound, text.token(end, is: ","), token(end + 1).kind == .number,
              text.token(end + 2, is: ",") else { return false }
        return token(end + 1).bytes.count <= 3
    }

    /// An all-capitals headline: known names by the gazetteer, and every other capitalised word as a
    /// weak candidate the resolver keeps only when the document names it elsewhere.
    private mutating func findInHeadline() {
        var index = range.lowerBound
        while index < range.upperBound {
            guard token(index).isCapitalizedWord, !claimed[slot(index)] else { index += 1; continue }
            var best: (length: Int, entry: GazetteerEntry)?
            gazetteer.forEachName(in: text.words, from: index, to: range.upperBound) { length, indices in
                for entryIndex in indices where gazetteer.entry(entryIndex).category.entityKind != nil {
                    let entry = gazetteer.entry(entryIndex)
                    // "US", "WHO", "IT" in a headline are as likely the words.
                    if entry.matchesOnlyInCapitals, length == 1, features(index).contains(.functionWord) { continue }
                    if best.map({ $0.length < length || $0.entry.category.priority > entry.category.priority }) ?? true {
                        best = (length, entry)
                    }
                }
            }
            if let (length, entry) = best {
                emitGazetteerName(index..<(index + length), entry)
                index += length
                continue
            }
            let words = features(index)
            if !words.contains(.functionWord), titleLength[slot(index)] == 0, head(at: index) == nil, !isCalendarName(index),
               !words.contains(.sport) {
                emit(index..<(index + 1), kind: .other, evidence: .weak)
            }
            index += 1
        }
    }

    private mutating func classifyPerson(_ name: Range<Int>, role: PersonRole? = nil) {
        if let entry = gazetteerEntry(for: name), entry.category.entityKind != nil {
            emitGazetteerName(name, entry)
        } else if gazetteerEntry(for: name)?.category == .demonym {
            return
        } else {
            emit(name, kind: .person, evidence: .title, role: role)
        }
    }

    /// The kind of a head word followed by a connector inside `name` ("Bank of …", "University of …").
    private func headBeforeConnector(in name: Range<Int>) -> EntityKind? {
        for index in name.dropLast() where isLowercaseWord(index + 1) && features(index + 1).contains(.connector) {
            if let (kind, _) = head(at: index) { return kind }
        }
        return nil
    }

    /// The rightmost title inside `name` (only capitalised titles are inside names).
    private func lastTitle(in name: Range<Int>) -> Range<Int>? {
        var found: Range<Int>?
        var index = name.lowerBound
        while index < name.upperBound {
            let length = titleLength[slot(index)]
            if length > 0, index + length <= name.upperBound {
                found = index..<(index + length)
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    /// The title that ends right before `index`, if any.
    private func titleEnding(at index: Int) -> Range<Int>? {
        var start = index - 1
        while start >= range.lowerBound, index - start <= 4 {
            if titleLength[slot(start)] == index - start { return start..<index }
            start -= 1
        }
        return nil
    }

    /// The role a title gives the name after it, with the country of a demonym right before it
    /// ("Russian President", "Chinese foreign minister").
    private func role(ofTitle title: Range<Int>) -> PersonRole {
        PersonRole(country: demonymCountry(endingAt: title.lowerBound), title: text.text(ofTokens: title).lowercased())
    }

    /// The country of a demonym that ends right before `end` ("Russian", "North Korean").
    private func demonymCountry(endingAt end: Int) -> String? {
        var country: String?
        for start in stride(from: end - 1, through: max(range.lowerBound, end - 2), by: -1) where country == nil {
            gazetteer.forEachName(in: text.words, from: start, to: end) { length, indices in
                guard start + length == end else { return }
                country = indices.lazy.map { gazetteer.entry($0) }.first { $0.category == .demonym }?.canonical
            }
        }
        return country
    }

    /// The country of the demonym starting at `start`, and its length in tokens.
    private func demonym(at start: Int) -> (country: String, length: Int)? {
        guard features(start).contains(.demonym) else { return nil }
        var found: (String, Int)?
        gazetteer.forEachName(in: text.words, from: start, to: range.upperBound) { length, indices in
            if let entry = indices.lazy.map({ gazetteer.entry($0) }).first(where: { $0.category == .demonym }) {
                found = (entry.canonical, length)
            }
        }
        return found
    }

    /// Role phrases ("the Russian leader", "the Chinese president"): weak person candidates the
    /// resolver gives to whoever holds that role in the document. Demonyms naming an actor
    /// ("Russian delegation", "the Chinese side"): their country.
    private mutating func findRolePhrasesAndActors() {
        var index = range.lowerBound
        while index < range.upperBound {
            guard token(index).isCapitalizedWord, !claimed[slot(index)], let (country, length) = demonym(at: index) else {
                index += 1
                continue
            }
            let after = index + length
            let titleLength = after < range.upperBound && isLowercaseWord(after) ? self.titleLength[slot(after)] : 0
            let hasArticle = index > range.lowerBound && (text.token(index - 1, is: "the") || text.token(index - 1, is: "The"))
            if titleLength > 0, hasArticle, after + titleLength >= range.upperBound || !token(after + titleLength).isCapitalizedWord {
                let title = after..<(after + titleLength)
                emit((index - 1)..<title.upperBound, kind: .person, evidence: .weak,
                     role: PersonRole(country: country, title: text.text(ofTokens: title).lowercased()))
                index = title.upperBound
            } else if after < range.upperBound, isLowercaseWord(after), features(after).contains(.actorNoun) {
                emit(index..<after, kind: .location, entity: country, evidence: .gazetteer, category: .country)
                index = after
            } else if length == 1, isPluralWord(index), after >= range.upperBound || !token(after).isCapitalizedWord {
                emit(index..<after, kind: .group, evidence: .gazetteer)  // "Russians", "Afghans": a nationality as actor
                index = after
            } else {
                index = after
            }
        }
    }

    /// The number of tokens of a demonym at the start of `name` ("North Korean"), or `nil`.
    private func leadingDemonymLength(_ name: Range<Int>) -> Int? {
        guard features(name.lowerBound).contains(.demonym) else { return nil }
        var longest: Int?
        gazetteer.forEachName(in: text.words, from: name.lowerBound, to: name.upperBound) { length, indices in
            if indices.contains(where: { gazetteer.entry($0).category == .demonym }) { longest = length }
        }
        return longest
    }

    /// ", an aide to …", ", the foreign minister", ", a senior adviser": a title shortly after a comma,
    /// reached only through lower-case words that are articles or modifiers (not ", under professor …").
    private func hasTitleAfter(_ end: Int) -> Bool {
        guard end + 1 < range.upperBound, text.token(end, is: ","), isLowercaseWord(end + 1) else { return false }
        var index = end + 1
        while index < min(range.upperBound, end + 5) {
            if titleLength[slot(index)] > 0 { return true }
            guard token(index).kind == .word, !token(index).shape.contains(.possessive) else { return false }
            let isArticle = text.token(index, is: "a") || text.token(index, is: "an") || text.token(index, is: "the")
            if features(index).contains(.functionWord), !isArticle { return false }
            index += 1
        }
        return false
    }

    /// "Tass news agency", "the agency KCNA".
    private func hasOrganizationCue(around name: Range<Int>) -> Bool {
        for index in name.upperBound..<min(range.upperBound, name.upperBound + 2) {
            guard isLowercaseWord(index) else { break }
            if features(index).contains(.organizationCue) { return true }
        }
        let before = name.lowerBound - 1
        return before >= range.lowerBound && isLowercaseWord(before) && features(before).contains(.organizationCue)
    }

    /// "Russia-Ukraine": emits each part when every part is a gazetteer place or organisation.
    private mutating func splitHyphenated(_ index: Int) -> Bool {
        let token = token(index)
        var parts: [Range<Int>] = []
        var partStart = token.bytes.lowerBound
        for position in token.bytes where bytes[position] == UInt8(ascii: "-") {
            parts.append(partStart..<position)
            partStart = position + 1
        }
        parts.append(partStart..<token.bytes.upperBound)
        if parts.count > 1, let last = parts.last, !last.isEmpty, bytes[last.lowerBound] >= UInt8(ascii: "a"),
           bytes[last.lowerBound] <= UInt8(ascii: "z") {
            parts.removeLast()  // "London-based", "Kremlin-backed": the name is before the hyphen
        }
        var found: [(Range<Int>, GazetteerEntry)] = []
        var key: [UInt8] = []
        for part in parts {
            KeyNormalizer.normalize(bytes, part, into: &key)
            let id = gazetteer.vocabulary.id(of: key)
            guard let entry = gazetteer.entries(forWord: id).first(where: { $0.category.entityKind != nil && !$0.matchesOnlyInCapitals })
            else { return false }
            found.append((part, entry))
        }
        for (part, entry) in found {
            // Code points: the token is split at ASCII hyphens, so count scalars from its start.
            let startOffset = codePoints(in: token.bytes.lowerBound..<part.lowerBound)
            let length = codePoints(in: part)
            let span = TextSpan(start: token.span.start + startOffset, end: token.span.start + startOffset + length)
            output.append(EntityCandidate(tokens: index..<(index + 1), span: span, text: String(decoding: bytes[part], as: UTF8.self),
                                          kind: entry.category.entityKind!, entity: entry.canonical, sentence: sentence,
                                          evidence: .gazetteer, category: entry.category))
        }
        claimed[slot(index)] = true
        return true
    }

    private func codePoints(in byteRange: Range<Int>) -> Int {
        byteRange.reduce(0) { $0 + (bytes[$1] & 0xC0 == 0x80 ? 0 : 1) }
    }
}
