/// One parsed TSV table: lines of tab-separated columns, without comments and blank lines.
struct GazetteerTable {
    /// The rows, each a list of columns.
    let rows: [[Substring]]

    /// Parses TSV text; lines starting with `#` are comments.
    ///
    /// Lines and columns are split on their bytes: the tables hold tens of thousands of names, and
    /// splitting by `Character` made reading them the larger part of loading the gazetteer.
    init(_ text: String) {
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t"), space = UInt8(ascii: " ")
        rows = text.utf8.split(separator: newline).compactMap { bytes in
            var line = bytes
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard let first = line.first(where: { $0 != space }), first != UInt8(ascii: "#") else { return nil }
            return line.split(separator: tab, omittingEmptySubsequences: false).map { Substring($0) }
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
