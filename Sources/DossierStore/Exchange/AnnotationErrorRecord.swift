import DossierCore
import Foundation

extension AnnotationJSONLines {
    /// The line `dossier annotate` writes in place of a document it cannot read, so that a
    /// streaming filter still gives one line out per line in:
    /// `{"error": "the line is not valid JSON", "input": "<stdin>", "line": 12}`, with the record's
    /// `"id"` when it had one.
    package static func errorLine(_ reason: String, input: String, line: Int, id: String? = nil) -> String {
        var members: [(key: String, value: JSONValue)] = [("error", .string(reason)), ("input", .string(input)), ("line", .integer(line))]
        if let id { members.append(("id", .string(id))) }
        return JSONValue.object(members).text
    }

    /// What an error line (see ``errorLine(_:input:line:id:)``) says, as `INPUT:LINE: REASON`;
    /// `nil` when `line` is not one.
    package static func failure(in line: some Collection<UInt8>) -> String? {
        let prefix = Array(#"{"error":"#.utf8)
        let bytes = line.lazy.filter { $0 != 32 && $0 != 9 }.prefix(prefix.count)
        guard bytes.elementsEqual(prefix),
              let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              object["text"] == nil, let reason = object["error"] as? String else { return nil }
        let place = [object["input"] as? String, (object["line"] as? NSNumber).map { "\($0.intValue)" }].compactMap { $0 }.joined(separator: ":")
        return place.isEmpty ? reason : "\(place): \(reason)"
    }
}
