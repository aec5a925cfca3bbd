import Foundation

/// The weights of a trained linear model, for scoring: for each feature key, the classes it has a
/// weight for and those weights.
///
/// Most features of a perceptron are only ever updated for a few classes, so weights are stored
/// sparsely behind an open-addressing table: scoring a feature costs one probe and a few
/// additions. To keep the table small, a slot holds the upper half of the 64-bit key (the lower
/// half chose the slot), and weights are 16-bit integers scaled by one factor per table.
///
/// Scoring is bound by memory latency (the tables are megabytes, and a sentence's features land
/// anywhere in them), so each slot keeps what a lookup reads together in one cache line: its
/// fingerprint beside its entry (first weight and weight count), or — for a model of at most four
/// classes, the parser's moves — beside all four weights. A lookup first loads every key's home
/// slot in a loop without branches, so the processor overlaps those cache misses, and only then
/// compares fingerprints.
package struct PerceptronWeights: Sendable {
    /// How many classes the model chooses between.
    package let classCount: Int
    private let mask: Int
    /// For more than four classes: each slot's fingerprint (upper 32 bits; 0 marks an empty slot),
    /// first weight (next 24 bits) and weight count (lower 8 bits).
    private let heads: HugePageBuffer<UInt64>
    /// For more than four classes: each weight's class (lower 8 bits) and value (upper 16 bits).
    private let weights: HugePageBuffer<UInt32>
    /// For at most four classes: two words per slot, its fingerprint (0 marks an empty slot) and its
    /// four weights, 16 bits each, class 0 lowest.
    private let inline: HugePageBuffer<UInt64>
    /// What a stored weight of 1 is worth.
    package let scale: Float

    /// The number of slots.
    private var capacity: Int { mask + 1 }

    /// The fingerprint stored in `slot` (0 when it is empty).
    private func fingerprint(atSlot slot: Int) -> UInt32 {
        isInline ? UInt32(truncatingIfNeeded: inline.buffer[2 * slot]) : UInt32(truncatingIfNeeded: heads.buffer[slot] >> 32)
    }

    /// The number of features with at least one weight.
    package var featureCount: Int { (0..<capacity).reduce(0) { $0 + (fingerprint(atSlot: $1) == 0 ? 0 : 1) } }
    /// The number of stored weights.
    package var weightCount: Int { isInline ? featureCount * classCount : weights.count }

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
        var capacity = 16
        while capacity < features.count + features.count / 3 { capacity <<= 1 }
        let largest = features.lazy.flatMap { $0.weights.map { abs($0.weight) } }.max() ?? 1
        let scale = max(largest, 1e-6) / Float(Int16.max)
        var fingerprints = [UInt32](repeating: 0, count: capacity)
        var entries = [UInt32](repeating: 0, count: classCount <= 4 ? 0 : capacity)
        var inline = [UInt64](repeating: 0, count: classCount <= 4 ? capacity : 0)
        var classes: [UInt8] = []
        var values: [Int16] = []
        for feature in features where !feature.weights.isEmpty {
            var slot = Int(truncatingIfNeeded: feature.key) & (capacity - 1)
            while fingerprints[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
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
        self.init(classCount: classCount, scale: scale, fingerprints: fingerprints, entries: entries, classes: classes, values: values,
                  inline: inline)
    }

    /// Interleaves the builder's separate arrays (the model file's layout) into the slots scoring reads.
    private init(classCount: Int, scale: Float, fingerprints: [UInt32], entries: [UInt32], classes: [UInt8], values: [Int16],
                 inline: [UInt64]) {
        self.classCount = classCount
        self.scale = scale
        mask = fingerprints.count - 1
        if classCount <= 4 {
            var slots = [UInt64](repeating: 0, count: 2 * fingerprints.count)
            for slot in fingerprints.indices where fingerprints[slot] != 0 {
                slots[2 * slot] = UInt64(fingerprints[slot])
                slots[2 * slot + 1] = inline[slot]
            }
            self.inline = HugePageBuffer(slots)
            heads = HugePageBuffer([])
            weights = HugePageBuffer([])
        } else {
            heads = HugePageBuffer(zip(fingerprints, entries).map { UInt64($0) << 32 | UInt64($1) })
            weights = HugePageBuffer(zip(classes, values).map { UInt32($0) | UInt32(UInt16(bitPattern: $1)) << 16 })
            self.inline = HugePageBuffer([])
        }
    }

    /// Adds the weights of every key in `features` to `scores` (one per class), in stored units
    /// (multiply by `scale` for the model's).
    @inline(__always)
    package func addWeights(of features: UnsafeBufferPointer<UInt64>, to scores: UnsafeMutablePointer<Int32>) {
        if isInline {
            addInlineWeights(of: features, to: scores)
            return
        }
        let heads = heads.buffer, weights = weights.buffer
        guard !weights.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.count) { home in
            // Load every home slot first: independent loads without branches overlap their misses.
            for index in features.indices { home[index] = heads[Int(truncatingIfNeeded: features[index]) & mask] }
            // Then find each feature's weights (its entry, or 0 when the model lacks it)…
            for index in features.indices {
                let key = features[index]
                let fingerprint = Self.fingerprint(key)
                var slot = Int(truncatingIfNeeded: key) & mask
                var head = home[index]
                while true {
                    let stored = UInt32(truncatingIfNeeded: head >> 32)
                    if stored == fingerprint { break }
                    if stored == 0 { head = 0; break }
                    slot = (slot + 1) & mask
                    head = heads[slot]
                }
                home[index] = head & 0xFFFF_FFFF
            }
            // …load each feature's first weight, again all at once…
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: features.count) { first in
                for index in features.indices { first[index] = weights[Int(truncatingIfNeeded: home[index] >> 8)] }
                // …and add them up.
                for index in features.indices where home[index] & 0xFF != 0 {
                    let entry = home[index]
                    let start = Int(truncatingIfNeeded: entry >> 8), end = start + Int(truncatingIfNeeded: entry & 0xFF)
                    var weight = first[index]
                    scores[Int(truncatingIfNeeded: weight & 0xFF)] &+= Int32(Int16(truncatingIfNeeded: weight >> 16))
                    for entry in (start + 1)..<end {
                        weight = weights[entry]
                        scores[Int(truncatingIfNeeded: weight & 0xFF)] &+= Int32(Int16(truncatingIfNeeded: weight >> 16))
                    }
                }
            }
        }
    }

    @inline(__always)
    private func addInlineWeights(of features: UnsafeBufferPointer<UInt64>, to scores: UnsafeMutablePointer<Int32>) {
        var sums: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        let slots = inline.buffer
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * features.count) { home in
            // Load every home slot first (fingerprint and weights share a cache line): independent
            // loads without branches overlap their misses.
            for index in features.indices {
                let slot = Int(truncatingIfNeeded: features[index]) & mask
                home[2 * index] = slots[2 * slot]
                home[2 * index + 1] = slots[2 * slot + 1]
            }
            for index in features.indices {
                let key = features[index]
                let fingerprint = UInt64(Self.fingerprint(key))
                var slot = Int(truncatingIfNeeded: key) & mask
                var stored = home[2 * index], packed = home[2 * index + 1]
                while true {
                    if stored == fingerprint {
                        sums.0 &+= Int32(Int16(truncatingIfNeeded: packed))
                        sums.1 &+= Int32(Int16(truncatingIfNeeded: packed >> 16))
                        sums.2 &+= Int32(Int16(truncatingIfNeeded: packed >> 32))
                        sums.3 &+= Int32(Int16(truncatingIfNeeded: packed >> 48))
                        break
                    }
                    if stored == 0 { break }
                    slot = (slot + 1) & mask
                    stored = slots[2 * slot]
                    packed = slots[2 * slot + 1]
                }
            }
        }
        scores[0] &+= sums.0
        if classCount > 1 { scores[1] &+= sums.1 }
        if classCount > 2 { scores[2] &+= sums.2 }
        if classCount > 3 { scores[3] &+= sums.3 }
    }

    // MARK: Binary form

    /// Writes the table in the model file's layout: the slots' fingerprints, then (at most four
    /// classes) their weights, or their entries, the weights' classes and the weights' values.
    package func write(to writer: inout BinaryModelWriter) {
        writer.append(UInt32(classCount))
        writer.append(UInt32(capacity))
        writer.append(UInt32(weights.count))
        writer.append(scale.bitPattern)
        writer.append(array: (0..<capacity).map { fingerprint(atSlot: $0) })
        if isInline {
            writer.append(array: (0..<capacity).map { inline.buffer[2 * $0 + 1] })
        } else {
            writer.append(array: heads.buffer.map { UInt32(truncatingIfNeeded: $0) })
            writer.append(array: weights.buffer.map { UInt8(truncatingIfNeeded: $0) })
            writer.append(array: weights.buffer.map { Int16(truncatingIfNeeded: $0 >> 16) })
        }
    }

    /// How many threads fill a large table while it loads.
    private static var loadingThreads: Int { max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

    /// Reads a table written by `write(to:)`, straight into the slots scoring reads.
    package init(from reader: inout BinaryModelReader) throws {
        let classCount = Int(try reader.read(UInt32.self))
        let capacity = Int(try reader.read(UInt32.self))
        let count = Int(try reader.read(UInt32.self))
        let scale = Float(bitPattern: try reader.read(UInt32.self))
        guard capacity > 0, capacity & (capacity - 1) == 0 else { throw BinaryModelReader.Failure.malformed("table capacity \(capacity)") }
        guard classCount > 0, classCount <= 256, scale.isFinite, scale > 0 else { throw BinaryModelReader.Failure.malformed("table header") }
        self.classCount = classCount
        self.scale = scale
        mask = capacity - 1
        let fingerprints = try reader.skip(count: capacity, of: UInt32.self)
        func fingerprint(_ raw: UnsafeRawBufferPointer, _ slot: Int) -> UInt32 {
            UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: fingerprints.lowerBound + 4 * slot, as: UInt32.self))
        }
        // Lookups stop at an empty slot: a table without one would never end a lookup that misses.
        let hasEmptySlot = reader.withUnsafeBytes { raw in (0..<capacity).contains { fingerprint(raw, $0) == 0 } }
        guard hasEmptySlot else { throw BinaryModelReader.Failure.malformed("a table without an empty slot") }
        if classCount <= 4 {
            let weights = try reader.skip(count: capacity, of: UInt64.self)
            inline = reader.withUnsafeBytes { raw in
                HugePageBuffer(count: 2 * capacity) { slots in
                    // The parser's move table is megabytes: fill it on every core, a part each, as
                    // loading it is most of a command's start-up.
                    let parts = capacity >= 1 << 18 ? Self.loadingThreads : 1
                    nonisolated(unsafe) let slots = slots, raw = raw
                    let fingerprints = fingerprints.lowerBound
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        for slot in (capacity * part / parts)..<(capacity * (part + 1) / parts) {
                            let stored = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: fingerprints + 4 * slot, as: UInt32.self))
                            slots[2 * slot] = UInt64(stored)
                            slots[2 * slot + 1] = stored == 0 ? 0
                                : UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: weights.lowerBound + 8 * slot, as: UInt64.self))
                        }
                    }
                }
            }
            heads = HugePageBuffer([])
            self.weights = HugePageBuffer([])
            return
        }
        let entries = try reader.skip(count: capacity, of: UInt32.self)
        let classes = try reader.skip(count: count, of: UInt8.self)
        let values = try reader.skip(count: count, of: Int16.self)
        heads = try reader.withUnsafeBytes { raw in
            try HugePageBuffer(count: capacity) { heads in
                for slot in 0..<capacity {
                    let stored = fingerprint(raw, slot)
                    guard stored != 0 else { heads[slot] = 0; continue }
                    let entry = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: entries.lowerBound + 4 * slot, as: UInt32.self))
                    // Scoring reads a found feature's first weight unconditionally: a feature has at least one.
                    guard entry & 0xFF > 0, Int(entry >> 8) + Int(entry & 0xFF) <= count else {
                        throw BinaryModelReader.Failure.malformed("weights out of range")
                    }
                    heads[slot] = UInt64(stored) << 32 | UInt64(entry)
                }
            }
        }
        weights = try reader.withUnsafeBytes { raw in
            try HugePageBuffer(count: count) { weights in
                for index in 0..<count {
                    let label = raw[classes.lowerBound + index]
                    guard Int(label) < classCount else { throw BinaryModelReader.Failure.malformed("class out of range") }
                    let value = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: values.lowerBound + 2 * index, as: UInt16.self))
                    weights[index] = UInt32(label) | UInt32(value) << 16
                }
            }
        }
        inline = HugePageBuffer([])
    }
}
