import DossierCore

/// Resolves candidates within one document:
///
/// - an acronym defined in parentheses ("Federal Security Service (FSB)") becomes an alias of
///   the name before it, for the whole document, ahead of the gazetteer;
/// - a surname or other part of a person's full name ("Putin") resolves to that person
///   ("Vladimir Putin") when exactly one person in the document has that name part;
/// - a plural organisation or event name ("Belt and Road Forums") joins its singular when the
///   document also has that;
/// - a place written alone can be a person's surname ("Neil Jordan" … "Jordan");
/// - a role phrase ("the Russian leader") resolves to the one person the document gives that role
///   ("Russian President Vladimir Putin"), and is dropped when none or several hold it;
/// - a name written the same way in any case as a better-evidenced one ("LEICESTERSHIRE",
///   "Somerset" at a sentence start) takes its kind and entity;
/// - weak candidates (a capitalised word that only starts a sentence or stands in a headline) are
///   dropped unless one of the above resolves them.
///
/// Mention texts stay as written; `entity` is the canonical name.
public struct DocumentEntityResolver: EntityResolver {
    /// Creates a resolver.
    public init() {}

    /// The mentions of the document, in text order.
    public func resolve(_ candidates: [EntityCandidate], in text: AnalyzedText) -> [Mention] {
        let aliases = acronymAliases(candidates, in: text)
        var known = KnownNames(candidates)
        let people = PersonIndex(Self.retypedByBetterWriting(candidates, known: &known), in: text)
        let roles = RoleIndex(candidates)
        let singulars = Set(candidates.filter { $0.kind == .event || $0.kind == .organization }.map(\.entity))
        var mentions: [Mention] = []
        mentions.reserveCapacity(candidates.count)
        for candidate in candidates {
            var kind = candidate.kind, entity = candidate.entity
            if let role = candidate.role, candidate.evidence == .weak {
                // "the Russian leader": the person who holds the role here, or no mention.
                guard let person = roles.holder(of: role) else { continue }
                (kind, entity) = (.person, person)
            } else if let alias = aliases[candidate.text] {
                (kind, entity) = alias
            } else if candidate.kind == .person || candidate.evidence < .gazetteer
                        || candidate.kind == .location && candidate.tokens.count == 1 && !people.isEmpty {
                // A place written alone can be a person's surname here ("Neil Jordan" … "Jordan said").
                if let person = people.fullName(for: candidate, in: text) {
                    (kind, entity) = (.person, person)
                } else if candidate.evidence < .gazetteer, let earlier = known.best(for: candidate) {
                    (kind, entity) = earlier
                } else if candidate.evidence == .weak {
                    continue
                }
            }
            if kind == .event || kind == .organization, entity.hasSuffix("s"), singulars.contains(String(entity.dropLast())) {
                entity = String(entity.dropLast())  // "Belt and Road Forums" is the "Belt and Road Forum"
            }
            mentions.append(Mention(span: candidate.span, text: candidate.text, kind: kind, entity: entity, sentence: candidate.sentence))
        }
        return mentions
    }

    /// The candidates, a name of several words typed on its spelling alone taking the kind and entity of
    /// its better-evidenced writing elsewhere ("Vladimir Putin" at a sentence start, "President
    /// Vladimir Putin" later), so that the people index has every person the document names in full,
    /// and no name it shows to be something else ("rock band Grateful Dead", then "the Grateful Dead").
    private static func retypedByBetterWriting(_ candidates: [EntityCandidate], known: inout KnownNames) -> [EntityCandidate] {
        var result = candidates
        for (index, candidate) in candidates.enumerated() where candidate.tokens.count >= 2 && candidate.evidence == .capitalization {
            if let (kind, entity) = known.best(for: candidate) {
                result[index].kind = kind
                result[index].entity = entity
            }
        }
        return result
    }

    /// "Name (ACRONYM)": the acronym, as written, mapped to the name's kind and entity.
    private func acronymAliases(_ candidates: [EntityCandidate], in text: AnalyzedText) -> [String: (EntityKind, String)] {
        var aliases: [String: (EntityKind, String)] = [:]
        for candidate in candidates where candidate.tokens.count >= 2 {
            let open = candidate.tokens.upperBound
            guard open + 2 < text.tokens.count, text.token(open, is: "("), text.token(open + 2, is: ")"),
                  text.tokens[open + 1].shape.contains(.allCaps) else { continue }
            let acronym = text.text(ofToken: open + 1)
            guard acronym.first?.lowercased() == candidate.text.first?.lowercased() else { continue }
            var kind = candidate.kind
            if kind == .other || kind == .person {
                kind = .organization
            }
            aliases[acronym] = (kind, candidate.entity)
        }
        return aliases
    }
}

/// The people a document names in full, indexed by the parts of their names.
///
/// Name parts are keyed by a hash of their lower-cased UTF-8 bytes rather than by `String`: the
/// resolver asks for every person and every weak candidate, and String splitting, lower-casing and
/// hashing made this index a tenth of all annotation time.
struct PersonIndex {
    /// The canonical full names.
    private var names: [String] = []
    /// Name part → the indices (in `names`) of the full names containing it.
    private var namesByPart: [UInt64: [Int32]] = [:]
    /// How often the document names each person (by `names` index), in full or by a name the
    /// gazetteer resolves to them ("Yeltsin" → "Boris Yeltsin").
    private var mentionCounts: [Int] = []

    /// Whether the document names nobody in full.
    var isEmpty: Bool { namesByPart.isEmpty }

    init(_ candidates: [EntityCandidate], in text: AnalyzedText) {
        var indexOfName: [String: Int32] = [:]
        for candidate in candidates where candidate.kind == .person && candidate.evidence > .weak && candidate.tokens.count >= 2 {
            // "Bin Salman", "Von der Leyen": a surname with its particle names nobody in full.
            guard PersonIndex.forEachPart(of: candidate.entity, { _ in }) >= 2 else { continue }
            let nameIndex: Int32
            if let known = indexOfName[candidate.entity] {
                nameIndex = known
            } else {
                nameIndex = Int32(names.count)
                names.append(candidate.entity)
                indexOfName[candidate.entity] = nameIndex
            }
            PersonIndex.forEachPart(of: candidate.entity) { part in
                if namesByPart[part, default: []].contains(nameIndex) == false { namesByPart[part, default: []].append(nameIndex) }
            }
        }
        mentionCounts = Array(repeating: 0, count: names.count)
        for candidate in candidates where candidate.kind == .person && candidate.evidence > .weak {
            if let index = indexOfName[candidate.entity] { mentionCounts[Int(index)] += 1 }
        }
    }

    /// The keys of the particles inside names ("van", "der", "al", "bin"), which stand for nobody.
    private static let particleKeys = Set(CalendarLexicon.nameParticles.map { NameKey.of($0) })

    /// Calls `body` with the key of each word of a name that can stand for it ("Vladimir",
    /// "Putin"): longer than one letter and capitalised, no particle; keys ignore case. A word
    /// joined to its particle ("al-Assadi") stands for the name with and without it. Gives the
    /// number of such words.
    @discardableResult
    static func forEachPart(of name: String, _ body: (UInt64) -> Void) -> Int {
        var words = 0
        for part in name.utf8.split(separator: UInt8(ascii: " ")) {
            guard let first = part.first else { continue }
            if let hyphen = part.firstIndex(of: UInt8(ascii: "-")), particleKeys.contains(NameKey.of(part[part.startIndex..<hyphen])),
               let next = part[part.index(after: hyphen)...].first, next >= 0x41, next <= 0x5A {
                words += 1
                body(NameKey.of(part))
                body(NameKey.of(part[part.index(after: hyphen)...]))
                continue
            }
            if first < 0x80 {
                guard part.count > 1, first >= 0x41, first <= 0x5A else { continue }
            } else {
                // Rare: a name word that starts with a letter outside ASCII.
                let word = Substring(part)
                guard word.unicodeScalars.count > 1, word.unicodeScalars.first?.properties.isUppercase == true else { continue }
            }
            let key = NameKey.of(part)
            guard !particleKeys.contains(key) else { continue }
            words += 1
            body(key)
        }
        return words
    }

    /// The one full name every word of the candidate belongs to: the only one, or, when several
    /// people share the words ("Robert Mugabe", "Grace Mugabe"), the one the gazetteer gave the
    /// candidate, else the one the document names most often, at least twice as often as each of
    /// the others — news refers to its main person by surname and to relatives in full.
    func fullName(for candidate: EntityCandidate, in text: AnalyzedText) -> String? {
        var common: [Int32]?
        var words = 0
        var isKnown = true
        PersonIndex.forEachPart(of: candidate.text) { part in
            words += 1
            guard isKnown else { return }
            guard let holders = namesByPart[part] else {
                isKnown = false
                return
            }
            common = common.map { $0.filter(holders.contains) } ?? holders
        }
        guard isKnown, words > 0, words < 4, let common, !common.isEmpty else { return nil }
        guard common.count > 1 else { return names[Int(common[0])] }
        if let own = common.first(where: { names[Int($0)] == candidate.entity }) { return names[Int(own)] }
        let ranked = common.sorted { mentionCounts[Int($0)] > mentionCounts[Int($1)] }
        guard mentionCounts[Int(ranked[0])] >= 2 * mentionCounts[Int(ranked[1])] else { return nil }
        return names[Int(ranked[0])]
    }
}
