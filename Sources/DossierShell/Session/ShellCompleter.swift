import DossierCore
import DossierQuery
import Foundation
import LineEditing

/// What Tab offers, by context: command names and their arguments (file paths after `.open`,
/// `.read`, `.ingest`, `.output`, `.once`); after `where`, `select`, `sort` and the other stages that
/// take expressions, the fields of the rows the pipeline carries at that point; after `kind ==`,
/// `predicate in [` and the like, the cases of that field's enumeration; entity names after `@`
/// (spaces and all, inside `@"…`); parameter names after `$`.
struct ShellCompleter {
    let engine: QueryEngine

    /// The matches for `text`, the statement typed so far (earlier lines of it included) up to the cursor.
    func matches(for text: String) -> CompletionMatches {
        let line = String(text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        if trimmed.hasPrefix("."), !text.contains("\n") { return commandMatches(String(trimmed)) }
        let word = Completion.lastWord(of: text)
        if word.hasPrefix("@") { return CompletionMatches(word: word, candidates: entities(matching: word)) }
        if word.hasPrefix("$") {
            let names = engine.session.parameters.map { "$" + $0.name }
            return CompletionMatches(word: word, candidates: names.filter { $0.hasPrefix(word) && $0 != word })
        }
        return CompletionMatches(word: word, candidates: Set(queryWords(in: text, word: word)).filter { $0.hasPrefix(word) && $0 != word }.sorted())
    }

    // MARK: Commands

    private func commandMatches(_ line: String) -> CompletionMatches {
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            let names = DotCommand.summaries.map(\.name) + [".exit"]
            return CompletionMatches(word: line, candidates: names.filter { $0.hasPrefix(line) })
        }
        let name = String(line[..<space])
        let arguments = line[space...].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let word = Completion.lastPath(of: line)
        let position = word.isEmpty ? arguments.count : arguments.count - 1
        func offer(_ candidates: [String]) -> CompletionMatches {
            CompletionMatches(word: word, candidates: candidates.filter { $0.hasPrefix(word) && $0 != word })
        }
        switch name {
        case ".open", ".read", ".ingest", ".output", ".once":
            return CompletionMatches(word: word, candidates: Self.paths(matching: word))
        case ".mode" where position == 0: return offer(OutputFormat.allCases.map(\.rawValue))
        case ".help" where position == 0: return offer(Array(Set(HelpTopic.words(engine: engine))).sorted())
        case ".headers", ".timer": return position == 0 ? offer(["on", "off"]) : offer([])
        case ".maxrows", ".width": return position == 0 ? offer(["auto", "0"]) : offer([])
        case ".fields" where position == 0, ".schema" where position == 0: return offer(RowKind.allCases.map(\.rawValue) + engine.session.boundNames)
        case ".param":
            if position == 0 { return offer(["set", "unset", "clear", "list"]) }
            if position == 1, ["set", "unset"].contains(arguments.first) { return offer(engine.session.parameters.map(\.name)) }
            return offer([])
        default: return offer([])
        }
    }

    /// Files and folders whose path starts with `typed` (a leading `~` stands for the home folder);
    /// folders end with `/` so completion goes on inside them. Hidden files only when asked for.
    static func paths(matching typed: String) -> [String] {
        let expanded = Paths.expandingTilde(typed)
        let folderPart = typed.contains("/") ? String(typed[...typed.lastIndex(of: "/")!]) : ""
        let expandedFolder = expanded.contains("/") ? String(expanded[...expanded.lastIndex(of: "/")!]) : ""
        let prefix = typed.contains("/") ? String(typed[typed.index(after: typed.lastIndex(of: "/")!)...]) : (typed == "~" ? "" : typed)
        if typed == "~" { return ["~/"] }
        let folder = expandedFolder.isEmpty ? "." : expandedFolder
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return entries.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { entry in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(entry), isDirectory: &isFolder)
            return folderPart + entry + (isFolder.boolValue ? "/" : "")
        }
    }

    // MARK: Queries

    /// Entity literals for the names that start with what follows `@` (and an open quote), ignoring case.
    private func entities(matching word: String) -> [String] {
        let prefix = word.dropFirst().lowercased().replacingOccurrences(of: "\"", with: "")
        let names = engine.index.entities.names.filter { $0.lowercased().hasPrefix(prefix) }
        return Array(Set(names.map { EntityLiteral.text(name: $0) })).sorted().prefix(200).map { $0 }
    }

    /// The words that fit where `word` is being typed at the end of `text`.
    private func queryWords(in text: String, word: String) -> [String] {
        var tokens = Lexer.tokens(in: text).filter { $0.kind != .newline && $0.kind != .end }
        if !word.isEmpty, let last = tokens.last, last.range.end.offset == text.utf8.count { tokens.removeLast() }
        // The statement being typed starts after the last ';' outside brackets.
        if let semicolon = tokens.lastIndex(where: { $0.kind == .semicolon }) { tokens.removeFirst(semicolon + 1) }
        let statementStart = tokens.first?.range.start.offset ?? 0
        if tokens.first?.isWord("let") == true { tokens.removeFirst(min(3, tokens.count)) }
        if tokens.first?.isWord("param") == true { return [] }
        var depth = 0
        var lastPipe: Int?
        for (position, token) in tokens.enumerated() {
            switch token.kind {
            case .leftParenthesis, .leftBracket: depth += 1
            case .rightParenthesis, .rightBracket: depth = max(0, depth - 1)
            case .pipe where depth == 0: lastPipe = position
            default: break
            }
        }
        guard let lastPipe else {
            return tokens.isEmpty ? RowKind.allCases.map(\.rawValue) + ["docs", "let", "param"] + engine.session.boundNames : engine.keywords
        }
        let stage = Array(tokens[(lastPipe + 1)...])
        guard let stageName = stage.first?.text else { return Vocabulary.stageNames }
        let prefix = Self.slice(text, from: statementStart, to: tokens[lastPipe].range.start.offset)
        let fields = fieldsCarried(by: prefix)
        switch stageName {
        case "where", "select", "sort", "top", "count", "distinct":
            if let cases = enumerationCases(after: stage, among: fields) { return cases }
            if stageName == "top", stage.count < 3 { return stage.count == 2 ? ["by"] : [] }
            if stageName == "count", stage.count == 1 { return ["by"] }
            return fields.map(\.name) + Vocabulary.functions.map(\.rawValue) + Vocabulary.expressionWords
        case "timeline": return stage.last?.isWord("by") == true ? ["day", "week", "month", "quarter", "year"] : ["by"]
        case "cooccur":
            if stage.last?.isWord("with") == true { return FieldType.kind.enumerationCases ?? [] }
            if stage.last?.isWord("in") == true { return ["sentence", "document"] }
            return Vocabulary.stage(named: "cooccur")?.words ?? []
        case "render", "kwic": return Vocabulary.stage(named: stageName)?.words ?? []
        default: return engine.keywords
        }
    }

    /// The fields of the rows `prefix` (a pipeline up to the stage being typed) carries, or every
    /// field of every source when that cannot be known.
    private func fieldsCarried(by prefix: String) -> [Field] {
        if let types = try? engine.session.check(prefix), case .rows(let rows)? = types.last { return rows.fields }
        var seen: Set<String> = []
        return RowKind.allCases.flatMap(\.fields).filter { seen.insert($0.name).inserted }
    }

    /// After `FIELD ==`, `FIELD !=` or `FIELD in [a, ` where FIELD is an enumeration: its cases.
    private func enumerationCases(after stage: [QueryToken], among fields: [Field]) -> [String]? {
        var position = stage.count - 1
        guard position >= 1 else { return nil }
        if stage[position].kind == .equal || stage[position].kind == .notEqual {
            position -= 1
        } else {
            while position >= 0, stage[position].kind == .identifier || stage[position].kind == .comma { position -= 1 }
            guard position >= 2, stage[position].kind == .leftBracket, stage[position - 1].isWord("in") else { return nil }
            position -= 2
        }
        guard position >= 0, stage[position].kind == .identifier,
              let field = fields.first(where: { $0.name == stage[position].text }) else { return nil }
        if case .list(let element) = field.type { return element.enumerationCases }
        return field.type.enumerationCases
    }

    private static func slice(_ text: String, from start: Int, to end: Int) -> String {
        let utf8 = Array(text.utf8)
        guard start <= end, end <= utf8.count else { return "" }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
