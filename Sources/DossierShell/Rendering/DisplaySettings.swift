/// How much of a result the table and line modes show: `.maxrows`, `.width` and `.headers`.
///
/// Limits are for people reading a terminal. By default (`auto`) a result printed to a terminal
/// shows its first and last rows up to ``defaultMaximumRows`` and fits the terminal's width, while
/// output to a pipe, a file or `.output` is whole; a limit set explicitly applies everywhere.
public struct DisplaySettings: Hashable, Sendable {
    /// A limit on rows or columns.
    public enum Limit: Hashable, Sendable, CustomStringConvertible {
        /// The default: a limit on a terminal, none elsewhere.
        case automatic
        /// No limit.
        case unlimited
        /// This many rows or columns.
        case exactly(Int)

        /// `auto`, `0` (no limit), or the number.
        public var description: String {
            switch self {
            case .automatic: "auto"
            case .unlimited: "0"
            case .exactly(let count): String(count)
            }
        }
    }

    /// The rows a terminal shows by default.
    public static let defaultMaximumRows = 40

    /// How many rows table and line modes show (`.maxrows`).
    public var maximumRows: Limit = .automatic
    /// How many columns wide tables are (`.width`).
    public var width: Limit = .automatic
    /// Whether table and CSV output start with the column names (`.headers`).
    public var showsHeaders = true

    /// Creates the default settings.
    public init() {}

    /// The row limit for output to a terminal `terminalWidth` columns wide, or (`nil`) to something else.
    package func rowLimit(terminalWidth: Int?) -> Int? {
        switch maximumRows {
        case .automatic: terminalWidth == nil ? nil : Self.defaultMaximumRows
        case .unlimited: nil
        case .exactly(let count): count
        }
    }

    /// The width limit for output to a terminal `terminalWidth` columns wide, or (`nil`) to something else.
    package func widthLimit(terminalWidth: Int?) -> Int? {
        switch width {
        case .automatic: terminalWidth
        case .unlimited: nil
        case .exactly(let count): count
        }
    }
}
