import DossierText
import Foundation
import Testing

/// The lexical tables the tagger and lemmatizer load from the model file: every key finds its own
/// value, other keys find none, and the pairs come back as they went in.
@Suite("Hashed key tables")
struct HashedKeyTableTests {
    @Test func everyKeyFindsItsValueAndNoOtherKeyFindsOne() {
        var draws = Draws(seed: 11)
        var pairs: [UInt64: UInt32] = [:]
        while pairs.count < 5_000 { pairs[draws.next()] = UInt32(truncatingIfNeeded: draws.next()) }
        // Keys that differ only in their upper bits, which a table indexed by low bits would pile up.
        for shift in 40..<60 { pairs[UInt64(1) << UInt64(shift)] = UInt32(shift) }
        let table = HashedKeyTable(pairs)
        #expect(table.count == pairs.count)
        for (key, value) in pairs { #expect(table[key] == value) }
        var absent = 0
        while absent < 5_000 {
            let key = draws.next()
            guard pairs[key] == nil else { continue }
            #expect(table[key] == nil)
            absent += 1
        }
        #expect(table.sortedPairs.map(\.key) == pairs.keys.sorted())
        #expect(table.sortedPairs.map(\.value) == pairs.keys.sorted().map { pairs[$0]! })
    }

    @Test func theKeyZeroIsAKeyLikeAnyOther() {
        let table = HashedKeyTable<UInt8>([0: 7, 1: 9])
        #expect(table[0] == 7 && table[1] == 9 && table[2] == nil)
        #expect(table.sortedPairs.map(\.key) == [0, 1])
        #expect(HashedKeyTable<UInt8>([1: 9])[0] == nil)
    }

    @Test func anEmptyTableFindsNothing() {
        let table = HashedKeyTable<UInt64>([:])
        #expect(table.count == 0 && table[0] == nil && table[42] == nil && table.sortedPairs.isEmpty)
    }

    @Test func theBundledLemmatizerReadsBackWhatItWrites() throws {
        let bundled = PerceptronParser.bundled
        let data = SyntaxModelFile.data(of: bundled, description: "copy")
        let copy = try SyntaxModelFile.parser(from: data).parser
        #expect(SyntaxModelFile.data(of: copy, description: "copy") == data)
        #expect(copy.lemmatizer.exceptionCount == bundled.lemmatizer.exceptionCount && copy.lemmatizer.ruleCount > 1_000)
        for (form, tag, lemma) in [("visited", PartOfSpeech.verb, "visit"), ("talks", .noun, "talk"), ("was", .auxiliary, "be"),
                                   ("studies", .verb, "study"), ("Moscow", .properNoun, "Moscow"), ("went", .verb, "go")] {
            #expect(copy.lemmatizer.lemma(of: form, tag: tag) == lemma, "\(form)")
        }
    }
}
