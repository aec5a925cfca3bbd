import DossierCore
import DossierStore

// Stages: what each takes and gives, and the plan that runs it.
extension Checker {
    func checkStage(_ stage: Stage, carrying type: PipelineType, within bound: TimeBound) throws(Diagnostic) -> ([PlannedStage], PipelineType) {
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
    func presentation(_ word: Identifier?, of stage: Stage, carrying type: PipelineType) throws(Diagnostic) -> Presentation {
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
    func kwicWidth(_ literal: IntegerLiteral?) throws(Diagnostic) -> Int {
        guard let literal else { return 5 }
        guard literal.value <= KeywordInContext.maximumWidth else {
            throw Diagnostic(.error, .invalidStageArgument, "'kwic' shows at most \(KeywordInContext.maximumWidth) words on each side, not \(literal.value)",
                             range: literal.range, help: .init("write 'width \(KeywordInContext.maximumWidth)' or less"),
                             notes: ["for whole texts, select the text: '| documents | select id, text'"])
        }
        return literal.value
    }

    /// The unit of `timeline by UNIT`: month when none is written.
    func timelineUnit(_ word: Identifier?) throws(Diagnostic) -> Granularity {
        guard let word else { return .month }
        let units: [Granularity] = [.day, .week, .month, .quarter, .year]
        if let unit = units.first(where: { $0.rawValue == word.name }) { return unit }
        var diagnostic = Diagnostic(.error, .invalidStageArgument, "'timeline' counts by day, week, month, quarter or year, not '\(word.name)'", range: word.range)
        if let suggestion = EditDistance.nearest(to: word.name, in: units.map(\.rawValue)) { diagnostic.help = .init("did you mean '\(suggestion)'?") }
        throw diagnostic
    }

    /// "'kwic' needs mentions, but the pipeline carries entities", with help naming the stage to insert.
    func needs(_ stage: Stage, _ what: String, carrying rows: RowType, navigation: RowKind?, notes: [String] = []) -> Diagnostic {
        let word = stage.name.name
        var diagnostic = Diagnostic(.error, .stageInputMismatch, "'\(word)' needs \(what), but the pipeline carries \(rows)", range: stage.name.range, notes: notes)
        if let navigation, rows != .source(navigation) {
            diagnostic.help = .init("insert '| \(navigation.rawValue)' before '\(word)'")
        }
        return diagnostic
    }

    func timeAccessor(of rows: RowType) -> FieldAccessor? {
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

    func bindItems(_ items: [SelectItem], in rows: RowType) throws(Diagnostic) -> ([BoundExpression], [Field]) {
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

    func bindSortKeys(_ keys: [SortKey], in rows: RowType, descendingByDefault: Bool) throws(Diagnostic) -> [PlannedSortKey] {
        var planned: [PlannedSortKey] = []
        for key in keys {
            let (bound, _) = try bind(key.expression, in: rows)
            planned.append(PlannedSortKey(expression: bound, descending: key.descending ?? descendingByDefault))
        }
        return planned
    }
}
