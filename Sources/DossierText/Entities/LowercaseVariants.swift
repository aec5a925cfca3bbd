import DossierCore

/// Finds a document's organisation and event names written again in lower case ("the Harbour
/// Summit" … "the harbour summit"): the same words, compared case-insensitively, none of them
/// already part of a name.
enum LowercaseVariants {
    /// Adds the lower-case variants of the multi-word organisation and event names in `candidates`,
    /// keeping text order.
    static func add(to candidates: inout [EntityCandidate], in text: AnalyzedText, bytes: UnsafeBufferPointer<UInt8>) {
        let names = candidates.filter { ($0.kind == .organization || $0.kind == .event) && $0.tokens.count >= 2 && $0.evidence >= .gazetteer }
        guard !names.isEmpty else { return }
        var claimed = [Bool](repeating: false, count: text.tokens.count)
        for candidate in candidates { for index in candidate.tokens { claimed[index] = true } }
        var found: [EntityCandidate] = []
        var seen: Set<String> = []
        for name in names where seen.insert(name.text.lowercased()).inserted {
            let length = name.tokens.count
            let first = text.tokens[name.tokens.lowerBound].bytes
            let firstLetter = bytes[first.lowerBound] | 0x20
            var start = 0
            while start + length <= text.tokens.count {
                let tokens = start..<(start + length)
                let candidateFirst = text.tokens[start].bytes
                // Cheap tests first: same length and first letter, written in lower case, free.
                if candidateFirst.count == first.count, bytes[candidateFirst.lowerBound] | 0x20 == firstLetter, !claimed[start],
                   text.tokens[start].shape.contains(.lowercase), matches(tokens, name.tokens, in: text, bytes: bytes),
                   !tokens.contains(where: { claimed[$0] }) {
                    let written = text.text(ofTokens: tokens)
                    found.append(EntityCandidate(tokens: tokens, span: text.span(ofTokens: tokens), text: written, kind: name.kind,
                                                 entity: name.entity, sentence: Int(text.sentenceOfToken[start]), evidence: name.evidence,
                                                 category: name.category))
                    for index in tokens { claimed[index] = true }
                    start += length
                } else {
                    start += 1
                }
            }
        }
        guard !found.isEmpty else { return }
        candidates.append(contentsOf: found)
        candidates.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Whether two token ranges spell the same words, ignoring ASCII case.
    private static func matches(_ tokens: Range<Int>, _ other: Range<Int>, in text: AnalyzedText, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        zip(tokens, other).allSatisfy { left, right in
            let a = text.tokens[left].bytes, b = text.tokens[right].bytes
            return a.count == b.count && zip(a, b).allSatisfy { bytes[$0] | 0x20 == bytes[$1] | 0x20 }
        }
    }
}
