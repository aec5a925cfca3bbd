import DossierCore

/// Runs a script, a pipe or a `dossier query` text: chunk by chunk, stopping at the first error.
///
/// The same assembler as the interactive shell reads the lines, so a script behaves as if it were
/// typed, and an error is reported as `file:line:column` with the line quoted. A script that stops
/// says so on a last line of its own (`stopped at analysis.dq:4: …`), so output that ends early is
/// never mistaken for complete output, and the exit status is 1.
public struct ScriptRunner {
    private let session: ShellSession

    /// Creates a runner for `session`.
    public init(session: ShellSession) { self.session = session }

    /// Runs `text`, named `sourceName` in diagnostics. Returns the process exit status: 0 when every
    /// statement ran, 1 when one failed.
    public func run(text: String, sourceName: String) -> Int32 {
        let lines = Self.lines(of: text)
        let total = Self.chunks(of: lines).count
        var ran = 0
        return run(lines: lines.makeIterator(), sourceName: sourceName) { succeeded in
            if succeeded {
                ran += 1
                return nil
            }
            let after = total - ran - 1
            var account: [String] = []
            if ran > 0 { account.append("the \(Plural.count(ran, "statement")) before it ran") }
            if after > 0 { account.append("the \(Plural.count(after, "statement")) after it did not run") }
            return account.joined(separator: ", ")
        }
    }

    /// Runs lines as they come (a pipe), so results appear before the input ends.
    public func run(lines: some IteratorProtocol<String>, sourceName: String) -> Int32 {
        run(lines: lines, sourceName: sourceName) { succeeded in succeeded ? nil : "the input after it did not run" }
    }

    /// Runs the lines; `account` is told whether each chunk succeeded and, for the one that failed,
    /// says what ran and what did not.
    private func run(lines: some IteratorProtocol<String>, sourceName: String, account: (Bool) -> String?) -> Int32 {
        var lines = lines
        var seen: [String] = []
        var assembler = StatementAssembler(interactive: false)
        func run(_ chunk: InputChunk) -> Int32? {
            switch session.execute(chunk, source: seen.joined(separator: "\n"), sourceName: sourceName) {
            case .success:
                _ = account(true)
                return nil
            case .quit:
                return 0
            case .failure:
                var line = chunk.firstLine
                if let error = session.lastError, error.sourceName == sourceName, let place = error.range { line = place.start.line }
                let account = account(false) ?? ""
                session.messages("stopped at \(sourceName):\(line) by the error above" + (account.isEmpty ? "" : "; " + account) + "\n")
                return 1
            }
        }
        while let line = lines.next() {
            seen.append(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            for chunk in assembler.add(seen[seen.count - 1], number: seen.count) {
                if let status = run(chunk) { return status }
            }
        }
        for chunk in assembler.finish() {
            if let status = run(chunk) { return status }
        }
        return 0
    }

    /// The lines of a script, without a last empty line after its final line break.
    package static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The chunks (statements and commands) the lines make, without running them.
    package static func chunks(of lines: [String]) -> [InputChunk] {
        var assembler = StatementAssembler(interactive: false)
        var chunks: [InputChunk] = []
        for (position, line) in lines.enumerated() { chunks += assembler.add(line, number: position + 1) }
        return chunks + assembler.finish()
    }
}

extension InputChunk {
    /// The line the chunk starts on.
    var firstLine: Int {
        switch self {
        case .command(_, let line): line
        case .statements(_, let line): line
        }
    }
}
