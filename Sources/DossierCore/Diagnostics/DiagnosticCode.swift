extension Diagnostic {
    /// What kind of problem a diagnostic reports, by a name that never changes.
    ///
    /// The set is closed: every diagnostic Dossier makes has one of these codes, and the raw value
    /// (the case's own name, such as `"unknownStage"`) stays the same across versions, while a
    /// message may be reworded. Programs and tests tell problems apart by the code; people read the
    /// message. Several messages share a code when they are the same kind of problem.
    public enum Code: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
        // MARK: Query text: the lexer and the parser

        /// A character the query language has no use for, such as `!` alone or `#`.
        case unexpectedCharacter
        /// A string that does not end before the line does, or a quoted shell argument left open.
        case unterminatedString
        /// A backslash escape in a string that is not one of the language's.
        case invalidEscape
        /// A number too large to hold.
        case numberTooLarge
        /// `@` or `$` with no name after it.
        case expectedName
        /// A token where another was needed: `let x` without `=`, `as` without a column name.
        case unexpectedToken
        /// A pipeline that does not start with a source.
        case expectedSource
        /// `|` with no stage after it.
        case expectedStage
        /// An operator or `=` with no value after it, or something that is not a value where one belongs.
        case expectedValue
        /// A bracket or parenthesis the statement never closes.
        case unclosedBracket
        /// A stage name the language does not have.
        case unknownStage
        /// A time literal that is not a day, month, quarter, year or a range of them.
        case malformedTimeLiteral
        /// A stage's argument missing or not one it takes: `top 5` without `by`, `timeline by hour`.
        case invalidStageArgument
        /// A `let` or `param` name that is a word of the language.
        case reservedName
        /// Text that holds no pipeline where one is needed.
        case expectedPipeline
        /// An expression, a bracket or a `.read` nested deeper than the limit.
        case nestedTooDeeply

        // MARK: Query text: the checker

        /// A source name that is neither a kind of row nor a `let` name.
        case unknownSource
        /// A field the rows do not have.
        case unknownField
        /// A function the language does not have.
        case unknownFunction
        /// A word that is not a case of the enumeration it is compared with (`kind == persn`).
        case unknownCase
        /// An entity literal that names no entity of the corpus.
        case unknownEntity
        /// An entity literal that names several entities.
        case ambiguousEntity
        /// A stage given what it cannot take: `kwic` after `entities`, `render` not last.
        case stageInputMismatch
        /// A value of the wrong type: a condition that is not a Bool, text compared with a number.
        case typeMismatch
        /// `null` where it has no type to take, or ordered with `<`.
        case untypedNull
        /// A literal of the wrong kind, or none, where one is needed: `contains` without a string.
        case expectedLiteral
        /// A function called with the wrong number of arguments.
        case wrongArgumentCount
        /// A column or choice named twice.
        case duplicateName
        /// A regular expression that cannot be read.
        case invalidRegex
        /// Full-text search words that cannot be read.
        case invalidSearchWords
        /// A query that gives something other than what the caller asked for (typed queries).
        case resultKindMismatch

        // MARK: Parameters

        /// A `$name` or a given parameter that no `param` declares.
        case unknownParameter
        /// A `param` type the language does not have.
        case unknownParameterType
        /// A parameter with neither a value given nor a default.
        case missingParameterValue
        /// A parameter value (or default) that is not of its declared type.
        case invalidParameterValue
        /// A `$name` used before its `param` declaration.
        case parameterUsedBeforeDeclaration

        // MARK: Evaluation

        /// The evaluation was cancelled (Ctrl-C).
        case cancelled
        /// A result larger than the limit (`cooccur` pairs, `timeline` buckets).
        case resultTooLarge
        /// Full-text search over an index that has no workspace behind it.
        case searchUnavailable

        // MARK: Workspaces

        /// There is no workspace at the path.
        case workspaceMissing
        /// The file is not a Dossier workspace.
        case notAWorkspace
        /// The workspace was made by a newer version of Dossier.
        case workspaceTooNew
        /// Another program kept writing to the workspace for the whole wait (SQLite's busy or locked).
        case workspaceBusy
        /// SQLite could not open or close the workspace; the underlying error has SQLite's codes.
        case workspaceOpenFailed
        /// SQLite could not read the workspace; the underlying error has SQLite's codes.
        case workspaceReadFailed
        /// SQLite could not write a batch, which was rolled back; the underlying error has SQLite's codes.
        case workspaceWriteFailed
        /// Writing to a read-only workspace (the demo corpus).
        case workspaceReadOnly
        /// The column file beside the workspace could not be written; queries still work, reading
        /// the columns from the database each time the workspace opens.
        case columnFileUnwritable
        /// A record whose id the workspace or the ingest already gives to a different text.
        case idTaken

        // MARK: Files and records

        /// No file or folder at the path, or no file matches the pattern.
        case fileNotFound
        /// A file or folder that is there but cannot be read.
        case fileUnreadable
        /// A file or folder that cannot be written or created.
        case fileUnwritable
        /// A folder with no file of a format Dossier reads.
        case noInputFiles
        /// A record (or a whole file) that cannot be read and was skipped.
        case malformedRecord
        /// A record that was kept with a change, such as NUL characters replaced.
        case recordChanged
        /// Text that is not valid JSON (notebooks, kernel connection files).
        case malformedJSON
        /// A notebook that is not one Dossier runs.
        case invalidNotebook

        // MARK: The shell and the command line

        /// A dot-command the shell does not have, or a line with only a dot.
        case unknownCommand
        /// A dot-command or command-line argument that is missing or not one the command takes.
        case invalidArgument
        /// `.help` about a word it has no help for.
        case unknownHelpTopic
        /// Query text or a script that would write (`.ingest`, `.open`, `.output`) without leave to.
        case writeNotAllowed
        /// `--expect` with no file of expected output to compare with.
        case expectedOutputMissing

        // MARK: Notebooks and the kernel

        /// A kernel connection file that lacks a value or asks for what is not supported.
        case invalidConnectionFile
        /// A kernel socket that cannot listen where it was asked to.
        case socketFailed

        // MARK: Anything else

        /// An error from outside Dossier's own checks, kept as the underlying error.
        case unexpectedError

        /// The code's name, such as `unknownStage`.
        public var description: String { rawValue }
    }
}
