/// Text drawings of a table's numbers, for `render bar`, `render line` and `render graph` in table mode.
enum Chart {
    /// The longest bar, in characters.
    static let barWidth = 40

    /// One bar per value, as long as the value relative to the largest; empty for missing or negative values.
    static func bars(_ values: [Cell]) -> [String] {
        let numbers = values.map(number)
        let largest = numbers.compactMap { $0 }.max() ?? 0
        return numbers.map { value in
            guard let value, value > 0, largest > 0 else { return "" }
            return String(repeating: "█", count: max(1, Int((value / largest * Double(barWidth)).rounded())))
        }
    }

    /// The values as one line of block characters, lowest to highest; a space for a missing value.
    static func sparkline(_ values: [Cell]) -> String {
        let levels = Array("▁▂▃▄▅▆▇█")
        let numbers = values.map(number)
        let present = numbers.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return "" }
        let line = numbers.map { value -> Character in
            guard let value else { return " " }
            if high == low { return levels[levels.count / 2] }
            return levels[Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())]
        }
        return String(line) + "\n"
    }

    /// One line per row: `from —label→ to (weight)`.
    static func graph(_ rows: [[Cell]], from: Int, to: Int, label: Int?, weight: Int?, fit: (String) -> String) -> String {
        var output = ""
        for row in rows {
            let arrow = label.map { " —\(fit(row[$0].text))→ " } ?? " → "
            output += fit(row[from].text) + arrow + fit(row[to].text) + (weight.map { " (\(row[$0].text))" } ?? "") + "\n"
        }
        return output + "(\(rows.count) edge\(rows.count == 1 ? "" : "s"))\n"
    }

    private static func number(_ cell: Cell) -> Double? {
        switch cell {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }
}
