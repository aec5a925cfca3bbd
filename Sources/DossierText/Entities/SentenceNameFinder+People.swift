import DossierCore

/// Where a person's name starts and ends when other words stand next to it: a place before it
/// ("Senator from Vermont Bernie Sanders"), a known person's name holding a title word ("Foreign
/// Minister Julie Bishop"), a capitalised word that only starts the sentence ("Regarding Trump"),
/// and the article that tells a band from a person ("the Grateful Dead").
extension SentenceNameFinder {
    /// A place written right before a person's name, with the role a title gives the person when it
    /// introduces the place ("Senator from Vermont Bernie Sanders", "President of the United States
    /// Donald Trump"). Without such a title the person's name must start with a first name or be a
    /// known person's; party labels between the two are skipped ("Texas Republican John Cornyn").
    func placeBeforePerson(_ name: Range<Int>) -> (place: Range<Int>, person: Range<Int>, entry: GazetteerEntry, role: PersonRole?)? {
        guard name.count >= 3, gazetteer.startsName(text.words[name.lowerBound]) else { return nil }
        var place: (length: Int, entry: GazetteerEntry)?
        // The place leaves at least two words for the person.
        gazetteer.forEachName(in: text.words, from: name.lowerBound, to: name.upperBound - 2) { length, indices in
            for index in indices {
                let entry = gazetteer.entry(index)
                guard entry.category.entityKind == .location, !entry.matchesOnlyInCapitals || isAllCaps(name.lowerBound..<(name.lowerBound + length))
                else { continue }
                place = (length, entry)
            }
        }
        guard let (length, entry) = place else { return nil }
        var start = name.lowerBound + length
        while name.upperBound - start > 2, features(start).contains(.notPersonName) { start += 1 }
        let person = start..<name.upperBound
        let title = titleIntroducing(name.lowerBound)
        let looksLikePerson = features(person.lowerBound).contains(.firstName) && !isAllCaps(person)
            || gazetteerEntry(for: person)?.category == .person
        guard looksLikePerson || title != nil else { return nil }
        let role = title.map { PersonRole(country: entry.canonical, title: text.text(ofTokens: $0).lowercased()) }
        return (name.lowerBound..<(name.lowerBound + length), person, entry, role)
    }

    /// After "of" or "from", a name of something else that runs into a person's name ("Speaker of
    /// the House Nancy Pelosi", "Chairman of the Joint Chiefs of Staff Mark Milley"): where the
    /// person's name starts, at a first name, and the role a title before "of" gives.
    func personAfterPrepositionalName(_ name: Range<Int>) -> (person: Range<Int>, role: PersonRole?)? {
        guard name.count >= 3, name.lowerBound > range.lowerBound, !features(name.lowerBound).contains(.firstName) else { return nil }
        var before = name.lowerBound - 1
        if before > range.lowerBound, text.token(before, is: "the") { before -= 1 }
        guard text.token(before, is: "of") || text.token(before, is: "from") else { return nil }
        let role = titleIntroducing(name.lowerBound).map { PersonRole(country: nil, title: text.text(ofTokens: $0).lowercased()) }
        for start in (name.lowerBound + 1)...(name.upperBound - 2) where features(start).contains(.firstName) && !isAllCaps(start..<(start + 1)) {
            return (start..<name.upperBound, role)
        }
        return nil
    }

    /// The title before "from", "of" or "of the" right before `start` ("Senator from", "President of the").
    func titleIntroducing(_ start: Int) -> Range<Int>? {
        var index = start - 1
        if index > range.lowerBound, text.token(index, is: "the") { index -= 1 }
        guard index > range.lowerBound, text.token(index, is: "from") || text.token(index, is: "of") else { return nil }
        return titleEnding(at: index)
    }

    /// The known person whose name ends `name` and starts between `first` and `last`, if any: a title
    /// word inside a name ("Julie Bishop") is then part of it.
    func knownPersonEnding(_ name: Range<Int>, from first: Int, through last: Int) -> Range<Int>? {
        guard first <= last else { return nil }
        for start in first...last where name.upperBound - start >= 2 {
            if gazetteerEntry(for: start..<name.upperBound)?.category == .person { return start..<name.upperBound }
        }
        return nil
    }

    /// A capitalised word at the start of a sentence that reads as an adverb or a participle
    /// ("Unfortunately", "Regarding"): it ends in "-ly" or "-ing" and is no first name, surname or
    /// start of a known name, so it is no part of the name after it.
    func isSentenceInitialNonName(_ index: Int) -> Bool {
        guard isSentenceInitial(index), token(index).isCapitalizedWord, !token(index).shape.contains(.allCaps) else { return false }
        let word = features(index)
        guard word.isDisjoint(with: [.firstName, .surname, .clubPrefix, .demonym]), !gazetteer.startsName(text.words[index]) else { return false }
        let letters = token(index).bytes
        func endsWith(_ suffix: String) -> Bool {
            let suffix = Array(suffix.utf8)
            guard letters.count > suffix.count else { return false }
            return zip(bytes[(letters.upperBound - suffix.count)..<letters.upperBound], suffix).allSatisfy { $0 == $1 }
        }
        return letters.count >= 5 && endsWith("ly") || letters.count >= 6 && endsWith("ing")
    }

    /// Whether "the" comes right before `index` ("the Grateful Dead", "The Rolling Stones").
    func followsArticle(_ index: Int) -> Bool {
        index > range.lowerBound && (text.token(index - 1, is: "the") || text.token(index - 1, is: "The"))
    }
}
