// TEMPORARY stand-in until the real DossierText lands; must not be committed.
import DossierCore
public struct Pipeline: Sendable {
    public init() {}
    public func annotate(_ document: Document) -> AnnotatedDocument {
        AnnotatedDocument(document: document, sentences: [Sentence(index: 0, span: TextSpan(start: 0, end: document.text.unicodeScalars.count))], mentions: [], times: [])
    }
}
public enum WordCounter { public static func count(in text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count } }
extension Pipeline { public static let version = 1 }
