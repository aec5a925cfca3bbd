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
        let people = PersonIndex(candidates, in: text)
        var known = KnownNames(candidates)
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
struct PersonIndex {
    /// Lower-cased name part → the canonical full names containing it.
    private var fullNames: [String: Set<String>] = [:]

    /// Whether the document names nobody in full.
    var isEmpty: Bool { fullNames.isEmpty }

    init(_ candidates: [EntityCandidate], in text: AnalyzedText) {
        for candidate in candidates where candidate.kind == .person && candidate.evidence > .weak && candidate.tokens.count >= 2 {
            for part in PersonIndex.parts(of: candidate.entity) {
                fullNames[part, default: []].insert(candidate.entity)
            }
        }
    }

    /// The words of a name that can stand for it ("Vladimir", "Putin"), lower-cased.
    static func parts(of name: String) -> [String] {
        name.split(separator: " ").filter { $0.count > 1 && $0.first?.isUppercase == true }.map { $0.lowercased() }
    }

    /// The one full name every word of the candidate belongs to, if there is exactly one.
    func fullName(for candidate: EntityCandidate, in text: AnalyzedText) -> String? {
        let words = PersonIndex.parts(of: candidate.text)
        guard !words.isEmpty, words.count < 4 else { return nil }
        var common: Set<String>?
        for word in words {
            guard let names = fullNames[word] else { return nil }
            common = common.map { $0.intersection(names) } ?? names
        }
        guard let common, common.count == 1, let name = common.first else { return nil }
        return name
    }
}
