import DossierCore

/// The annotation JSONL of ANNOTATIONS.md: one object per document with its entities and times,
/// offsets in code points into the document's text.
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
        return JSONValue.object(members).text
    }
}
