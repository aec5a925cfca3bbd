/// A numbered set of lookup keys (lower-cased words), searched without allocating.
///
/// Every word the gazetteers and the time lexicon know gets an identifier; a text's tokens are
/// looked up once, and the extractors then work on identifiers.
package struct Vocabulary: Sendable {
    /// The identifier of a word that is not in the vocabulary.
    package static let unknown: Int32 = -1

    private var arena: [UInt8] = []
    private var offsets: [Int32] = [0]
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    /// Creates an empty vocabulary.
    package init() {}

    /// The vocabulary of the words in `arena`, each ending at its offset in `offsets` (after a
    /// leading 0), as ``GazetteerSnapshot`` stores it; `nil` when they do not fit together.
    init?(arena: [UInt8], offsets: [Int32]) {
        guard offsets.first == 0, offsets.last.map(Int.init) == arena.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        var capacity = 1024
        while (offsets.count - 1) * 2 > capacity { capacity <<= 1 }
        guard let slots = Vocabulary.slots(arena: arena, offsets: offsets, capacity: capacity) else { return nil }
        self.arena = arena
        self.offsets = offsets
        self.slots = slots
    }

    /// The words' bytes and where each ends, for a snapshot.
    var storage: (arena: [UInt8], offsets: [Int32]) { (arena, offsets) }

    /// The number of words.
    package var count: Int { offsets.count - 1 }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

    private func matches(_ id: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
        guard end - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            for offset in 0..<key.count where stored[start + offset] != key[offset] { return false }
            return true
        }
    }

    /// The identifier of the key, or `Vocabulary.unknown`.
    package func id(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let mask = slots.count - 1
        var slot = Vocabulary.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return Vocabulary.unknown }
            if matches(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The identifier of the key, or `Vocabulary.unknown`.
    package func id(of key: [UInt8]) -> Int32 { key.withUnsafeBufferPointer { id(of: $0) } }

    /// The identifier of a word written in any case.
    package func id(ofWord word: String) -> Int32 { id(of: KeyNormalizer.key(of: word)) }

    /// Adds the key if it is new; returns its identifier.
    @discardableResult
    package mutating func insert(_ key: [UInt8]) -> Int32 {
        let existing = id(of: key)
        if existing != Vocabulary.unknown { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: key)
        offsets.append(Int32(arena.count))
        place(id, key)
        return id
    }

    /// The key with identifier `id`.
    package func key(_ id: Int32) -> [UInt8] {
        Array(arena[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
    }

    private mutating func place(_ id: Int32, _ key: [UInt8]) {
        let mask = slots.count - 1
        var slot = key.withUnsafeBufferPointer { Vocabulary.hash($0) } & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Vocabulary.slots(arena: arena, offsets: offsets, capacity: slots.count * 2)!
    }

    /// The hash table (`capacity` slots, a power of two) over the words in `arena`, each ending at
    /// its offset in `offsets`; `nil` when a word comes twice.
    private static func slots(arena: [UInt8], offsets: [Int32], capacity: Int) -> [Int32]? {
        var slots = [Int32](repeating: -1, count: capacity)
        let distinct = arena.withUnsafeBufferPointer { bytes in
            for id in 0..<offsets.count - 1 {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(offsets[id])..<Int(offsets[id + 1])])
                var slot = hash(key) & (capacity - 1)
                while slots[slot] >= 0 {
                    let other = Int(slots[slot])
                    if bytes[Int(offsets[other])..<Int(offsets[other + 1])].elementsEqual(key) { return false }
                    slot = (slot + 1) & (capacity - 1)
                }
                slots[slot] = Int32(id)
            }
            return true
        }
        return distinct ? slots : nil
    }
}
