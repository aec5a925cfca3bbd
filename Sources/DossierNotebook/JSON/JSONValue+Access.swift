import DossierCore

extension JSONValue {
    /// The value of `key` in an object (the first, should it repeat); `nil` for a missing key or a non-object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The text of a string.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A whole number (or a number with no fraction).
    var integer: Int? {
        switch self {
        case .integer(let value): value
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: Int(value)
        default: nil
        }
    }

    /// A Boolean.
    var boolean: Bool? {
        if case .boolean(let flag) = self { return flag }
        return nil
    }

    /// The elements of an array.
    var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of an object.
    var members: [(key: String, value: JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Text that nbformat stores either as one string or as a list of lines: joined.
    var multilineText: String? {
        if let string { return string }
        guard let lines = array else { return nil }
        let parts = lines.compactMap(\.string)
        return parts.count == lines.count ? parts.joined() : nil
    }

    /// A copy of an object with `key` set to `value` (replaced in place, or added at the end).
    func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        if let position = members.firstIndex(where: { $0.key == key }) {
            members[position].value = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }

    /// A copy of an object without `key`.
    func removing(_ key: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }

    /// `lines` as nbformat stores multi-line text: a list of lines, each but the last ending with its line break.
    static func lines(_ text: String) -> JSONValue {
        .array(PythonText.splitLines(text).map(JSONValue.string))
    }

    /// The value as JSON text the way Python's `json.dumps(value, sort_keys=True, indent=indent,
    /// ensure_ascii=False)` writes it, which is how Jupyter saves notebooks, so a notebook written
    /// here and one saved by Jupyter differ only where their content does.
    func pythonText(indent: Int = 1, sortsKeys: Bool = true) -> String {
        var output = ""
        write(to: &output, indent: indent, level: 0, sortsKeys: sortsKeys)
        return output
    }

    private func write(to output: inout String, indent: Int, level: Int, sortsKeys: Bool) {
        let inner = String(repeating: " ", count: indent * (level + 1))
        let outer = String(repeating: " ", count: indent * level)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return output += "{}" }
            // Python sorts keys by code point, as Swift compares their Unicode scalars here.
            let ordered = sortsKeys ? members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) } : members
            output += "{\n"
            for (position, member) in ordered.enumerated() {
                output += inner + Self.quoted(member.key) + ": "
                member.value.write(to: &output, indent: indent, level: level + 1, sortsKeys: sortsKeys)
                output += position == ordered.count - 1 ? "\n" : ",\n"
            }
            output += outer + "}"
        case .array(let elements):
            guard !elements.isEmpty else { return output += "[]" }
            output += "[\n"
            for (position, element) in elements.enumerated() {
                output += inner
                element.write(to: &output, indent: indent, level: level + 1, sortsKeys: sortsKeys)
                output += position == elements.count - 1 ? "\n" : ",\n"
            }
            output += outer + "]"
        case .string(let text):
            output += Self.quoted(text)
        case .number, .integer, .boolean, .null:
            // Swift describes a Double as Python's repr does: shortest, positional from 1e-4 to 1e16.
            output += text
        }
    }
}

/// Python's ways with text that notebooks depend on.
enum PythonText {
    /// `text.splitlines(True)`: the lines, each with the line break that ends it (`\n`, `\r\n`, `\r`,
    /// and the other breaks Python recognises).
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            if previousWasReturn {
                previousWasReturn = false
                if scalar == "\n" {
                    current.append(scalar)
                    lines.append(String(current))
                    current = String.UnicodeScalarView()
                    continue
                }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
            if scalar == "\r" {
                previousWasReturn = true
            } else if breaks.contains(scalar.value) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// The line breaks `str.splitlines` knows besides `\r`.
    private static let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]
}
