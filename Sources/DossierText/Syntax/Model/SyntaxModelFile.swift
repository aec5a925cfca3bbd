import Foundation

/// The binary file that holds a trained `PerceptronParser`: its tagger, lemmatizer, move and label
/// weights, with a line saying what it was trained on.
///
/// Layout (little-endian): the magic `DOSSYN01`, a byte-order mark, the description, the number
/// of moves and labels the model was trained with, the tag set, the tagger's weights, tag
/// dictionary and ambiguity classes, the lemmatizer's exceptions and rules, the move weights and
/// the label weights.
package enum SyntaxModelFile {
    static let magic = Array("DOSSYN01".utf8)
    static let byteOrderMark: UInt32 = 0x0102_0304

    /// The file's bytes for `parser`, described by `description` (what it was trained on, how).
    package static func data(of parser: PerceptronParser, description: String) -> Data {
        var writer = BinaryModelWriter()
        writer.append(array: magic)
        writer.append(byteOrderMark)
        writer.append(string: description)
        writer.append(UInt32(Move.count))
        writer.append(UInt32(DependencyRelation.allCases.count))
        writer.append(UInt32(parser.tagger.tagSet.count))
        for tag in parser.tagger.tagSet {
            writer.append(tag.universal.rawValue)
            writer.append(string: tag.treebank)
        }
        parser.tagger.weights.write(to: &writer)
        let dictionary = parser.tagger.tagDictionary.sortedPairs
        writer.append(UInt32(dictionary.count))
        writer.append(array: dictionary.map(\.key))
        writer.append(array: dictionary.map(\.value))
        let ambiguity = parser.tagger.ambiguityClasses.sortedPairs
        writer.append(UInt32(ambiguity.count))
        writer.append(array: ambiguity.map(\.key))
        writer.append(array: ambiguity.map(\.value))
        let exceptions = parser.lemmatizer.exceptions.sorted { $0.key < $1.key }
        writer.append(UInt32(exceptions.count))
        writer.append(array: exceptions.map(\.key))
        for (_, lemma) in exceptions { writer.append(string: lemma) }
        let rules = parser.lemmatizer.rules.sorted { $0.key < $1.key }
        writer.append(UInt32(rules.count))
        writer.append(array: rules.map(\.key))
        writer.append(array: rules.map { UInt8($0.value.strip) })
        for (_, rule) in rules { writer.append(string: rule.append) }
        parser.moves.write(to: &writer)
        parser.labels.write(to: &writer)
        return writer.data
    }

    /// Reads a parser from a file's bytes, with the description it was saved with.
    package static func parser(from data: Data) throws -> (parser: PerceptronParser, description: String) {
        var reader = BinaryModelReader(data)
        guard try reader.readArray(UInt8.self, count: magic.count) == magic else {
            throw BinaryModelReader.Failure.malformed("not a Dossier syntax model")
        }
        guard try reader.read(UInt32.self) == byteOrderMark else { throw BinaryModelReader.Failure.malformed("byte order") }
        let description = try reader.readString()
        let moveCount = Int(try reader.read(UInt32.self)), labelCount = Int(try reader.read(UInt32.self))
        guard moveCount == Move.count, labelCount == DependencyRelation.allCases.count else {
            throw BinaryModelReader.Failure.malformed("trained with \(moveCount) moves and \(labelCount) labels; this Dossier has \(Move.count) and \(DependencyRelation.allCases.count)")
        }
        let tagCount = Int(try reader.read(UInt32.self))
        guard tagCount > 0 && tagCount < 255 else { throw BinaryModelReader.Failure.malformed("\(tagCount) tags") }
        var tagSet: [PartOfSpeechTagger.Tag] = []
        for _ in 0..<tagCount {
            let raw = try reader.read(UInt8.self)
            guard let universal = PartOfSpeech(rawValue: raw) else { throw BinaryModelReader.Failure.malformed("tag \(raw)") }
            tagSet.append(PartOfSpeechTagger.Tag(universal: universal, treebank: try reader.readString()))
        }
        let taggerWeights = try PerceptronWeights(from: &reader)
        let dictionaryCount = Int(try reader.read(UInt32.self))
        let dictionaryKeys = try reader.readArray(UInt64.self, count: dictionaryCount)
        let dictionaryTags = try reader.readArray(UInt8.self, count: dictionaryCount)
        guard dictionaryTags.allSatisfy({ Int($0) < tagCount }), let tagDictionary = HashedKeyTable(sortedKeys: dictionaryKeys, values: dictionaryTags) else {
            throw BinaryModelReader.Failure.malformed("tag dictionary")
        }
        let ambiguityCount = Int(try reader.read(UInt32.self))
        let ambiguityKeys = try reader.readArray(UInt64.self, count: ambiguityCount)
        let ambiguityValues = try reader.readArray(UInt64.self, count: ambiguityCount)
        guard let ambiguityClasses = HashedKeyTable(sortedKeys: ambiguityKeys, values: ambiguityValues) else {
            throw BinaryModelReader.Failure.malformed("ambiguity classes")
        }
        var texts: (bytes: [UInt8], ends: [UInt32]) = ([], [])
        let exceptionCount = Int(try reader.read(UInt32.self))
        let exceptionKeys = try reader.readArray(UInt64.self, count: exceptionCount)
        try reader.readStrings(count: exceptionCount, into: &texts)
        let ruleCount = Int(try reader.read(UInt32.self))
        let ruleKeys = try reader.readArray(UInt64.self, count: ruleCount)
        let strips = try reader.readArray(UInt8.self, count: ruleCount)
        try reader.readStrings(count: ruleCount, into: &texts)
        let lemmatizer = try Lemmatizer(exceptionKeys: exceptionKeys, ruleKeys: ruleKeys, strips: strips, texts: texts)
        let moves = try PerceptronWeights(from: &reader)
        let labels = try PerceptronWeights(from: &reader)
        guard reader.isAtEnd else { throw BinaryModelReader.Failure.malformed("bytes after the label weights") }
        guard taggerWeights.classCount == tagCount, moves.classCount == moveCount, labels.classCount == labelCount else {
            throw BinaryModelReader.Failure.malformed("class counts")
        }
        let parser = PerceptronParser(tagger: PartOfSpeechTagger(tagSet: tagSet, weights: taggerWeights, tagDictionary: tagDictionary,
                                                                 ambiguityClasses: ambiguityClasses),
                                      lemmatizer: lemmatizer, moves: moves, labels: labels)
        return (parser, description)
    }
}

extension PerceptronParser {
    /// The parser shipped with Dossier (`Resources/Syntax/en-ewt.dsyn`, trained on UD English EWT
    /// by `Scripts/train-parser`); loaded once.
    public static let bundled: PerceptronParser = {
        guard let url = Bundle.module.url(forResource: "en-ewt", withExtension: "dsyn", subdirectory: "Syntax") else {
            fatalError("DossierText: the bundled syntax model Syntax/en-ewt.dsyn is missing; run Scripts/train-parser")
        }
        do { return try SyntaxModelFile.parser(from: Data(contentsOf: url, options: .alwaysMapped)).parser } catch {
            fatalError("DossierText: cannot read the bundled syntax model: \(error)")
        }
    }()

    /// Reads a parser saved by `dossier-train`.
    public init(contentsOf url: URL) throws {
        self = try SyntaxModelFile.parser(from: Data(contentsOf: url, options: .alwaysMapped)).parser
    }
}
