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
/// command line renders them with ``DiagnosticFormatter``. A diagnostic's ``code`` says what kind of
/// problem it is, in a name that does not change when the message is reworded; one that comes from
/// another error (SQLite's, the file system's) keeps it as ``underlyingError``.
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
    /// What kind of problem it is: stable, for programs and tests to compare.
    public var code: Code
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
    /// The error this diagnostic reports, when it comes from another one, such as a
    /// `SQLiteFailure` with SQLite's result codes.
    public var underlyingError: (any Error)?

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, _ code: Code, _ message: String, sourceName: String? = nil, range: SourceRange? = nil,
                help: Help? = nil, notes: [String] = [], underlyingError: (any Error)? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.sourceName = sourceName
        self.range = range
        self.help = help
        self.notes = notes
        self.underlyingError = underlyingError
    }

    /// Whether two diagnostics say the same: their fields, and underlying errors that are equal
    /// (compared as `Hashable` values when they are, else by their descriptions).
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity && lhs.code == rhs.code && lhs.message == rhs.message && lhs.sourceName == rhs.sourceName
            && lhs.range == rhs.range && lhs.help == rhs.help && lhs.notes == rhs.notes
            && underlyingKey(lhs.underlyingError) == underlyingKey(rhs.underlyingError)
    }

    /// Hashes the diagnostic consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(sourceName)
        hasher.combine(range)
        hasher.combine(help)
        hasher.combine(notes)
        hasher.combine(Self.underlyingKey(underlyingError))
    }

    private static func underlyingKey(_ error: (any Error)?) -> AnyHashable? {
        guard let error else { return nil }
        if let hashable = error as? any Hashable { return AnyHashable(hashable) }
        return AnyHashable(String(reflecting: error))
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
