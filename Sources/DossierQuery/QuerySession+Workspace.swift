import DossierCore
import DossierStore

extension QuerySession {
    /// A session over `workspace`: its index mapped from the workspace's column file (built first
    /// when missing or stale), and `search` (on documents and on sentences) answered by its
    /// full-text index.
    ///
    /// ```swift
    /// let session = try QuerySession(workspace: Workspace.open(at: "news.sqlite"))
    /// let results = try session.run(#"documents | search "arrest warrant" | count"#)
    /// ```
    public convenience init(workspace: Workspace) throws(Diagnostic) {
        let index = try workspace.openIndex()
        self.init(index: index)
        fullTextSearch = { words throws(Diagnostic) in
            try workspace.documentNumbers(matching: words).compactMap { index.documentRow(number: $0) }
        }
        sentenceSearch = { words throws(Diagnostic) in
            try workspace.sentenceNumbers(matching: words).compactMap { match in
                index.documentRow(number: match.document).flatMap { index.sentenceRow(document: $0, position: Int32(match.position)) }
            }.sorted()
        }
    }
}
