/// A read-only table from 64-bit keys that are already hashes (a word's `WordKeys.form`, a
/// lemmatizer key) to small values: open addressing over two flat arrays.
///
/// A model file stores its lexical tables as sorted key and value arrays. Building a Swift
/// `Dictionary` from them at start-up hashes every key again with the process's seeded hasher and
/// grows node by node; this table only places each key in a power-of-two array, and a lookup
/// costs a multiply and, mostly, one probe.
package struct HashedKeyTable<Value: BitwiseCopyable & Sendable>: Sendable {
    /// Keys by slot; 0 marks an empty slot (a key of 0 is kept apart, in `valueOfZero`).
    private let keys: [UInt64]
    private let values: [Value]
    private let shift: UInt64
    private let valueOfZero: Value?
    /// The number of keys.
    package let count: Int

    /// A table of `keys` with their `values`; the keys must be distinct.
    package init(keys pairKeys: some Collection<UInt64>, values pairValues: some Collection<Value>) {
        precondition(pairKeys.count == pairValues.count)
        var bits: UInt64 = 4
        while (1 << bits) < pairKeys.count + pairKeys.count / 2 + 1 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        // Empty slots hold any value: a lookup stops at their key before it reads one.
        var values = pairValues.first.map { [Value](repeating: $0, count: capacity) } ?? []
        var valueOfZero: Value?
        let shift = 64 - bits
        for (key, value) in zip(pairKeys, pairValues) {
            guard key != 0 else { valueOfZero = value; continue }
            var slot = Self.slot(of: key, shift: shift)
            while keys[slot] != 0 {
                precondition(keys[slot] != key, "HashedKeyTable: duplicate key")
                slot = (slot + 1) & (capacity - 1)
            }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.shift = shift
        self.valueOfZero = valueOfZero
        count = pairKeys.count
    }

    /// A table of `keys` with their `values` as a model file stores them, or `nil` when the keys are
    /// not in strictly ascending order (which also rules out a key given twice).
    package init?(sortedKeys: [UInt64], values: some Collection<Value>) {
        guard sortedKeys.count == values.count, zip(sortedKeys, sortedKeys.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.init(keys: sortedKeys, values: values)
    }

    /// A table of the pairs of `dictionary`.
    package init(_ dictionary: [UInt64: Value]) {
        self.init(keys: dictionary.keys, values: dictionary.values)
    }

    /// The home slot of `key`: the top bits of a multiplicative hash, as the keys' own low bits may
    /// be weak.
    @inline(__always) private static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    package subscript(key: UInt64) -> Value? {
        guard key != 0 else { return valueOfZero }
        guard count > 0 else { return nil }
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Self.slot(of: key, shift: shift)
            while true {
                let stored = keys[slot]
                if stored == key { return values[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Every key with its value, in key order (for writing the table to a model file).
    package var sortedPairs: [(key: UInt64, value: Value)] {
        var pairs = keys.indices.compactMap { keys[$0] == 0 ? nil : (key: keys[$0], value: values[$0]) }
        if let valueOfZero { pairs.append((0, valueOfZero)) }
        return pairs.sorted { $0.key < $1.key }
    }
}
