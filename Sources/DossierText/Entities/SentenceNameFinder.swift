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
    private(set) var titleLength: [Int]
    /// Tokens that cannot be part of a name: in titles that include lower-case words.
    private(set) var breaksNames: [Bool]
    /// Tokens already taken by a name.
    var claimed: [Bool]
    /// Whether the sentence looks like a headline in title case.
    let isTitleCase: Bool
    /// Whether the sentence is written in capitals ("LEICESTERSHIRE TAKE OVER AT TOP").
    let isAllCapsHeadline: Bool
    /// Whether the sentence is a dateline: capitalised words and commas, then a date ("MILWAUKEE , Wisconsin 1996-08-29").
    let isDateline: Bool
    var output: [EntityCandidate] = []

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
        var run = 0, longestRun = 0, numbers = 0, lowercaseContentWords = 0
        for index in range {
            if text.tokens[index].kind == .number { numbers += 1 }
            run = text.tokens[index].isCapitalizedWord ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        for index in range where text.tokens[index].kind == .word {
            let shape = text.tokens[index].shape
            letterWords += 1
            if shape.contains(.allCaps) { capitals += 1 }
            if shape.contains(.lowercase) {
                lowercase += 1
                // A headline in title case keeps only short function words in lower case ("of", "van"):
                // "They met Frans van der Berg" is no headline.
                let features = gazetteer.features(text.words[index])
                if text.tokens[index].bytes.count >= 3, features.isDisjoint(with: [.functionWord, .connector, .nameParticle]) {
                    lowercaseContentWords += 1
                }
            }
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
        // A results line ("Warwickshire 195 , Surrey 429-7 ( C. Lewis 80 …") has numbers a headline lacks.
        isTitleCase = words >= 3 && capitalized * 4 >= words * 3 && (lowercase == 0 && longestRun >= 3 || capitalizedFunctionWords > 0)
            && numbers <= 2 && lowercaseContentWords == 0
    }

    // MARK: Token facts

    func token(_ index: Int) -> Token { text.tokens[index] }
    func features(_ index: Int) -> WordFeatures { gazetteer.features(text.words[index]) }
    func slot(_ index: Int) -> Int { index - range.lowerBound }

    func isLowercaseWord(_ index: Int) -> Bool {
        index < range.upperBound && token(index).kind == .word && token(index).shape.contains(.lowercase)
    }

    func isCalendarName(_ index: Int) -> Bool {
        switch gazetteer.calendarWord(text.words[index]) {
        case .month, .weekday: true
        default: false
        }
    }

    /// Whether the token can be part of a capitalised name ("Assadi", or "al-Assadi" with its particle).
    func isNameToken(_ index: Int) -> Bool {
        let token = token(index)
        return (token.isCapitalizedWord || isParticleName(index)) && !claimed[slot(index)] && !breaksNames[slot(index)]
            && !isCalendarName(index) && !isTimeZoneWord(index) && !isCommonInitialism(index)
    }

    /// An initialism written in capitals that is a common noun ("on TV", "his DNA", "NGOs"), unless
    /// it is a title inside a name ("Cofinec CEO Stephen Frater").
    func isCommonInitialism(_ index: Int) -> Bool {
        features(index).contains(.commonInitialism) && bytes[token(index).bytes.lowerBound + 1] < UInt8(ascii: "a")
            && titleLength[slot(index)] == 0
    }

    /// A time zone after a clock time in digits ("(1137 UTC)", "0735 GMT"), or one of the two time
    /// standards anywhere ("2024 Friday, UTC"): part of a time, no organisation.
    func isTimeZoneWord(_ index: Int) -> Bool {
        text.isTimeZoneAbbreviation(index)
            && (text.token(index, is: "UTC") || text.token(index, is: "GMT") || (index > range.lowerBound && token(index - 1).kind == .number))
    }

    /// A name word after a particle and a hyphen, written in lower case ("al-Assadi", "el-Sisi", "bin-Salman").
    func isParticleName(_ index: Int) -> Bool {
        let token = token(index)
        guard token.kind == .word, token.shape.contains(.lowercase), token.shape.contains(.hyphenated) else { return false }
        var hyphen = token.bytes.lowerBound
        while hyphen < token.bytes.upperBound, bytes[hyphen] != UInt8(ascii: "-") { hyphen += 1 }
        guard hyphen + 1 < token.bytes.upperBound, bytes[hyphen + 1] >= UInt8(ascii: "A"), bytes[hyphen + 1] <= UInt8(ascii: "Z")
        else { return false }
        let particle = bytes[token.bytes.lowerBound..<hyphen]
        return SentenceNameFinder.hyphenParticles.contains { $0.elementsEqual(particle) }
    }

    /// Particles joined to a name by a hyphen ("al-", "el-", "ad-", "bin-", "ibn-").
    static let hyphenParticles: [[UInt8]] = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "ud", "ul", "bin", "ibn", "abu"]
        .map { Array($0.utf8) }

    /// Whether `index` starts the sentence or a quotation or clause inside it: only punctuation other
    /// than a comma or a closing mark comes right before it.
    func isSentenceInitial(_ index: Int) -> Bool {
        guard index > range.lowerBound else { return true }
        let previous = token(index - 1)
        guard previous.kind == .punctuation else { return false }
        return !text.token(index - 1, is: ",") && !previous.shape.contains(.closing)
    }

    /// The head word kind of the token, and whether it was written in the plural.
    func head(at index: Int) -> (kind: EntityKind, plural: Bool)? {
        if let kind = headKind(features(index)) { return (kind, false) }
        if features(index).contains(.organizationHeadInCapitals), token(index).shape.contains(.allCaps) { return (.organization, false) }
        let byteRange = token(index).bytes
        guard byteRange.count > 3, bytes[byteRange.upperBound - 1] == UInt8(ascii: "s") else { return nil }
        var key: [UInt8] = []
        KeyNormalizer.normalize(bytes, byteRange.lowerBound..<(byteRange.upperBound - 1), into: &key)
        return headKind(gazetteer.features(gazetteer.vocabulary.id(of: key))).map { ($0, true) }
    }

    func headKind(_ features: WordFeatures) -> EntityKind? {
        if features.contains(.organizationHead) { return .organization }
        if features.contains(.eventHead) { return .event }
        if features.contains(.locationHead) { return .location }
        if features.contains(.documentHead) { return .other }
        return nil
    }

    /// Whether every token with letters in `tokens` is written in capitals.
    func isAllCaps(_ tokens: Range<Int>) -> Bool {
        tokens.allSatisfy { token($0).kind != .word || token($0).shape.contains(.allCaps) }
    }

    /// The best gazetteer entry for exactly `tokens`, if any.
    func gazetteerEntry(for tokens: Range<Int>) -> GazetteerEntry? {
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
            findPlainRolePhrases()
            findLowercaseNames()
            findLowercaseAcronymDefinitions()
            if !isTitleCase { findQuotedTitles() }
            for chunk in chunks() { classify(chunk) }
        }
        output.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        result.append(contentsOf: output)
    }

    mutating func emit(_ tokens: Range<Int>, kind: EntityKind, entity: String? = nil, evidence: EntityEvidence,
                               category: GazetteerCategory? = nil, role: PersonRole? = nil) {
        let written = text.text(ofTokens: tokens)
        output.append(EntityCandidate(tokens: tokens, span: text.span(ofTokens: tokens), text: written, kind: kind,
                                      entity: entity ?? written, sentence: sentence, evidence: evidence, category: category,
                                      role: role))
        for index in tokens where range.contains(index) { claimed[slot(index)] = true }
    }

    /// Marks titles ("Foreign Minister", "Politburo member"); those with lower-case words break names.
    mutating func markTitles() {
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
    mutating func findLowercaseNames() {
        var index = range.lowerBound
        while index < range.upperBound {
            // A name partly in lower case has a lower-case word first or second ("international criminal court",
            // "Islamic state"); testing that first keeps capitalised names out of the slower lookup.
            let mayStart = isLowercaseWord(index) || token(index).isCapitalizedWord && isLowercaseWord(index + 1)
            guard mayStart, features(index).contains(.startsLowercaseName) else {
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
    mutating func findLowercaseAcronymDefinitions() {
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

    /// A title in quotation marks: a song, book, film, award or slogan ("Uncle John's Band", "Hero of
    /// the Soviet Union", "Make the World Greta Again"). Capitalised words that fill a quotation
    /// name a work, not the people or places their words would otherwise suggest ("Dark Star" is no
    /// person). A quotation the gazetteer knows whole ("Islamic State") stays a gazetteer name, and
    /// one word alone ("Thanks") is no title.
    mutating func findQuotedTitles() {
        for open in range where token(open).shape.isSuperset(of: [.quote, .opening]) {
            var close = open + 1
            while close < range.upperBound, close - open <= 10, !token(close).shape.contains(.quote) { close += 1 }
            guard close < range.upperBound, close - open <= 10, token(close).shape.isSuperset(of: [.quote, .closing]) else { continue }
            let title = (open + 1)..<close
            guard title.count >= 2, isNameToken(title.lowerBound), isNameToken(title.upperBound - 1) else { continue }
            var capitalized = 0
            let fits = title.allSatisfy { index in
                if isNameToken(index) && !isModifierCompound(index) { capitalized += 1; return true }
                // Between capitalised words: "of", "the", "and", and a possessive ending.
                return !claimed[slot(index)] && (token(index).shape.contains(.possessive)
                    || isLowercaseWord(index) && !features(index).isDisjoint(with: [.connector, .functionWord, .nameParticle]))
            }
            guard fits, capitalized >= 2, gazetteerEntry(for: title) == nil else { continue }
            emit(title, kind: .other, evidence: .capitalization)
        }
    }

    /// Whether the token is a hyphenated word whose last part is in lower case ("Ontario-based", "Family-controlled").
    func isModifierCompound(_ index: Int) -> Bool {
        let token = token(index)
        guard token.shape.contains(.hyphenated) else { return false }
        var position = token.bytes.upperBound - 1
        while position > token.bytes.lowerBound, bytes[position - 1] != UInt8(ascii: "-") { position -= 1 }
        return position > token.bytes.lowerBound && bytes[position] >= UInt8(ascii: "a") && bytes[position] <= UInt8(ascii: "z")
    }

    /// Whether a compound ending in a lower-case word ends the name before it ("Moon Jae-in called"),
    /// rather than modifying a name after it ("Ontario-based Magna"): no capitalised word follows.
    func endsName(_ index: Int) -> Bool {
        index + 1 >= range.upperBound || !token(index + 1).isCapitalizedWord
    }

    /// Runs of capitalised tokens, joined across connectors when a head word or the gazetteer licenses it.
    func chunks() -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard isNameToken(index) else { index += 1; continue }
            var end = index + 1
            // "Ontario-based Magna": a compound ending in a lower-case word stands alone, unless it
            // ends a name ("Moon Jae-in", "Ban Ki-moon").
            if !isModifierCompound(index) {
                while end < range.upperBound, isNameToken(end), !isModifierCompound(end) || endsName(end) { end += 1 }
            }
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

    func canJoin(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
        let gap = left.upperBound..<right.lowerBound
        guard (1...2).contains(gap.count), gap.allSatisfy({ isLowercaseWord($0) || text.token($0, is: "&") })
        else { return false }
        if gap.allSatisfy({ features($0).contains(.nameParticle) }) { return true }
        guard gap.allSatisfy({ features($0).contains(.connector) }) else { return false }
        func isCountry(_ part: Range<Int>) -> Bool { [.country, .place].contains(gazetteerEntry(for: part)?.category) }
        if gap.count == 1, text.token(gap.lowerBound, is: "&"), !isCountry(left), !isCountry(right) {
            return true  // "Douglas & Lomason", "Standard & Poor"
        }
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
            guard gap.count == 1 else { return false }
            // "Belt and Road Forum": the head word ends the right part, and the left part is no known name.
            if head(at: right.upperBound - 1) != nil, head(at: left.upperBound - 1) == nil, gazetteerEntry(for: left) == nil { return true }
            // "Institute of Volcanology and Seismology", "Department of Health and Human Services": a
            // second field after "Head of", when it is no name of its own (a place, a person, an acronym).
            return right.count <= 2 && !text.token(gap.lowerBound, is: "&") && headBeforeConnector(in: left) != nil
                && gazetteerEntry(for: right) == nil
                && right.allSatisfy { index in
                    !isPlaceWord(index) && !token(index).shape.contains(.allCaps)
                        && features(index).isDisjoint(with: [.firstName, .surname]) && head(at: index) == nil
                }
        }
        // "Bank of England", "University of Oxford": the left part ends with a head word.
        return head(at: left.upperBound - 1) != nil
    }

    // MARK: Classifying

    mutating func classify(_ chunk: Range<Int>) {
        var start = chunk.lowerBound
        let end = chunk.upperBound
        if gazetteerEntry(for: chunk) == nil {
            while start < end, isSentenceInitial(chunk.lowerBound), features(start).contains(.functionWord) { start += 1 }
        }
        guard start < end else { return }
        classify(start..<end, modifiersOnly: false)
    }

    /// Classifies a name; with `modifiersOnly`, keeps only well-evidenced parts (the words before a title).
    mutating func classify(_ name: Range<Int>, modifiersOnly: Bool) {
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
        // "AS Roma", but not "As President Trump": a short prefix counts in capitals only.
        if name.count >= 2, features(start).contains(.clubPrefix), !modifiersOnly,
           token(start).bytes.count > 2 || token(start).shape.contains(.allCaps) {
            emit(name, kind: .organization, evidence: .headWord)  // "Real Madrid", "Dynamo Moscow"
            return
        }
        if !modifiersOnly, name.contains(where: { text.token($0, is: "&") }) || followsBased(start) {
            emit(name, kind: .organization, evidence: .headWord)  // "Procter & Gamble", "Ohio-based KeyCorp"
            return
        }
        if name.count >= 3, let kind = headBeforeConnector(in: name) {
            emit(name, kind: kind, evidence: .headWord)
            return
        }
        if !modifiersOnly, name.count >= 2, isSentenceInitialNonName(start) {
            classify((start + 1)..<end, modifiersOnly: false)  // "Regarding Trump's call", "Unfortunately Smith"
            return
        }
        if let title = lastTitle(in: name) {
            // "Foreign Minister Julie Bishop": a known person's name may end with a title word.
            if let known = knownPersonEnding(name, from: start + 1, through: title.lowerBound) {
                if known.lowerBound > start { classify(start..<known.lowerBound, modifiersOnly: true) }
                classifyPerson(known, role: titleEnding(at: known.lowerBound).map(role(ofTitle:)))
                return
            }
            if title.lowerBound > start { classify(start..<title.lowerBound, modifiersOnly: true) }
            if title.upperBound < end { classifyPerson(title.upperBound..<end, role: role(ofTitle: title)) }
            return
        }
        if let demonymLength = leadingDemonymLength(name), demonymLength < name.count {
            classify((start + demonymLength)..<end, modifiersOnly: modifiersOnly)
            return
        }
        if modifiersOnly {
            // "Cofinec CEO Stephen Frater", "Acme chairman": a name before a title is where the title is held.
            if name.count <= 3, !isAllCaps(name) || name.count == 1, !features(start).contains(.functionWord),
               !features(start).contains(.notPersonName), !isSentenceInitial(start) || name.count > 1 || isAcronym(start) {
                emit(name, kind: .organization, evidence: .capitalization)
            }
            return
        }
        if name.count == 1, features(start).contains(.functionWord) { return }  // "I", "We" inside a sentence
        // "other Democratic members", "Catholic bishops": a political or religious label before a noun describes it.
        if name.count == 1, !modifiersOnly, features(start).contains(.notPersonName), !isPluralWord(start), isLowercaseWord(end) { return }
        if name.count >= 3, features(start).contains(.notPersonName) || leadingDemonymLength(start..<(start + 1)) == 1 {
            classify((start + 1)..<end, modifiersOnly: false)  // "Republican Larry Hogan", "Democrat Chuck Schumer"
            return
        }
        if name.count >= 2, features(start).contains(.eventPrefix) {
            emit(name, kind: .event, evidence: .headWord)  // "Typhoon Haiyan", "Operation Desert Storm"
            return
        }
        if let (place, person, entry, role) = placeBeforePerson(name) {
            // "Senator from Vermont Bernie Sanders", "President of the United States Donald Trump".
            emit(place, kind: .location, entity: entry.canonical, evidence: .gazetteer, category: entry.category)
            classifyPerson(person, role: role)
            return
        }
        if let (person, role) = personAfterPrepositionalName(name) {
            // "Speaker of the House Nancy Pelosi": the House is where the title is held. Without a
            // title, one word before the name is the end of a longer one ("Joint Chiefs of Staff").
            if role != nil {
                classify(start..<person.lowerBound, modifiersOnly: true)
            } else if person.lowerBound - start >= 2 {
                classify(start..<person.lowerBound, modifiersOnly: false)
            }
            classifyPerson(person, role: role)
            return
        }
        if start > range.lowerBound, let title = titleEnding(at: start) {
            classifyPerson(name, role: role(ofTitle: title))
            return
        }
        if let (title, country) = titleAfter(end) {
            // "Ali Khamenei, Iran's supreme leader,": the role the apposition gives.
            classifyPerson(name, role: PersonRole(country: country, title: text.text(ofTokens: title).lowercased()))
            return
        }
        if hasCountryInParentheses(after: end) || hasAgeAfter(end) {
            classifyPerson(name)
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
        let (kind, isCued) = defaultKind(of: name, mayBePerson: mayBePerson, weak: weak)
        emit(name, kind: kind, evidence: isCued ? .headWord : weak && kind == .other ? .weak : .capitalization)
    }

    mutating func classifyPerson(_ name: Range<Int>, role: PersonRole? = nil) {
        if let entry = gazetteerEntry(for: name), entry.category == .person {
            // "Russian President Vladimir Putin": the known person, with the role the title gives.
            emit(name, kind: .person, entity: entry.canonical, evidence: .title, category: .person, role: role)
        } else if let entry = gazetteerEntry(for: name), entry.category.entityKind != nil {
            emitGazetteerName(name, entry)
        } else if gazetteerEntry(for: name)?.category == .demonym {
            return
        } else {
            emit(name, kind: .person, evidence: .title, role: role)
        }
    }

    /// The kind of a head word followed by a connector inside `name` ("Bank of …", "University of …").
    func headBeforeConnector(in name: Range<Int>) -> EntityKind? {
        for index in name.dropLast() where isLowercaseWord(index + 1) && features(index + 1).contains(.connector) {
            if let (kind, _) = head(at: index) { return kind }
        }
        return nil
    }

    /// The rightmost title inside `name` (only capitalised titles are inside names).
    func lastTitle(in name: Range<Int>) -> Range<Int>? {
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

}
