import DossierCore
import DossierStore

extension QuerySession {
    /// A session over `workspace`: its index loaded into memory, and `search` (on documents and on
    /// sentences) answered by its
    /// full-text index.
    ///
    /// ```swift
    /// let session = try QuerySession(workspace: Workspace.open(at: "news.sqlite"))
    /// let results = try session.run(#"documents | search "arrest warrant" | count"#)
    /// ```
    public convenience init(workspace: Workspace) throws(Diagnostic) {
        let index = try workspace.openIndex()
        self.init(index: index)
        let rows = Dictionary(index.documents.ids.enumerated().map { ($0.element, Int32($0.offset)) },
                              uniquingKeysWith: { first, _ in first })
        fullTextSearch = { words throws(Diagnostic) in
            try workspace.documents(matching: words).compactMap { rows[$0] }.sorted()
        }
        sentenceSearch = { words throws(Diagnostic) in
            try workspace.sentences(matching: words).compactMap { match in
                rows[match.document].flatMap { index.sentenceRow(document: $0, position: Int32(match.position)) }
            }.sorted()
        }
    }
}
