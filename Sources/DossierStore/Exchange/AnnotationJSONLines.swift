import DossierCore

/// The annotation JSONL of ANNOTATIONS.md: one object per document with its entities, times and
/// relations, offsets in code points into the document's text.
public enum AnnotationJSONLines {
    /// One line of JSON (without the line break) for `annotated`.
    public static func line(for annotated: AnnotatedDocument) -> String {
        var members: [(key: String, value: JSONValue)] = [("id", .string(annotated.document.id))]
        if let date = annotated.document.date { members.append(("date", .string(date.iso))) }
        members.append(("entities", .array(annotated.mentions.map { mention in
            .object([("start", .integer(mention.span.start)), ("end", .integer(mention.span.end)), ("text", .string(mention.text)),
                     ("type", .string(mention.kind.rawValue)), ("entity", .string(mention.entity))])
        })))
        members.append(("times", .array(annotated.times.map { time in
            var fields: [(key: String, value: JSONValue)] = [
                ("start", .integer(time.span.start)), ("end", .integer(time.span.end)), ("type", .string(time.type.timeMLName)),
                ("value", .string(time.value)), ("text", .string(time.text)),
            ]
            if let range = time.range { fields.append(("range", .array([.string(range.start.iso), .string(range.end.iso)]))) }
            return .object(fields)
        })))
        members.append(("relations", .array(annotated.relations.map(object(for:)))))
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
        fields.append(("sentence", .array([.integer(relation.evidence.start), .integer(relation.evidence.end)])))
        fields.append(("subject_type", .string(relation.subject.kind.rawValue)))
        fields.append(("object_type", .string(relation.object.kind.rawValue)))
        return .object(fields)
    }
}
