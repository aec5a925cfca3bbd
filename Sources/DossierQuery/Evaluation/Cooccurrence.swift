import DossierCore
import DossierStore
import Foundation

/// What `cooccur` was asked for.
struct CooccurrenceOptions {
    /// The rows it takes: documents, sentences or entities.
    var source: RowKind
    /// Whether entities co-occur in a sentence (`in sentence`) or a document (`in document`).
    var withinSentences: Bool
    /// The fewest shared units a pair needs (`min N`).
    var minimum: Int
    /// The kind of the entities paired (`with KIND`); for an entities source, of the partners only.
    var kind: EntityKind? = nil
    /// Where the stage was written, for the error when it finds too many pairs.
    var range: SourceRange? = nil
}

/// `cooccur`: pairs of entities named in the same sentences or documents, how often, and their
/// pointwise mutual information, log2(P(a, b) / (P(a) P(b))), over the units counted.
///
/// Pairs grow with the square of the entities in a unit (a document naming 2,000 places makes two
/// million), so they are counted one entity `a` at a time, with memory for one row of counts, and
/// handed on as they are found: `| count`, `| take N` and `| top N by …` right after `cooccur`
/// keep only what they need; any other use keeps at most ``maximumRows`` pairs and is an error past that.
enum Cooccurrence {
    /// The columns of a co-occurrence table.
    static let fields = [
        Field(name: "a", type: .entity), Field(name: "b", type: .entity), Field(name: "count", type: .int), Field(name: "pmi", type: .float),
    ]

    /// The most pairs `cooccur` turns into a table when nothing after it narrows them.
    static let maximumRows = 200_000

    /// One pair: entity rows, the units they share, and their pointwise mutual information.
    struct Pair {
        var a: Int32
        var b: Int32
        var count: Int
        var pmi: Double

        /// The PMI as the table shows it, to three decimals.
        var shownPMI: Double { (pmi * 1000).rounded() / 1000 + 0 }

        func row(names: StringColumn) -> [Value] {
            [value(0, names: names), value(1, names: names), value(2, names: names), value(3, names: names)]
        }

        /// The value of column `column` of the pair's row.
        func value(_ column: Int, names: StringColumn) -> Value {
            switch column {
            case 0: .entity(EntityID(row: a), name: names[Int(a)])
            case 1: .entity(EntityID(row: b), name: names[Int(b)])
            case 2: .int(count)
            default: .float(shownPMI)
            }
        }

        /// Whether this pair comes before `other` in the table's own order (``Cooccurrence/precedes(_:_:)``).
        func precedes(_ other: Pair, names: StringColumn) -> Bool {
            if count != other.count { return count > other.count }
            if shownPMI != other.shownPMI { return shownPMI > other.shownPMI }
            for (mine, theirs) in [(a, other.a), (b, other.b)] where mine != theirs {
                let (x, y) = (names[Int(mine)], names[Int(theirs)])
                return x != y ? x < y : mine < theirs
            }
            return false
        }
    }

    /// The table's own order: most shared first, then the higher PMI, then by the names.
    static func precedes(_ left: [Value], _ right: [Value]) -> Bool {
        for column in [2, 3] where left[column] != right[column] { return Value.order(left[column], right[column]) > 0 }
        for column in [0, 1] {
            let order = Value.order(left[column], right[column])
            if order != 0 { return order < 0 }
        }
        return false
    }
}

extension Evaluator {
    /// The co-occurrence table of `rows`, in its own order. From documents or sentences, the units
    /// are those rows (or their sentences, or their documents) and each pair appears once, `a`
    /// before `b`. From entities, each carried entity is `a`, its partners anywhere in the corpus are
    /// `b`, and the units are the whole corpus's.
    func cooccurrences(of rows: [Int32], _ options: CooccurrenceOptions) throws(Diagnostic) -> [[Value]] {
        let names = index.entities.names
        var table: [[Value]] = []
        try forEachCooccurrence(of: rows, options) { pair throws(Diagnostic) in
            guard table.count < Cooccurrence.maximumRows else {
                throw Diagnostic(.error, .resultTooLarge, "'cooccur' finds more than \(Cooccurrence.maximumRows) pairs, too many to keep as a table",
                                 range: options.range,
                                 help: .init("keep fewer with 'min N' or 'with KIND', or follow it with '| top N by count' or '| count'"))
            }
            table.append(pair.row(names: names))
        }
        return table.sorted(by: Cooccurrence.precedes)
    }

    /// The number of pairs `cooccur` finds, without keeping them (`cooccur | count`).
    func cooccurrenceCount(of rows: [Int32], _ options: CooccurrenceOptions) throws(Diagnostic) -> Int {
        var count = 0
        try forEachCooccurrence(of: rows, options) { _ in count += 1 }
        return count
    }

    /// The first `limit` pairs in the order of `keys`, ties (and everything when there are no keys)
    /// in the table's own order: `cooccur | top N by …` and `cooccur | take N`, keeping `limit` pairs at a time.
    func topCooccurrences(of rows: [Int32], _ options: CooccurrenceOptions, by keys: [PlannedSortKey], limit: Int) throws(Diagnostic) -> [[Value]] {
        let names = index.entities.names
        struct Ranked {
            var pair: Cooccurrence.Pair
            var keys: [Value]
        }
        /// Whether `x` comes before `y`: by the keys (missing values last), then in the table's order.
        func precedes(_ x: Ranked, _ y: Ranked) -> Bool {
            for (key, (left, right)) in zip(keys, zip(x.keys, y.keys)) {
                if left.isNull || right.isNull {
                    if left.isNull && right.isNull { continue }
                    return right.isNull
                }
                let order = Value.order(left, right)
                if order != 0 { return key.descending ? order > 0 : order < 0 }
            }
            return x.pair.precedes(y.pair, names: names)
        }
        /// A key's value on a pair: a column is read directly, anything else on the pair's row.
        func keyValues(_ pair: Cooccurrence.Pair) -> [Value] {
            keys.map { key in
                if case .field(.column(let column)) = key.expression { return pair.value(column, names: names) }
                return ExpressionEvaluator(index: index, table: [pair.row(names: names)], isCancelled: isCancelled).evaluate(key.expression, row: 0)
            }
        }
        var heap = BoundedHeap<Ranked>(capacity: limit, precedes: precedes)
        guard limit > 0 else { return [] }
        try forEachCooccurrence(of: rows, options) { pair in heap.insert(Ranked(pair: pair, keys: keyValues(pair))) }
        return heap.sorted().map { $0.pair.row(names: names) }
    }

    /// Hands every pair with at least `options.minimum` shared units to `body`, one entity `a` at a time.
    private func forEachCooccurrence(of rows: [Int32], _ options: CooccurrenceOptions,
                                     _ body: (Cooccurrence.Pair) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let isWanted: (Int32) -> Bool = { entity in options.kind.map { self.index.entities.kinds[Int(entity)] == $0 } ?? true }
        var shared = [Int32](repeating: 0, count: index.entities.count)
        var touched: [Int32] = []
        /// Emits the pairs of `a` counted in `shared` (and clears them).
        func emit(_ a: Int32, unitTotal: Int, unitCount: (Int32) -> Int) throws(Diagnostic) {
            for b in touched {
                let count = Int(shared[Int(b)])
                shared[Int(b)] = 0
                guard count >= options.minimum else { continue }
                let expected = Double(unitCount(a)) * Double(unitCount(b))
                try body(Cooccurrence.Pair(a: a, b: b, count: count, pmi: log2(Double(count) * Double(unitTotal) / max(expected, 1))))
            }
            touched.removeAll(keepingCapacity: true)
        }
        func share(_ b: Int32) {
            if shared[Int(b)] == 0 { touched.append(b) }
            shared[Int(b)] += 1
        }

        if options.source == .entities {
            let carried = Evaluator.sortedUnique(rows)
            let carriedSet = Set(carried)
            let unitTotal = options.withinSentences ? index.sentences.count : index.documents.count
            var sentenceCounts: [Int32: Int] = [:]
            let unitCount: (Int32) -> Int = { entity in
                guard options.withinSentences else { return self.index.entities.documentCounts[Int(entity)] }
                if let known = sentenceCounts[entity] { return known }
                let count = self.units(of: entity, withinSentences: true).count
                sentenceCounts[entity] = count
                return count
            }
            for a in carried {
                if isCancelled() { throw Evaluator.cancelled }
                for unit in units(of: a, withinSentences: options.withinSentences) {
                    for b in entities(in: unit, withinSentences: options.withinSentences)
                    where b != a && isWanted(b) && !(carriedSet.contains(b) && b < a) {
                        share(b)
                    }
                }
                try emit(a, unitTotal: unitTotal, unitCount: unitCount)
            }
            return
        }

        // The units and the wanted entities in each, as one flat list with offsets.
        let units = scopeUnits(of: rows, options)
        var offsets = [0]
        var members: [Int32] = []
        offsets.reserveCapacity(units.count + 1)
        var unitCounts = [Int32](repeating: 0, count: index.entities.count)
        for (position, unit) in units.enumerated() {
            if position & 0xFFF == 0xFFF, isCancelled() { throw Evaluator.cancelled }
            for entity in entities(in: unit, withinSentences: options.withinSentences) where isWanted(entity) {
                members.append(entity)
                unitCounts[Int(entity)] += 1
            }
            offsets.append(members.count)
        }
        // The units of each entity, the same list inverted.
        var starts = [Int](repeating: 0, count: index.entities.count + 1)
        for entity in unitCounts.indices { starts[entity + 1] = starts[entity] + Int(unitCounts[entity]) }
        var unitsOfEntity = [Int32](repeating: 0, count: members.count)
        var filled = starts
        for unit in units.indices {
            for entity in members[offsets[unit]..<offsets[unit + 1]] {
                unitsOfEntity[filled[Int(entity)]] = Int32(unit)
                filled[Int(entity)] += 1
            }
        }
        for a in unitCounts.indices where unitCounts[a] > 0 {
            if a & 0xFF == 0xFF, isCancelled() { throw Evaluator.cancelled }
            for unit in unitsOfEntity[starts[a]..<starts[a + 1]] {
                for b in members[offsets[Int(unit)]..<offsets[Int(unit) + 1]] where b > Int32(a) { share(b) }
            }
            try emit(Int32(a), unitTotal: units.count) { Int(unitCounts[Int($0)]) }
        }
    }

    /// The units (document or sentence rows) counted for documents or sentences.
    private func scopeUnits(of rows: [Int32], _ options: CooccurrenceOptions) -> [Int32] {
        switch (options.source, options.withinSentences) {
        case (.documents, true): Evaluator.sortedUnique(rows).flatMap { index.sentencesByDocument[$0] }
        case (.sentences, false): Evaluator.sortedUnique(rows.map { index.sentences.documents[Int($0)] })
        default: Evaluator.sortedUnique(rows)
        }
    }

    /// The documents or sentences in which `entity` is named.
    private func units(of entity: Int32, withinSentences: Bool) -> [Int32] {
        withinSentences ? sentencesMentioning(entity) : Array(index.documentsByEntity[Int(entity)])
    }

    /// The entities named in a document or a sentence, ascending.
    private func entities(in unit: Int32, withinSentences: Bool) -> [Int32] {
        guard withinSentences else { return Array(index.entitiesByDocument[Int(unit)]) }
        let position = index.sentences.positions[Int(unit)]
        let mentions = postings.mentionsByDocument[index.sentences.documents[Int(unit)]]
        return Evaluator.sortedUnique(mentions.filter { index.mentions.sentences[Int($0)] == position }.map { index.mentions.entities[Int($0)] })
    }
}

/// The `capacity` first elements of a stream in the order `precedes`, kept in a heap whose top is
/// the last of them, so each new element costs log(capacity).
struct BoundedHeap<Element> {
    private var elements: [Element] = []
    let capacity: Int
    /// Whether the first argument comes before the second.
    let precedes: (Element, Element) -> Bool

    init(capacity: Int, precedes: @escaping (Element, Element) -> Bool) {
        self.capacity = capacity
        self.precedes = precedes
    }

    mutating func insert(_ element: Element) {
        guard capacity > 0 else { return }
        if elements.count < capacity {
            elements.append(element)
            siftUp(elements.count - 1)
        } else if precedes(element, elements[0]) {
            elements[0] = element
            siftDown(0)
        }
    }

    /// The elements kept, first first.
    func sorted() -> [Element] { elements.sorted(by: precedes) }

    // The top is the element that comes last: a parent never comes before its children.
    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(elements[parent], elements[child]) else { return }
            elements.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            var last = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < elements.count && precedes(elements[last], elements[child]) {
                last = child
            }
            guard last != parent else { return }
            elements.swapAt(parent, last)
            parent = last
        }
    }
}
