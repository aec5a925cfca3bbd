import DossierCore

/// Names found outside the ordinary chunks: all-capitals headlines, gazetteer names (teams in
/// sports reports), hyphenated place pairs.
extension SentenceNameFinder {
    /// Emits a gazetteer name with its kind; in a sports report a city or region that is not
    /// placed by a preposition or a dateline names a team.
    mutating func emitGazetteerName(_ name: Range<Int>, _ entry: GazetteerEntry) {
        guard var kind = entry.category.entityKind else { return }
        if context.isSportsReport, entry.category == .city || entry.category == .region, !isPlaced(name) {
            kind = .organization
        }
        emit(name, kind: kind, entity: entry.canonical, evidence: .gazetteer, category: entry.category)
    }

    /// An all-capitals headline: known names by the gazetteer, and every other capitalised word as a
    /// weak candidate the resolver keeps only when the document names it elsewhere.
    mutating func findInHeadline() {
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

    /// "Russia-Ukraine": emits each part when every part is a gazetteer place or organisation.
    mutating func splitHyphenated(_ index: Int) -> Bool {
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

    func codePoints(in byteRange: Range<Int>) -> Int {
        byteRange.reduce(0) { $0 + (bytes[$1] & 0xC0 == 0x80 ? 0 : 1) }
    }
}
