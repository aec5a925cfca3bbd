import Dossier
import DossierDemoCorpus
import Foundation
import Testing

/// The relation extractor measured on hand-annotated sentences of real news (RelationGold/).
@Suite("Relation gold")
struct RelationGoldTests {
    /// One gold relation, or one found.
    struct Triple: Hashable, Decodable, CustomStringConvertible {
        var subject: String
        var predicate: String
        var object: String
        var modality: String
        var negated: Bool
        var time: String?

        var description: String {
            "\(subject) —\(predicate)→ \(object) [\(modality)\(negated ? ", negated" : "")\(time.map { ", " + $0 } ?? "")]"
        }
    }

    struct GoldSentence: Decodable {
        var document: String
        var sentence: String
        var relations: [Triple]
    }

    /// Counts of one scoring run.
    struct Score {
        var found = 0
        var expected = 0
        var correct = 0
        var correctWithTime = 0
        var precision: Double { found == 0 ? 0 : Double(correct) / Double(found) }
        var recall: Double { expected == 0 ? 0 : Double(correct) / Double(expected) }
    }

    static let goldFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RelationGold/relations.jsonl")

    @Test func precisionAndRecall() throws {
        let gold = try String(contentsOf: Self.goldFile, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(GoldSentence.self, from: Data($0.utf8))
        }
        let documents = try Self.documents()
        let pipeline = Pipeline()
        var score = Score()
        var misses: [String] = []
        for (name, sentences) in Dictionary(grouping: gold, by: \.document).sorted(by: { $0.key < $1.key }) {
            let document = try #require(documents[name], "gold names an unknown document: \(name)")
            let annotated = pipeline.annotate(document)
            let scalars = Array(document.text.unicodeScalars)
            // The name each mention's text resolved to, so gold "ICC" matches found "International Criminal Court".
            let aliases = Dictionary(annotated.mentions.map { ($0.text.lowercased(), $0.entity.lowercased()) }, uniquingKeysWith: { first, _ in first })
            for sentence in sentences {
                let span = try #require(Self.span(of: sentence.sentence, in: scalars), "gold sentence not in \(name): \(sentence.sentence)")
                let found = Set(annotated.relations.filter { $0.evidence.start < span.upperBound && span.lowerBound < $0.evidence.end }.map {
                    Triple(subject: $0.subject.name, predicate: $0.predicate.rawValue, object: $0.object.name, modality: $0.modality.rawValue,
                           negated: $0.isNegated, time: $0.time)
                })
                var unmatched = Array(found)
                for expected in sentence.relations {
                    // Of two found relations that differ only in time ("in 2017 and 2019"), the one
                    // with the gold time is the match, whatever order the set gives them.
                    let candidates = unmatched.indices.filter { Self.matches(unmatched[$0], expected, aliases: aliases) }
                    if let match = candidates.first(where: { unmatched[$0].time == expected.time }) ?? candidates.first {
                        score.correct += 1
                        if unmatched[match].time == expected.time { score.correctWithTime += 1 }
                        unmatched.remove(at: match)
                    } else {
                        misses.append("missed   \(expected)\n         in: \(sentence.sentence)")
                    }
                }
                for extra in unmatched { misses.append("spurious \(extra)\n         in: \(sentence.sentence)") }
                score.found += found.count
                score.expected += sentence.relations.count
            }
        }
        print("""
            Relation gold: \(gold.count) sentences, \(score.expected) expected relations, \(score.found) found, \(score.correct) correct
              precision \(String(format: "%.3f", score.precision)), recall \(String(format: "%.3f", score.recall)) \
            (subject, predicate, object, modality, negation); \(score.correctWithTime) of the correct ones also have the gold time
            """)
        if ProcessInfo.processInfo.environment["DOSSIER_RELATION_ERRORS"] != nil { print(misses.joined(separator: "\n")) }
        // Floors under what the parse-based extractor reaches (precision 0.679, recall 0.338), so a
        // change that loses relations fails. The window rules it replaced were tuned on these very
        // sentences (0.945, 0.439) and found almost nothing on news nobody had tuned for; see the
        // README's extraction figures for the frozen test gold.
        #expect(score.precision >= 0.65)
        #expect(score.recall >= 0.32)
        withKnownIssue("recall is below the issue's 0.7: many gold relations need coreference (\"the attack\"), metonymy (\"Moscow\" for Russia) or world knowledge") {
            #expect(score.recall >= 0.7)
        }
    }

    /// Whether a found relation is the expected one: the same predicate, modality and negation, and
    /// the same arguments by name or alias (either way round for the symmetric `meet` and `cooperate`).
    static func matches(_ found: Triple, _ expected: Triple, aliases: [String: String]) -> Bool {
        guard found.predicate == expected.predicate, found.modality == expected.modality, found.negated == expected.negated else { return false }
        func same(_ name: String, _ goldName: String) -> Bool {
            let name = name.lowercased(), goldName = goldName.lowercased()
            // A document that only says "Trump" resolves to "Trump"; the gold names the person in full.
            // Likewise "BRICS" for the gold's "BRICS group".
            return name == goldName || aliases[goldName] == name || goldName.hasSuffix(" " + name) || name.hasSuffix(" " + goldName)
                || goldName.hasPrefix(name + " ") || name.hasPrefix(goldName + " ")
        }
        if same(found.subject, expected.subject) && same(found.object, expected.object) { return true }
        let symmetric: Set<String> = ["meet", "cooperate"]
        return symmetric.contains(expected.predicate) && same(found.subject, expected.object) && same(found.object, expected.subject)
    }

    /// One whole document of the second development gold, every relation with its evidence span.
    struct GoldDocument: Decodable {
        struct Entry: Decodable {
            var subject: String
            var predicate: String
            var object: String
            var modality: String
            var negated: Bool
            var time: String?
            var evidence: [Int]
            var subject_also: [String]?
            var object_also: [String]?
        }
        var document: String
        var relations: [Entry]
    }

    static let documentsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RelationGold/documents.jsonl")

    /// Whole Wikinews articles: every relation found anywhere in them counts, so precision is
    /// measured on sentences without relations too.
    @Test func wholeDocuments() throws {
        let gold = try String(contentsOf: Self.documentsFile, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(GoldDocument.self, from: Data($0.utf8))
        }
        let documents = try Self.documents()
        let pipeline = Pipeline()
        var score = Score()
        var misses: [String] = []
        for entry in gold {
            let document = try #require(documents[entry.document], "gold names an unknown document: \(entry.document)")
            let annotated = pipeline.annotate(document)
            let aliases = Dictionary(annotated.mentions.map { ($0.text.lowercased(), $0.entity.lowercased()) }, uniquingKeysWith: { first, _ in first })
            var unmatched = annotated.relations
            for expected in entry.relations.sorted(by: { $0.evidence[0] < $1.evidence[0] }) {
                let triple = Triple(subject: expected.subject, predicate: expected.predicate, object: expected.object,
                                    modality: expected.modality, negated: expected.negated, time: expected.time)
                let candidates = unmatched.indices.filter { index in
                    let found = unmatched[index]
                    guard found.evidence.start < expected.evidence[1], expected.evidence[0] < found.evidence.end else { return false }
                    let names = Triple(subject: found.subject.name, predicate: found.predicate.rawValue, object: found.object.name,
                                       modality: found.modality.rawValue, negated: found.isNegated, time: found.time)
                    return Self.matches(names, triple, aliases: aliases)
                        || (expected.subject_also ?? []).contains { Self.matches(names, Triple(subject: $0, predicate: triple.predicate, object: triple.object, modality: triple.modality, negated: triple.negated, time: triple.time), aliases: aliases) }
                        || (expected.object_also ?? []).contains { Self.matches(names, Triple(subject: triple.subject, predicate: triple.predicate, object: $0, modality: triple.modality, negated: triple.negated, time: triple.time), aliases: aliases) }
                }
                if let match = candidates.first(where: { unmatched[$0].time == expected.time }) ?? candidates.first {
                    score.correct += 1
                    if unmatched[match].time == expected.time { score.correctWithTime += 1 }
                    unmatched.remove(at: match)
                } else {
                    misses.append("missed   \(triple)")
                }
            }
            for extra in unmatched {
                misses.append("spurious \(extra.subject.name) —\(extra.predicate)→ \(extra.object.name) [\(extra.modality)]")
            }
            score.found += annotated.relations.count
            score.expected += entry.relations.count
        }
        print("""
            Relation gold (whole documents): \(gold.count) articles, \(score.expected) expected relations, \(score.found) found, \(score.correct) correct
              precision \(String(format: "%.3f", score.precision)), recall \(String(format: "%.3f", score.recall)); \(score.correctWithTime) of the correct ones also have the gold time
            """)
        if ProcessInfo.processInfo.environment["DOSSIER_RELATION_ERRORS"] != nil { print(misses.joined(separator: "\n")) }
        // Floors under today's figures (precision 0.364, recall 0.122): this gold counts what an
        // analyst reads between the lines ("at odds with", "a critic of"), far beyond the lexicon.
        #expect(score.precision >= 0.34)
        #expect(score.recall >= 0.11)
    }

    /// The code-point range of `sentence` in the document.
    static func span(of sentence: String, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let needle = Array(sentence.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        for start in 0...(scalars.count - needle.count) where scalars[start] == needle[0] {
            if scalars[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }

    /// The seed articles by file name and the Wikinews articles by URL.
    static func documents() throws -> [String: Document] {
        var documents: [String: Document] = [:]
        for file in DemoCorpus.files {
            let data = try Data(contentsOf: file)
            if file.pathExtension == "csv" {
                for document in CSVReader().read(data, path: file.path).documents { documents[document.url ?? document.id] = document }
            } else {
                for document in PlainTextReader().read(data, path: file.path).documents { documents[file.lastPathComponent] = document }
            }
        }
        return documents
    }
}
