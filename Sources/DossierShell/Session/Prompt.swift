/// The shell's prompts, and input written after them as the shell shows it.
enum Prompt {
    /// Before a new statement or command.
    static let primary = "dossier> "
    /// Before a line that continues a statement.
    static let continuation = "   ...> "

    /// A chunk of input as it looks typed at the prompts: its first line after the primary prompt,
    /// the others after the continuation prompt.
    static func echo(_ chunk: InputChunk) -> String {
        switch chunk {
        case .command(let line, _):
            return primary + line + "\n"
        case .statements(let text, _):
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { position, line in
                ((position == 0 ? primary : continuation) + line).trimmingTrailingSpaces() + "\n"
            }.joined()
        }
    }
}
