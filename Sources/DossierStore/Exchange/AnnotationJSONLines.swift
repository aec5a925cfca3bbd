import DossierCore
import Foundation

/// The annotation JSONL of ANNOTATIONS.md: one object per document with its entities and times,
/// offsets in code points into the document's text.
public enum AnnotationJSONLines {
    /// One line of JSON (without the line break) for `annotated`.
    public static func line(for annotated: AnnotatedDocument) -> String {
        var object: [(String, Any)] = [("id", annotated.document.id)]
        if let date = annotated.document.date { object.append(("date", date.iso)) }
        object.append(("entities", annotated.mentions.map { mention -> [(String, Any)] in
            [("start", mention.span.start), ("end", mention.span.end), ("text", mention.text),
             ("type", mention.kind.rawValue), ("entity", mention.entity)]
        }))
        object.append(("times", annotated.times.map { time -> [(String, Any)] in
            var fields: [(String, Any)] = [("start", time.span.start), ("end", time.span.end), ("type", time.type.timeMLName),
                                           ("value", time.value), ("text", time.text)]
            if let range = time.range { fields.append(("range", [range.start.iso, range.end.iso])) }
            return fields
        }))
        return encode(object)
    }

    /// Encodes ordered key–value pairs, arrays, strings, integers and booleans; key order is kept
    /// so the output reads like the format's documentation and diffs cleanly.
    private static func encode(_ value: Any) -> String {
        switch value {
        case let pairs as [(String, Any)]:
            return "{" + pairs.map { quoted($0.0) + ": " + encode($0.1) }.joined(separator: ", ") + "}"
        case let list as [[(String, Any)]]:
            return "[" + list.map(encode).joined(separator: ", ") + "]"
        case let list as [String]:
            return "[" + list.map(quoted).joined(separator: ", ") + "]"
        case let text as String:
            return quoted(text)
        case let flag as Bool:
            return flag ? "true" : "false"
        case let number as Int:
            return String(number)
        default:
            return "null"
        }
    }

    private static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
