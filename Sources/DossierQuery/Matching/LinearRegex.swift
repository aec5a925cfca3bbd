/// A regular expression that finds whether a text has a match in time linear in the text's length.
///
/// Backtracking engines (Swift's `Regex`, PCRE) take exponential time on patterns such as
/// `(.*a){20}` or `(\w+\s?)*$`, and a query cannot be stopped while one runs. This one compiles the
/// pattern to a program of at most ``maximumProgramSize`` instructions and runs it as a Pike VM: all
/// the ways the pattern can match advance together, one character at a time, each at most once per
/// character, so the work is at most (text length) × (program size), and it polls for cancellation
/// as it goes. It works on Unicode scalars; see ``RegexNode`` for the syntax.
struct LinearRegex: Sendable {
    /// The pattern as written.
    let pattern: String
    private let program: [Instruction]

    /// The most instructions a pattern may compile to; counted repetitions copy their body, so
    /// `(a|b){1000}` is as large as a thousand copies.
    static let maximumProgramSize = 20_000

    private enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        /// A scalar compared ignoring case (both sides lower-cased).
        case foldedScalar(Unicode.Scalar)
        case any(matchesNewline: Bool)
        case set(RegexScalarSet)
        case split(Int, Int)
        case jump(Int)
        case assertion(RegexAssertion)
        case match
    }

    /// Reads and compiles `pattern`.
    init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        var compiler = Compiler()
        try compiler.emit(try RegexParser.parse(pattern))
        compiler.program.append(.match)
        program = compiler.program
    }

    private struct Compiler {
        var program: [Instruction] = []

        mutating func append(_ instruction: Instruction) throws(RegexSyntaxError) {
            guard program.count < LinearRegex.maximumProgramSize else {
                throw RegexSyntaxError(message: "the regular expression is too large (more than \(LinearRegex.maximumProgramSize) steps)",
                                       offset: 0, help: "use smaller counts in '{…}'")
            }
            program.append(instruction)
        }

        mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
            switch node {
            case .empty:
                break
            case .scalar(let scalar, let caseInsensitive):
                let folded = RegexScalarSet.lowercase(scalar)
                let differs = folded != scalar || RegexScalarSet.uppercase(scalar) != scalar
                try append(caseInsensitive && differs ? .foldedScalar(folded) : .scalar(scalar))
            case .any(let matchesNewline):
                try append(.any(matchesNewline: matchesNewline))
            case .set(let set):
                try append(.set(set))
            case .assertion(let assertion):
                try append(.assertion(assertion))
            case .concatenation(let items):
                for item in items { try emit(item) }
            case .alternation(let branches):
                // split L1, next; L1: branch; jump end; next: split … ; last branch
                var jumps: [Int] = []
                for (index, branch) in branches.enumerated() {
                    if index < branches.count - 1 {
                        let split = program.count
                        try append(.split(split + 1, 0))
                        try emit(branch)
                        jumps.append(program.count)
                        try append(.jump(0))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        try emit(branch)
                    }
                }
                for jump in jumps { program[jump] = .jump(program.count) }
            case .repetition(let body, let minimum, let maximum):
                for _ in 0..<minimum { try emit(body) }
                if let maximum {
                    // Each optional copy: split into the body or past all of them.
                    var splits: [Int] = []
                    for _ in minimum..<maximum {
                        splits.append(program.count)
                        try append(.split(program.count + 1, 0))
                        try emit(body)
                    }
                    for split in splits { program[split] = .split(split + 1, program.count) }
                } else {
                    // loop: split body, end; body; jump loop
                    let loop = program.count
                    try append(.split(loop + 1, 0))
                    try emit(body)
                    try append(.jump(loop))
                    program[loop] = .split(loop + 1, program.count)
                }
            }
        }
    }

    /// Whether `text` has a match anywhere; `nil` when `isCancelled` said to stop first (asked
    /// before it starts, so a scan of many short texts stops at the next one, and every few
    /// thousand characters of a long one).
    func hasMatch(in text: String, isCancelled: () -> Bool = { false }) -> Bool? {
        if isCancelled() { return nil }
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        var previous: Unicode.Scalar?
        var stack: [Int] = []
        var iterator = text.unicodeScalars.makeIterator()
        var scalar = iterator.next()
        var position = 0
        while true {
            // A new attempt starts at every place, as a search does.
            add(0, to: &current, previous: previous, next: scalar, stack: &stack)
            if current.containsMatch { return true }
            guard let consumed = scalar else { return false }
            next.clear()
            let lookahead = iterator.next()
            for pc in current.members {
                let advances: Bool
                switch program[pc] {
                case .scalar(let expected): advances = consumed == expected
                case .foldedScalar(let expected): advances = RegexScalarSet.lowercase(consumed) == expected
                case .any(let matchesNewline): advances = matchesNewline || consumed != "\n"
                case .set(let set): advances = set.contains(consumed)
                default: advances = false
                }
                if advances { add(pc + 1, to: &next, previous: consumed, next: lookahead, stack: &stack) }
            }
            swap(&current, &next)
            previous = consumed
            scalar = lookahead
            position += 1
            if position & 0xFFF == 0, isCancelled() { return nil }
            if current.isEmpty, program.first.map(Self.isTextStart) == true { return false }
        }
    }

    private static func isTextStart(_ instruction: Instruction) -> Bool {
        if case .assertion(.textStart) = instruction { return true }
        return false
    }

    /// Adds the thread at `pc` and every thread it reaches without reading a character, each once.
    private func add(_ pc: Int, to list: inout ThreadList, previous: Unicode.Scalar?, next: Unicode.Scalar?, stack: inout [Int]) {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertion(let assertion):
                if Self.holds(assertion, previous: previous, next: next) { stack.append(pc + 1) }
            case .match:
                list.containsMatch = true
            default:
                break
            }
        }
    }

    private static func holds(_ assertion: RegexAssertion, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
        switch assertion {
        case .textStart: return previous == nil
        case .textEnd: return next == nil
        case .lineStart: return previous == nil || previous == "\n"
        case .lineEnd: return next == nil || next == "\n"
        case .wordBoundary, .notWordBoundary:
            let before = previous.map(RegexScalarSet.isWord) ?? false
            let after = next.map(RegexScalarSet.isWord) ?? false
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    /// A set of program counters in the order they were added, cleared in time proportional to its size.
    private struct ThreadList {
        private var dense: [Int]
        private var sparse: [Int]
        private(set) var count = 0
        var containsMatch = false

        init(capacity: Int) {
            dense = [Int](repeating: 0, count: capacity)
            sparse = [Int](repeating: 0, count: capacity)
        }

        var isEmpty: Bool { count == 0 }
        var members: ArraySlice<Int> { dense[..<count] }

        mutating func insert(_ value: Int) -> Bool {
            let slot = sparse[value]
            if slot < count, dense[slot] == value { return false }
            sparse[value] = count
            dense[count] = value
            count += 1
            return true
        }

        mutating func clear() {
            count = 0
            containsMatch = false
        }
    }
}
