/// The weights of a trained linear model, for scoring: for each feature key, the classes it has a
/// weight for and those weights.
///
/// Most features of a perceptron are only ever updated for a few classes, so weights are stored
/// sparsely behind an open-addressing table: scoring a feature costs one probe and a few
/// additions. To keep the table small enough to stay in the processor's cache, a slot holds the
/// upper half of the 64-bit key (the lower half chose the slot), and weights are 16-bit integers
/// scaled by one factor per table. A model of at most four classes (the parser's moves) keeps all
/// four weights in the slot itself: one memory access per feature.
package struct PerceptronWeights: Sendable {
    /// How many classes the model chooses between.
    package let classCount: Int
    private let mask: Int
    /// The upper 32 bits of each slot's key; 0 marks an empty slot.
    private let fingerprints: [UInt32]
    /// Each slot's first entry (upper 24 bits) and entry count (lower 8 bits).
    private let entries: [UInt32]
    private let classes: [UInt8]
    private let values: [Int16]
    /// For at most four classes: each slot's four weights, 16 bits each, class 0 lowest.
    private let inline: [UInt64]
    /// What a stored weight of 1 is worth.
    package let scale: Float

    /// The number of features with at least one weight.
    package var featureCount: Int { fingerprints.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }
    /// The number of stored weights.
    package var weightCount: Int { inline.isEmpty ? values.count : featureCount * classCount }

    /// Whether the weights live in the slots (at most four classes).
    private var isInline: Bool { classCount <= 4 }

    /// The fingerprint of a key: its upper half, never 0.
    @inline(__always) static func fingerprint(_ key: UInt64) -> UInt32 {
        let upper = UInt32(truncatingIfNeeded: key >> 32)
        return upper == 0 ? 1 : upper
    }

    /// Builds the table from each feature's (class, weight) pairs; features must be distinct and
    /// have at most 255 weights each.
    package init(classCount: Int, features: [(key: UInt64, weights: [(class: UInt8, weight: Float)])]) {
        precondition(classCount <= 256)
        self.classCount = classCount
        var capacity = 16
        while capacity < features.count + features.count / 3 { capacity <<= 1 }
        mask = capacity - 1
        let largest = features.lazy.flatMap { $0.weights.map { abs($0.weight) } }.max() ?? 1
        scale = max(largest, 1e-6) / Float(Int16.max)
        var fingerprints = [UInt32](repeating: 0, count: capacity)
        var entries = [UInt32](repeating: 0, count: classCount <= 4 ? 0 : capacity)
        var inline = [UInt64](repeating: 0, count: classCount <= 4 ? capacity : 0)
        var classes: [UInt8] = []
        var values: [Int16] = []
        for feature in features where !feature.weights.isEmpty {
            var slot = Int(truncatingIfNeeded: feature.key) & mask
            while fingerprints[slot] != 0 { slot = (slot + 1) & mask }
            fingerprints[slot] = Self.fingerprint(feature.key)
            if classCount <= 4 {
                for (label, weight) in feature.weights {
                    inline[slot] |= UInt64(UInt16(bitPattern: Int16((weight / scale).rounded()))) << (16 * UInt64(label))
                }
                continue
            }
            entries[slot] = UInt32(classes.count) << 8 | UInt32(feature.weights.count)
            for (label, weight) in feature.weights {
                classes.append(label)
                values.append(Int16((weight / scale).rounded()))
            }
        }
        precondition(classes.count < 1 << 24, "too many weights for the table's layout")
        self.fingerprints = fingerprints
        self.entries = entries
        self.classes = classes
        self.values = values
        self.inline = inline
    }

    /// Adds the weights of every key in `features` to `scores` (one per class), in stored units
    /// (multiply by `scale` for the model's).
    @inline(__always)
    package func addWeights(of features: UnsafeBufferPointer<UInt64>, to scores: UnsafeMutablePointer<Int32>) {
        if isInline {
            addInlineWeights(of: features, to: scores)
            return
        }
        fingerprints.withUnsafeBufferPointer { fingerprints in
            entries.withUnsafeBufferPointer { entries in
                classes.withUnsafeBufferPointer { classes in
                    values.withUnsafeBufferPointer { values in
                        for key in features {
                            let fingerprint = Self.fingerprint(key)
                            var slot = Int(truncatingIfNeeded: key) & mask
                            var found = -1
                            while true {
                                let stored = fingerprints[slot]
                                if stored == fingerprint { found = slot; break }
                                if stored == 0 { break }
                                slot = (slot + 1) & mask
                            }
                            guard found >= 0 else { continue }
                            let entry = entries[found]
                            let start = Int(entry >> 8), end = start + Int(entry & 0xFF)
                            for index in start..<end { scores[Int(classes[index])] &+= Int32(values[index]) }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private func addInlineWeights(of features: UnsafeBufferPointer<UInt64>, to scores: UnsafeMutablePointer<Int32>) {
        var sums: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        fingerprints.withUnsafeBufferPointer { fingerprints in
            inline.withUnsafeBufferPointer { inline in
                for key in features {
                    let fingerprint = Self.fingerprint(key)
                    var slot = Int(truncatingIfNeeded: key) & mask
                    while true {
                        let stored = fingerprints[slot]
                        if stored == fingerprint {
                            let packed = inline[slot]
                            sums.0 &+= Int32(Int16(truncatingIfNeeded: packed))
                            sums.1 &+= Int32(Int16(truncatingIfNeeded: packed >> 16))
                            sums.2 &+= Int32(Int16(truncatingIfNeeded: packed >> 32))
                            sums.3 &+= Int32(Int16(truncatingIfNeeded: packed >> 48))
                            break
                        }
                        if stored == 0 { break }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        scores[0] &+= sums.0
        if classCount > 1 { scores[1] &+= sums.1 }
        if classCount > 2 { scores[2] &+= sums.2 }
        if classCount > 3 { scores[3] &+= sums.3 }
    }

    // MARK: Binary form

    /// Writes the table in the model file's layout.
    package func write(to writer: inout BinaryModelWriter) {
        writer.append(UInt32(classCount))
        writer.append(UInt32(fingerprints.count))
        writer.append(UInt32(classes.count))
        writer.append(scale.bitPattern)
        writer.append(array: fingerprints)
        if isInline {
            writer.append(array: inline)
        } else {
            writer.append(array: entries)
            writer.append(array: classes)
            writer.append(array: values)
        }
    }

    /// Reads a table written by `write(to:)`.
    package init(from reader: inout BinaryModelReader) throws {
        classCount = Int(try reader.read(UInt32.self))
        let capacity = Int(try reader.read(UInt32.self))
        let count = Int(try reader.read(UInt32.self))
        scale = Float(bitPattern: try reader.read(UInt32.self))
        guard capacity > 0, capacity & (capacity - 1) == 0 else { throw BinaryModelReader.Failure.malformed("table capacity \(capacity)") }
        guard classCount > 0, classCount <= 256, scale.isFinite, scale > 0 else { throw BinaryModelReader.Failure.malformed("table header") }
        mask = capacity - 1
        fingerprints = try reader.readArray(UInt32.self, count: capacity)
        if classCount <= 4 {
            inline = try reader.readArray(UInt64.self, count: capacity)
            entries = []
            classes = []
            values = []
            return
        }
        inline = []
        entries = try reader.readArray(UInt32.self, count: capacity)
        classes = try reader.readArray(UInt8.self, count: count)
        values = try reader.readArray(Int16.self, count: count)
        for slot in 0..<capacity where fingerprints[slot] != 0 {
            guard Int(entries[slot] >> 8) + Int(entries[slot] & 0xFF) <= count else { throw BinaryModelReader.Failure.malformed("weights out of range") }
        }
        guard classes.allSatisfy({ Int($0) < classCount }) else { throw BinaryModelReader.Failure.malformed("class out of range") }
    }
}
