import DossierCore

/// Titles and demonyms: the role a title gives the person after it, role phrases ("the Russian
/// leader") and demonyms that name their country as an actor ("Russian delegation").
extension SentenceNameFinder {
    /// The title that ends right before `index`, if any.
    func titleEnding(at index: Int) -> Range<Int>? {
        var start = index - 1
        while start >= range.lowerBound, index - start <= 4 {
            if titleLength[slot(start)] == index - start { return start..<index }
            start -= 1
        }
        return nil
    }

    /// The role a title gives the name after it, with the country of a demonym right before it
    /// ("Russian President", "Chinese foreign minister").
    func role(ofTitle title: Range<Int>) -> PersonRole {
        PersonRole(country: demonymCountry(endingAt: title.lowerBound), title: text.text(ofTokens: title).lowercased())
    }

    /// The country of a demonym that ends right before `end` ("Russian", "North Korean").
    func demonymCountry(endingAt end: Int) -> String? {
        var country: String?
        // The longer demonym first: "North Korean", not "Korean".
        for start in max(range.lowerBound, end - 2)..<end where country == nil {
            gazetteer.forEachName(in: text.words, from: start, to: end) { length, indices in
                guard start + length == end else { return }
                country = indices.lazy.map { gazetteer.entry($0) }.first { $0.category == .demonym }?.canonical
            }
        }
        return country
    }

    /// The country of the demonym starting at `start`, and its length in tokens.
    func demonym(at start: Int) -> (country: String, length: Int)? {
        gazetteer.demonym(in: text.words, at: start, before: range.upperBound)
    }

    /// Role phrases ("the Russian leader", "the Chinese president"): weak person candidates the
    /// resolver gives to whoever holds that role in the document. Demonyms naming an actor
    /// ("Russian delegation", "the Chinese side"): their country.
    mutating func findRolePhrasesAndActors() {
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

    /// Role phrases without a demonym: "the president", "the Vermont senator", "the senator from
    /// Vermont". Like those with one, they are weak person candidates the resolver gives to the one
    /// person the document gives that role, or drops.
    mutating func findPlainRolePhrases() {
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            guard text.token(index, is: "the") || text.token(index, is: "The"), !claimed[slot(index + 1)] else {
                index += 1
                continue
            }
            var titleStart = index + 1
            var country: String?
            if token(titleStart).isCapitalizedWord, let place = place(at: titleStart) {
                (country, titleStart) = (place.country, place.end)  // "the Vermont senator"
            }
            guard titleStart < range.upperBound, isLowercaseWord(titleStart), titleLength[slot(titleStart)] > 0 else {
                index += 1
                continue
            }
            let title = titleStart..<(titleStart + titleLength[slot(titleStart)])
            let after = title.upperBound
            if after < range.upperBound, token(after).isCapitalizedWord || token(after).shape.contains(.possessive) {
                index = after  // "the foreign minister Sergey Lavrov": a title before a name
                continue
            }
            if country == nil, after + 1 < range.upperBound, text.token(after, is: "from") || text.token(after, is: "of") {
                let placeStart = text.token(after + 1, is: "the") ? after + 2 : after + 1
                if placeStart < range.upperBound, token(placeStart).isCapitalizedWord { country = place(at: placeStart)?.country }
            }
            emit(index..<title.upperBound, kind: .person, evidence: .weak,
                 role: PersonRole(country: country, title: text.text(ofTokens: title).lowercased()))
            index = title.upperBound
        }
    }

    /// A place of the gazetteer at `index` ("Vermont", "United States"): its canonical name and where it ends.
    func place(at index: Int) -> (country: String, end: Int)? {
        guard gazetteer.startsName(text.words[index]) else { return nil }
        var found: (country: String, end: Int)?
        gazetteer.forEachName(in: text.words, from: index, to: range.upperBound) { length, indices in
            if let entry = indices.lazy.map({ gazetteer.entry($0) }).first(where: { $0.category.entityKind == .location && !$0.matchesOnlyInCapitals }) {
                found = (entry.canonical, index + length)
            }
        }
        return found
    }

    /// The number of tokens of a demonym at the start of `name` ("North Korean"), or `nil`.
    func leadingDemonymLength(_ name: Range<Int>) -> Int? {
        guard features(name.lowerBound).contains(.demonym) else { return nil }
        var longest: Int?
        gazetteer.forEachName(in: text.words, from: name.lowerBound, to: name.upperBound) { length, indices in
            if indices.contains(where: { gazetteer.entry($0).category == .demonym }) { longest = length }
        }
        return longest
    }
}
