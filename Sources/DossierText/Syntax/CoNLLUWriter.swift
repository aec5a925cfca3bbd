/// Writes parses as CoNLL-U (https://universaldependencies.org/format.html), so UD tools and
/// scorers can read them: one line per word with ID, FORM, LEMMA, UPOS, XPOS, HEAD and DEPREL
/// filled, FEATS and DEPS left `_`, and MISC as given.
public enum CoNLLUWriter {
    /// The lines of one sentence, ending with the blank line that closes it.
    /// - Parameters:
    ///   - comments: `(key, value)` pairs written as `# key = value` before the words (`sent_id`, `text`).
    ///   - misc: each word's MISC column (`SpaceAfter=No`, `TokenRange=10:15`); `_` when empty.
    public static func sentence(_ parse: SentenceParse, comments: [(key: String, value: String)] = [], misc: [String]? = nil) -> String {
        var output = ""
        for (key, value) in comments { output += "# \(key) = \(oneLine(value))\n" }
        for index in 0..<parse.count {
            let form = field(parse.words.form(index))
            let lemma = field(parse.lemmas[index])
            let head = parse.heads[index] + 1
            let extra = misc.map { $0[index].isEmpty ? "_" : $0[index] } ?? "_"
            output += "\(index + 1)\t\(form)\t\(lemma)\t\(parse.tags[index].universalName)\t\(field(parse.treebankTags[index]))\t_\t\(head)\t\(parse.relations[index].name)\t_\t\(extra)\n"
        }
        return output + "\n"
    }

    /// A form or lemma made safe for a column: tabs and line breaks become spaces, empty becomes `_`.
    static func field(_ text: String) -> String {
        guard !text.isEmpty else { return "_" }
        guard text.contains(where: { $0 == "\t" || $0.isNewline }) else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    /// A comment's value on one line.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
