import DossierCore

extension QuerySession {
    /// Runs every statement of `text` in order and decodes the rows the last one ends with.
    ///
    /// The last statement must end with rows of `Record`'s kind; this is checked before it runs, and
    /// otherwise the diagnostic points at its final stage ("the query gives documents, not relations"):
    /// ```swift
    /// let visits = try session.fetchAll(RelationRecord.self, "@putin | relations | where predicate == visit")
    /// ```
    /// Earlier statements run as ``run(_:sourceName:firstLine:)`` runs them, so a `let` they make can
    /// be the last statement's source, and a last `let` binds what it decodes.
    ///
    /// - Parameters:
    ///   - type: The record to decode each row into, such as ``RelationRecord``.
    ///   - text: One or more statements.
    ///   - sourceName: The name diagnostics give the text.
    ///   - firstLine: The line of its source the text starts on.
    /// - Throws: The first ``Diagnostic`` met, with `sourceName` set.
    public func fetchAll<Record: CorpusRecord>(_ type: Record.Type, _ text: String, sourceName: String = "<query>",
                                               firstLine: Int = 1) throws(Diagnostic) -> [Record] {
        try rows(of: Record.rowKind, in: text, sourceName: sourceName, firstLine: firstLine)
            .map { Record(id: RowIdentity(row: $0), in: index) }
    }

    /// Runs `text` and decodes the relations its last statement ends with
    /// (see ``fetchAll(_:_:sourceName:firstLine:)-7r2rh``).
    public func relations(_ text: String, sourceName: String = "<query>", firstLine: Int = 1) throws(Diagnostic) -> [RelationRecord] {
        try fetchAll(RelationRecord.self, text, sourceName: sourceName, firstLine: firstLine)
    }

    /// Runs `text` and decodes the documents its last statement ends with
    /// (see ``fetchAll(_:_:sourceName:firstLine:)-7r2rh``).
    public func documents(_ text: String, sourceName: String = "<query>", firstLine: Int = 1) throws(Diagnostic) -> [DocumentRecord] {
        try fetchAll(DocumentRecord.self, text, sourceName: sourceName, firstLine: firstLine)
    }

    /// Runs `text` and decodes the entities its last statement ends with
    /// (see ``fetchAll(_:_:sourceName:firstLine:)-7r2rh``).
    public func entities(_ text: String, sourceName: String = "<query>", firstLine: Int = 1) throws(Diagnostic) -> [EntityRecord] {
        try fetchAll(EntityRecord.self, text, sourceName: sourceName, firstLine: firstLine)
    }

    /// Runs `text` and decodes the mentions its last statement ends with
    /// (see ``fetchAll(_:_:sourceName:firstLine:)-7r2rh``).
    public func mentions(_ text: String, sourceName: String = "<query>", firstLine: Int = 1) throws(Diagnostic) -> [MentionRecord] {
        try fetchAll(MentionRecord.self, text, sourceName: sourceName, firstLine: firstLine)
    }

    /// Runs `text` and decodes the sentences its last statement ends with
    /// (see ``fetchAll(_:_:sourceName:firstLine:)-7r2rh``).
    public func sentences(_ text: String, sourceName: String = "<query>", firstLine: Int = 1) throws(Diagnostic) -> [SentenceRecord] {
        try fetchAll(SentenceRecord.self, text, sourceName: sourceName, firstLine: firstLine)
    }

    /// Runs `text` and decodes the time expressions its last statement ends with
    /// (see ``fetchAll(_:_:sourceName:firstLine:)-7r2rh``).
    public func times(_ text: String, sourceName: String = "<query>", firstLine: Int = 1) throws(Diagnostic) -> [TimeRecord] {
        try fetchAll(TimeRecord.self, text, sourceName: sourceName, firstLine: firstLine)
    }
}
