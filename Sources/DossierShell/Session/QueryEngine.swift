// TEMPORARY stand-in adapter until DossierQuery lands; must not be committed.
import DossierCore
import DossierStore

struct QueryEngine {
    let index: CorpusIndex
    init(index: CorpusIndex) { self.index = index }
    func run(_ text: String, sourceName: String) throws(Diagnostic) -> [ResultSet] {
        if text.contains("documents | count") { return [.scalar(name: "count", value: .integer(index.documents.count))] }
        throw Diagnostic(.error, "TEMPORARY: unsupported", sourceName: sourceName, range: SourceRange(at: SourceLocation(line: text.split(separator: "\n", omittingEmptySubsequences: false).count, column: 1, offset: 0)))
    }
    static func needsContinuation(_ text: String) -> Bool { text.hasSuffix("|") }
    var keywords: [String] { ["documents", "entities", "mentions", "where", "count"] }
}
