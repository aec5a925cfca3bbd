import DossierCore

/// A shell command: a line that starts with `.`.
public enum DotCommand: Hashable, Sendable {
    /// `.help` — what the shell and the language offer.
    case help
    /// `.open [WORKSPACE]` — open (or create) a workspace; with no path, the demo corpus.
    case open(path: String?)
    /// `.ingest PATH…` — add files, folders or globs to the open workspace.
    case ingest(paths: [String])
    /// `.mode [table|csv|json|markdown]` — set (or show) how results print.
    case mode(OutputFormat?)
    /// `.quit` or `.exit` — leave the shell.
    case quit

    /// Every command's name and a line about it, for `.help` and completion.
    public static let summaries: [(name: String, usage: String, summary: String)] = [
        (".help", ".help", "show this help"),
        (".open", ".open [WORKSPACE]", "open a workspace file (created when missing); without one, the demo corpus"),
        (".ingest", ".ingest PATH…", "add text, JSONL or CSV files, folders or globs to the open workspace"),
        (".mode", ".mode [table|csv|json|markdown]", "set how results print, or show the current mode"),
        (".quit", ".quit", "leave the shell (also .exit or Ctrl-D)"),
    ]

    /// Parses `line` (which starts with `.`); errors point into the line, which is line `lineNumber`.
    public static func parse(_ line: String, lineNumber: Int = 1) throws(Diagnostic) -> DotCommand {
        let words = try CommandWords.split(line, lineNumber: lineNumber)
        guard let name = words.first else {
            throw Diagnostic(.error, "empty command", range: CommandWords.range(lineNumber, 1, 2))
        }
        let arguments = Array(words.dropFirst())
        func expectNoArguments() throws(Diagnostic) {
            if let extra = arguments.first {
                throw Diagnostic(.error, "'\(name.text)' takes no arguments", range: extra.range)
            }
        }
        switch name.text {
        case ".help", ".h":
            return .help
        case ".quit", ".exit", ".q":
            try expectNoArguments()
            return .quit
        case ".open":
            guard arguments.count <= 1 else {
                throw Diagnostic(.error, "'.open' takes one workspace path", range: arguments[1].range)
            }
            return .open(path: arguments.first?.text)
        case ".ingest":
            guard !arguments.isEmpty else {
                throw Diagnostic(.error, "'.ingest' needs at least one file, folder or glob", range: name.range,
                                 help: .init("for example: .ingest articles/*.txt"))
            }
            return .ingest(paths: arguments.map(\.text))
        case ".mode":
            guard let word = arguments.first else { return .mode(nil) }
            guard arguments.count == 1 else { throw Diagnostic(.error, "'.mode' takes one mode", range: arguments[1].range) }
            guard let format = OutputFormat(rawValue: word.text.lowercased()) else {
                throw Diagnostic(.error, "unknown mode '\(word.text)'", range: word.range,
                                 notes: ["the modes are: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            return .mode(format)
        default:
            var help: Diagnostic.Help?
            if let nearest = EditDistance.nearest(to: name.text, in: summaries.map(\.name) + [".exit"]) {
                help = .init("did you mean '\(nearest)'?")
            }
            throw Diagnostic(.error, "unknown command '\(name.text)'", range: name.range, help: help,
                             notes: ["the commands are: " + summaries.map(\.name).joined(separator: ", ")])
        }
    }
}

/// The words of a command line, split at spaces; double or single quotes keep spaces in a word.
struct CommandWords {
    struct Word {
        var text: String
        var range: SourceRange
    }

    static func split(_ line: String, lineNumber: Int) throws(Diagnostic) -> [Word] {
        var words: [Word] = []
        var current = ""
        var startColumn = 0
        var quote: Unicode.Scalar?
        var quoteColumn = 0
        var inWord = false
        var column = 0
        for scalar in line.unicodeScalars {
            column += 1
            if let open = quote {
                if scalar == open { quote = nil } else { current.unicodeScalars.append(scalar) }
                continue
            }
            if scalar == " " || scalar == "\t" {
                if inWord { words.append(Word(text: current, range: range(lineNumber, startColumn, column))) }
                inWord = false
                current = ""
                continue
            }
            if !inWord { inWord = true; startColumn = column }
            if scalar == "\"" || scalar == "'" { quote = scalar; quoteColumn = column } else { current.unicodeScalars.append(scalar) }
        }
        if quote != nil {
            throw Diagnostic(.error, "unterminated quoted argument", range: range(lineNumber, quoteColumn, column + 1))
        }
        if inWord { words.append(Word(text: current, range: range(lineNumber, startColumn, column + 1))) }
        return words
    }

    static func range(_ line: Int, _ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: start, offset: 0), end: SourceLocation(line: line, column: end, offset: 0))
    }
}
