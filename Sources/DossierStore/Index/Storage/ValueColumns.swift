import DossierCore

/// A column of values from a small fixed set (kinds, predicates, modalities), one byte per row.
package struct CodedColumn<Value: CaseIterable & Equatable & Sendable>: RandomAccessCollection, Sendable {
    /// Each row's position in `Value.allCases`.
    package let codes: Column<UInt8>
    private let cases: [Value]

    /// A column holding `values`.
    package init(_ values: some Collection<Value>) {
        let cases = Array(Value.allCases)
        precondition(cases.count <= 256, "too many cases for a coded column")
        self.init(codes: Column(values.map { value in UInt8(cases.firstIndex(of: value)!) }))
    }

    init(codes: Column<UInt8>) {
        self.codes = codes
        cases = Array(Value.allCases)
    }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { codes.count }

    /// The value of row `position`; a code outside the set (a damaged file) reads as the first case.
    package subscript(position: Int) -> Value {
        let code = Int(codes[position])
        return code < cases.count ? cases[code] : cases[0]
    }
}

/// A column of yes-or-no values, one byte per row.
package struct FlagColumn: RandomAccessCollection, Sendable {
    let bytes: Column<UInt8>

    /// A column holding `flags`.
    package init(_ flags: some Collection<Bool>) { self.init(bytes: Column(flags.map { $0 ? 1 : 0 })) }

    init(bytes: Column<UInt8>) { self.bytes = bytes }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { bytes.count }

    /// The flag of row `position`.
    package subscript(position: Int) -> Bool { bytes[position] != 0 }
}

/// A column of days that may be missing, as day numbers.
package struct DayColumn: RandomAccessCollection, Sendable {
    /// Day numbers; ``missing`` where there is no day.
    package let numbers: Column<Int32>
    /// The number stored for a missing day.
    package static let missing = Int32.min

    /// A column holding `days`.
    package init(_ days: some Collection<Day?>) { self.init(numbers: Column(days.map { $0.map { Int32($0.number) } ?? Self.missing })) }

    init(numbers: Column<Int32>) { self.numbers = numbers }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { numbers.count }

    /// The day of row `position`, or `nil`.
    package subscript(position: Int) -> Day? {
        let number = numbers[position]
        return number == Self.missing ? nil : Day(number: Int(number))
    }
}

/// A column of time ranges that may be missing: first and last days and a granularity.
package struct TimeRangeColumn: RandomAccessCollection, Sendable {
    let starts: Column<Int32>
    let ends: Column<Int32>
    /// Each range's position in `Granularity.allCases`, or ``missing``.
    let granularities: Column<UInt8>
    static let missing = UInt8.max

    /// A column holding `ranges`.
    package init(_ ranges: some Collection<TimeRange?>) {
        let granularities = Array(Granularity.allCases)
        self.init(starts: Column(ranges.map { Int32($0?.start.number ?? 0) }), ends: Column(ranges.map { Int32($0?.end.number ?? 0) }),
                  granularities: Column(ranges.map { range in range.map { UInt8(granularities.firstIndex(of: $0.granularity)!) } ?? Self.missing }))
    }

    init(starts: Column<Int32>, ends: Column<Int32>, granularities: Column<UInt8>) {
        self.starts = starts
        self.ends = ends
        self.granularities = granularities
    }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { granularities.count }

    /// The range of row `position`, or `nil`.
    package subscript(position: Int) -> TimeRange? {
        let code = granularities[position]
        let cases = Granularity.allCases
        guard code != Self.missing, Int(code) < cases.count else { return nil }
        let start = Day(number: Int(starts[position])), end = Day(number: Int(ends[position]))
        guard start <= end else { return nil }
        return TimeRange(start: start, end: end, granularity: cases[cases.index(cases.startIndex, offsetBy: Int(code))])
    }
}
