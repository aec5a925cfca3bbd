#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierStore

/// `contains` over a whole text column at once: the column's strings lie end to end in one heap, so
/// the heap is searched once (with `memchr` for the needle's rarest letter, in both cases) and each
/// match is traced back to its row, instead of a search per row.
enum ColumnTextSearch {
    /// For each row of `column`, whether its text contains `needle` (lower-cased), ignoring case as
    /// ``TextSearch/contains(_:lowercasedNeedle:)`` does.
    static func rows(of column: StringColumn, containing needle: String) -> [Bool] {
        let pattern = Array(needle.utf8)
        let rowCount = column.count
        guard !pattern.isEmpty, pattern.allSatisfy({ $0 < 0x80 }) else {
            return (0..<rowCount).map { TextSearch.contains(utf8: column.utf8($0), lowercasedNeedle: pattern) }
        }
        var matches = [Bool](repeating: false, count: rowCount)
        let heap = column.heap.buffer
        let offsets = column.offsets.buffer
        guard let base = heap.baseAddress, offsets.count == rowCount + 1, Int(offsets[rowCount]) <= heap.count else {
            return (0..<rowCount).map { TextSearch.contains(utf8: column.utf8($0), lowercasedNeedle: pattern) }
        }
        /// The row whose bytes hold `position`.
        func row(at position: Int) -> Int {
            var low = 0, high = rowCount
            while low < high {
                let middle = (low + high) / 2
                if Int(offsets[middle + 1]) <= position { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let anchor = rarestPosition(in: pattern)
        let anchorByte = pattern[anchor]
        let variants: [UInt8] = anchorByte &- 97 < 26 ? [anchorByte, anchorByte - 32] : [anchorByte]
        let end = Int(offsets[rowCount])
        for variant in variants {
            var position = 0
            while position < end, let found = memchr(base + position, Int32(variant), end - position) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                position = at + 1
                let start = at - anchor
                guard start >= 0, start + pattern.count <= end else { continue }
                var offset = 0
                while offset < pattern.count, TextSearch.folded(base[start + offset]) == pattern[offset] { offset += 1 }
                guard offset == pattern.count else { continue }
                let candidate = row(at: start)
                if start + pattern.count <= Int(offsets[candidate + 1]) { matches[candidate] = true }
            }
        }
        // The two characters that lower-case into ASCII letters (İ, the Kelvin sign): their rows are
        // searched as strings.
        for (lead, rest) in [(UInt8(0xC4), [UInt8(0xB0)]), (UInt8(0xE2), [UInt8(0x84), UInt8(0xAA)])] {
            var position = 0
            while position < end, let found = memchr(base + position, Int32(lead), end - position) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                position = at + 1
                guard at + rest.count < end, rest.indices.allSatisfy({ base[at + 1 + $0] == rest[$0] }) else { continue }
                let candidate = row(at: at)
                matches[candidate] = TextSearch.contains(utf8: column.utf8(candidate), lowercasedNeedle: pattern)
            }
        }
        return matches
    }

    /// The position in `pattern` of the byte least frequent in English text, so `memchr` stops as
    /// rarely as possible.
    private static func rarestPosition(in pattern: [UInt8]) -> Int {
        // Letter frequencies in English, per thousand letters (a to z).
        let frequencies: [Int] = [82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1]
        func frequency(_ byte: UInt8) -> Int {
            if byte &- 97 < 26 { return frequencies[Int(byte - 97)] }
            if byte == 32 { return 180 }
            if byte &- 48 < 10 { return 5 }
            return 3
        }
        return pattern.indices.min { frequency(pattern[$0]) < frequency(pattern[$1]) } ?? 0
    }
}
