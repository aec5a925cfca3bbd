import DossierCore
import Testing
@testable import DossierQuery

/// `search "words"` asks the session's full-text search and keeps the documents it names.
@Suite struct SearchTests {
    /// A stand-in for the workspace's FTS5 index: documents whose title contains every word.
    static func session() -> QuerySession {
        let session = Fixture.session()
        session.fullTextSearch = { words throws(Diagnostic) in
            if words.contains("\"") { throw Diagnostic(.error, "the search words cannot be read: unbalanced quote") }
            let titles = Fixture.index.documents.titles
            return titles.indices.filter { row in
                words.lowercased().split(separator: " ").allSatisfy { titles[row]?.lowercased().contains($0) == true }
            }.map(Int32.init)
        }
        session.sentenceSearch = { words throws(Diagnostic) in
            let index = Fixture.index
            return (0..<index.sentences.count).filter { row in
                words.lowercased().split(separator: " ").allSatisfy { index.text(ofSentence: row).lowercased().contains($0) }
            }.map(Int32.init)
        }
        return session
    }

    @Test func keepsTheSentencesTheSearchFinds() throws {
        #expect(try Fixture.column("text", of: #"sentences | search "warrant putin""#, in: Self.session())
            == ["The ICC issued a warrant for Putin.", "Xi Jinping attended; the ICC warrant kept Putin away."])
        #expect(try Fixture.scalar(#"sentences | during 2023-08 | search "warrant" | count"#, in: Self.session()) == .int(1))
    }

    @Test func keepsTheDocumentsTheSearchFinds() throws {
        #expect(try Fixture.column("id", of: #"documents | search "warrant""#, in: Self.session()) == ["doc-icc"])
        #expect(try Fixture.scalar(#"documents | during 2023 | search "summit" | count"#, in: Self.session()) == .int(1))
        #expect(try Fixture.scalar(#"documents | search "nothing like this" | count"#, in: Self.session()) == .int(0))
    }

    @Test func needsDocuments() throws {
        let diagnostic = try #require(Fixture.diagnostic(#"entities | search "warrant""#, in: Self.session()))
        #expect(diagnostic.message == "'search' needs documents or sentences, but the pipeline carries entities")
        #expect(diagnostic.help?.message == "insert '| documents' before 'search'")
    }

    @Test func needsQuotedWords() throws {
        let diagnostic = try #require(Fixture.diagnostic("documents | search warrant", in: Self.session()))
        #expect(diagnostic.message == "'search' takes words in quotes, as in 'search \"arrest warrant\"'")
        #expect(diagnostic.range?.start.column == 20)
    }

    @Test func reportsUnreadableWordsAtTheString() throws {
        let diagnostic = try #require(Fixture.diagnostic(#"documents | search "\"open""#, in: Self.session()))
        #expect(diagnostic.message == "the search words cannot be read: unbalanced quote")
        #expect(diagnostic.range?.start.column == 20)
    }

    @Test func needsAWorkspace() throws {
        let diagnostic = try #require(Fixture.diagnostic(#"documents | search "warrant""#))
        #expect(diagnostic.message == "full-text search needs a workspace, and this index has none")
    }
}
