import DossierText

/// A multiclass perceptron being trained, whose weights are averaged over every update (Collins
/// 2002; lazy averaging as in Daumé's thesis), stored sparsely: a feature has weights only for
/// the classes it was updated for.
struct AveragedPerceptron {
    let classCount: Int
    private var rows: [UInt64: Int32] = [:]
    private var rowEntries: [[Int32]] = []
    private var entryClass: [UInt8] = []
    private var weights: [Float] = []
    private var totals: [Double] = []
    private var stamps: [Int] = []
    /// The number of decisions seen, the clock of the averaging.
    private(set) var time = 0

    /// Whether only the features given at creation may get weights.
    private let isRestricted: Bool

    /// A model whose weights start at zero; with `features`, only those features ever get weights
    /// (the others are too rare to learn from, and would only make the model larger).
    init(classCount: Int, features: [UInt64]? = nil) {
        self.classCount = classCount
        isRestricted = features != nil
        for key in features ?? [] where rows[key] == nil {
            rows[key] = Int32(rowEntries.count)
            rowEntries.append([])
        }
    }

    /// Adds the current weights of `features` to `scores`.
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Float>) {
        for key in features {
            guard let row = rows[key] else { continue }
            for entry in rowEntries[Int(row)] { scores[Int(entryClass[Int(entry)])] += weights[Int(entry)] }
        }
    }

    /// Counts one decision (whether or not it needed an update).
    mutating func tick() { time += 1 }

    /// Moves the weights of `features` towards `truth` and away from `guess`.
    mutating func update(_ features: UnsafeBufferPointer<UInt64>, truth: Int, guess: Int) {
        guard truth != guess else { return }
        for key in features {
            adjust(key, class: truth, by: 1)
            adjust(key, class: guess, by: -1)
        }
    }

    private mutating func adjust(_ key: UInt64, class label: Int, by delta: Float) {
        let row: Int
        if let existing = rows[key] {
            row = Int(existing)
        } else if isRestricted {
            return
        } else {
            row = rowEntries.count
            rows[key] = Int32(row)
            rowEntries.append([])
        }
        var entry = -1
        for candidate in rowEntries[row] where Int(entryClass[Int(candidate)]) == label { entry = Int(candidate); break }
        if entry < 0 {
            entry = weights.count
            entryClass.append(UInt8(label))
            weights.append(0)
            totals.append(0)
            stamps.append(time)
            rowEntries[row].append(Int32(entry))
        }
        totals[entry] += Double(time - stamps[entry]) * Double(weights[entry])
        stamps[entry] = time
        weights[entry] += delta
    }

    /// The averaged weights, for scoring; weights that average to zero are dropped.
    func averaged() -> PerceptronWeights {
        var features: [(key: UInt64, weights: [(class: UInt8, weight: Float)])] = []
        features.reserveCapacity(rows.count)
        for (key, row) in rows.sorted(by: { $0.key < $1.key }) {
            var classWeights: [(class: UInt8, weight: Float)] = []
            for entry in rowEntries[Int(row)].sorted(by: { entryClass[Int($0)] < entryClass[Int($1)] }) {
                let index = Int(entry)
                let total = totals[index] + Double(time - stamps[index]) * Double(weights[index])
                let average = Float(total / Double(max(time, 1)))
                if abs(average) > 1e-3 { classWeights.append((entryClass[index], average)) }
            }
            if !classWeights.isEmpty { features.append((key, classWeights)) }
        }
        return PerceptronWeights(classCount: classCount, features: features)
    }
}

/// Counts how often each feature key occurs, to keep only the features seen often enough.
struct FeatureCounter {
    private var counts: [UInt64: UInt32] = [:]

    mutating func add(_ features: UnsafeBufferPointer<UInt64>) {
        for key in features { counts[key, default: 0] &+= 1 }
    }

    /// The keys seen at least `minimum` times, in a fixed order.
    func keys(seenAtLeast minimum: Int) -> [UInt64] {
        counts.filter { $0.value >= minimum }.keys.sorted()
    }

    var distinct: Int { counts.count }
}

/// A seeded random number generator (SplitMix64), so training is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
