import DossierCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierStore

/// Reads TimeML back as TimeBank readers do: the text of `<TEXT>` without tags, and each TIMEX3
/// with its code-point offsets in that text and its attributes.
private final class TimeMLReader: NSObject, XMLParserDelegate {
    struct Tag: Equatable {
        var start: Int
        var end: Int
        var attributes: [String: String]
    }

    var text = ""
    var timexes: [Tag] = []
    var creationTime: [String: String]?
    private var inText = false, inDCT = false
    private var open: (start: Int, attributes: [String: String])?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == "TEXT" { inText = true }
        if name == "DCT" { inDCT = true }
        if name == "TIMEX3", inDCT { creationTime = attributes }
        if name == "TIMEX3", inText { open = (text.unicodeScalars.count, attributes) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "TEXT" { inText = false }
        if name == "DCT" { inDCT = false }
        if name == "TIMEX3", let open {
            timexes.append(Tag(start: open.start, end: text.unicodeScalars.count, attributes: open.attributes))
            self.open = nil
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }

    /// Parses `document`; `nil` when it is not well-formed XML.
    static func read(_ document: String) -> TimeMLReader? {
        let reader = TimeMLReader()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }
}

@Suite("TimeML writer")
struct TimeMLWriterTests {
    let text = "Putin “intends” 🇷🇺 to visit <Pyongyang> & Seoul in October; talks began on Tuesday."

    func time(_ expression: String, type: TimexType, value: String) -> TimeExpression {
        let scalars = Array(text.unicodeScalars), target = Array(expression.unicodeScalars)
        let start = (0...(scalars.count - target.count)).first { Array(scalars[$0..<($0 + target.count)]) == target }!
        return TimeExpression(span: TextSpan(start: start, end: start + target.count), text: expression, type: type, value: value,
                              range: TimeRange(literal: value), sentence: 0)
    }

    func annotated(date: Day? = Day(year: 2023, month: 7, day: 25)) -> AnnotatedDocument {
        let times = [time("October", type: .date, value: "2023-10"), time("Tuesday", type: .date, value: "2023-07-25")]
        return AnnotatedDocument(document: Document(id: "doc<1>", title: "Visit & talks", date: date, text: text),
                                 sentences: [], mentions: [], times: times)
    }

    @Test func isWellFormedWithTheTextAndOffsetsIntact() throws {
        let document = TimeMLWriter.document(for: annotated())
        let reader = try #require(TimeMLReader.read(document))
        #expect(reader.text == text)
        #expect(reader.timexes.map { TextSpan(start: $0.start, end: $0.end) } == annotated().times.map(\.span))
        #expect(reader.timexes.map { $0.attributes["tid"] } == ["t1", "t2"])
        #expect(reader.timexes.map { $0.attributes["type"] } == ["DATE", "DATE"])
        #expect(reader.timexes.map { $0.attributes["value"] } == ["2023-10", "2023-07-25"])
    }

    @Test func theDocumentDateIsTheCreationTime() throws {
        let reader = try #require(TimeMLReader.read(TimeMLWriter.document(for: annotated())))
        #expect(reader.creationTime?["tid"] == "t0")
        #expect(reader.creationTime?["value"] == "2023-07-25")
        #expect(reader.creationTime?["functionInDocument"] == "CREATION_TIME")
        let undated = try #require(TimeMLReader.read(TimeMLWriter.document(for: annotated(date: nil))))
        #expect(undated.creationTime == nil)
    }

    @Test func escapesMarkupAndForbiddenCharacters() throws {
        let document = TimeMLWriter.document(for: annotated())
        #expect(document.contains("<DOCID>doc&lt;1&gt;</DOCID>"))
        #expect(document.contains("<TITLE>Visit &amp; talks</TITLE>"))
        #expect(document.contains("&lt;Pyongyang&gt; &amp; Seoul in <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-10\">October</TIMEX3>"))
        let control = AnnotatedDocument(document: Document(id: "c", text: "a\u{1}b"), sentences: [], mentions: [], times: [])
        let reader = try #require(TimeMLReader.read(TimeMLWriter.document(for: control)))
        #expect(reader.text == "a b")
    }

    @Test func overlappingOrOutOfRangeTimesAreLeftOut() throws {
        var document = annotated()
        document.times.append(TimeExpression(span: TextSpan(start: 0, end: 9999), text: "x", type: .date, value: "2023",
                                             range: nil, sentence: 0))
        document.times.append(time("in October", type: .date, value: "2023-10"))
        let reader = try #require(TimeMLReader.read(TimeMLWriter.document(for: document)))
        #expect(reader.text == text)
        #expect(reader.timexes.map { $0.attributes["value"] } == ["2023-10", "2023-07-25"])
    }

    @Test func fileNamesAreSafe() {
        #expect(TimeMLWriter.fileName(for: "APW19980807.0261") == "APW19980807.0261.tml")
        #expect(TimeMLWriter.fileName(for: "news/2023:07") == "news_2023_07.tml")
        #expect(TimeMLWriter.fileName(for: ".hidden") == "_.hidden.tml")
        #expect(TimeMLWriter.fileName(for: "") == "_.tml")
    }

    @Test func aFolderKeepsDocumentsWithTheSameFileNameApart() throws {
        let path = NSTemporaryDirectory() + "timeml-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        var folder = TimeMLFolder(path: path)
        #expect(folder.create() == nil)
        #expect(folder.write("<a/>", for: "a/b") == nil)
        #expect(folder.write("<b/>", for: "a:b") == nil)
        #expect(folder.written == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted() == ["a_b-2.tml", "a_b.tml"])
    }
}
