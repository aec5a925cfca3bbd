import DossierCore

/// A shell command: a line that starts with `.`.
public enum DotCommand: Hashable, Sendable {
    /// `.help [TOPIC]` — what the shell and the language offer, or what one word means (a command,
    /// source, stage, field, function, enumeration case, `let` name, `$parameter` or `@entity`).
    case help(topic: String?)
    /// `.open [WORKSPACE]` — open (or create) a workspace; with no path, the demo corpus.
    case open(path: String?)
    /// `.ingest PATH…` — add files, folders or globs to the open workspace.
    case ingest(paths: [String])
    /// `.read FILE` — run a script's statements and commands, as `dossier run` would.
    case read(path: String)
    /// `.sources` — the sources, their row counts and fields, and the names bound by `let`.
    case sources
    /// `.fields SOURCE` or `.schema [SOURCE]` — the fields of a source (or of every source) and their types.
    case fields(source: String?)
    /// `.stats` — what the workspace holds.
    case stats
    /// `.param`, `.param set NAME VALUE`, `.param unset NAME`, `.param clear` — script parameters.
    case parameter(ParameterCommand)
    /// `.mode [table|line|csv|json|markdown]` — set (or show) how results print.
    case mode(OutputFormat?)
    /// `.headers [on|off]` — column names above table and CSV output.
    case headers(Bool?)
    /// `.maxrows [N|0|auto]` — how many rows table and line modes show.
    case maximumRows(DisplaySettings.Limit?)
    /// `.width [N|0|auto]` — how wide tables may be.
    case width(DisplaySettings.Limit?)
    /// `.output [FILE]` — results to a file until `.output` alone; `nil` goes back to the screen.
    case output(path: String?)
    /// `.once FILE` — the next statement's results to a file.
    case once(path: String)
    /// `.timer [on|off]` — how long each statement took.
    case timer(Bool?)
    /// `.quit` or `.exit` — leave the shell.
    case quit

    /// What `.param` does.
    public enum ParameterCommand: Hashable, Sendable {
        /// `.param`: list the parameters.
        case list
        /// `.param set NAME VALUE`, with where the value was written.
        case set(name: String, value: String, range: SourceRange)
        /// `.param unset NAME`: back to the default.
        case unset(name: String, range: SourceRange)
        /// `.param clear`: forget every parameter.
        case clear
    }

    /// Every command's name and a line about it, for `.help` and completion.
    public static let summaries: [(name: String, usage: String, summary: String)] = [
        (".help", ".help [TOPIC]", "show this help, or what a command, source, stage, field, function, @entity or $parameter is"),
        (".open", ".open [WORKSPACE]", "open a workspace file (created when missing); without one, the demo corpus"),
        (".ingest", ".ingest PATH…", "add text, JSONL or CSV files, folders or globs to the open workspace"),
        (".read", ".read FILE", "run a script's statements and commands; it stops at its first error"),
        (".sources", ".sources", "the sources with their row counts and fields, and the names bound by let"),
        (".fields", ".fields SOURCE", "a source's fields and their types (also a name bound by let)"),
        (".schema", ".schema [SOURCE]", "the fields of every source, or of one"),
        (".stats", ".stats", "what the workspace holds: documents and their dates, entities by kind, relations, …"),
        (".param", ".param [set NAME VALUE | unset NAME | clear]", "show or set script parameters, used in queries as $NAME"),
        (".mode", ".mode [table|line|csv|json|markdown]", "set how results print, or show the current mode"),
        (".headers", ".headers [on|off]", "column names above table and CSV output"),
        (".maxrows", ".maxrows [N|0|auto]", "rows a table shows, first and last (0: all; auto: 40 on a terminal, all elsewhere)"),
        (".width", ".width [N|0|auto]", "columns a table may take (0: no limit; auto: the terminal's width)"),
        (".output", ".output [FILE]", "send results to FILE (replaced) until .output alone sends them back to the screen"),
        (".once", ".once FILE", "send the next statement's results to FILE"),
        (".timer", ".timer [on|off]", "print how long each statement took"),
        (".quit", ".quit", "leave the shell (also .exit or Ctrl-D)"),
    ]

    /// Parses `line` (which starts with `.`); errors point into the line, which is line `lineNumber`.
    public static func parse(_ line: String, lineNumber: Int = 1) throws(Diagnostic) -> DotCommand {
        let words = try CommandWords.split(line, lineNumber: lineNumber)
        guard let name = words.first else {
            throw Diagnostic(.error, .unknownCommand, "empty command", range: CommandWords.range(lineNumber, 1, 2))
        }
        let arguments = Array(words.dropFirst())
        func expectNoArguments() throws(Diagnostic) {
            if let extra = arguments.first {
                throw Diagnostic(.error, .invalidArgument, "'\(name.text)' takes no arguments", range: extra.range)
            }
        }
        func expectAtMostOne(_ what: String) throws(Diagnostic) {
            if arguments.count > 1 { throw Diagnostic(.error, .invalidArgument, "'\(name.text)' takes one \(what)", range: arguments[1].range) }
        }
        func requireOne(_ what: String, example: String) throws(Diagnostic) -> String {
            guard let first = arguments.first else {
                throw Diagnostic(.error, .invalidArgument, "'\(name.text)' needs \(what)", range: name.range, help: .init("for example: \(example)"))
            }
            try expectAtMostOne(what)
            return first.text
        }
        switch name.text {
        case ".help", ".h":
            return .help(topic: arguments.isEmpty ? nil : arguments.map(\.text).joined(separator: " "))
        case ".quit", ".exit", ".q":
            try expectNoArguments()
            return .quit
        case ".open":
            try expectAtMostOne("workspace path")
            return .open(path: arguments.first?.text)
        case ".ingest":
            guard !arguments.isEmpty else {
                throw Diagnostic(.error, .invalidArgument, "'.ingest' needs at least one file, folder or glob", range: name.range,
                                 help: .init("for example: .ingest articles/*.txt"))
            }
            return .ingest(paths: arguments.map(\.text))
        case ".read":
            return .read(path: try requireOne("a script file", example: ".read analysis.dq"))
        case ".sources":
            try expectNoArguments()
            return .sources
        case ".fields":
            return .fields(source: try requireOne("a source", example: ".fields relations"))
        case ".schema":
            try expectAtMostOne("source")
            return .fields(source: arguments.first?.text)
        case ".stats":
            try expectNoArguments()
            return .stats
        case ".param", ".parameter":
            return .parameter(try parameterCommand(arguments, name: name))
        case ".mode":
            guard let word = arguments.first else { return .mode(nil) }
            try expectAtMostOne("mode")
            guard let format = OutputFormat(rawValue: word.text.lowercased()) else {
                throw Diagnostic(.error, .invalidArgument, "unknown mode '\(word.text)'", range: word.range,
                                 notes: ["the modes are: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            return .mode(format)
        case ".headers", ".header":
            return .headers(try switchValue(arguments, name: name))
        case ".timer":
            return .timer(try switchValue(arguments, name: name))
        case ".maxrows":
            return .maximumRows(try limit(arguments, name: name, unit: "rows"))
        case ".width":
            return .width(try limit(arguments, name: name, unit: "columns"))
        case ".output":
            try expectAtMostOne("file")
            let path = arguments.first?.text
            return .output(path: path == "stdout" ? nil : path)
        case ".once":
            return .once(path: try requireOne("a file", example: ".once results.csv"))
        default:
            var help: Diagnostic.Help?
            if let nearest = EditDistance.nearest(to: name.text, in: summaries.map(\.name) + [".exit"]) {
                help = .init("did you mean '\(nearest)'?")
            }
            throw Diagnostic(.error, .unknownCommand, "unknown command '\(name.text)'", range: name.range, help: help,
                             notes: ["the commands are: " + summaries.map(\.name).joined(separator: ", ")])
        }
    }

    /// `on` or `off` (also `yes`/`no`, `1`/`0`), or `nil` to show the setting.
    private static func switchValue(_ arguments: [CommandWords.Word], name: CommandWords.Word) throws(Diagnostic) -> Bool? {
        guard let word = arguments.first else { return nil }
        if arguments.count > 1 { throw Diagnostic(.error, .invalidArgument, "'\(name.text)' takes on or off", range: arguments[1].range) }
        switch word.text.lowercased() {
        case "on", "yes", "1", "true": return true
        case "off", "no", "0", "false": return false
        default: throw Diagnostic(.error, .invalidArgument, "'\(name.text)' takes on or off, not '\(word.text)'", range: word.range)
        }
    }

    /// A number, `0` for no limit, or `auto`; `nil` to show the setting.
    private static func limit(_ arguments: [CommandWords.Word], name: CommandWords.Word, unit: String) throws(Diagnostic) -> DisplaySettings.Limit? {
        guard let word = arguments.first else { return nil }
        if arguments.count > 1 { throw Diagnostic(.error, .invalidArgument, "'\(name.text)' takes one number", range: arguments[1].range) }
        if word.text.lowercased() == "auto" { return .automatic }
        guard let count = Int(word.text), count >= 0 else {
            throw Diagnostic(.error, .invalidArgument, "'\(name.text)' takes a number of \(unit), 0 for no limit, or auto; not '\(word.text)'", range: word.range)
        }
        return count == 0 ? .unlimited : .exactly(count)
    }

    private static func parameterCommand(_ arguments: [CommandWords.Word], name: CommandWords.Word) throws(Diagnostic) -> ParameterCommand {
        guard let verb = arguments.first else { return .list }
        switch verb.text {
        case "list":
            return .list
        case "clear":
            if let extra = arguments.dropFirst().first { throw Diagnostic(.error, .invalidArgument, "'.param clear' takes no arguments", range: extra.range) }
            return .clear
        case "unset":
            guard arguments.count == 2 else {
                throw Diagnostic(.error, .invalidArgument, "'.param unset' takes one parameter name", range: arguments.count > 2 ? arguments[2].range : verb.range,
                                 help: .init("for example: .param unset who"))
            }
            return .unset(name: parameterName(arguments[1].text), range: arguments[1].range)
        case "set":
            guard arguments.count >= 3 else {
                throw Diagnostic(.error, .invalidArgument, "'.param set' needs a name and a value", range: arguments.last!.range,
                                 help: .init("for example: .param set who @putin"))
            }
            let value = arguments[2...]
            let range = SourceRange(start: value.first!.range.start, end: value.last!.range.end)
            return .set(name: parameterName(arguments[1].text), value: value.map(\.text).joined(separator: " "), range: range)
        default:
            var diagnostic = Diagnostic(.error, .invalidArgument, "'.param' takes set, unset, clear or list, not '\(verb.text)'", range: verb.range,
                                        notes: ["write .param to list the parameters, .param set NAME VALUE to set one"])
            if let nearest = EditDistance.nearest(to: verb.text, in: ["set", "unset", "clear", "list"]) {
                diagnostic.help = .init("did you mean '\(nearest)'?")
            }
            throw diagnostic
        }
    }

    /// A parameter's name, without the `$` it may be written with.
    private static func parameterName(_ text: String) -> String { text.hasPrefix("$") ? String(text.dropFirst()) : text }
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
            throw Diagnostic(.error, .unterminatedString, "unterminated quoted argument", range: range(lineNumber, quoteColumn, column + 1))
        }
        if inWord { words.append(Word(text: current, range: range(lineNumber, startColumn, column + 1))) }
        return words
    }

    static func range(_ line: Int, _ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: start, offset: 0), end: SourceLocation(line: line, column: end, offset: 0))
    }
}
