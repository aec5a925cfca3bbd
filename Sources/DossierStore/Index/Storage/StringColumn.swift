/// A column of strings kept as one heap of UTF-8 bytes and the offset where each string starts.
///
/// A row is decoded into a `String` only when it is read, and byte-level scans (``utf8(_:)``) read
/// the heap in place.
package struct StringColumn: RandomAccessCollection, Sendable {
    /// Where each string starts in ``heap``, and one more offset where the last one ends.
    package let offsets: Column<Int64>
    /// The strings' UTF-8 bytes, one after another.
    package let heap: Column<UInt8>

    /// A column holding `strings`.
    package init(_ strings: some Collection<String>) {
        var offsets: [Int64] = [0]
        offsets.reserveCapacity(strings.count + 1)
        var heap: [UInt8] = []
        for string in strings {
            heap.append(contentsOf: string.utf8)
            offsets.append(Int64(heap.count))
        }
        self.init(offsets: Column(offsets), heap: Column(heap))
    }

    /// An empty column.
    package init() { self.init([String]()) }

    /// The strings whose bytes are in `heap` between consecutive `offsets`.
    init(offsets: Column<Int64>, heap: Column<UInt8>) {
        self.offsets = offsets
        self.heap = heap
    }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { Swift.max(0, offsets.count - 1) }

    /// The string of row `position`.
    package subscript(position: Int) -> String {
        String(decoding: utf8(position), as: UTF8.self)
    }

    /// The UTF-8 bytes of row `position`, in place.
    package func utf8(_ position: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(offsets[position]), end = Int(offsets[position + 1])
        precondition(start >= 0 && start <= end && end <= heap.count, "string column offsets out of range")
        return UnsafeBufferPointer(rebasing: heap.buffer[start..<end])
    }
}

/// A column of strings that may be missing (a document without a title).
package struct OptionalStringColumn: RandomAccessCollection, Sendable {
    /// The strings; a missing one is stored empty.
    package let strings: StringColumn
    /// 1 where a string is present, 0 where it is missing.
    package let presence: Column<UInt8>

    /// A column holding `strings`.
    package init(_ strings: some Collection<String?>) {
        self.init(strings: StringColumn(strings.map { $0 ?? "" }), presence: Column(strings.map { $0 == nil ? 0 : 1 }))
    }

    init(strings: StringColumn, presence: Column<UInt8>) {
        self.strings = strings
        self.presence = presence
    }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { presence.count }

    /// The string of row `position`, or `nil` when it is missing.
    package subscript(position: Int) -> String? {
        presence[position] == 0 ? nil : strings[position]
    }
}

/// A column whose rows are lists of strings (an entity's aliases).
package struct StringListColumn: RandomAccessCollection, Sendable {
    /// Where each row's strings start in ``strings``, and one more offset where the last row's end.
    let offsets: Column<Int64>
    /// Every row's strings, one row after another.
    let strings: StringColumn

    /// A column holding `lists`.
    package init(_ lists: some Collection<[String]>) {
        var offsets: [Int64] = [0]
        var strings: [String] = []
        for list in lists {
            strings.append(contentsOf: list)
            offsets.append(Int64(strings.count))
        }
        self.init(offsets: Column(offsets), strings: StringColumn(strings))
    }

    init(offsets: Column<Int64>, strings: StringColumn) {
        self.offsets = offsets
        self.strings = strings
    }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { Swift.max(0, offsets.count - 1) }

    /// The strings of row `position`.
    package subscript(position: Int) -> [String] {
        let start = Int(offsets[position]), end = Int(offsets[position + 1])
        precondition(start >= 0 && start <= end && end <= strings.count, "string list offsets out of range")
        return (start..<end).map { strings[$0] }
    }
}

/// A column of strings that repeat (the mentions' texts): each distinct string is kept once, and
/// each row holds its number, so a predicate on the text runs once per distinct string.
package struct DictionaryStringColumn: RandomAccessCollection, Sendable {
    /// Each row's string, as a position in ``values``.
    package let codes: Column<Int32>
    /// The distinct strings, in the order they first occur.
    package let values: StringColumn

    /// A column holding `strings`.
    package init(_ strings: some Collection<String>) {
        var builder = Builder()
        builder.reserveCapacity(strings.count)
        for string in strings { builder.append(string) }
        self = builder.column
    }

    /// Builds a column a row at a time, coding each string as it comes, so the rows' strings are
    /// never held one per row.
    struct Builder {
        private var numbers: [String: Int32] = [:]
        /// The distinct strings of the rows added, in the order they first occur.
        private var values: [String] = []
        private var codes: [Int32] = []
        /// The column the rows follow, if any.
        private var earlier: DictionaryStringColumn?

        init() {}

        /// A builder of the rows that follow `old`'s: strings `old` has keep their codes, and new
        /// ones are coded after them, as one builder of all the rows would code them. Its column holds
        /// only the new strings: it is written to a column file after `old`.
        init(continuing old: DictionaryStringColumn) { earlier = old }

        mutating func reserveCapacity(_ count: Int) { codes.reserveCapacity(count) }

        /// Adds a row holding `string`.
        mutating func append(_ string: String) {
            if let number = numbers[string] {
                codes.append(number)
            } else {
                let number = Int32(values.count)
                numbers[string] = number
                values.append(string)
                codes.append(number)
            }
        }

        /// The column of the rows added.
        var column: DictionaryStringColumn {
            guard let earlier else { return DictionaryStringColumn(codes: Column(codes), values: StringColumn(values)) }
            // The earlier strings are scanned once on their bytes for the rows' strings, rather than
            // each made into a `String` and kept in a table: a corpus has millions, a batch few.
            var candidates: [Int: [Int32]] = [:]
            for number in values.indices { candidates[Self.hash(values[number]), default: []].append(Int32(number)) }
            var final = [Int32](repeating: -1, count: values.count)
            for code in earlier.values.indices {
                let bytes = earlier.values.utf8(code)
                guard let numbers = candidates[Self.hash(UnsafeRawBufferPointer(bytes))] else { continue }
                for number in numbers where final[Int(number)] < 0 && values[Int(number)].utf8.elementsEqual(bytes) {
                    final[Int(number)] = Int32(code)
                }
            }
            var added: [String] = []
            for number in values.indices where final[number] < 0 {
                final[number] = Int32(earlier.values.count + added.count)
                added.append(values[number])
            }
            return DictionaryStringColumn(codes: Column(codes.map { final[Int($0)] }), values: StringColumn(added))
        }

        private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
            var hasher = Hasher()
            hasher.combine(bytes: bytes)
            return hasher.finalize()
        }

        private static func hash(_ string: String) -> Int {
            var string = string
            return string.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
        }
    }

    init(codes: Column<Int32>, values: StringColumn) {
        self.codes = codes
        self.values = values
    }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { codes.count }

    /// The string of row `position`.
    package subscript(position: Int) -> String { values[code(position)] }

    /// The position in ``values`` of row `position`'s string (a code outside them, in a damaged
    /// file, reads as the first).
    package func code(_ position: Int) -> Int {
        let code = Int(codes[position])
        return code >= 0 && code < values.count ? code : 0
    }
}
