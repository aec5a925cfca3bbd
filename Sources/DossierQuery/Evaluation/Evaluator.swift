import DossierCore
import DossierStore

/// What flows between stages while a pipeline runs.
enum Carried: Sendable {
    /// Rows of the corpus, by row number, in pipeline order.
    case rows(RowKind, [Int32])
    /// A table.
    case table([Field], [[Value]])
    /// One value.
    case value(Value)

    /// The carried rows as a result a caller can render.
    func result(in index: CorpusIndex) -> QueryResult {
        switch self {
        case .rows(let kind, let rows):
            let fields = kind.defaultColumns.compactMap { name in kind.fields.first { $0.name == name } }
            let table = rows.map { row in fields.map { index.value(of: $0.name, in: kind, row: Int(row)) } }
            return .rows(ResultTable(columns: fields.map { .init(name: $0.name, type: $0.type) }, rows: table, rowKind: kind))
        case .table(let fields, let rows):
            return .rows(ResultTable(columns: fields.map { .init(name: $0.name, type: $0.type) }, rows: rows))
        case .value(let value):
            return .scalar(value)
        }
    }
}

/// Runs checked plans over the corpus index, stage by stage, on arrays of row numbers.
struct Evaluator {
    let index: CorpusIndex
    let postings: Postings
    let bindings: [String: Carried]
    let isCancelled: () -> Bool
    let fullTextSearch: FullTextSearch?
    let sentenceSearch: FullTextSearch?

    static let cancelled = Diagnostic(.error, .cancelled, "cancelled")

    func run(_ plan: Plan) throws(Diagnostic) -> Carried {
        var carried: Carried
        var position = 0
        switch plan.source {
        case .all(let kind):
            // `relations | count by predicate` and `mentions | where …` go through the table's rows as they
            // come, without a list of all of them first.
            if case .countBy(let keys, let fields)? = plan.stages.first, keys.count == 1, denseKey(keys[0]) != nil {
                carried = countedByDenseKey(keys[0], fields: fields, rows: nil)
                position = 1
            } else if case .filter(let condition)? = plan.stages.first, let predicate = fastPredicate(condition, testing: index.rowCount(of: kind)) {
                // `documents | during 2019-03` among them: one loop over the day numbers.
                var kept: [Int32] = []
                for row in 0..<Int32(index.rowCount(of: kind)) where predicate(row) { kept.append(row) }
                carried = .rows(kind, kept)
                position = 1
            } else {
                carried = .rows(kind, Array(0..<Int32(index.rowCount(of: kind))))
            }
        case .entity(let row):
            carried = .rows(.entities, [row])
        case .binding(let name):
            carried = bindings[name] ?? .rows(.entities, [])
        }
        while position < plan.stages.count {
            if isCancelled() { throw Evaluator.cancelled }
            let following = plan.stages[(position + 1)...]
            if let (fused, taken) = try applyFused(plan.stages[position], followedBy: following, to: carried) {
                carried = fused
                position += 1 + taken
            } else {
                carried = try apply(plan.stages[position], to: carried)
                position += 1
            }
        }
        // A stage stopped early by a cancellation (a regular expression gives up mid-text) gives
        // partial rows, which must not pass for a result.
        if isCancelled() { throw Evaluator.cancelled }
        return carried
    }

    /// A stage whose table could be large, run together with the stages right after it that need
    /// only a count or the first rows of it (`kwic | count`, `cooccur | top 10 by count`), so the
    /// whole table is never made; `nil` when the stages do not combine so. Gives what they carry
    /// and how many of the following stages it took in.
    private func applyFused(_ stage: PlannedStage, followedBy following: ArraySlice<PlannedStage>,
                            to carried: Carried) throws(Diagnostic) -> (Carried, Int)? {
        guard case .rows(let kind, let rows) = carried, let next = following.first else { return nil }
        switch (stage, next) {
        case (.kwic, .count):
            return (.value(.int(rows.count)), 1)
        case (.kwicWord(let word, _, _), .count):
            return (.value(.int(KeywordInContext.occurrenceCount(of: word, in: rows, of: kind, in: index))), 1)
        case (.cooccur(let options), .count):
            return (.value(.int(try cooccurrenceCount(of: rows, options))), 1)
        case (.cooccur(let options), .take(let limit)):
            return (.table(Cooccurrence.fields, try topCooccurrences(of: rows, options, by: [], limit: limit)), 1)
        case (.cooccur(let options), .sort(let keys)):
            guard case .take(let limit) = following.dropFirst().first else { return nil }
            return (.table(Cooccurrence.fields, try topCooccurrences(of: rows, options, by: keys, limit: limit)), 2)
        default:
            return nil
        }
    }

    private func apply(_ stage: PlannedStage, to carried: Carried) throws(Diagnostic) -> Carried {
        switch (stage, carried) {
        case (_, .value):
            return carried

        case (.filter(let condition), .rows(let kind, let rows)):
            if let predicate = fastPredicate(condition, testing: rows.count) { return .rows(kind, rows.filter(predicate)) }
            let evaluator = ExpressionEvaluator(index: index, table: [], isCancelled: isCancelled)
            var kept: [Int32] = []
            for (position, row) in rows.enumerated() {
                try checkCancellation(at: position)
                if evaluator.test(condition, row: Int(row)) == true { kept.append(row) }
            }
            return .rows(kind, kept)
        case (.filter(let condition), .table(let fields, let rows)):
            let evaluator = ExpressionEvaluator(index: index, table: rows, isCancelled: isCancelled)
            var kept: [[Value]] = []
            for position in rows.indices {
                try checkCancellation(at: position)
                if evaluator.test(condition, row: position) == true { kept.append(rows[position]) }
            }
            return .table(fields, kept)

        case (.mentioning(let entities), .rows(.sentences, let rows)):
            var common = sentencesMentioning(entities[0])
            for entity in entities.dropFirst() { common = Evaluator.intersect(common, sentencesMentioning(entity)) }
            return .rows(.sentences, Evaluator.keeping(rows, in: common, of: index.sentences.count))
        case (.mentioning(let entities), .rows(let kind, let rows)):
            var common = Array(index.documentsByEntity[Int(entities[0])])
            for entity in entities.dropFirst() {
                common = Evaluator.intersect(common, Array(index.documentsByEntity[Int(entity)]))
            }
            // The checker lets `mentioning` follow documents or sentences only: these are documents.
            return .rows(kind, Evaluator.keeping(rows, in: common, of: index.documents.count))

        case (.search(let words, let range), .rows(let kind, let rows)):
            guard let search = kind == .sentences ? sentenceSearch : fullTextSearch else {
                throw Diagnostic(.error, .searchUnavailable, "full-text search needs a workspace, and this index has none", range: range)
            }
            let matches: [Int32]
            do {
                matches = try search(words)
            } catch {
                var located = error
                located.range = range
                throw located
            }
            return .rows(kind, rows.filter { Evaluator.sortedContains(matches, $0) })

        case (.count, .rows(_, let rows)):
            return .value(.int(rows.count))
        case (.count, .table(_, let rows)):
            return .value(.int(rows.count))

        case (.countBy(let keys, let fields), .rows(_, let rows)) where keys.count == 1 && denseKey(keys[0]) != nil:
            return countedByDenseKey(keys[0], fields: fields, rows: rows)

        case (.countBy(let keys, let fields), _):
            var counts: [[Value]: Int] = [:]
            var order: [[Value]] = []
            try forEachRow(of: carried) { (evaluator, row) in
                let key = keys.map { evaluator.evaluate($0, row: row) }
                if let count = counts[key] {
                    counts[key] = count + 1
                } else {
                    counts[key] = 1
                    order.append(key)
                }
            }
            let sorted = order.sorted { left, right in
                let (a, b) = (counts[left]!, counts[right]!)
                if a != b { return a > b }
                for (x, y) in zip(left, right) {
                    let result = Value.order(x, y)
                    if result != 0 { return result < 0 }
                }
                return false
            }
            return .table(fields + [Field(name: "count", type: .int)], sorted.map { $0 + [.int(counts[$0]!)] })

        case (.sort(let keys), .rows(let kind, let rows)):
            let evaluator = ExpressionEvaluator(index: index, table: [], isCancelled: isCancelled)
            let order = try sortedPositions(count: rows.count, keys: keys) { evaluator.evaluate($0, row: Int(rows[$1])) }
            return .rows(kind, order.map { rows[$0] })
        case (.sort(let keys), .table(let fields, let rows)):
            let evaluator = ExpressionEvaluator(index: index, table: rows, isCancelled: isCancelled)
            let order = try sortedPositions(count: rows.count, keys: keys) { evaluator.evaluate($0, row: $1) }
            return .table(fields, order.map { rows[$0] })

        case (.take(let count), .rows(let kind, let rows)):
            return .rows(kind, Array(rows.prefix(count)))
        case (.take(let count), .table(let fields, let rows)):
            return .table(fields, Array(rows.prefix(count)))

        case (.select(let expressions, let fields), _):
            var table: [[Value]] = []
            try forEachRow(of: carried) { (evaluator, row) in
                table.append(expressions.map { evaluator.evaluate($0, row: row) })
            }
            return .table(fields, table)

        case (.distinct(let expressions, let fields), _):
            var seen: Set<[Value]> = []
            var table: [[Value]] = []
            try forEachRow(of: carried) { (evaluator, row) in
                let values = expressions.map { evaluator.evaluate($0, row: row) }
                if seen.insert(values).inserted { table.append(values) }
            }
            return .table(fields, table)

        case (.navigate(let target), .rows(let kind, let rows)):
            return .rows(target, navigate(from: kind, rows, to: target))
        case (.navigateFromColumn(let column, let target), .table(_, let rows)):
            var targets: [Int32] = []
            for row in rows {
                switch row[column] {
                case .entity(let entity, _) where target == .entities: targets.append(entity.row)
                case .document(let document, _) where target == .documents: targets.append(document.row)
                default: break
                }
            }
            return .rows(target, Evaluator.sortedUnique(targets))

        case (.kwic(let width), .rows(.mentions, let rows)):
            let table = try inSlices(of: rows) { KeywordInContext.rows(for: $0, width: width, in: index) }
            return .table(KeywordInContext.fields, table)

        case (.kwicWord(let word, let kind, let width), .rows(_, let rows)):
            let table = try inSlices(of: rows) { KeywordInContext.rows(matching: word, in: $0, of: kind, width: width, in: index) }
            return .table(KeywordInContext.fields, table)

        case (.timeline(let accessor, let unit, let bound, let range), _):
            var times: [Value] = []
            try forEachRow(of: carried) { evaluator, row in times.append(evaluator.evaluate(.field(accessor), row: row)) }
            guard let rows = Timeline.rows(for: times, by: unit, within: bound) else {
                throw Diagnostic(.error, .resultTooLarge, "the timeline would have more than \(Timeline.bucketLimit) buckets", range: range,
                                 help: .init("count by a longer unit, or narrow the rows with 'during'"))
            }
            return .table(Timeline.fields, rows)

        case (.cooccur(let options), .rows(_, let rows)):
            return .table(Cooccurrence.fields, try cooccurrences(of: rows, options))

        case (.graph, .rows(.relations, let rows)):
            return .table(RelationGraph.fields, RelationGraph.edges(of: rows, in: index))

        default:
            preconditionFailure("the checker lets no stage meet rows it cannot take")
        }
    }

    /// Calls `body` with an evaluator and the row to evaluate on, for every row of `carried`.
    private func forEachRow(of carried: Carried, _ body: (ExpressionEvaluator, Int) -> Void) throws(Diagnostic) {
        switch carried {
        case .rows(_, let rows):
            let evaluator = ExpressionEvaluator(index: index, table: [], isCancelled: isCancelled)
            for (position, row) in rows.enumerated() {
                try checkCancellation(at: position)
                body(evaluator, Int(row))
            }
        case .table(_, let rows):
            let evaluator = ExpressionEvaluator(index: index, table: rows, isCancelled: isCancelled)
            for row in rows.indices {
                try checkCancellation(at: row)
                body(evaluator, row)
            }
        case .value:
            break
        }
    }

    // MARK: Cancellation

    /// Throws "cancelled" when the caller asked to stop; asks once every 1024 positions of a loop, so
    /// a scan stops within a fraction of a second however costly each row is.
    func checkCancellation(at position: Int) throws(Diagnostic) {
        if position & 0x3FF == 0x3FF, isCancelled() { throw Evaluator.cancelled }
    }

    /// `transform` of `rows` in slices of 64, asking between slices whether to stop: for stages whose
    /// rows cost much each (`kwic width 1000`).
    private func inSlices(of rows: [Int32], _ transform: ([Int32]) -> [[Value]]) throws(Diagnostic) -> [[Value]] {
        var table: [[Value]] = []
        var start = 0
        while start < rows.count {
            if isCancelled() { throw Evaluator.cancelled }
            let end = min(start + 64, rows.count)
            table += transform(Array(rows[start..<end]))
            start = end
        }
        return table
    }

    // MARK: Fast paths

    /// For a key that is a row's entity or document (a mention's entity, a relation's subject, a
    /// sentence's document, …): the column of row numbers, the number of rows it refers to, and the
    /// value of a row number.
    private func referenceColumn(_ key: BoundExpression) -> (Column<Int32>, Int, (Int32) -> Value)? {
        guard case .field(let accessor) = key else { return nil }
        let index = self.index
        let entity: (Int32) -> Value = { index.entityValue($0) }
        let document: (Int32) -> Value = { index.documentValue($0) }
        switch accessor {
        case .mention(.entity): return (index.mentions.entities, index.entities.count, entity)
        case .mention(.document): return (index.mentions.documents, index.documents.count, document)
        case .relation(.subject): return (index.relations.subjects, index.entities.count, entity)
        case .relation(.object): return (index.relations.objects, index.entities.count, entity)
        case .relation(.document): return (index.relations.documents, index.documents.count, document)
        case .sentence(.document): return (index.sentences.documents, index.documents.count, document)
        case .time(.document): return (index.times.documents, index.documents.count, document)
        default: return nil
        }
    }

    /// A predicate on row numbers for conditions that compare a row's entity or document with
    /// constants, so the common `where entity == @name` and `where subject == @name` are integer work.
    ///
    /// Enumeration and Bool columns that are never missing (`predicate`, `modality`, `negated`, a
    /// time's `type`, an entity's `kind`) are compared the same way, and `and`, `or` and `not` of
    /// such conditions combine them, so `where predicate == attend and negated` scans two columns.
    private func fastPredicate(_ condition: BoundExpression, testing rowCount: Int) -> ((Int32) -> Bool)? {
        switch condition {
        case .compare(let operation, let field, let constant) where operation == .equal || operation == .notEqual:
            if let test = enumerationTest(field, [constant]) { return operation == .equal ? test : { !test($0) } }
            guard let column = referenceColumn(field)?.0, let target = referencedRow(constant, sameKindAs: field) else { return nil }
            return operation == .equal ? { column[Int($0)] == target } : { column[Int($0)] != target }
        case .field(.relation(.negated)):
            let column = index.relations.negations
            return { column[Int($0)] }
        case .not(let operand):
            // A missing title or date makes a test unknown, and `not` of unknown is unknown, not true.
            guard !mayBeUnknown(operand), let test = fastPredicate(operand, testing: rowCount) else { return nil }
            return { !test($0) }
        case .time(let relation, .field(.document(.date)), let range):
            // `documents | during 2019-03` compares day numbers; a document without a date is in no range.
            let numbers = index.documents.dates.numbers.buffer
            let (lowest, highest) = Self.dayBounds(relation, range)
            return { row in
                row >= 0 && Int(row) < numbers.count && Self.isDay(numbers[Int(row)], from: lowest, to: highest)
            }
        case .contains(.field(.mention(.text)), let needle):
            // Once per distinct text, then a lookup per row.
            let texts = index.mentions.texts
            let matches = ColumnTextSearch.rows(of: texts.values, containing: needle)
            let codes = texts.codes.buffer
            let rowCount = codes.count
            return { row in
                guard row >= 0, Int(row) < rowCount else { return false }
                let code = Int(codes[Int(row)])
                return code >= 0 && code < matches.count && matches[code]
            }
        case .contains(.field(let accessor), let needle):
            guard let (strings, presence) = stringColumn(accessor) else { return nil }
            // A few rows are searched one by one; many, by one search of the column's whole heap.
            guard rowCount * 16 >= strings.count else {
                let pattern = Array(needle.utf8)
                return { row in (presence.map { $0[Int(row)] != 0 } ?? true) && TextSearch.contains(utf8: strings.utf8(Int(row)), lowercasedNeedle: pattern) }
            }
            let matches = ColumnTextSearch.rows(of: strings, containing: needle)
            if let presence { return { presence[Int($0)] != 0 && matches[Int($0)] } }
            return { matches[Int($0)] }
        case .and(let left, let right):
            guard let first = fastPredicate(left, testing: rowCount), let second = fastPredicate(right, testing: rowCount) else { return nil }
            return { first($0) && second($0) }
        case .or(let left, let right):
            guard let first = fastPredicate(left, testing: rowCount), let second = fastPredicate(right, testing: rowCount) else { return nil }
            return { first($0) || second($0) }
        case .member(let field, .list(let elements)):
            if let test = enumerationTest(field, elements) { return test }
            guard let column = referenceColumn(field)?.0 else { return nil }
            var wanted: Set<Int32> = []
            for element in elements {
                guard let row = referencedRow(element, sameKindAs: field) else { return nil }
                wanted.insert(row)
            }
            return { wanted.contains(column[Int($0)]) }
        default:
            return nil
        }
    }

    /// The first and last day numbers a date must lie between to stand in `relation` to `range`.
    static func dayBounds(_ relation: TimeRelation, _ range: TimeRange) -> (lowest: Int64, highest: Int64) {
        let (start, end) = (Int64(range.start.number), Int64(range.end.number))
        return switch relation {
        case .during, .overlaps: (start, end - 1)
        case .before: (Int64(DayColumn.missing) + 1, start - 1)
        case .after: (end, Int64(Int32.max))
        }
    }

    /// Whether the day number `number` is a day (not a missing date) between `lowest` and `highest`.
    @inline(__always)
    static func isDay(_ number: Int32, from lowest: Int64, to highest: Int64) -> Bool {
        number != DayColumn.missing && Int64(number) >= lowest && Int64(number) <= highest
    }

    /// `count by KEY` for a dense key over `rows` (every row of the table when `nil`, counted straight
    /// from the key's column): counted into an array, then ordered by count and key.
    private func countedByDenseKey(_ key: BoundExpression, fields: [Field], rows: [Int32]?) -> Carried {
        let (size, keyOfRow, value, countAll) = denseKey(key)!
        var counts = [Int](repeating: 0, count: size)
        if let rows {
            for row in rows { counts[keyOfRow(row)] += 1 }
        } else {
            countAll(&counts)
        }
        var table: [[Value]] = []
        for (key, count) in counts.enumerated() where count > 0 { table.append([value(Int32(key)), .int(count)]) }
        table.sort { left, right in
            if left[1] != right[1] { return Value.order(left[1], right[1]) > 0 }
            return Value.order(left[0], right[0]) < 0
        }
        return .table(fields + [Field(name: "count", type: .int)], table)
    }

    /// A key that is a small number for every row, so `count by` it counts into an array: a
    /// reference (a mention's entity, a relation's subject) or an enumeration (a relation's
    /// predicate, an entity's kind). Gives the number of keys, a row's key, and a key's value.
    /// Also gives a counter of every row's key, straight from the column.
    private func denseKey(_ key: BoundExpression) -> (Int, (Int32) -> Int, (Int32) -> Value, (inout [Int]) -> Void)? {
        if let (column, size, value) = referenceColumn(key) {
            return (size, { Int(column[Int($0)]) }, value, { counts in
                for reference in column.buffer where reference >= 0 && Int(reference) < size { counts[Int(reference)] += 1 }
            })
        }
        guard case .field(let accessor) = key else { return nil }
        func coded<Case>(_ column: CodedColumn<Case>, _ value: @escaping (Case) -> Value)
            -> (Int, (Int32) -> Int, (Int32) -> Value, (inout [Int]) -> Void) {
            let cases = Array(Case.allCases)
            return (cases.count, { let code = Int(column.codes[Int($0)]); return code < cases.count ? code : 0 }, { value(cases[Int($0)]) },
                    { counts in for code in column.codes.buffer { counts[Int(code) < cases.count ? Int(code) : 0] += 1 } })
        }
        switch accessor {
        case .relation(.predicate): return coded(index.relations.predicates, Value.predicate)
        case .relation(.modality): return coded(index.relations.modalities, Value.modality)
        case .entity(.kind): return coded(index.entities.kinds, Value.kind)
        case .time(.type): return coded(index.times.types, Value.timexType)
        default: return nil
        }
    }

    /// The string column behind `accessor`, with the presence of each row when it may be missing:
    /// `contains` on it scans the column's UTF-8 bytes in place instead of making a string per row.
    private func stringColumn(_ accessor: FieldAccessor) -> (StringColumn, presence: Column<UInt8>?)? {
        switch accessor {
        case .document(.id): (index.documents.ids, nil)
        case .document(.title): (index.documents.titles.strings, index.documents.titles.presence)
        case .document(.source): (index.documents.sources.strings, index.documents.sources.presence)
        case .document(.url): (index.documents.urls.strings, index.documents.urls.presence)
        case .time(.text): (index.times.texts, nil)
        case .time(.value): (index.times.values, nil)
        default: nil
        }
    }

    /// Whether `condition` reads a column that may be missing (a title, a date), so it can be unknown.
    private func mayBeUnknown(_ condition: BoundExpression) -> Bool {
        switch condition {
        case .contains(.field(let accessor), _): stringColumn(accessor)?.presence != nil
        case .time(_, .field(.document(.date)), _): true
        case .not(let operand): mayBeUnknown(operand)
        case .and(let left, let right), .or(let left, let right): mayBeUnknown(left) || mayBeUnknown(right)
        default: false
        }
    }

    /// Whether an enumeration column holds one of `constants`, when `field` is such a column and the
    /// constants are its cases.
    private func enumerationTest(_ field: BoundExpression, _ constants: [BoundExpression]) -> ((Int32) -> Bool)? {
        guard case .field(let accessor) = field else { return nil }
        var values: [Value] = []
        for constant in constants {
            guard case .constant(let value) = constant else { return nil }
            values.append(value)
        }
        func test<Case: Hashable>(_ column: some IndexColumn<Case>, _ extract: (Value) -> Case?) -> ((Int32) -> Bool)? {
            let wanted = values.compactMap(extract)
            guard wanted.count == values.count else { return nil }
            if wanted.count == 1, let only = wanted.first { return { column[Int($0)] == only } }
            let set = Set(wanted)
            return { set.contains(column[Int($0)]) }
        }
        switch accessor {
        case .relation(.predicate): return test(index.relations.predicates) { if case .predicate(let value) = $0 { value } else { nil } }
        case .relation(.modality): return test(index.relations.modalities) { if case .modality(let value) = $0 { value } else { nil } }
        case .relation(.negated): return test(index.relations.negations) { if case .bool(let value) = $0 { value } else { nil } }
        case .time(.type): return test(index.times.types) { if case .timexType(let value) = $0 { value } else { nil } }
        case .entity(.kind): return test(index.entities.kinds) { if case .kind(let value) = $0 { value } else { nil } }
        default: return nil
        }
    }

    /// The row an entity or document constant names, when `field` holds references of the same kind.
    private func referencedRow(_ value: BoundExpression, sameKindAs field: BoundExpression) -> Int32? {
        guard case .field(let accessor) = field else { return nil }
        let holdsEntities = [.mention(.entity), .relation(.subject), .relation(.object)].contains(accessor)
        switch value {
        case .constant(.entity(let entity, _)) where holdsEntities: return entity.row
        case .constant(.document(let document, _)) where !holdsEntities: return document.row
        default: return nil
        }
    }

    /// The sentences (ascending rows) in which `entity` is mentioned.
    func sentencesMentioning(_ entity: Int32) -> [Int32] {
        var found: [Int32] = []
        for mention in postings.mentionsByEntity[entity] {
            let row = Int(mention)
            if let sentence = index.sentenceRow(document: index.mentions.documents[row], position: index.mentions.sentences[row]) {
                found.append(sentence)
            }
        }
        return Evaluator.sortedUnique(found)
    }

    // MARK: Helpers

    static func rows(of mask: [Bool]) -> [Int32] {
        var rows: [Int32] = []
        for (row, isSet) in mask.enumerated() where isSet { rows.append(Int32(row)) }
        return rows
    }

    static func sortedUnique(_ rows: [Int32]) -> [Int32] {
        var sorted = rows.sorted()
        var write = 0
        for read in sorted.indices where read == 0 || sorted[read] != sorted[read - 1] {
            sorted[write] = sorted[read]
            write += 1
        }
        sorted.removeLast(sorted.count - write)
        return sorted
    }

    static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { result.append(a[i]); i += 1; j += 1 }
        }
        return result
    }

    /// The rows of `rows` (in their order) that are in `sorted`, all of them rows of a table of
    /// `count`: many rows are tested against a mask, a few by binary search.
    static func keeping(_ rows: [Int32], in sorted: [Int32], of count: Int) -> [Int32] {
        guard rows.count > 64 else { return rows.filter { sortedContains(sorted, $0) } }
        var mask = [Bool](repeating: false, count: count)
        for row in sorted where row >= 0 && Int(row) < count { mask[Int(row)] = true }
        return rows.filter { mask[Int($0)] }
    }

    static func sortedContains(_ sorted: [Int32], _ value: Int32) -> Bool {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// The positions `0..<count` in sorted order: by each key in turn, missing values last whatever
    /// the direction, ties kept in their original order. Stops with "cancelled" when asked to.
    func sortedPositions(count: Int, keys: [PlannedSortKey], value: (BoundExpression, Int) -> Value) throws(Diagnostic) -> [Int] {
        var columns: [[Value]] = []
        for key in keys {
            var column: [Value] = []
            column.reserveCapacity(count)
            for position in 0..<count {
                try checkCancellation(at: position)
                column.append(value(key.expression, position))
            }
            columns.append(column)
        }
        var comparisons = 0
        do {
            return try (0..<count).sorted { a, b in
                comparisons += 1
                try checkCancellation(at: comparisons)
                for (key, column) in zip(keys, columns) {
                    let (x, y) = (column[a], column[b])
                    if x.isNull || y.isNull {
                        if x.isNull && y.isNull { continue }
                        return y.isNull
                    }
                    let order = Value.order(x, y)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a < b
            }
        } catch {
            throw Evaluator.cancelled
        }
    }
}
