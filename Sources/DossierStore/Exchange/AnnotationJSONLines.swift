import DossierCore

/// The annotation JSONL of ANNOTATIONS.md: one object per document with its entities, times and
/// relations, offsets in code points into the document's text.
///
/// Besides the fields ANNOTATIONS.md names, each line carries what a workspace stores, so that
/// `dossier ingest --annotations` can load it without running extraction again and store exactly
/// what a direct ingest stores: the document's `title`, `source` and `url` (when it has them), each
/// mention's and time's `sentence` (its index in `sentences`), a time's and a relation's range
/// `granularity`, a relation's own `range` and its arguments' spans (`subject_span`,
/// `object_span`), the `sentences` as `[start, end]` pairs, and last the `text`. ``record(from:)``
/// reads it back.
public enum AnnotationJSONLines {
    /// One line of JSON (without the line break) for `annotated`.
    public static func line(for annotated: AnnotatedDocument) -> String {
        let document = annotated.document
        var members: [(key: String, value: JSONValue)] = [("id", .string(document.id))]
        if let date = document.date { members.append(("date", .string(date.iso))) }
        if let title = document.title { members.append(("title", .string(title))) }
        if let source = document.source { members.append(("source", .string(source))) }
        if let url = document.url { members.append(("url", .string(url))) }
        members.append(("entities", .array(annotated.mentions.map { mention in
            .object([("start", .integer(mention.span.start)), ("end", .integer(mention.span.end)), ("text", .string(mention.text)),
                     ("type", .string(mention.kind.rawValue)), ("entity", .string(mention.entity)), ("sentence", .integer(mention.sentence))])
        })))
        members.append(("times", .array(annotated.times.map { time in
            var fields: [(key: String, value: JSONValue)] = [
                ("start", .integer(time.span.start)), ("end", .integer(time.span.end)), ("type", .string(time.type.timeMLName)),
                ("value", .string(time.value)), ("text", .string(time.text)),
            ]
            if let range = time.range { fields += rangeFields(range) }
            fields.append(("sentence", .integer(time.sentence)))
            return .object(fields)
        })))
        members.append(("relations", .array(annotated.relations.map(object(for:)))))
        members.append(("sentences", .array(annotated.sentences.map(span))))
        members.append(("text", .string(document.text)))
        return JSONValue.object(members).text
    }

    private static func object(for relation: Relation) -> JSONValue {
        var fields: [(key: String, value: JSONValue)] = [
            ("subject", .string(relation.subject.name)), ("predicate", .string(relation.predicate.rawValue)),
            ("object", .string(relation.object.name)),
        ]
        fields.append(("time", relation.time.map(JSONValue.string) ?? .null))
        fields.append(("modality", .string(relation.modality.rawValue)))
        fields.append(("negated", .boolean(relation.isNegated)))
        fields.append(("cameo", relation.cameoCode.map(JSONValue.string) ?? .null))
        fields.append(("sentence", span(relation.evidence)))
        fields.append(("subject_type", .string(relation.subject.kind.rawValue)))
        fields.append(("object_type", .string(relation.object.kind.rawValue)))
        fields.append(("subject_span", span(relation.subject.span)))
        fields.append(("object_span", span(relation.object.span)))
        if let range = relation.timeRange { fields += rangeFields(range) }
        return .object(fields)
    }

    private static func span(_ span: TextSpan) -> JSONValue { .array([.integer(span.start), .integer(span.end)]) }

    private static func span(_ sentence: Sentence) -> JSONValue { span(sentence.span) }

    /// `"range": [start, end], "granularity": unit`.
    private static func rangeFields(_ range: TimeRange) -> [(key: String, value: JSONValue)] {
        [("range", .array([.string(range.start.iso), .string(range.end.iso)])), ("granularity", .string(range.granularity.rawValue))]
    }
}
