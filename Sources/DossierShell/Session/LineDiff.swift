/// A unified diff of two texts, line by line, as `diff -u` prints it.
enum LineDiff {
    /// The diff from `old` to `new` with `context` unchanged lines around each change, under
    /// `--- oldName` and `+++ newName` headers; empty when the texts have the same lines.
    static func unified(from old: String, to new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let before = lines(of: old), after = lines(of: new)
        let difference = after.difference(from: before)
        guard !difference.isEmpty else { return "" }
        var removed: Set<Int> = [], inserted: Set<Int> = []
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // The edit script: each step keeps, removes or inserts one line, with its line numbers.
        var steps: [(mark: Character, text: String, old: Int, new: Int)] = []
        var (i, j) = (0, 0)
        while i < before.count || j < after.count {
            if i < before.count, removed.contains(i) {
                steps.append(("-", before[i], i, j)); i += 1
            } else if j < after.count, inserted.contains(j) {
                steps.append(("+", after[j], i, j)); j += 1
            } else {
                steps.append((" ", before[i], i, j)); i += 1; j += 1
            }
        }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var position = 0
        while let firstChange = steps[position...].firstIndex(where: { $0.mark != " " }) {
            let start = max(position, firstChange - context)
            var end = firstChange
            // A hunk goes on while the next change is within twice the context.
            while let next = steps[(end + 1)...].firstIndex(where: { $0.mark != " " }), next - end <= 2 * context { end = next }
            end = min(steps.count - 1, end + context)
            let hunk = steps[start...end]
            let oldCount = hunk.filter { $0.mark != "+" }.count, newCount = hunk.filter { $0.mark != "-" }.count
            let oldStart = oldCount == 0 ? hunk.first!.old : hunk.first!.old + 1
            let newStart = newCount == 0 ? hunk.first!.new : hunk.first!.new + 1
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for step in hunk { output += "\(step.mark)\(step.text)\n" }
            position = end + 1
        }
        return output
    }

    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
