import DossierQuery

/// Text drawings of a table's numbers, for `render bar`, `render line` and `render graph` in table mode.
enum Chart {
    /// The longest bar, in characters.
    static let barWidth = 40

    /// One bar per value, as long as the value relative to the largest (which gets `width`
    /// characters); empty for missing or negative values.
    static func bars(_ values: [Value], width: Int = barWidth) -> [String] {
        let numbers = values.map(\.number)
        let largest = numbers.compactMap { $0 }.max() ?? 0
        return numbers.map { value in
            guard let value, value > 0, largest > 0 else { return "" }
            return String(repeating: "█", count: max(1, Int((value / largest * Double(width)).rounded())))
        }
    }

    /// The values as one line of block characters, lowest to highest; a space for a missing value.
    /// With more values than `width`, each character stands for a run of neighbouring values and
    /// shows the largest of them.
    static func sparkline(_ values: [Value], width: Int? = nil) -> String {
        let levels = Array("▁▂▃▄▅▆▇█")
        var numbers = values.map(\.number)
        if let width, width > 0, numbers.count > width {
            numbers = (0..<width).map { slot in
                let run = numbers[(slot * numbers.count / width)..<((slot + 1) * numbers.count / width)]
                return run.compactMap { $0 }.max()
            }
        }
        let present = numbers.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return "" }
        let line = numbers.map { value -> Character in
            guard let value else { return " " }
            if high == low { return levels[levels.count / 2] }
            return levels[Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())]
        }
        return String(line) + "\n"
    }

    /// One line per row: `from —label→ to (weight)`; a `nil` row is the place of rows left out, `…`.
    static func graph(_ rows: [[Value]?], from: Int, to: Int, label: Int?, weight: Int?, fit: (String) -> String) -> String {
        var output = ""
        for row in rows {
            guard let row else {
                output += "…\n"
                continue
            }
            let arrow = label.map { " —\(fit(row[$0].displayText))→ " } ?? " → "
            let weightText = weight.map { " (\(row[$0].displayText))" } ?? ""
            output += fit(row[from].displayText) + arrow + fit(row[to].displayText) + weightText + "\n"
        }
        return output
    }
}
