import DossierCore

/// Writes an annotated document as TimeML (TimeML 1.2.1, as TimeBank and TempEval-3 ship it): the
/// text in `<TEXT>` with a `<TIMEX3>` around each time expression, and the document date as the
/// `CREATION_TIME` TIMEX3 `t0` in `<DCT>` when there is one.
///
/// The text between `<TEXT>` and `</TEXT>` is the document's text, XML-escaped, so a reader that
/// strips the tags and unescapes gets the same code-point offsets the annotation JSONL gives.
package enum TimeMLWriter {
    /// The TimeML document for `annotated`. Time expressions that overlap an earlier one or fall
    /// outside the text are left out, since TIMEX3 tags cannot cross.
    package static func document(for annotated: AnnotatedDocument) -> String {
        let document = annotated.document
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n"
        output += "<DOCID>\(escaped(document.id))</DOCID>\n"
        if let date = document.date {
            output += "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"\(date.iso)\" temporalFunction=\"false\""
                + " functionInDocument=\"CREATION_TIME\">\(date.iso)</TIMEX3></DCT>\n"
        }
        if let title = document.title, !title.isEmpty { output += "<TITLE>\(escaped(title))</TITLE>\n" }
        output += "<TEXT>" + taggedText(document.text, times: annotated.times) + "</TEXT>\n</TimeML>\n"
        return output
    }

    /// The file name for the document with identifier `id`: `<id>.tml`, with characters that are
    /// unsafe in file names (path separators, controls, a leading dot) replaced by `_`.
    package static func fileName(for id: String) -> String {
        var name = ""
        for scalar in id.unicodeScalars {
            let unsafe = scalar == "/" || scalar == "\\" || scalar == ":" || scalar.value < 0x20 || scalar.value == 0x7F
            name.unicodeScalars.append(unsafe ? "_" : scalar)
        }
        if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
        return name + ".tml"
    }

    /// `text` escaped, with each time expression wrapped in its TIMEX3 tag (`tid` t1, t2, … in text order).
    static func taggedText(_ text: String, times: [TimeExpression]) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = ""
        output.reserveCapacity(text.utf8.count + times.count * 64)
        var position = 0, identifier = 0
        for time in times.sorted(by: { $0.span.start < $1.span.start }) {
            guard time.span.start >= position, time.span.start < time.span.end, time.span.end <= scalars.count else { continue }
            appendEscaped(scalars[position..<time.span.start], to: &output)
            identifier += 1
            output += "<TIMEX3 tid=\"t\(identifier)\" type=\"\(time.type.timeMLName)\" value=\"\(escaped(time.value))\">"
            appendEscaped(scalars[time.span.start..<time.span.end], to: &output)
            output += "</TIMEX3>"
            position = time.span.end
        }
        appendEscaped(scalars[position...], to: &output)
        return output
    }

    /// `text` made safe for XML content and attribute values.
    package static func escaped(_ text: String) -> String {
        var output = ""
        appendEscaped(text.unicodeScalars[...], to: &output)
        return output
    }

    /// Appends `scalars` escaped: the five XML special characters become entities, and the control
    /// characters XML 1.0 forbids become spaces (one code point for one, so offsets hold).
    private static func appendEscaped<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars, to output: inout String) {
        for scalar in scalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                output.unicodeScalars.append(forbidden ? " " : scalar)
            }
        }
    }
}
