import DossierCore
import GRDB

// Full-text search over the sentences.
extension Workspace {
    /// The ids of the documents with a sentence that matches `words`, in FTS5's syntax (see
    /// ``SearchWords``): words that must all occur (`arrest warrant`), `"quoted phrases"`, `OR`,
    /// `AND`, `NOT`, parentheses, `prefix*`, `NEAR(a b, 5)`; punctuation inside a word is part of it.
    ///
    /// - Throws: a ``Diagnostic`` that says what is wrong when the words are not a valid search.
    public func documents(matching words: String) throws(Diagnostic) -> [String] {
        try search(words) { db, expression in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT documents.id FROM sentence_search
                JOIN sentences ON sentences.number = sentence_search.rowid
                JOIN documents ON documents.number = sentences.document
                WHERE sentence_search MATCH ? ORDER BY documents.number
                """, arguments: [expression])
        }
    }

    /// The sentences that match `words` (see ``documents(matching:)``): each document's id and the
    /// sentence's position in it, in document order.
    public func sentences(matching words: String) throws(Diagnostic) -> [(document: String, position: Int)] {
        try search(words) { db, expression in
            try Row.fetchAll(db, sql: """
                SELECT documents.id, sentences.position FROM sentence_search
                JOIN sentences ON sentences.number = sentence_search.rowid
                JOIN documents ON documents.number = sentences.document
                WHERE sentence_search MATCH ? ORDER BY documents.number, sentences.position
                """, arguments: [expression]).map { (document: $0["id"], position: $0["position"]) }
        }
    }

    /// The numbers of the documents with a sentence that matches `words`, ascending (see
    /// ``documents(matching:)``).
    package func documentNumbers(matching words: String) throws(Diagnostic) -> [Int64] {
        try search(words) { db, expression in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT sentences.document FROM sentence_search
                JOIN sentences ON sentences.number = sentence_search.rowid
                WHERE sentence_search MATCH ? ORDER BY sentences.document
                """, arguments: [expression])
        }
    }

    /// The sentences that match `words`: each document's number and the sentence's position in it,
    /// in document order (see ``documents(matching:)``).
    package func sentenceNumbers(matching words: String) throws(Diagnostic) -> [(document: Int64, position: Int)] {
        try search(words) { db, expression in
            try Row.fetchAll(db, sql: """
                SELECT sentences.document, sentences.position FROM sentence_search
                JOIN sentences ON sentences.number = sentence_search.rowid
                WHERE sentence_search MATCH ? ORDER BY sentences.document, sentences.position
                """, arguments: [expression]).map { (document: $0["document"], position: $0["position"]) }
        }
    }

    private func search<T>(_ words: String, _ body: (Database, String) throws -> T) throws(Diagnostic) -> T {
        let expression: String
        do throws(SearchWords.Problem) {
            expression = try SearchWords.expression(for: words)
        } catch {
            throw Diagnostic(.error, .invalidSearchWords, "the search words cannot be read: \(error.message)", notes: [SearchWords.syntaxNote])
        }
        do {
            return try database.read { db in try body(db, expression) }
        } catch let error as DatabaseError where (error.message ?? "").hasPrefix("fts5") {
            // What SearchWords let through and FTS5 still refused.
            throw Diagnostic(.error, .invalidSearchWords, "the search words cannot be read: \(error.message ?? error.description)",
                             notes: [SearchWords.syntaxNote], underlyingError: SQLiteError(error))
        } catch {
            throw Diagnostic(.error, .workspaceReadFailed, "the search failed: \(Self.describe(error))", sourceName: path,
                             underlyingError: Self.underlying(error))
        }
    }
}
