import DossierCore

/// Whether a statement read line by line is finished, decided one line at a time.
///
/// A statement goes on to the next line while a bracket or a string is open or the text ends with
/// `|` or `,` (see ``QuerySession/needsContinuation(_:)``). The shell and the script runner ask after
/// every line; scanning only the new line keeps a statement of n lines linear instead of lexing
/// its whole text n times. It follows the lexer's rules for strings, escapes and comments.
package struct StatementContinuation: Sendable {
    /// A bracket or string still open, and where it opened.
    package struct Opener: Hashable, Sendable {
        /// `(`, `[` or `"`.
        package var text: String
        /// Where it was written (the offset is not tracked).
        package var location: SourceLocation
    }

    private var brackets: [Opener] = []
    private var string: Opener?
    private var isEscaping = false
    /// Whether the last token is `|` or `,`, which the next line continues.
    private var endsOpen = false
    private var line: Int
    /// The opener that was still open at the end of the first line it left open, when one was:
    /// what made the lines after it part of the statement.
    package private(set) var firstCarriedOpener: Opener?
    /// The number of lines added.
    package private(set) var lineCount = 0

    /// Starts before the statement's first line, which is line `firstLine` of its source.
    package init(firstLine: Int = 1) { line = firstLine }

    /// Whether the text so far needs another line: a bracket or string is open, or it ends with `|` or `,`.
    package var needsMoreLines: Bool { string != nil || !brackets.isEmpty || endsOpen }

    /// The innermost bracket or string open at the end of the text so far.
    package var openOpener: Opener? { string ?? brackets.last }

    /// Adds the next line (without its line break).
    package mutating func add(_ text: String) {
        var column = 0
        for scalar in text.unicodeScalars {
            column += 1
            if string != nil {
                if isEscaping {
                    isEscaping = false
                } else if scalar == "\\" {
                    isEscaping = true
                } else if scalar == "\"" {
                    string = nil
                }
                continue
            }
            switch scalar {
            case " ", "\t", "\r":
                continue
            case "#":
                break
            case "\"":
                string = Opener(text: "\"", location: SourceLocation(line: line, column: column, offset: 0))
                endsOpen = false
                continue
            case "(", "[":
                brackets.append(Opener(text: String(scalar), location: SourceLocation(line: line, column: column, offset: 0)))
                endsOpen = false
                continue
            case ")", "]":
                if !brackets.isEmpty { brackets.removeLast() }
                endsOpen = false
                continue
            case "|", ",":
                endsOpen = true
                continue
            default:
                endsOpen = false
                continue
            }
            break  // a comment runs to the end of the line
        }
        // The line break itself: an escape takes it, as the lexer's does.
        isEscaping = false
        if firstCarriedOpener == nil, let open = openOpener { firstCarriedOpener = open }
        line += 1
        lineCount += 1
    }

    /// Whether `text`, all of it, needs another line.
    package static func needsMoreLines(after text: String) -> Bool {
        var continuation = StatementContinuation()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { continuation.add(String(line)) }
        return continuation.needsMoreLines
    }
}
