import DossierCore
import Testing
@testable import DossierQuery
import DossierStore

/// A document's text read from the workspace that cannot be read: the query that needed it fails
/// with the reason, instead of answering as if the text were empty.
@Suite("Unreadable texts")
struct UnreadableTextTests {
    static func session() -> QuerySession {
        var documents = CorpusIndex.DocumentColumns()
        documents.append(Document(id: "a", text: "Xi met Putin."), wordCount: 3)
        documents.append(Document(id: "b", text: "Xi left."), wordCount: 2)
        let texts = DocumentTexts(count: 2) { row throws(Diagnostic) in
            guard row == 0 else {
                throw Diagnostic(.error, .workspaceReadFailed, "reading a document's text failed: disk I/O error", sourceName: "w.sqlite")
            }
            return "Xi met Putin."
        }
        return QuerySession(index: CorpusIndex(documents: documents, entities: .init(), mentions: .init(), texts: texts))
    }

    @Test func aQueryThatReadsAnUnreadableTextFailsWithTheReason() throws {
        let session = Self.session()
        let failure = Fixture.diagnostic(#"documents | where text contains "left" | count"#, in: session)
        #expect(failure?.code == .workspaceReadFailed)
        #expect(failure?.message == "reading a document's text failed: disk I/O error")
        #expect(failure?.notes == ["in the workspace w.sqlite"])
        #expect(failure?.sourceName == "<test>" && failure?.range != nil)
        // Reported once, with the query that met it; queries that read only readable texts run.
        #expect(try Fixture.scalar(#"documents | where id == "a" and text contains "Putin" | count"#, in: session) == .int(1))
        #expect(try Fixture.scalar("documents | count", in: session) == .int(2))
    }
}
