import DossierCore
import DossierText
import Foundation

/// Helpers shared by the tests.
enum TestSupport {
    static let pipeline = Pipeline()

    /// The folder with the seed articles: `$DOSSIER_SEEDS`, else the copies the demo corpus ships.
    static var seedFolder: String {
        if let folder = ProcessInfo.processInfo.environment["DOSSIER_SEEDS"] { return folder }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/DossierDemoCorpus/Resources/Corpus/seeds").path
    }

    /// Reads a seed article, stripping a leading ` date YYYY-MM-DD ` header into the document date.
    static func seed(_ name: String) throws -> Document {
        var text = try String(contentsOfFile: seedFolder + "/" + name, encoding: .utf8)
        var date: Day?
        if text.hasPrefix(" date ") {
            let header = text.prefix(17)
            date = Day(iso: header.dropFirst(6).prefix(10))
            text = String(text.dropFirst(17))
        }
        return Document(id: name, date: date, text: text)
    }

    /// The text a span covers, counted in code points.
    static func text(_ text: String, _ span: TextSpan) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[span.start..<span.end]))
    }

    /// The token texts of `text`.
    static func tokens(_ text: String) -> [String] {
        Tokenizer.standard.tokens(in: text).map { TestSupport.text(text, $0.span) }
    }

    /// The sentence texts of `text`.
    static func sentences(_ text: String) -> [String] {
        pipeline.analyze(Document(id: "t", text: text)).sentences.map { TestSupport.text(text, $0.span) }
    }

    /// The mentions of `text` as (text, kind, entity).
    static func mentions(_ text: String, date: Day? = nil) -> [(text: String, kind: EntityKind, entity: String)] {
        pipeline.annotate(Document(id: "t", date: date, text: text)).mentions.map { ($0.text, $0.kind, $0.entity) }
    }

    /// The mentions of `text`, whole.
    static func mentionValues(_ text: String) -> [Mention] {
        pipeline.annotate(Document(id: "t", text: text)).mentions
    }

    /// The first mention of `text` written `name`.
    static func mention(_ name: String, in text: String) -> Mention? {
        mentionValues(text).first { $0.text == name }
    }

    /// The times of `text` as (text, value).
    static func times(_ text: String, date: Day? = nil) -> [(text: String, value: String)] {
        pipeline.annotate(Document(id: "t", date: date, text: text)).times.map { ($0.text, $0.value) }
    }
}
