import DossierCore
import DossierStore

/// Follows the row types through a pipeline before anything runs, resolving names and literals,
/// and reports the first problem with a diagnostic that points at it.
struct Checker {
    /// The corpus entity literals are resolved against.
    let index: CorpusIndex
    /// The types of the names bound by `let`.
    let bindings: [String: PipelineType]
    /// How deep ``bind(_:in:)`` has recursed: plans and the evaluator recurse as deep as the
    /// expressions they are made from, so the checker refuses a tree deeper than it can take.
    private let depth = ExpressionDepth()

    /// The deepest expression tree the checker binds. The parser limits nesting to
    /// ``Parser/maximumNesting`` and keeps chains of `and`/`or` shallow, so parsed text meets this
    /// limit only with very long chains at many levels; it guards every stage after the parser.
    static let maximumDepth = 256

    /// Checks `pipeline` and gives the plan that runs it.
    func check(_ pipeline: QueryPipeline) throws(Diagnostic) -> Plan {
        var (source, type) = try checkSource(pipeline.source)
        var stages: [PlannedStage] = []
        var bound = TimeBound()
        for (position, stage) in pipeline.stages.enumerated() {
            if case .render(let word) = stage.kind {
                guard position == pipeline.stages.count - 1 else {
                    throw Diagnostic(.error, .stageInputMismatch, "'render' must be the last stage", range: stage.name.range,
                                     help: .init("move '| \(sliceName(stage))' to the end of the pipeline"))
                }
                return Plan(source: source, stages: stages, type: type, presentation: try presentation(word, of: stage, carrying: type),
                            presentationIsExplicit: true)
            }
            let (planned, next) = try checkStage(stage, carrying: type, within: bound)
            stages.append(contentsOf: planned)
            type = next
            bound = bound.after(stage)
        }
        return Plan(source: source, stages: stages, type: type)
    }

    // MARK: Sources

    private func checkSource(_ source: Source) throws(Diagnostic) -> (PlannedSource, PipelineType) {
        switch source.kind {
        case .entity(let literal):
            return (.entity(try resolve(literal)), .rows(.source(.entities)))
        case .name(let name):
            if let type = bindings[name.name] {
                guard case .rows = type else {
                    throw Diagnostic(.error, .stageInputMismatch, "'\(name.name)' holds \(type), not rows, so it cannot start a pipeline", range: name.range)
                }
                return (.binding(name.name), type)
            }
            if let kind = RowKind(word: name.name) {
                return (.all(kind), .rows(.source(kind)))
            }
            let candidates = RowKind.allCases.map(\.rawValue) + ["docs"] + bindings.keys.sorted()
            var diagnostic = Diagnostic(.error, .unknownSource, "unknown source '\(name.name)'", range: name.range)
            if let suggestion = EditDistance.nearest(to: name.name, in: candidates) {
                diagnostic.help = .init("did you mean '\(suggestion)'?")
            }
            var note = "a pipeline starts with documents (docs), entities, mentions, sentences, relations, times, or an entity literal such as @putin"
            if !bindings.isEmpty { note += "; names bound by 'let': " + bindings.keys.sorted().joined(separator: ", ") }
            diagnostic.notes = [note]
            throw diagnostic
        }
    }

    /// The entity row an entity literal names, or a diagnostic that lists the candidates, each with
    /// a literal that names exactly it.
    func resolve(_ literal: EntityLiteral) throws(Diagnostic) -> Int32 {
        if let kindWord = literal.kind { return try resolve(literal, kind: kindWord) }
        var lookup = index.lookUpEntity(named: literal.name)
        if case .notFound = lookup, literal.name.contains("_") {
            let spaced = index.lookUpEntity(named: literal.name.replacingUnderscores())
            if case .notFound = spaced {} else { lookup = spaced }
        }
        let written = EntityLiteral.text(name: literal.name)
        switch lookup {
        case .found(let row):
            return row
        case .ambiguous(let rows):
            throw ambiguous(written, rows, at: literal.range)
        case .notFound(let suggestions):
            var diagnostic = Diagnostic(.error, .unknownEntity, "unknown entity '\(written)'", range: literal.range)
            if let best = suggestions.first { diagnostic.help = .init("did you mean \(EntityLiteral.text(name: best))?") }
            diagnostic.notes = suggestions.isEmpty
                ? ["no entity in the corpus has that name or alias, or one close to it"]
                : ["candidates: " + suggestions.joined(separator: ", ")]
            throw diagnostic
        }
    }

    /// `@name:kind`: the one entity of that kind that goes by the name, preferring the one whose
    /// canonical name is written exactly so (two entities of a kind never share a canonical name).
    private func resolve(_ literal: EntityLiteral, kind kindWord: Identifier) throws(Diagnostic) -> Int32 {
        guard let kind = EntityKind(rawValue: kindWord.name.lowercased()) else {
            throw notACase(kindWord.name, at: kindWord.range, of: .kind)
        }
        var named = index.entities(named: literal.name)
        if named.isEmpty, literal.name.contains("_") { named = index.entities(named: literal.name.replacingUnderscores()) }
        var candidates = named.filter { index.entities.kinds[Int($0)] == kind }
        if candidates.count > 1 {
            let exact = candidates.filter { index.entities.names[Int($0)] == literal.name }
            if !exact.isEmpty { candidates = exact }
        }
        let written = EntityLiteral.text(name: literal.name, kind: kind)
        if candidates.count == 1 { return candidates[0] }
        if candidates.count > 1 { throw ambiguous(written, candidates, at: literal.range) }
        var diagnostic = Diagnostic(.error, .unknownEntity, "unknown entity '\(written)': no \(kind.rawValue) goes by '\(literal.name)'", range: literal.range)
        if named.isEmpty {
            if case .notFound(let suggestions) = index.lookUpEntity(named: literal.name), let best = suggestions.first {
                diagnostic.help = .init("did you mean \(EntityLiteral.text(name: best))?")
            }
        } else {
            diagnostic.help = .init("write one of the literals below")
            diagnostic.notes = candidateNotes(named)
        }
        throw diagnostic
    }

    /// "'@dover' is ambiguous", with one note per candidate: the literal that names exactly it, its
    /// kind and how often it is mentioned, most mentioned first.
    private func ambiguous(_ written: String, _ rows: [Int32], at range: SourceRange) -> Diagnostic {
        let sorted = rows.sorted { index.entities.mentionCounts[Int($0)] > index.entities.mentionCounts[Int($1)] }
        return Diagnostic(.error, .ambiguousEntity, "'\(written)' is ambiguous: \(rows.count) entities go by that name", range: range,
                          help: .init("write one of the literals below, as in \(exactLiteral(for: sorted[0]))"), notes: candidateNotes(sorted))
    }

    /// `@"Boris Johnson" (person, 31 mentions)` for each of the first eight candidates.
    private func candidateNotes(_ rows: [Int32]) -> [String] {
        var notes = rows.prefix(8).map { row in
            let entity = Int(row)
            let count = index.entities.mentionCounts[entity]
            return "\(exactLiteral(for: row)) (\(index.entities.kinds[entity].rawValue), \(count) mention\(count == 1 ? "" : "s"))"
        }
        if rows.count > 8 { notes.append("and \(rows.count - 8) more") }
        return notes
    }

    /// A literal that names exactly the entity `row`: its canonical name, with its kind when the name
    /// alone names several.
    func exactLiteral(for row: Int32) -> String {
        let name = index.entities.names[Int(row)]
        if case .found(let found) = index.lookUpEntity(named: name), found == row { return EntityLiteral.text(name: name) }
        return EntityLiteral.text(name: name, kind: index.entities.kinds[Int(row)])
    }

    // MARK: Stages

    private func checkStage(_ stage: Stage, carrying type: PipelineType, within bound: TimeBound) throws(Diagnostic) -> ([PlannedStage], PipelineType) {
        let word = stage.name.name
        guard case .rows(let rows) = type else {
            throw Diagnostic(.error, .stageInputMismatch, "'\(word)' needs rows, but the pipeline carries \(type)", range: stage.name.range,
                             notes: ["'count' gives a single number and ends a pipeline; 'count by F' gives a table"])
        }
        switch stage.kind {
        case .filter(let expression):
            let (bound, valueType) = try bind(expression, in: rows)
            guard valueType == .bool else {
                throw Diagnostic(.error, .typeMismatch, "'where' needs a condition, but this is \(article(valueType))", range: expression.range,
                                 help: .init("compare it, as in 'where \(sliceName(expression)) == …'"))
            }
            return ([.filter(bound)], type)

        case .time(let relation, let literal):
            guard let accessor = timeAccessor(of: rows) else {
                throw needs(stage, "rows with a date", carrying: rows, navigation: rows == .source(.entities) ? .documents : nil,
                            notes: rows.isTable ? ["the table has no Date or TimeRange column"] : [])
            }
            return ([.filter(.time(relation, .field(accessor), literal.value))], type)

        case .mentioning(let literals):
            guard rows == .source(.documents) || rows == .source(.sentences) else {
                throw needs(stage, "documents or sentences", carrying: rows, navigation: rows.isTable ? nil : .documents)
            }
            var entities: [Int32] = []
            for literal in literals { entities.append(try resolve(literal)) }
            return ([.mentioning(entities)], type)

        case .search(let words, let range):
            guard rows == .source(.documents) || rows == .source(.sentences) else {
                throw needs(stage, "documents or sentences", carrying: rows, navigation: rows.isTable ? nil : .documents)
            }
            do throws(SearchWords.Problem) {
                _ = try SearchWords.expression(for: words)
            } catch {
                let place = error.length == 0 ? range  // nothing to point at inside: the whole string
                    : StringLiteralPlaces.range(of: error.offset..<(error.offset + error.length), in: words, literal: range)
                throw Diagnostic(.error, .invalidSearchWords, "the search words cannot be read: \(error.message)", range: place, notes: [SearchWords.syntaxNote])
            }
            return ([.search(words, range: range)], type)

        case .count(let items):
            if items.isEmpty { return ([.count], .value(.int)) }
            let (expressions, fields) = try bindItems(items, in: rows)
            return ([.countBy(expressions, columns: fields)], .rows(.table(fields + [Field(name: "count", type: .int)])))

        case .sort(let keys):
            return ([.sort(try bindSortKeys(keys, in: rows, descendingByDefault: false))], type)

        case .take(let count):
            return ([.take(count.value)], type)

        case .top(let count, let keys):
            return ([.sort(try bindSortKeys(keys, in: rows, descendingByDefault: true)), .take(count.value)], type)

        case .select(let items):
            let (expressions, fields) = try bindItems(items, in: rows)
            return ([.select(expressions, columns: fields)], .rows(.table(fields)))

        case .distinct(let items):
            let (expressions, fields) = try bindItems(items, in: rows)
            return ([.distinct(expressions, columns: fields)], .rows(.table(fields)))

        case .navigation(let target):
            switch rows {
            case .source:
                return ([.navigate(target)], .rows(.source(target)))
            case .table(let fields):
                let wanted: FieldType? = target == .documents ? .document : target == .entities ? .entity : nil
                if let wanted, let column = fields.firstIndex(where: { $0.type == wanted }) {
                    return ([.navigateFromColumn(column, target)], .rows(.source(target)))
                }
                throw needs(stage, "rows linked to \(target.rawValue)", carrying: rows, navigation: nil,
                            notes: ["a table leads to documents through a Document column and to entities through an Entity column"])
            }

        case .kwic(let word, let width):
            if let word {
                guard rows == .source(.documents) || rows == .source(.sentences) else {
                    throw needs(stage, "documents or sentences", carrying: rows, navigation: rows.isTable ? nil : .sentences,
                                notes: ["'kwic \"word\"' looks for the word in texts; 'kwic' alone shows mentions in context"])
                }
                guard case .source(let kind) = rows, !word.allSatisfy(\.isWhitespace) else {
                    throw Diagnostic(.error, .invalidStageArgument, "'kwic' needs a word to look for, not an empty string", range: stage.range)
                }
                return ([.kwicWord(word, kind, width: try kwicWidth(width))], .rows(.table(KeywordInContext.fields)))
            }
            guard rows == .source(.mentions) else {
                let readsText = rows == .source(.documents) || rows == .source(.sentences)
                throw needs(stage, "mentions", carrying: rows, navigation: rows.isTable ? nil : .mentions,
                            notes: readsText ? ["or look for a word in the \(rows): 'kwic \"word\"'"] : [])
            }
            return ([.kwic(width: try kwicWidth(width))], .rows(.table(KeywordInContext.fields)))

        case .timeline(let unit):
            guard let accessor = timeAccessor(of: rows) else {
                throw needs(stage, "rows with a time", carrying: rows, navigation: rows == .source(.entities) ? .mentions : nil,
                            notes: rows.isTable ? ["the table has no Date or TimeRange column"] : [])
            }
            return ([.timeline(accessor, try timelineUnit(unit), within: bound, range: stage.range)], .rows(.table(Timeline.fields)))

        case .cooccur(let kindWord, let unitWord, let minimum):
            guard case .source(let kind) = rows, [.documents, .sentences, .entities].contains(kind) else {
                throw needs(stage, "documents, sentences or entities", carrying: rows, navigation: rows.isTable ? nil : .documents)
            }
            var options = CooccurrenceOptions(source: kind, withinSentences: kind == .sentences, minimum: minimum?.value ?? 1,
                                              range: stage.range)
            if let kindWord {
                guard let entityKind = EntityKind(rawValue: kindWord.name) else {
                    throw notACase(kindWord.name, at: kindWord.range, of: .kind)
                }
                options.kind = entityKind
            }
            if let unitWord {
                switch unitWord.name {
                case "sentence", "sentences": options.withinSentences = true
                case "document", "documents": options.withinSentences = false
                default:
                    var diagnostic = Diagnostic(.error, .invalidStageArgument, "'cooccur' counts within a sentence or a document, not '\(unitWord.name)'",
                                                range: unitWord.range, notes: ["write 'in sentence' or 'in document'"])
                    if let suggestion = EditDistance.nearest(to: unitWord.name, in: ["sentence", "document"]) {
                        diagnostic.help = .init("did you mean '\(suggestion)'?")
                    }
                    throw diagnostic
                }
            }
            return ([.cooccur(options)], .rows(.table(Cooccurrence.fields)))

        case .graph:
            guard rows == .source(.relations) else {
                throw needs(stage, "relations", carrying: rows, navigation: rows.isTable ? nil : .relations)
            }
            return ([.graph], .rows(.table(RelationGraph.fields)))

        case .render:
            preconditionFailure("render is checked by check(_:) as the last stage")
        }
    }

    /// `render WORD`: the presentation, checked against the columns it needs.
    private func presentation(_ word: Identifier?, of stage: Stage, carrying type: PipelineType) throws(Diagnostic) -> Presentation {
        guard let word else { return .table }
        guard Presentation.words.contains(word.name) else {
            var diagnostic = Diagnostic(.error, .invalidStageArgument, "'render' shows a table, bar, line or graph, not '\(word.name)'", range: word.range)
            if let suggestion = EditDistance.nearest(to: word.name, in: Presentation.words) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
            throw diagnostic
        }
        guard case .rows(let rows) = type else {
            throw Diagnostic(.error, .stageInputMismatch, "'render' needs rows, but the pipeline carries \(type)", range: stage.name.range)
        }
        let fields = rows.isTable ? rows.fields : []
        switch word.name {
        case "bar", "line":
            guard let value = fields.lastIndex(where: { $0.type.isNumeric }) else {
                var diagnostic = Diagnostic(.error, .stageInputMismatch, "'render \(word.name)' needs a table with a number column, but the pipeline carries \(rows)",
                                            range: word.range)
                diagnostic.help = .init("count first, as in '| timeline | render \(word.name)' or '| count by F | render \(word.name)'")
                throw diagnostic
            }
            return word.name == "bar" ? .bar(value: value) : .line(value: value)
        case "graph":
            let ends = fields.indices.filter { fields[$0].type == .entity }
            guard ends.count >= 2 else {
                var diagnostic = Diagnostic(.error, .stageInputMismatch, "'render graph' needs a table with two Entity columns, but the pipeline carries \(rows)",
                                            range: word.range)
                if rows == .source(.relations) { diagnostic.help = .init("insert '| graph' before 'render'") }
                throw diagnostic
            }
            return .graph(from: ends[0], to: ends[1], label: fields.indices.first { !ends.contains($0) && !fields[$0].type.isNumeric },
                          weight: fields.firstIndex { $0.type.isNumeric })
        default:
            return .table
        }
    }

    /// The words of context `kwic` shows on each side: 5 unless written, at most ``KeywordInContext/maximumWidth``.
    private func kwicWidth(_ literal: IntegerLiteral?) throws(Diagnostic) -> Int {
        guard let literal else { return 5 }
        guard literal.value <= KeywordInContext.maximumWidth else {
            throw Diagnostic(.error, .invalidStageArgument, "'kwic' shows at most \(KeywordInContext.maximumWidth) words on each side, not \(literal.value)",
                             range: literal.range, help: .init("write 'width \(KeywordInContext.maximumWidth)' or less"),
                             notes: ["for whole texts, select the text: '| documents | select id, text'"])
        }
        return literal.value
    }

    /// The unit of `timeline by UNIT`: month when none is written.
    private func timelineUnit(_ word: Identifier?) throws(Diagnostic) -> Granularity {
        guard let word else { return .month }
        let units: [Granularity] = [.day, .week, .month, .quarter, .year]
        if let unit = units.first(where: { $0.rawValue == word.name }) { return unit }
        var diagnostic = Diagnostic(.error, .invalidStageArgument, "'timeline' counts by day, week, month, quarter or year, not '\(word.name)'", range: word.range)
        if let suggestion = EditDistance.nearest(to: word.name, in: units.map(\.rawValue)) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
        throw diagnostic
    }

    /// "'kwic' needs mentions, but the pipeline carries entities", with help naming the stage to insert.
    private func needs(_ stage: Stage, _ what: String, carrying rows: RowType, navigation: RowKind?, notes: [String] = []) -> Diagnostic {
        let word = stage.name.name
        var diagnostic = Diagnostic(.error, .stageInputMismatch, "'\(word)' needs \(what), but the pipeline carries \(rows)", range: stage.name.range, notes: notes)
        if let navigation, rows != .source(navigation) {
            diagnostic.help = .init("insert '| \(navigation.rawValue)' before '\(word)'")
        }
        return diagnostic
    }

    private func timeAccessor(of rows: RowType) -> FieldAccessor? {
        switch rows {
        case .source(.documents): .document(.date)
        case .source(.mentions): .mention(.date)
        case .source(.sentences): .sentence(.date)
        case .source(.relations): .relationTimeOrDate
        case .source(.times): .time(.range)
        case .source(.entities): nil
        case .table(let fields): fields.firstIndex { $0.type.isTimeBearing }.map(FieldAccessor.column)
        }
    }

    private func bindItems(_ items: [SelectItem], in rows: RowType) throws(Diagnostic) -> ([BoundExpression], [Field]) {
        var expressions: [BoundExpression] = []
        var fields: [Field] = []
        for item in items {
            let (bound, type) = try bind(item.expression, in: rows)
            let name = item.columnName
            if fields.contains(where: { $0.name == name }) {
                throw Diagnostic(.error, .duplicateName, "the column '\(name)' is named twice", range: item.range,
                                 help: .init("give it another name with 'as'"))
            }
            expressions.append(bound)
            fields.append(Field(name: name, type: type))
        }
        return (expressions, fields)
    }

    private func bindSortKeys(_ keys: [SortKey], in rows: RowType, descendingByDefault: Bool) throws(Diagnostic) -> [PlannedSortKey] {
        var planned: [PlannedSortKey] = []
        for key in keys {
            let (bound, _) = try bind(key.expression, in: rows)
            planned.append(PlannedSortKey(expression: bound, descending: key.descending ?? descendingByDefault))
        }
        return planned
    }

    // MARK: Expressions

    /// An operand before its type is known: bare words that are not fields may be enum cases.
    private enum Operand {
        case typed(BoundExpression, FieldType, Expression)
        case bareWord(String, SourceRange)
    }

    private func accessor(for name: String, in rows: RowType) -> (FieldAccessor, FieldType)? {
        switch rows {
        case .source(.documents): DocumentField(rawValue: name).map { (.document($0), $0.type) }
        case .source(.entities): EntityField(rawValue: name).map { (.entity($0), $0.type) }
        case .source(.mentions): MentionField(rawValue: name).map { (.mention($0), $0.type) }
        case .source(.sentences): SentenceField(rawValue: name).map { (.sentence($0), $0.type) }
        case .source(.relations): RelationField(rawValue: name).map { (.relation($0), $0.type) }
        case .source(.times): TimeField(rawValue: name).map { (.time($0), $0.type) }
        case .table(let fields): fields.firstIndex { $0.name == name }.map { (.column($0), fields[$0].type) }
        }
    }

    private func operand(_ expression: Expression, in rows: RowType) throws(Diagnostic) -> Operand {
        if case .name(let name) = expression.kind, accessor(for: name, in: rows) == nil {
            return .bareWord(name, expression.range)
        }
        let (bound, type) = try bind(expression, in: rows)
        return .typed(bound, type, expression)
    }

    /// Binds `expression` against the fields of `rows`, giving the bound expression and its type.
    func bind(_ expression: Expression, in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType) {
        try depth.enter(expression)
        defer { depth.leave() }
        switch expression.kind {
        case .name(let name):
            guard let (accessor, type) = accessor(for: name, in: rows) else {
                throw unknownField(name, at: expression.range, in: rows)
            }
            return (.field(accessor), type)
        case .string(let value): return (.constant(.string(value)), .string)
        case .integer(let value): return (.constant(.int(value)), .int)
        case .float(let value): return (.constant(.float(value)), .float)
        case .bool(let value): return (.constant(.bool(value)), .bool)
        case .time(let range): return (.constant(.timeRange(range)), .timeRange)
        case .entity(let literal):
            return (.constant(index.entityValue(try resolve(literal))), .entity)
        case .list(let elements):
            var bound: [BoundExpression] = []
            var elementType: FieldType?
            for element in elements {
                let (value, type) = try bind(element, in: rows)
                if let known = elementType, known != type {
                    if known.isNumeric, type.isNumeric {
                        elementType = .float
                    } else {
                        throw Diagnostic(.error, .typeMismatch, "a list holds values of one type, but this is \(article(type)) after \(article(known)) values",
                                         range: element.range)
                    }
                } else if elementType == nil {
                    elementType = type
                }
                bound.append(value)
            }
            return (.list(bound), .list(elementType ?? .string))
        case .not(let operand):
            let (bound, type) = try bind(operand, in: rows)
            try requireBool(type, operand, for: "not")
            return (.not(bound), .bool)
        case .binary(let operation, let left, let right, let operatorRange):
            return try bindBinary(operation, left, right, operatorRange: operatorRange, in: rows)
        case .call(let name, let arguments):
            return try bindCall(name, arguments, in: rows)
        case .null:
            throw Diagnostic(.error, .untypedNull, "'null' stands for a missing value; it has no type of its own here", range: expression.range,
                             help: .init("test for it with 'is null' or 'is not null', or pick a value with coalesce(…)"))
        case .negate(let operand):
            return try bindNegation(operand, in: rows)
        case .isNull(let operand, let negated):
            let (bound, _) = try bind(operand, in: rows)
            return (.isNull(bound, negated: negated), .bool)
        }
    }

    private func requireBool(_ type: FieldType, _ expression: Expression, for word: String) throws(Diagnostic) {
        guard type == .bool else {
            throw Diagnostic(.error, .typeMismatch, "'\(word)' needs a condition (Bool), but this is \(article(type))", range: expression.range)
        }
    }

    private func bindBinary(_ operation: BinaryOperator, _ left: Expression, _ right: Expression, operatorRange: SourceRange,
                            in rows: RowType) throws(Diagnostic) -> (BoundExpression, FieldType) {
        switch operation {
        case .and, .or:
            let (leftBound, leftType) = try bind(left, in: rows)
            try requireBool(leftType, left, for: operation.description)
            let (rightBound, rightType) = try bind(right, in: rows)
            try requireBool(rightType, right, for: operation.description)
            return (operation == .and ? .and(leftBound, rightBound) : .or(leftBound, rightBound), .bool)

        case .add, .subtract, .multiply, .divide:
            return try bindArithmetic(operation, left, right, in: rows)

        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if let nullTest = try bindNullComparison(operation, left, right, in: rows) { return nullTest }
            var leftOperand = try operand(left, in: rows)
            var rightOperand = try operand(right, in: rows)
            (leftOperand, rightOperand) = (preferringCase(leftOperand, over: rightOperand), preferringCase(rightOperand, over: leftOperand))
            switch (leftOperand, rightOperand) {
            case (.bareWord(let name, let range), .bareWord):
                throw unknownField(name, at: range, in: rows)
            case (.bareWord(let name, let range), .typed(_, let type, _)):
                leftOperand = try enumerationCase(name, at: range, of: type, in: rows)
            case (.typed(_, let type, _), .bareWord(let name, let range)):
                rightOperand = try enumerationCase(name, at: range, of: type, in: rows)
            default:
                break
            }
            guard case .typed(var leftBound, let leftType, let leftExpression) = leftOperand,
                  case .typed(var rightBound, let rightType, let rightExpression) = rightOperand else {
                preconditionFailure("bare words are resolved above")
            }
            leftBound = try coerce(leftBound, leftExpression, toward: rightType)
            rightBound = try coerce(rightBound, rightExpression, toward: leftType)
            let leftFinal = Checker.typeAfterCoercion(leftBound, leftType)
            let rightFinal = Checker.typeAfterCoercion(rightBound, rightType)
            guard Checker.canCompare(leftFinal, rightFinal, ordering: operation != .equal && operation != .notEqual) else {
                var diagnostic = Diagnostic(.error, .typeMismatch, "cannot compare \(leftFinal) with \(rightFinal)", range: rightExpression.range,
                                            notes: ["\(describe(leftExpression)) is \(article(leftFinal)); \(describe(rightExpression)) is \(article(rightFinal))"])
                if leftFinal.isTimeBearing, rightFinal == .string {
                    diagnostic.help = .init("write a time literal such as 2023-07 or 2023-07-25")
                } else if leftFinal == rightFinal {
                    diagnostic.message = "\(leftFinal) values cannot be ordered with '\(operation)'"
                }
                throw diagnostic
            }
            return (.compare(operation, leftBound, rightBound), .bool)

        case .in:
            let (leftBound, leftType) = try bind(left, in: rows)
            if case .list(let elements) = right.kind {
                var bound: [BoundExpression] = []
                for element in elements {
                    var elementBound: BoundExpression
                    var elementType: FieldType
                    switch preferringCase(try operand(element, in: rows), over: .typed(leftBound, leftType, left)) {
                    case .bareWord(let name, let range):
                        guard case .typed(let value, let type, _) = try enumerationCase(name, at: range, of: leftType, in: rows) else {
                            preconditionFailure("an enumeration case is typed")
                        }
                        (elementBound, elementType) = (value, type)
                    case .typed(let value, let type, _):
                        (elementBound, elementType) = (value, type)
                    }
                    elementBound = try coerce(elementBound, element, toward: leftType)
                    elementType = Checker.typeAfterCoercion(elementBound, elementType)
                    guard Checker.canCompare(leftType, elementType, ordering: false) else {
                        throw Diagnostic(.error, .typeMismatch, "cannot compare \(leftType) with \(elementType)", range: element.range,
                                         notes: ["\(describe(left)) is \(article(leftType)); \(describe(element)) is \(article(elementType))"])
                    }
                    bound.append(elementBound)
                }
                return (.member(leftBound, .list(bound)), .bool)
            }
            let (rightBound, rightType) = try bind(right, in: rows)
            guard case .list(let elementType) = rightType else {
                throw Diagnostic(.error, .typeMismatch, "'in' needs a list on its right, such as [a, b], but this is \(article(rightType))", range: right.range)
            }
            guard Checker.canCompare(leftType, elementType, ordering: false) else {
                throw Diagnostic(.error, .typeMismatch, "cannot look for \(article(leftType)) in a list of \(elementType) values", range: left.range)
            }
            return (.member(leftBound, rightBound), .bool)

        case .contains, .matches:
            let (leftBound, leftType) = try bind(left, in: rows)
            guard leftType.isTextual || leftType == .list(.string) else {
                throw Diagnostic(.error, .typeMismatch, "'\(operation)' needs text on its left, but \(describe(left)) is \(article(leftType))", range: left.range)
            }
            guard case .string(let pattern) = right.kind else {
                throw Diagnostic(.error, .expectedLiteral, "'\(operation)' needs a string literal on its right, such as \"Kyiv\"", range: right.range)
            }
            if operation == .contains { return (.contains(leftBound, pattern.lowercased()), .bool) }
            do throws(RegexSyntaxError) {
                return (.matches(leftBound, try LinearRegex(pattern)), .bool)
            } catch {
                let place = StringLiteralPlaces.range(of: error.offset..<(error.offset + 1), in: pattern, literal: right.range)
                throw Diagnostic(.error, .invalidRegex, "invalid regular expression: \(error.message)", range: place, help: error.help.map { .init($0) })
            }

        case .time(let relation):
            let (leftBound, leftType) = try bind(left, in: rows)
            guard leftType.isTimeBearing else {
                throw Diagnostic(.error, .typeMismatch, "'\(relation.rawValue)' needs a Date or TimeRange on its left, but \(describe(left)) is \(article(leftType))",
                                 range: left.range)
            }
            let range: TimeRange
            switch right.kind {
            case .time(let value): range = value
            case .integer(let year) where (1000...9999).contains(year): range = .year(year)
            default:
                throw Diagnostic(.error, .expectedLiteral, "'\(relation.rawValue)' needs a time literal on its right, such as 2023 or 2023-07", range: right.range)
            }
            return (.time(relation, leftBound, range), .bool)
        }
    }

    /// Turns an integer literal into a year where a time is expected, and a string literal into an
    /// enumeration case where an enumeration is expected.
    private func coerce(_ bound: BoundExpression, _ expression: Expression, toward other: FieldType) throws(Diagnostic) -> BoundExpression {
        switch (expression.kind, other) {
        case (.integer(let year), .date), (.integer(let year), .timeRange):
            guard (1000...9999).contains(year) else { return bound }
            return .constant(.timeRange(.year(year)))
        case (.string(let word), _) where other.enumerationCases != nil:
            guard let value = other.enumerationValue(word) else {
                throw notACase(word, at: expression.range, of: other)
            }
            return .constant(value)
        default:
            return bound
        }
    }

    private static func typeAfterCoercion(_ bound: BoundExpression, _ type: FieldType) -> FieldType {
        if case .constant(let value) = bound {
            switch value {
            case .timeRange: return .timeRange
            case .kind: return .kind
            case .predicate: return .predicate
            case .modality: return .modality
            case .timexType: return .timexType
            default: break
            }
        }
        return type
    }

    private static func canCompare(_ left: FieldType, _ right: FieldType, ordering: Bool) -> Bool {
        if left.isNumeric && right.isNumeric { return true }
        if left.isTimeBearing && right.isTimeBearing { return true }
        if ordering {
            return left == right && (left == .string || left.isTimeBearing)
        }
        switch (left, right) {
        case (.entity, .string), (.string, .entity), (.document, .string), (.string, .document): return true
        default: return left == right
        }
    }

    /// A field name that is also a case of the enumeration on the other side reads as the case, so
    /// `type == date` compares with the TimexType `date` even where rows have a `date` field.
    private func preferringCase(_ operand: Operand, over other: Operand) -> Operand {
        guard case .typed(.field, let type, let expression) = operand, case .name(let word) = expression.kind,
              case .typed(_, let otherType, _) = other, type != otherType, otherType.enumerationValue(word) != nil else { return operand }
        return .bareWord(word, expression.range)
    }

    private func enumerationCase(_ word: String, at range: SourceRange, of type: FieldType, in rows: RowType) throws(Diagnostic) -> Operand {
        guard type.enumerationCases != nil else { throw unknownField(word, at: range, in: rows) }
        guard let value = type.enumerationValue(word) else { throw notACase(word, at: range, of: type) }
        return .typed(.constant(value), type, Expression(kind: .name(word), range: range))
    }

    private func notACase(_ word: String, at range: SourceRange, of type: FieldType) -> Diagnostic {
        let cases = type.enumerationCases ?? []
        var diagnostic = Diagnostic(.error, .unknownCase, "'\(word)' is not a \(type)", range: range,
                                    notes: ["\(type) is one of: " + cases.joined(separator: ", ")])
        if let suggestion = EditDistance.nearest(to: word, in: cases) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
        return diagnostic
    }

    private func unknownField(_ name: String, at range: SourceRange, in rows: RowType) -> Diagnostic {
        let names = rows.fields.map(\.name)
        let subject: String
        let note: String
        switch rows {
        case .source(let kind):
            subject = "\(kind.rawValue) have"
            note = "\(kind.rawValue) have the fields: " + names.joined(separator: ", ")
        case .table:
            subject = "the table has"
            note = "the table's columns are: " + names.joined(separator: ", ")
        }
        var diagnostic = Diagnostic(.error, .unknownField, "\(subject) no field '\(name)'", range: range, notes: [note])
        if let suggestion = EditDistance.nearest(to: name, in: names) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
        return diagnostic
    }

    // MARK: Wording

    func article(_ type: FieldType) -> String {
        let name = type.description
        return (name.first.map { "AEIOU".contains($0) } ?? false ? "an " : "a ") + name
    }

    func describe(_ expression: Expression) -> String {
        switch expression.kind {
        case .name(let name): "'\(name)'"
        case .string(let value): "\"\(value)\""
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .bool(let value): String(value)
        case .time(let range): range.description
        case .entity(let literal): "@\(literal.name)"
        case .call(let name, _): "'\(name.name)(…)'"
        default: "the expression"
        }
    }

    /// The stage as a user would write it again: its name, and its first word when it has one.
    private func sliceName(_ stage: Stage) -> String {
        if case .render(let word?) = stage.kind { return "render \(word.name)" }
        return stage.name.name
    }

    private func sliceName(_ expression: Expression) -> String {
        if case .name(let name) = expression.kind { return name }
        return "…"
    }
}

extension RowType {
    var isTable: Bool {
        if case .table = self { return true }
        return false
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}

/// The depth of the expression being bound, shared by the checker's calls.
private final class ExpressionDepth {
    private var level = 0

    func enter(_ expression: Expression) throws(Diagnostic) {
        level += 1
        guard level > Checker.maximumDepth else { return }
        throw Diagnostic(.error, .nestedTooDeeply, "the expression is nested too deeply", range: expression.range,
                         notes: ["an expression may be at most \(Checker.maximumDepth) levels deep"])
    }

    func leave() { level -= 1 }
}
