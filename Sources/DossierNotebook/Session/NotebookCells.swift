import DossierQuery
import DossierShell

/// How a cell's text is read: into chunks as a script is, and around a cursor for completion and
/// inspection. Cursors are counted in Unicode code points, as the Jupyter protocol counts them.
enum NotebookCells {
    /// The chunks of a cell: its statements and dot-command lines, as a script's are read.
    static func chunks(of code: String) -> [InputChunk] {
        ScriptRunner.chunks(of: ScriptRunner.lines(of: code))
    }

    /// The statement being written at `cursor`, from its start up to the cursor: what the shell's
    /// completer takes. Earlier lines count when the cursor's line continues them (it begins with
    /// `|`, or they are unfinished); a dot-command is its line alone.
    static func statementPrefix(of code: String, cursor: Int) -> String {
        let before = String(String.UnicodeScalarView(code.unicodeScalars.prefix(max(0, cursor))))
        var lines = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let current = lines.removeLast()
        let trimmed = current.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix(".") { return String(trimmed) }
        var assembler = StatementAssembler(interactive: false)
        for (position, line) in lines.enumerated() { _ = assembler.add(line, number: position + 1) }
        let pending = assembler.pendingText
        if !pending.isEmpty, trimmed.hasPrefix("|") || QuerySession.needsContinuation(pending) { return pending + "\n" + current }
        return current
    }

    /// The word at `cursor` (inside it or just after it) that inspection explains: a name, a
    /// `.command` at the start of a line, a `$parameter`, or an entity literal (`@putin`,
    /// `@"Vladimir Putin"`, `@Dover:location`); `nil` when the cursor is not on one.
    static func word(in code: String, at cursor: Int) -> String? {
        let scalars = Array(code.unicodeScalars)
        let cursor = min(max(0, cursor), scalars.count)
        var lineStart = cursor
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = cursor
        while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
        func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
        }
        var position = lineStart
        while position < lineEnd {
            let start = position
            let scalar = scalars[position]
            if scalar == "@", position + 1 < lineEnd, scalars[position + 1] == "\"" {
                position += 2
                while position < lineEnd, scalars[position] != "\"" { position += 1 }
                position = min(position + 1, lineEnd)
                if position < lineEnd, scalars[position] == ":" { position += 1; while position < lineEnd, isNamePart(scalars[position]) { position += 1 } }
            } else if scalar == "@" || scalar == "$" || (scalar == "." && scalars[lineStart..<position].allSatisfy { $0 == " " || $0 == "\t" }) {
                position += 1
                while position < lineEnd, isNamePart(scalars[position]) || (scalar == "@" && scalars[position] == ":") { position += 1 }
            } else if isNamePart(scalar) {
                while position < lineEnd, isNamePart(scalars[position]) { position += 1 }
            } else if scalar == "\"" {
                // A string literal is not a word; skip it whole so its contents are not read as names.
                position += 1
                while position < lineEnd, scalars[position] != "\"" { position += scalars[position] == "\\" ? 2 : 1 }
                position = min(position + 1, lineEnd)
                continue
            } else {
                position += 1
                continue
            }
            if start <= cursor, cursor <= position, position > start {
                return String(String.UnicodeScalarView(scalars[start..<position]))
            }
        }
        return nil
    }
}
