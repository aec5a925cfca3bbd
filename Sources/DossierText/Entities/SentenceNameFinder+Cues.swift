import DossierCore

/// The cues around a name that say what it is: prepositions, speech verbs, parentheses, ages,
/// acronyms, places inside it, and the kind a name gets when nothing else decides.
extension SentenceNameFinder {
    /// A name with no cue but its spelling: two or three capitalised words that could be a person's
    /// are one ("Jesper Parnevik"); one that holds a place is an organisation ("Air France",
    /// "Rotor Volgograd"); after "in" or "near" a place; in a sports report a team. The kind, and
    /// whether a cue next to the name decided it, which outranks a kind read from spelling alone
    /// where the document writes the name without it: a place noun and "of" before it ("the town
    /// of Pandeglang") make a place; an article ("the Grateful Dead", "the Khmer Rouge") an
    /// organisation. (A person's name after an article mostly modifies a noun, "the Bin Laden
    /// investigation", and then a first name or a title usually types it better elsewhere.)
    func defaultKind(of name: Range<Int>, mayBePerson: Bool, weak: Bool) -> (kind: EntityKind, isCued: Bool) {
        if followsPlaceNoun(name.lowerBound) { return (.location, true) }
        let kind = spellingKind(of: name, mayBePerson: mayBePerson, weak: weak)
        // Only where spelling found a person or nothing: a place cue or an acronym decides first.
        if kind == .person || kind == .other, name.count >= 2, mayBePerson, !weak, !isAllCaps(name), followsArticle(name.lowerBound) {
            return (.organization, true)
        }
        return (kind, false)
    }

    /// Nouns for kinds of place that name one in an "of" phrase ("the province of Banten").
    static let placeNouns: [StaticString] = ["town", "city", "village", "province", "region", "district", "county", "state", "island", "port",
                             "capital", "municipality", "prefecture", "suburb", "neighbourhood", "neighborhood", "township",
                             "governorate", "territory", "kingdom", "emirate", "republic", "hamlet"]

    /// Whether a place noun and "of" come right before `start` ("the town of", "the province of").
    func followsPlaceNoun(_ start: Int) -> Bool {
        guard start - 2 >= range.lowerBound, text.token(start - 1, is: "of"), isLowercaseWord(start - 2) else { return false }
        return Self.placeNouns.contains { text.token(start - 2, is: $0) }
    }

    private func spellingKind(of name: Range<Int>, mayBePerson: Bool, weak: Bool) -> EntityKind {
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
        // "said Hill", "Hill told": in a sports report any name, elsewhere a known surname.
        if name.count == 1, isSpeaker(name), context.isSportsReport || features(name.lowerBound).contains(.surname) { return .person }
        if context.isSportsReport, name.count == 1 || isAllCaps(name) { return weak && !isFollowedByNumber(name) ? .other : .organization }
        // "the Grateful Dead", "the Red Hot Chili Peppers": people's names take no article; bands
        // and firms do (see defaultKind).
        let particles = name.filter { isLowercaseWord($0) && !isParticleName($0) }.count  // "Joost van der Westhuizen"
        if (2...3).contains(name.count - particles), mayBePerson, !weak, !isAllCaps(name) { return .person }
        return .other
    }

    private static let basedSuffix = Array("-based".utf8)

    /// Whether the word before `start` ends in "-based" ("Ohio-based KeyCorp"): a company follows.
    func followsBased(_ start: Int) -> Bool {
        guard start > range.lowerBound, token(start - 1).kind == .word, token(start - 1).shape.contains(.hyphenated) else { return false }
        let suffix = Self.basedSuffix, bytes = token(start - 1).bytes
        guard bytes.count > suffix.count else { return false }
        return zip(self.bytes[(bytes.upperBound - suffix.count)..<bytes.upperBound], suffix).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// Whether a speech verb comes right before or after the name ("said Hill", "Hill told reporters").
    func isSpeaker(_ name: Range<Int>) -> Bool {
        let before = name.lowerBound - 1, after = name.upperBound
        return before >= range.lowerBound && isLowercaseWord(before) && features(before).contains(.speechVerb)
            || after < range.upperBound && isLowercaseWord(after) && features(after).contains(.speechVerb)
    }

    /// Whether the word ends in "s" and is not written in capitals ("Russians", not "RUSSIANS").
    func isPluralWord(_ index: Int) -> Bool {
        let byteRange = token(index).bytes
        return byteRange.count > 3 && bytes[byteRange.upperBound - 1] == UInt8(ascii: "s") && !token(index).shape.contains(.allCaps)
    }

    /// A capitals-only word of two to six letters without periods ("NAPM"), not a function word ("US").
    func isAcronym(_ index: Int) -> Bool {
        let token = token(index)
        return token.kind == .word && token.shape.contains(.allCaps) && !token.shape.contains(.initialism)
            && (2...6).contains(token.bytes.count) && !features(index).contains(.functionWord)
    }

    /// Where an acronym at either end of a longer mixed-case name meets the rest of it.
    func acronymBoundary(in name: Range<Int>) -> Int? {
        guard name.count >= 2, !isAllCaps(name) else { return nil }
        if isAcronym(name.lowerBound), !token(name.lowerBound + 1).shape.contains(.allCaps) { return name.lowerBound + 1 }
        if isAcronym(name.upperBound - 1), !token(name.upperBound - 2).shape.contains(.allCaps) { return name.upperBound - 1 }
        return nil
    }

    func isFollowedByNumber(_ name: Range<Int>) -> Bool {
        name.upperBound < range.upperBound && token(name.upperBound).kind == .number
    }

    /// Whether the token alone is a country or city in the gazetteer.
    func isPlaceWord(_ index: Int) -> Bool {
        guard gazetteer.startsName(text.words[index]) else { return false }
        var found = false
        gazetteer.forEachName(in: text.words, from: index, to: index + 1) { _, indices in
            found = indices.contains { gazetteer.entry($0).category.entityKind == .location && !gazetteer.entry($0).matchesOnlyInCapitals }
        }
        return found
    }

    /// "in Chicago", "near Leeds", or a dateline ("LONDON 1996-08-30" alone on its line).
    func isPlaced(_ name: Range<Int>) -> Bool {
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
    func hasCountryInParentheses(after end: Int) -> Bool {
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
    func hasAgeAfter(_ end: Int) -> Bool {
        guard end + 2 < range.upperBound, text.token(end, is: ","), token(end + 1).kind == .number,
              text.token(end + 2, is: ",") else { return false }
        return token(end + 1).bytes.count <= 3
    }

    /// ", an aide to …", ", the foreign minister", ", a senior adviser": a title shortly after a comma,
    /// reached only through lower-case words that are articles or modifiers (not ", under professor …").
    func hasTitleAfter(_ end: Int) -> Bool { titleAfter(end) != nil }

    /// The title of `hasTitleAfter(_:)`, and the country a demonym or a place with "'s" before it
    /// names (", the Turkish foreign minister", ", Iran's supreme leader,").
    func titleAfter(_ end: Int) -> (title: Range<Int>, country: String?)? {
        guard end + 1 < range.upperBound, text.token(end, is: ",") else { return nil }
        var index = end + 1
        var country: String?
        while index < min(range.upperBound, end + 6) {
            if titleLength[slot(index)] > 0 {
                return (index..<(index + titleLength[slot(index)]), country)
            }
            if token(index).isCapitalizedWord, country == nil, let place = placeOrDemonym(at: index) {
                country = place.country  // "Iran's", "Turkish"
                index = place.end
                continue
            }
            guard isLowercaseWord(index), !token(index).shape.contains(.possessive) else { return nil }
            let isArticle = text.token(index, is: "a") || text.token(index, is: "an") || text.token(index, is: "the")
            if features(index).contains(.functionWord), !isArticle { return nil }
            index += 1
        }
        return nil
    }

    /// A demonym ("Turkish") or a place with a possessive ending ("Iran's") at `index`: the country
    /// or place it names, and where it ends.
    func placeOrDemonym(at index: Int) -> (country: String, end: Int)? {
        if let (country, length) = demonym(at: index) { return (country, index + length) }
        var found: (country: String, end: Int)?
        gazetteer.forEachName(in: text.words, from: index, to: range.upperBound) { length, indices in
            let after = index + length
            guard after < range.upperBound, token(after).shape.contains(.possessive),
                  let entry = indices.lazy.map({ gazetteer.entry($0) }).first(where: { $0.category.entityKind == .location })
            else { return }
            found = (entry.canonical, after + 1)
        }
        return found
    }

    /// "Tass news agency", "the agency KCNA".
    func hasOrganizationCue(around name: Range<Int>) -> Bool {
        for index in name.upperBound..<min(range.upperBound, name.upperBound + 2) {
            guard isLowercaseWord(index) else { break }
            if features(index).contains(.organizationCue) { return true }
        }
        let before = name.lowerBound - 1
        return before >= range.lowerBound && isLowercaseWord(before) && features(before).contains(.organizationCue)
    }
}
