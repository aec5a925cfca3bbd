import DossierText
import Foundation
import Testing

/// The weight tables the tagger and parser score with: the interleaved slots and the batched
/// lookups must add exactly the weights a plain dictionary would.
@Suite("Perceptron weights")
struct PerceptronWeightsTests {
    typealias Feature = (key: UInt64, weights: [(class: UInt8, weight: Float)])

    /// Features with random keys and weights, reproducibly.
    func features(count: Int, classCount: Int, seed: UInt64) -> [Feature] {
        var generator = Draws(seed: seed)
        var keys = Set<UInt64>()
        while keys.count < count { keys.insert(generator.next() | 1) }
        return keys.sorted().map { key in
            let classes = (0..<classCount).filter { _ in generator.next() % 3 == 0 }
            return (key, classes.map { (UInt8($0), Float(Int64(generator.next() % 2001) - 1000) / 10) })
        }
    }

    /// The scores a dictionary of the rounded stored weights gives.
    func expectedScores(of keys: [UInt64], features: [Feature], classCount: Int, scale: Float) -> [Int32] {
        let table = Dictionary(uniqueKeysWithValues: features.map { ($0.key, $0.weights) })
        var scores = [Int32](repeating: 0, count: classCount)
        for key in keys {
            for (label, weight) in table[key] ?? [] { scores[Int(label)] += Int32(Int16((weight / scale).rounded())) }
        }
        return scores
    }

    func scores(of keys: [UInt64], with weights: PerceptronWeights) -> [Int32] {
        var scores = [Int32](repeating: 0, count: weights.classCount)
        keys.withUnsafeBufferPointer { keys in
            scores.withUnsafeMutableBufferPointer { weights.addWeights(of: keys, to: $0.baseAddress!) }
        }
        return scores
    }

    @Test(arguments: [4, 3, 58])
    func scoresEqualThoseOfADictionary(classCount: Int) {
        let features = features(count: 5_000, classCount: classCount, seed: UInt64(classCount))
        let weights = PerceptronWeights(classCount: classCount, features: features)
        var generator = Draws(seed: 99)
        for _ in 0..<200 {
            // Known and unknown keys, some repeated.
            let keys = (0..<50).map { _ in
                generator.next() % 2 == 0 ? features[Int(generator.next() % UInt64(features.count))].key : generator.next()
            }
            #expect(scores(of: keys, with: weights) == expectedScores(of: keys, features: features, classCount: classCount, scale: weights.scale))
        }
        #expect(weights.featureCount == features.filter { !$0.weights.isEmpty }.count)
    }

    @Test func aTableWithoutFeaturesScoresNothing() {
        for classCount in [2, 40] {
            let weights = PerceptronWeights(classCount: classCount, features: [])
            #expect(scores(of: [1, 2, 3, 0xFFFF_FFFF_0000_0001], with: weights) == [Int32](repeating: 0, count: classCount))
        }
    }

    @Test(arguments: [4, 58])
    func theModelFileLayoutRoundTrips(classCount: Int) throws {
        let features = features(count: 2_000, classCount: classCount, seed: 7)
        let weights = PerceptronWeights(classCount: classCount, features: features)
        var writer = BinaryModelWriter()
        weights.write(to: &writer)
        var reader = BinaryModelReader(writer.data)
        let read = try PerceptronWeights(from: &reader)
        #expect(reader.isAtEnd)
        var again = BinaryModelWriter()
        read.write(to: &again)
        #expect(again.data == writer.data)
        let keys = features.prefix(300).map(\.key) + [12345, 67890]
        #expect(scores(of: keys, with: read) == scores(of: keys, with: weights))
    }
}

/// Reproducible pseudo-random numbers: a counter through a 64-bit mixing function.
struct Draws {
    var counter: UInt64
    init(seed: UInt64) { counter = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        counter &+= 1
        let mixed = (counter ^ (counter >> 31)) &* 0xD6E8_FEB8_6659_FD93
        return mixed ^ (mixed >> 29) ^ (mixed << 17)
    }
}
