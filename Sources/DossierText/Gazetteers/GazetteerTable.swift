/// One parsed TSV table: lines of tab-separated columns, without comments and blank lines.
struct GazetteerTable {
    /// The rows, each a list of columns.
    let rows: [[Substring]]

    /// Parses TSV text; lines starting with `#` are comments.
    init(_ text: String) {
        rows = text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.drop(while: { $0 == " " })
            guard !trimmed.isEmpty, trimmed.first != "#" else { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false)
        }
    }

    /// `canonical<TAB>alias|alias` rows as canonical names with their aliases (the canonical name not included).
    var namesWithAliases: [(canonical: String, aliases: [String])] {
        rows.map { columns in
            let aliases = columns.count > 1 ? columns[1].split(separator: "|").map(String.init) : []
            return (String(columns[0]), aliases)
        }
    }

    /// The first column of every row.
    var firstColumn: [String] { rows.map { String($0[0]) } }

    /// The first column of rows whose second column is `flag`.
    func firstColumn(flagged flag: String) -> [String] {
        rows.filter { $0.count > 1 && $0[1] == flag }.map { String($0[0]) }
    }
}
