/// How serious a diagnostic is.
public enum Severity: String, Hashable, Sendable {
    /// The statement, record or file was not used.
    case error
    /// Something was skipped or may be wrong, and the work went on.
    case warning
    /// Extra information attached to another diagnostic.
    case note
}

/// A problem found in a query, a script or an input file: what went wrong, where and how to fix it.
///
/// Diagnostics are values. Layers return or throw them with their context, and the shell or the
/// command line renders them with ``DiagnosticFormatter``.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// A suggested fix, shown beside the carets or below them.
    public struct Help: Hashable, Sendable {
        /// The suggestion.
        public var message: String
        /// The place the suggestion is about, when it differs from the diagnostic's.
        public var range: SourceRange?

        /// Creates a help line.
        public init(_ message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// How serious it is.
    public var severity: Severity
    /// One sentence that says what is wrong.
    public var message: String
    /// The name of the source: a file path, `<query>`, `<stdin>`.
    public var sourceName: String?
    /// Where in the source it is.
    public var range: SourceRange?
    /// A suggested fix.
    public var help: Help?
    /// Further facts: the fields a row has, the candidates for a name.
    public var notes: [String]

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, _ message: String, sourceName: String? = nil, range: SourceRange? = nil,
                help: Help? = nil, notes: [String] = []) {
        self.severity = severity
        self.message = message
        self.sourceName = sourceName
        self.range = range
        self.help = help
        self.notes = notes
    }

    /// A copy that names its source.
    public func inSource(_ name: String) -> Diagnostic {
        var copy = self
        copy.sourceName = name
        return copy
    }

    /// `name:line:column: severity: message`, on one line.
    public var description: String {
        var place = sourceName ?? ""
        if let range { place += (place.isEmpty ? "" : ":") + range.start.description }
        return (place.isEmpty ? "" : place + ": ") + "\(severity.rawValue): \(message)"
    }
}
