import DossierQuery

/// Makes query texts to throw at the query front end: statements built from the language's
/// grammar (every source, stage, operator, function and literal form, well-typed or not), the
/// examples of the language reference mutated (cut, doubled, spliced, characters inserted or
/// repeated until they nest thousands deep), and plain noise.
///
/// It is deterministic: the same seed gives the same texts, so a failure found by a long run is
/// replayed from its seed and number.
package struct QueryGenerator {
    private var random: SplitMix
    /// Entity names of the corpus, so some entity literals resolve.
    private let entityNames: [String]

    /// A generator whose texts follow from `seed`.
    package init(seed: UInt64, entityNames: [String]) {
        random = SplitMix(seed: seed)
        self.entityNames = entityNames.isEmpty ? ["putin"] : entityNames
    }

    /// The examples of the language reference and the README: the seeds that mutations start from.
    package static let examples = [
        "documents | count",
        "documents | during 2019-03 | count",
        "entities | where kind == person | top 3 by mentions",
        "documents | mentioning @putin | select title, date | sort date",
        "@putin | mentions | count by document | take 3",
        "mentions | where text == \"ICC\" | documents | select id, title",
        "documents | search \"\\\"state of emergency\\\"\" | select title, date",
        "let march = documents | during 2019-03\nmarch | mentioning @\"European Union\" | count",
        "entities | where kind == location and documents >= 10 | select name, documents",
        "@putin | relations | where predicate == visit | select object, time, modality",
        "relations | where predicate == attend and negated | select subject, object, evidence",
        "relations | where predicate in [visit, meet] | during 2019 | timeline by quarter",
        "relations | graph | take 10",
        "times | where type == date | during 2019 | timeline by month | render bar",
        "@putin | cooccur with person in sentence | top 5 by count",
        "documents | where titel contains \"Putin\"",
        "documents | mentioning @icc, @brics | select title, date",
        "times | where type == date | timeline by month | render bar",
        "mentions | where entity == @\"Belt and Road Forum\" | kwic width 6",
        "sentences | mentioning @putin, @icc | kwic \"warrant\" width 4",
        "relations | where subject == @putin | graph | render graph",
        "documents | where text matches \"(?i)summit|forum\" | count",
        "entities | where name matches \"^X\\\\w+\\\\b\" and len(name) > 3 | select name, upper(name) as shouted",
        "documents | where year(date) == 2023 and month(date) >= 7 | select id, lower(title)",
        "mentions | where date during 2023-03..2023-10 and entity in [@putin, @\"Xi Jinping\"]",
        "documents | cooccur in document min 2 | sort pmi desc | take 5",
        "sentences | where date overlaps 2023-Q3 | count by document",
        "relations | where time before 2023-W30 or time after 2023-10-01 | distinct predicate",
        "entities | where not (kind == person or kind == location) | select name, kind, aliases",
        "documents | search \"arrest* OR sanction NOT Russia\" | documents | entities | count",
        "param who: entity = @putin",
        "param who: entity = @putin\nparam since: time = 2023\n$who | relations | during $since | timeline by quarter",
        "entities | where mentions / documents > 2 and first is not null | select name, (mentions + 99) / 100 as hundreds | sort -hundreds",
        "documents | select coalesce(title, id), substr(text, 1, 20), round(words / 3.0, 1), date + 7, upper(trim(title)) | take 3",
        "documents | where title == \"a\\tb\\u{1F600}\"; documents | take 1; entities | count",
        "documents\n  | where date >= 2023-07\n  | count",
    ]

    // MARK: Texts

    /// The next text: a generated statement, a mutated example, a mix of both, or noise.
    package mutating func next() -> String {
        switch int(100) {
        case 0..<35: return statement()
        case 35..<75: return mutate(Self.examples[int(Self.examples.count)])
        case 75..<92: return mutate(statement())
        case 92..<97: return (0..<(1 + int(4))).map { _ in statement() }.joined(separator: pick(["\n", "; ", "\n\n", "\n  "]))
        default: return noise()
        }
    }

    /// A statement from the grammar: a pipeline, or a `let` binding of one. Most are well typed
    /// (fields of the rows the pipeline carries, values of the field's type), so the evaluator
    /// gets its share; the rest, and the mutations, are for the parser and the checker.
    package mutating func statement() -> String {
        var rows: [Field]
        var text: String
        switch int(10) {
        case 0..<6:
            let kind = pick(RowKind.allCases)
            (text, rows) = (kind == .documents && chance(20) ? "docs" : kind.rawValue, kind.fields)
        case 6..<9: (text, rows) = (entity(), RowKind.entities.fields)
        default: (text, rows) = (pick(["x", "trips", "b1", "documnets", "nothing"]), [])
        }
        for _ in 0..<int(5) {
            guard let (next, carried) = stage(on: rows) else { break }
            text += " | " + next
            guard let carried else { break }  // a count: nothing may follow
            rows = carried
        }
        if chance(15) { return "let \(chance(90) ? pick(["x", "trips", "b1", "_a"]) : pick(["documents", "in", "let"])) = " + text }
        if chance(1) { return "param who: entity = @putin" }
        return text
    }

    /// A stage on rows with `fields`, and the fields of what it gives (`nil`: a single value).
    private mutating func stage(on fields: [Field]) -> (String, [Field]?)? {
        let table = { (names: [String]) in names.map { Field(name: $0, type: .string) } }
        switch int(40) {
        case 0, 1, 2, 3, 26, 27, 28, 29: return ("where " + expression(on: fields, depth: 0), fields)
        case 4: return (pick(["during", "overlapping", "before", "after"]) + " " + time(), fields)
        case 5: return ("mentioning " + (0...int(2)).map { _ in entity() }.joined(separator: ", "), fields)
        case 6: return ("search " + quoted(searchWords()), fields)
        case 7, 32: return ("sort " + sortKeys(on: fields), fields)
        case 8, 33, 34: return ("take " + count(), fields)
        case 9: return ("top " + count() + " by " + sortKeys(on: fields), fields)
        case 10, 35, 36:
            let items = selectItems(on: fields)
            return ("select " + items.text, items.fields)
        case 11: return ("count", nil)
        case 12, 37:
            let items = selectItems(on: fields)
            return ("count by " + items.text, items.fields + [Field(name: "count", type: .int)])
        case 13:
            let items = selectItems(on: fields)
            return ("distinct " + items.text, items.fields)
        case 14, 15, 30, 31:
            let kind = pick(RowKind.allCases)
            return (kind.rawValue, kind.fields)
        case 16:
            var text = "cooccur"
            if chance(50) { text += " with " + pick(["person", "location", "organization", "event", "group", "other", "planet"]) }
            if chance(50) { text += " in " + pick(["sentence", "document", "paragraph"]) }
            if chance(30) { text += " min " + count() }
            return (text, [Field(name: "a", type: .entity), Field(name: "b", type: .entity), Field(name: "count", type: .int),
                           Field(name: "pmi", type: .float)])
        case 17:
            return ("timeline" + (chance(60) ? " by " + pick(["day", "week", "month", "quarter", "year", "decade"]) : ""),
                    [Field(name: "bucket", type: .timeRange), Field(name: "count", type: .int)])
        case 18: return ("kwic" + (chance(50) ? " width " + count() : ""), table(["document", "left", "match", "right"]))
        case 19:
            let word = quoted(pick(["warrant", "Putin", "the", "", " ", "summit meeting", "é"]))
            return ("kwic " + word + (chance(50) ? " width " + count() : ""), table(["document", "left", "match", "right"]))
        case 20: return ("graph", [Field(name: "subject", type: .entity), Field(name: "predicate", type: .predicate),
                                   Field(name: "object", type: .entity), Field(name: "weight", type: .int)])
        case 21: return ("render " + pick(["table", "bar", "line", "graph", "pie", ""]), nil)
        case 22: return (pick(["where", "take", "top 3", "sort", "select", "kwic width", "cooccur with", "render"]), fields)  // unfinished
        case 23: return (pick(["wher x", "count by", "| count", "take -1", "take 99999999999999999999"]), fields)
        default: return ("where " + comparison(on: fields), fields)
        }
    }

    // MARK: Expressions

    private mutating func expression(on fields: [Field], depth: Int) -> String {
        if depth > 4 { return comparison(on: fields) }
        switch int(12) {
        case 0, 1, 2, 3: return comparison(on: fields)
        case 4: return expression(on: fields, depth: depth + 1) + " and " + expression(on: fields, depth: depth + 1)
        case 5: return expression(on: fields, depth: depth + 1) + " or " + expression(on: fields, depth: depth + 1)
        case 6: return "not " + expression(on: fields, depth: depth + 1)
        case 7: return "(" + expression(on: fields, depth: depth + 1) + ")"
        case 8: return field(of: fields).name
        case 9: return function() + "(" + field(of: fields).name + ")" + " " + pick(["==", ">", "<="]) + " " + value()
        case 10: return field(of: fields).name + " " + pick(["during", "overlaps", "before", "after"]) + " " + time()
        case 11 where chance(50): return arithmetic(on: fields) + " " + pick(["==", ">", "<", "is null", "is not null"]) + " " + value()
        default: return value()
        }
    }

    /// `+ - * /` and a leading `-` on fields and numbers.
    private mutating func arithmetic(on fields: [Field]) -> String {
        let operand = { (generator: inout QueryGenerator) -> String in
            generator.chance(50) ? generator.field(of: fields).name : generator.pick(["1", "2.5", "0", "100", "2019-01-01", "\"x\""])
        }
        var text = (chance(15) ? "-" : "") + operand(&self)
        for _ in 0..<int(4) { text += " " + pick(["+", "-", "*", "/"]) + " " + operand(&self) }
        return chance(20) ? "(" + text + ")" : text
    }

    /// A comparison of a field with a value, mostly of the field's type.
    private mutating func comparison(on fields: [Field]) -> String {
        let field = field(of: fields)
        let operation: String
        let right: String
        switch field.type {
        case .string, .document:
            operation = pick(["==", "!=", "contains", "contains", "matches", "matches", "in", "<"])
            switch operation {
            case "matches": right = quoted(regex())
            case "in": right = "[" + (0..<int(4)).map { _ in quoted(pick(["Putin", "ICC", "a"])) }.joined(separator: ", ") + "]"
            default: right = quoted(pick(["putin", "", "ICC", "é", "\\\"", "a b", "Xi Jinping", "the"]))
            }
        case .int, .float:
            operation = pick(["==", "!=", "<", "<=", ">", ">=", "in"])
            right = operation == "in" ? "[1, 2, 3.5]" : pick(["0", "1", "2", "10", "3.5", "2023"])
        case .date, .timeRange:
            operation = pick(["==", "<", ">=", "during", "overlaps", "before", "after"])
            right = time()
        case .entity:
            operation = pick(["==", "!=", "in", "contains", "matches"])
            right = operation == "in" ? "[" + entity() + ", " + entity() + "]" : operation == "matches" ? quoted(regex())
                : operation == "contains" ? quoted("put") : chance(70) ? entity() : quoted(pick(entityNames))
        case .kind, .predicate, .modality, .timexType:
            let cases = field.type.enumerationCases ?? ["x"]
            operation = pick(["==", "!=", "in"])
            right = operation == "in" ? "[" + pick(cases) + ", " + pick(cases) + "]" : pick(cases + ["planet"])
        default:
            operation = pick(["==", "!=", "<", "<=", ">", ">=", "in", "contains", "matches", "=", "during"])
            right = value()
        }
        return field.name + " " + operation + " " + right
    }

    /// One of `fields`, or now and then a name that is not one.
    private mutating func field(of fields: [Field]) -> Field {
        if fields.isEmpty || chance(4) {
            return Field(name: pick(["titel", "nme", "x", "count", "pmi", "a", "b", "bucket", "weight", "left", "match", "date"]), type: .string)
        }
        return pick(fields)
    }

    private mutating func function() -> String {
        pick(["year", "quarter", "month", "day", "lower", "upper", "trim", "len", "abs", "round", "yeer", "coalesce", "concat"])
    }

    private mutating func value() -> String {
        switch int(12) {
        case 0: return quoted(pick(["Putin", "ICC", "", "Xi Jinping", "x\\ny", "\\u{0}", "naïve"]))
        case 1: return String(int(3000))
        case 2: return pick(["3.5", "0.0", "1e5", "99999999999999999999"])
        case 3: return pick(["true", "false", "null", "$who", "$since", "$nothing"])
        case 4, 5: return time()
        case 6, 7: return entity()
        case 8: return pick(["person", "location", "visit", "meet", "planned", "date", "duration", "negated", "planet"])
        case 9: return "[" + (0..<int(3)).map { _ in value() }.joined(separator: ", ") + "]"
        case 10: return pick(["title", "name", "date", "kind", "text", "count"])
        default: return function() + "(" + pick(["title", "name", "date", "text"]) + ")"
        }
    }

    private mutating func time() -> String {
        pick(["2019", "2023", "2019-03", "2023-07-25", "2023-Q3", "2023-W30", "2023-03..2023-10", "2019-01-01..2019-12",
              "2023-13", "2023-02-30", "2023-Q5", "2023-W60", "2023-10..2023-03", "19", "2023-7", "0000"])
    }

    private mutating func entity() -> String {
        if chance(5) { return pick(["@nobody", "@", "@\"\"", "@xi", "@\"Xi", "@o'brien", "@putin-ally"]) }
        let name = pick(entityNames)
        return name.contains(" ") || name.contains("\"") ? "@" + quoted(name) : "@" + name
    }

    private mutating func sortKeys(on fields: [Field]) -> String {
        (0...int(2)).map { _ in (chance(80) ? field(of: fields).name : expression(on: fields, depth: 3)) + pick(["", " asc", " desc"]) }
            .joined(separator: ", ")
    }

    /// Select items and the columns they make (named as the checker names them, near enough).
    private mutating func selectItems(on fields: [Field]) -> (text: String, fields: [Field]) {
        var items: [String] = []
        var columns: [Field] = []
        for _ in 0...int(3) {
            let chosen = chance(75) ? field(of: fields) : Field(name: value(), type: .string)
            let alias = chance(20) ? pick(["n", "name", "x", "count"]) : nil
            items.append(chosen.name + (alias.map { " as " + $0 } ?? ""))
            columns.append(Field(name: alias ?? chosen.name, type: chosen.type))
        }
        return (items.joined(separator: ", "), columns)
    }

    private mutating func count() -> String { pick(["0", "1", "3", "5", "10", "50", "51", "1000", "1000000", "2"]) }

    private mutating func regex() -> String {
        let atoms = ["a", ".", "\\\\w", "\\\\d", "\\\\s", "[a-z]", "[^ ]", "(x|y)", "(?i)put", "\\\\b", "^", "$", "é", "\\\\p{Lu}",
                     "(", ")", "[", "\\\\1", "(?=a)", "{2}", "*", "+?", "\\\\", "(?<n>a)"]
        let quantifiers = ["", "", "*", "+", "?", "{1,3}", "{1000}", "{2000}"]
        return (0..<(1 + int(6))).map { _ in pick(atoms) + pick(quantifiers) }.joined()
    }

    private mutating func searchWords() -> String {
        let words = ["warrant", "Putin", "Xi's", "U.S.", "no-limits", "OR", "AND", "NOT", "sanction*", "*", "(", ")", "\\\"state of",
                     "\\\"emergency\\\"", "NEAR(putin xi, 5)", "NEAR(", ",", "é", ""]
        return (0..<(1 + int(4))).map { _ in pick(words) }.joined(separator: " ")
    }

    // MARK: Mutations

    /// `text` changed in one to three places.
    package mutating func mutate(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0...int(3) {
            let position = scalars.isEmpty ? 0 : int(scalars.count + 1)
            switch int(10) {
            case 0 where !scalars.isEmpty:
                let end = min(scalars.count, position + 1 + int(8))
                if position < end { scalars.removeSubrange(position..<end) }
            case 1 where !scalars.isEmpty:
                let start = int(scalars.count)
                let piece = scalars[start..<min(scalars.count, start + 1 + int(12))]
                scalars.insert(contentsOf: piece, at: position)
            case 2:
                scalars.insert(contentsOf: pick(Self.insertions).unicodeScalars, at: position)
            case 3 where !scalars.isEmpty:
                scalars[min(position, scalars.count - 1)] = pick(Self.characters)
            case 4:
                // Something repeated until it nests or chains very deep.
                let piece = pick(["(", "[", "not ", "len(", "true and ", "a or ", "| take 1\n", "\"", "\\", "@", "x, ", "-", "1 + ", "x * "])
                scalars.insert(contentsOf: String(repeating: piece, count: pick([10, 200, 2_000, 20_000])).unicodeScalars, at: position)
            case 5:
                scalars = Array(scalars.prefix(position))
            case 6:
                scalars.insert(contentsOf: ("\n" + statement()).unicodeScalars, at: position)
            case 7:
                scalars.insert(contentsOf: pick(Self.examples).unicodeScalars, at: position)
            default:
                scalars.insert(pick(Self.characters), at: position)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static let insertions = [
        "|", "||", "(", ")", "[", "]", ",", ";", "=", "==", "!", "\"", "@", "#", "\n", "\n|", ".", "..", "-", "*",
        " and ", " or ", " not ", " in ", " as ", " by ", " width ", " with ", " min ", "let ", "param ",
        "where ", "during ", "select ", "count", "kwic", "cooccur", "render", "search", "documents",
        "2023-", "2023-07-", "..2023", "@\"", "\\u{", "\\u{110000}", "\\q", "99999999999999999999999", ".open x", ".ingest y", ".mode csv",
        " + ", " - ", " * ", " / ", " is null", " is not null", "$who", "null", ".output out.txt", ".once x.csv", ".read x.dq", ".param set who @putin",
    ]

    private static let characters: [Unicode.Scalar] = [
        "\u{0}", "\t", "\r", "\n", " ", "\u{7F}", "\u{85}", "\u{A0}", "\u{200B}", "\u{2028}", "\u{FEFF}", "\u{FFFD}", "é", "ß", "İ",
        "\u{301}", "\u{1F600}", "\u{10FFFF}", "〔", "|", "(", "\"", "\\", "@", "#", "'", "`", "$", "%", "^", "&", "*", "{", "}", "<", ">",
    ]

    /// Characters at random, weighted towards the language's punctuation.
    private mutating func noise() -> String {
        var scalars: [Unicode.Scalar] = []
        for _ in 0..<int(80) {
            if chance(30) { scalars.append(contentsOf: pick(Self.insertions).unicodeScalars) } else { scalars.append(pick(Self.characters)) }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    // MARK: Randomness

    private mutating func int(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    private mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    private mutating func pick<T>(_ choices: [T]) -> T { choices[int(choices.count)] }

    private func quoted(_ text: String) -> String { "\"" + text + "\"" }
}

/// SplitMix64: small, fast, and the same sequence for the same seed on every platform.
package struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    /// A generator starting from `seed`.
    package init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
