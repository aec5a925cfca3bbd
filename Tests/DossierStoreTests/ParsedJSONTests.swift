@testable import DossierStore
import Foundation
import Testing

/// The byte-level JSON reader behind `ingest --annotations`: RFC 8259, as strict as Foundation's.
@Suite("Parsed JSON")
struct ParsedJSONTests {
    func parse(_ text: String) -> ParsedJSON? { try? ParsedJSON.parse(Array(text.utf8)) }

    @Test func valuesOfEveryKind() {
        #expect(parse(#" {"a": [1, -2.5, 3e2, 0, -0, true, false, null], "b": {}, "c": [], "d": "x"} "#) == .object([
            "a": .array([.number(1), .number(-2.5), .number(300), .number(0), .number(0), .boolean(true), .boolean(false), .null]),
            "b": .object([:]), "c": .array([]), "d": .string("x"),
        ]))
        // The nearest Double: 12345678901234567 has no exact one.
        #expect(parse("12345678901234567") == .number(12_345_678_901_234_568))
        #expect(parse("1.5E-3") == .number(0.0015))
        #expect(parse(#"{"k": 1, "k": 2}"#) == .object(["k": .number(2)]))
    }

    @Test func stringsWithEscapesAndTextOutsideASCII() {
        #expect(parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(parse(#""\u00e9\u6771 \ud83d\ude00""#) == .string("é東 😀"))
        #expect(parse("\"Erdoğan – 東京 😀\"") == .string("Erdoğan – 東京 😀"))
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a: 1}", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul", "NaN",
        "\"abc", "\"a\u{1}b\"", #""\x""#, #""\u12""#, #""\ud83d""#, #""\ude00""#, #""\ud83d\u0041""#, "1 2", "[1] x", "'a'",
    ])
    func malformedTextIsRefused(text: String) {
        #expect(parse(text) == nil, "\(text)")
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect((try? ParsedJSON.parse([0x22, 0xC3, 0x28, 0x22])) == nil)
        #expect((try? ParsedJSON.parse([0x22, 0x5C, 0x6E, 0xFF, 0x22])) == nil)
    }

    @Test func nestingHasALimit() {
        #expect(parse(String(repeating: "[", count: 400) + String(repeating: "]", count: 400)) != nil)
        #expect(parse(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)) == nil)
    }

    @Test func errorsSayWhere() {
        #expect(throws: ParsedJSON.SyntaxError(offset: 6)) { try ParsedJSON.parse(Array(#"{"a": x}"#.utf8)) }
    }

    @Test func agreesWithFoundationOnAnnotationLines() throws {
        let lines = [
            #"{"id": "d1", "text": "Putin met Xi.", "entities": [{"start": 0, "end": 5, "text": "Putin", "type": "person"}], "negated": false}"#,
            #"{"id": "d\u00e9", "title": null, "sentences": [[0, 13]], "range": ["2019-01-01", "2019-12-31"], "x": -1.25e1}"#,
        ]
        func converted(_ value: Any) -> ParsedJSON {
            switch value {
            case is NSNull: return .null
            case let text as String: return .string(text)
            case let array as [Any]: return .array(array.map(converted))
            case let object as [String: Any]: return .object(object.mapValues(converted))
            case let number as NSNumber:
                return String(cString: number.objCType) == "c" ? .boolean(number.boolValue) : .number(number.doubleValue)
            default: return .null
            }
        }
        for line in lines {
            let foundation = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(try ParsedJSON.parse(Array(line.utf8)) == converted(foundation))
        }
    }
}
