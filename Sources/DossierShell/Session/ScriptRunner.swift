import DossierCore

/// Runs a script, a pipe or a `dossier query` text: chunk by chunk, stopping at the first error.
///
/// The same assembler as the interactive shell reads the lines, so a script behaves as if it were
/// typed, and an error is reported as `file:line:column` with the line quoted.
public struct ScriptRunner {
    private let session: ShellSession

    /// Creates a runner for `session`.
    public init(session: ShellSession) { self.session = session }

    /// Runs `text`, named `sourceName` in diagnostics. Returns the process exit status: 0 when every
    /// statement ran, 1 when one failed.
    public func run(text: String, sourceName: String) -> Int32 {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return run(lines: lines.makeIterator(), sourceName: sourceName)
    }

    /// Runs lines as they come (a pipe), so results appear before the input ends.
    public func run(lines: some IteratorProtocol<String>, sourceName: String) -> Int32 {
        var lines = lines
        var seen: [String] = []
        var assembler = StatementAssembler(interactive: false, needsContinuation: QueryEngine.needsContinuation)
        while let line = lines.next() {
            seen.append(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            for chunk in assembler.add(seen[seen.count - 1], number: seen.count) {
                if let status = run(chunk, seen: seen, sourceName: sourceName) { return status }
            }
        }
        for chunk in assembler.finish() {
            if let status = run(chunk, seen: seen, sourceName: sourceName) { return status }
        }
        return 0
    }

    private func run(_ chunk: InputChunk, seen: [String], sourceName: String) -> Int32? {
        switch session.execute(chunk, source: seen.joined(separator: "\n"), sourceName: sourceName) {
        case .success: nil
        case .failure: 1
        case .quit: 0
        }
    }
}
