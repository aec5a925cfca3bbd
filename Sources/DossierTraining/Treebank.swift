import DossierText
import Foundation

/// One sentence of a CoNLL-U treebank: its words with their gold tags, lemmas, heads and relations.
package struct TreebankSentence: Sendable {
    /// The `# sent_id` comment, when there is one.
    package var identifier: String?
    /// The `# text` comment, when there is one.
    package var text: String?
    /// The words' forms.
    package var forms: [String]
    /// The words' lemmas.
    package var lemmas: [String]
    /// The words' parts of speech.
    package var tags: [PartOfSpeech]
    /// The words' treebank tags (XPOS).
    package var treebankTags: [String]
    /// The words' heads, from 0; -1 for the root.
    package var heads: [Int]
    /// The words' relations to their heads.
    package var relations: [DependencyRelation]
    /// Whether each word is followed by a space (`SpaceAfter=No` in MISC makes it false).
    package var spaceAfter: [Bool]

    /// The number of words.
    package var count: Int { forms.count }

    /// The words as the tagger and parser read them.
    package var words: SentenceWords { SentenceWords(forms: forms) }
}

/// Reads CoNLL-U (https://universaldependencies.org/format.html): the basic tree of each sentence's
/// syntactic words. Multiword-token lines (`3-4`) and empty nodes (`8.1`) are skipped, as the
/// basic tree does not use them.
package enum CoNLLUReader {
    /// A line that is not CoNLL-U.
    package struct Failure: Error, CustomStringConvertible {
        /// The file's path.
        package var path: String
        /// The line, from 1.
        package var line: Int
        /// What is wrong.
        package var reason: String

        package var description: String { "\(path):\(line): \(reason)" }
    }

    /// The sentences of the file at `path`.
    package static func sentences(atPath path: String) throws -> [TreebankSentence] {
        try sentences(in: String(contentsOfFile: path, encoding: .utf8), path: path)
    }

    /// The sentences of CoNLL-U `text`; `path` names it in errors.
    package static func sentences(in text: String, path: String) throws -> [TreebankSentence] {
        var sentences: [TreebankSentence] = []
        var current = TreebankSentence(forms: [], lemmas: [], tags: [], treebankTags: [], heads: [], relations: [], spaceAfter: [])
        var lineNumber = 0
        func finish() throws {
            guard !current.forms.isEmpty else { return }
            for (index, head) in current.heads.enumerated() where head >= current.count {
                throw Failure(path: path, line: lineNumber, reason: "word \(index + 1) has head \(head + 1), past the sentence's \(current.count) words")
            }
            sentences.append(current)
            current = TreebankSentence(forms: [], lemmas: [], tags: [], treebankTags: [], heads: [], relations: [], spaceAfter: [])
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.isEmpty { try finish(); continue }
            if line.hasPrefix("#") {
                if let value = line.commentValue("sent_id") { current.identifier = value }
                if let value = line.commentValue("text") { current.text = value }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw Failure(path: path, line: lineNumber, reason: "expected 10 tab-separated columns, found \(columns.count)")
            }
            if columns[0].contains("-") || columns[0].contains(".") { continue }
            guard let id = Int(columns[0]), id == current.count + 1 else {
                throw Failure(path: path, line: lineNumber, reason: "word number '\(columns[0])' out of sequence (expected \(current.count + 1))")
            }
            guard let tag = PartOfSpeech(universalName: columns[3]) else {
                throw Failure(path: path, line: lineNumber, reason: "unknown part of speech '\(columns[3])'")
            }
            guard let head = Int(columns[6]), head >= 0 else {
                throw Failure(path: path, line: lineNumber, reason: "head '\(columns[6])' is not a word number")
            }
            current.forms.append(String(columns[1]))
            current.lemmas.append(String(columns[2]))
            current.tags.append(tag)
            current.treebankTags.append(String(columns[4]))
            current.heads.append(head - 1)
            current.relations.append(DependencyRelation(name: columns[7]))
            current.spaceAfter.append(!columns[9].split(separator: "|").contains("SpaceAfter=No"))
        }
        try finish()
        return sentences
    }
}

private extension Substring {
    /// The value of a `# key = value` comment.
    func commentValue(_ key: String) -> String? {
        let body = dropFirst().drop { $0 == " " }
        guard body.hasPrefix(key) else { return nil }
        let rest = body.dropFirst(key.count).drop { $0 == " " }
        guard rest.hasPrefix("=") else { return nil }
        return String(rest.dropFirst().drop { $0 == " " })
    }
}
