import DossierCore
import Testing

/// JSON text as the annotation writer and the notebook files print it.
@Suite("JSON values")
struct JSONValueTests {
    @Test func stringsEscapeAsPythonsJSONModuleDoes() {
        #expect(JSONValue.quoted("plain") == #""plain""#)
        #expect(JSONValue.quoted(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(JSONValue.quoted("a\nb\rc\td\u{8}e\u{C}f") == #""a\nb\rc\td\be\ff""#)
        #expect(JSONValue.quoted("\u{1B}[0m\u{0}\u{1F}") == #""\u001b[0m\u0000\u001f""#)
        // Text outside ASCII and DEL are written as they are.
        #expect(JSONValue.quoted("Erdoğan – 東京 😀\u{7F}") == "\"Erdoğan – 東京 😀\u{7F}\"")
        #expect(JSONValue.quoted("") == #""""#)
    }

    @Test func valuesPrintOnOneLineInKeyOrder() {
        let value = JSONValue.object([("b", .array([.integer(1), .number(2.5), .number(.infinity), .boolean(true), .null])),
                                      ("a", .object([("k\"", .string("v\n"))])), ("empty", .array([])), ("none", .object([]))])
        #expect(value.text == #"{"b": [1, 2.5, null, true, null], "a": {"k\"": "v\n"}, "empty": [], "none": {}}"#)
    }
}
