import DossierCore
import DossierText
import Foundation

extension AnnotationJSONLines {
    /// Why a line of annotation JSONL cannot be loaded.
    public struct Problem: Error, Sendable, Equatable {
        /// What is wrong, naming the field: `entities[3]: "end" 120 is past the end of the text (97 code points)`.
        public var reason: String
    }

    /// The annotated document one line of annotation JSONL holds (see ``line(for:)``), checked
    /// against its text, or the first problem found.
    ///
    /// A record needs `id` and `text`; `entities`, `times` and `relations` may be empty or missing.
    /// What Dossier adds to ANNOTATIONS.md's fields may be missing from annotations made by another
    /// tool, and is then worked out as Dossier would: the sentences by Dossier's splitter, each
    /// mention's and time's sentence as the one its start lies in, a range's granularity from its
    /// value, a relation's range from its `time` (when it has no argument spans, which Dossier
    /// always writes), its arguments' spans from the first mention of
    /// each in the evidence sentence, their kinds from the record's mentions.
    ///
    /// Offsets are checked (inside the text, start before end, each span's `text` the text there),
    /// as are the kinds, types, predicates and modalities, so a workspace never holds a mention that
    /// points past its document.
    public static func record(from line: some Collection<UInt8>) -> Result<AnnotatedDocument, Problem> {
        do {
            return .success(try RecordReader(line: line).read())
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(reason: String(describing: error)))
        }
    }
}

/// Reads one record; each check throws a ``AnnotationJSONLines/Problem`` naming the field.
private struct RecordReader<Line: Collection<UInt8>> {
    typealias Problem = AnnotationJSONLines.Problem
    let line: Line

    func read() throws -> AnnotatedDocument {
        let object: ParsedJSON
        do {
            object = try ParsedJSON.parse(line)
        } catch {
            throw Problem(reason: "the line is not valid JSON")
        }
        guard case .object(let fields) = object else {
            throw Problem(reason: "the line is JSON, but not an object with an \"id\" and a \"text\"")
        }
        let record = Fields(fields, place: "")
        guard let id = try record.string("id"), !id.isEmpty else { throw Problem(reason: "the record has no \"id\"") }
        if let bad = id.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw Problem(reason: "the id contains the control character U+\(String(bad.value, radix: 16, uppercase: true)), which ids may not have")
        }
        guard let text = try record.string("text") else {
            throw Problem(reason: "the record has no \"text\": ingest --annotations stores the document too (dossier annotate writes it)")
        }
        var date: Day?
        if let iso = try record.string("date"), !iso.isEmpty {
            guard let day = Day(iso: iso) else { throw Problem(reason: "\"date\" '\(iso)' is not a date of the form YYYY-MM-DD") }
            date = day
        }
        let document = Document(id: id, title: try record.string("title"), date: date, source: try record.string("source"),
                                url: try record.string("url"), text: text)
        let slicer = CodePointSlicer(text)
        let sentences = try readSentences(record, document: document, length: slicer.count)
        let spans = SpanChecker(slicer: slicer, sentences: sentences)
        let mentions = try record.objects("entities").map { try readMention($0, spans: spans) }
        let times = try record.objects("times").map { try readTime($0, spans: spans) }
        let relations = try record.objects("relations").map { try readRelation($0, spans: spans, mentions: mentions, times: times) }
        return AnnotatedDocument(document: document, sentences: sentences, mentions: mentions, times: times, relations: relations)
    }

    /// `sentences` as given (in order, not overlapping, inside the text), else Dossier's splitter's.
    private func readSentences(_ record: Fields, document: Document, length: Int) throws -> [Sentence] {
        guard let given = try record.array("sentences") else { return AnalyzedText(document: document).sentences }
        var sentences: [Sentence] = []
        for (index, element) in given.enumerated() {
            let place = "sentences[\(index)]"
            let span = try Fields.span(element, place: place)
            if span.end > length { throw Problem(reason: "\(place): \(span.end) is past the end of the text (\(length) code points)") }
            if let last = sentences.last, span.start < last.span.end {
                throw Problem(reason: "\(place): the sentence starts at \(span.start), inside the one before it (\(last.span.start)..<\(last.span.end))")
            }
            sentences.append(Sentence(index: index, span: span))
        }
        return sentences
    }

    private func readMention(_ fields: Fields, spans: SpanChecker) throws -> Mention {
        let span = try spans.check(fields, text: fields.string("text"))
        guard let typeName = try fields.string("type") else { throw fields.missing("type") }
        guard let kind = EntityKind(rawValue: typeName) else {
            throw fields.problem("\"type\" '\(typeName)' is not an entity kind (\(EntityKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let text = spans.slicer.text(of: span)
        let entity = try fields.string("entity") ?? text
        if entity.isEmpty { throw fields.problem("\"entity\" is empty") }
        return Mention(span: span, text: text, kind: kind, entity: entity, sentence: try spans.sentence(fields, containing: span))
    }

    private func readTime(_ fields: Fields, spans: SpanChecker) throws -> TimeExpression {
        let span = try spans.check(fields, text: fields.string("text"))
        guard let typeName = try fields.string("type") else { throw fields.missing("type") }
        guard let type = TimexType(timeMLName: typeName) else {
            throw fields.problem("\"type\" '\(typeName)' is not a TIMEX3 type (DATE, TIME, DURATION, SET)")
        }
        guard let value = try fields.string("value") else { throw fields.missing("value") }
        return TimeExpression(span: span, text: spans.slicer.text(of: span), type: type, value: value,
                              range: try fields.range(value: value), sentence: try spans.sentence(fields, containing: span))
    }

    private func readRelation(_ fields: Fields, spans: SpanChecker, mentions: [Mention], times: [TimeExpression]) throws -> Relation {
        guard let predicateName = try fields.string("predicate") else { throw fields.missing("predicate") }
        guard let predicate = RelationPredicate(rawValue: predicateName) else {
            throw fields.problem("\"predicate\" '\(predicateName)' is not a predicate (\(RelationPredicate.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var modality = Modality.asserted
        if let name = try fields.string("modality") {
            guard let known = Modality(rawValue: name) else {
                throw fields.problem("\"modality\" '\(name)' is not a modality (\(Modality.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            modality = known
        }
        guard let evidenceValue = fields.values["sentence"] else { throw fields.missing("sentence") }
        let evidence = try Fields.span(evidenceValue, place: fields.place + ".sentence")
        try spans.checkInside(evidence, place: fields.place + ".sentence")
        guard let sentence = spans.sentences.lastIndex(where: { $0.span.start <= evidence.start }) else {
            throw fields.problem("\"sentence\" \(evidence.start)..<\(evidence.end) is in none of the record's sentences")
        }
        func argument(_ role: String) throws -> RelationArgument {
            guard let name = try fields.string(role), !name.isEmpty else { throw fields.missing(role) }
            let named = mentions.filter { $0.entity == name }
            let kind: EntityKind
            if let kindName = try fields.string(role + "_type") {
                guard let known = EntityKind(rawValue: kindName) else { throw fields.problem("\"\(role)_type\" '\(kindName)' is not an entity kind") }
                kind = known
            } else if let first = named.first {
                kind = first.kind
            } else {
                throw fields.problem("the \(role) '\(name)' has no \"\(role)_type\" and no mention in the record to take its kind from")
            }
            let span: TextSpan
            if let given = fields.values[role + "_span"] {
                span = try Fields.span(given, place: fields.place + ".\(role)_span")
                try spans.checkInside(span, place: fields.place + ".\(role)_span")
            } else {
                span = named.first(where: { evidence.contains($0.span) && $0.kind == kind })?.span ?? evidence
            }
            return RelationArgument(name: name, kind: kind, span: span)
        }
        let subject = try argument("subject"), object = try argument("object")
        let time = try fields.string("time")
        var timeRange = try fields.range(value: time)
        // Dossier writes a relation's range whenever it has one (and always its argument spans), so
        // only another tool's record, without spans, has its range worked out.
        if timeRange == nil, fields.values["range"] == nil, fields.values["subject_span"] == nil, let time {
            timeRange = times.first(where: { $0.value == time && $0.range != nil })?.range ?? TimeRange(literal: time)
        }
        return Relation(subject: subject, predicate: predicate, object: object, time: time, timeRange: timeRange, modality: modality,
                        isNegated: try fields.boolean("negated") ?? false, sentence: sentence, evidence: evidence)
    }
}

/// Checks spans against the text and finds the sentence each lies in.
private struct SpanChecker {
    typealias Problem = AnnotationJSONLines.Problem
    let slicer: CodePointSlicer
    let sentences: [Sentence]

    /// `start`/`end` of `fields`, inside the text and, when `text` is given, covering exactly it.
    func check(_ fields: Fields, text: String?) throws -> TextSpan {
        guard let start = try fields.integer("start") else { throw fields.missing("start") }
        guard let end = try fields.integer("end") else { throw fields.missing("end") }
        let span = TextSpan(start: start, end: end)
        try checkInside(span, place: fields.place)
        if let text, slicer.text(of: span) != text {
            throw fields.problem("\"text\" '\(text)' is not the text at \(start)..<\(end), which is '\(slicer.text(of: span))'")
        }
        return span
    }

    func checkInside(_ span: TextSpan, place: String) throws {
        if span.start < 0 || span.end < span.start {
            throw Problem(reason: "\(place): \(span.start)..<\(span.end) is not a span (0 ≤ start ≤ end)")
        }
        if span.end > slicer.count {
            throw Problem(reason: "\(place): \(span.start)..<\(span.end) goes past the end of the text (\(slicer.count) code points)")
        }
    }

    /// The `sentence` of `fields` when given (an index of the record's sentences), else the sentence `span` starts in.
    func sentence(_ fields: Fields, containing span: TextSpan) throws -> Int {
        if let index = try fields.integer("sentence") {
            guard sentences.indices.contains(index) else {
                throw fields.problem("\"sentence\" \(index) is not one of the record's \(sentences.count) sentences")
            }
            return index
        }
        guard let index = sentences.lastIndex(where: { $0.span.start <= span.start }) else {
            throw fields.problem("\(span.start)..<\(span.end) is in none of the record's sentences")
        }
        return index
    }
}

/// The members of one JSON object, read with the type each must have; `place` names the object
/// in problems (`entities[2]`).
private struct Fields {
    typealias Problem = AnnotationJSONLines.Problem
    let values: [String: ParsedJSON]
    let place: String

    init(_ values: [String: ParsedJSON], place: String) {
        self.values = values
        self.place = place
    }

    func problem(_ reason: String) -> Problem { Problem(reason: place.isEmpty ? reason : "\(place): \(reason)") }

    func missing(_ key: String) -> Problem { problem("\"\(key)\" is missing") }

    /// A string, or `nil` when missing or null.
    /// The value of `key`, or `nil` when missing or null.
    private func value(_ key: String) -> ParsedJSON? {
        guard let value = values[key] else { return nil }
        if case .null = value { return nil }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw problem("\"\(key)\" is not a string") }
        return text
    }

    func integer(_ key: String) throws -> Int? {
        guard let value = value(key) else { return nil }
        return try Self.integer(value, place: place.isEmpty ? "\"\(key)\"" : "\(place).\(key)")
    }

    func boolean(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .boolean(let flag) = value else { throw problem("\"\(key)\" is not true or false") }
        return flag
    }

    func array(_ key: String) throws -> [ParsedJSON]? {
        guard let value = value(key) else { return nil }
        guard case .array(let array) = value else { throw problem("\"\(key)\" is not an array") }
        return array
    }

    /// The objects of the array `key`, each named `key[index]`; none when the array is missing.
    func objects(_ key: String) throws -> [Fields] {
        try (array(key) ?? []).enumerated().map { index, element in
            guard case .object(let object) = element else { throw Problem(reason: "\(key)[\(index)] is not an object") }
            return Fields(object, place: "\(key)[\(index)]")
        }
    }

    /// `range` (two ISO days) and `granularity`; the granularity, when missing, is the one of
    /// `value` read as a time literal when that gives the same days, else day.
    func range(value: String?) throws -> TimeRange? {
        guard let given = try array("range") else { return nil }
        guard given.count == 2, case .string(let startText) = given[0], case .string(let endText) = given[1],
              let start = Day(iso: startText), let end = Day(iso: endText) else {
            throw problem("\"range\" is not two days [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]")
        }
        guard start <= end else { throw problem("\"range\" ends (\(endText)) before it starts (\(startText))") }
        let granularity: Granularity
        if let name = try string("granularity") {
            guard let known = Granularity(rawValue: name) else {
                throw problem("\"granularity\" '\(name)' is not one of \(Granularity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            granularity = known
        } else if let literal = value.flatMap({ TimeRange(literal: $0) }), literal.start == start, literal.end == end {
            granularity = literal.granularity
        } else {
            granularity = .day
        }
        return TimeRange(start: start, end: end, granularity: granularity)
    }

    static func span(_ value: ParsedJSON, place: String) throws -> TextSpan {
        guard case .array(let pair) = value, pair.count == 2 else { throw Problem(reason: "\(place) is not a span [start, end]") }
        return TextSpan(start: try integer(pair[0], place: place), end: try integer(pair[1], place: place))
    }

    static func integer(_ value: ParsedJSON, place: String) throws -> Int {
        guard case .number(let number) = value, let integer = Int(exactly: number) else {
            throw Problem(reason: "\(place) is not a whole number")
        }
        return integer
    }
}
