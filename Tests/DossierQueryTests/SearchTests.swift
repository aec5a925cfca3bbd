import DossierCore
import Testing
@testable import DossierQuery

/// `search "words"` asks the session's full-text search and keeps the documents it names.
@Suite struct SearchTests {
    /// A stand-in for the workspace's FTS5 index: documents whose title contains every word.
    static func session() -> QuerySession {
        let session = Fixture.session()
        session.fullTextSearch = { words throws(Diagnostic) in
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
        #expect(diagnostic.code == .stageInputMismatch)
        #expect(diagnostic.help?.message == "insert '| documents' before 'search'")
    }

    @Test func needsQuotedWords() throws {
        let diagnostic = try #require(Fixture.diagnostic("documents | search warrant", in: Self.session()))
        #expect(diagnostic.code == .invalidStageArgument)
        #expect(diagnostic.range?.start.column == 20)
    }

    @Test func reportsUnreadableWordsWithACaretAtTheirPlace() throws {
        // Checked before anything runs; before, SQLite's "fts5: syntax error near …" came back at run time.
        let cases: [(String, String, Int, Int)] = [
            (#"documents | search "\"open""#, "the quoted phrase is never closed", 21, 23),
            (#"documents | search "sanction *""#, "'*' marks a prefix and goes right after a word, as in 'sanction*'", 30, 31),
            (#"documents | search "putin OR""#, "OR needs words on both sides", 27, 29),
            (#"documents | search "(putin xi""#, "'(' is never closed", 21, 22),
            (#"documents | search "putin)""#, "')' has no '(' before it", 26, 27),
            (#"documents | search """#, "the search has no words", 20, 22),
        ]
        for (text, message, start, end) in cases {
            let diagnostic = try #require(Fixture.diagnostic(text, in: Self.session()), "\(text)")
            #expect(diagnostic.message == "the search words cannot be read: " + message, "\(text)")
            #expect(diagnostic.range?.start.column == start, "\(text)")
            #expect(diagnostic.range?.end.column == end, "\(text)")
        }
    }

    @Test func needsAWorkspace() throws {
        let diagnostic = try #require(Fixture.diagnostic(#"documents | search "warrant""#))
        #expect(diagnostic.code == .searchUnavailable)
    }
}
