import DossierCore
import DossierStore
import Testing
@testable import DossierQuery

/// Missing values, arithmetic and functions in `where`, `select` and `sort`.
@Suite struct ExpressionTests {
    @Test func nullIsTestedWithIsNullAndEquality() throws {
        #expect(try Fixture.column("id", of: "documents | where title is null") == ["doc-undated"])
        #expect(try Fixture.column("id", of: "documents | where date is not null and source is null") == ["doc-brics"])
        #expect(try Fixture.column("id", of: "documents | where title == null") == ["doc-undated"])
        #expect(try Fixture.column("id", of: "documents | where null != date") == ["doc-beijing", "doc-icc", "doc-brics"])
        #expect(try Fixture.column("missing", of: "documents | select date is null as missing") == ["false", "false", "false", "true"])
        // An empty string is a value, not a missing one.
        #expect(try Fixture.scalar(#"documents | where title == "" | count"#) == .int(0))
    }

    /// `where FIELD contains "x"` scans a text column's bytes in place; `(… contains "x") == true`
    /// takes the general path: both give the same rows, a missing title included under `not`.
    @Test(arguments: [
        ("documents", "title", "XI"), ("documents", "title", "summit"), ("documents", "source", "r"), ("documents", "id", "DOC-"),
        ("mentions", "text", "putin"), ("mentions", "text", "xi j"), ("mentions", "text", ""), ("times", "text", "wed"),
    ])
    func containsOnATextColumnAgreesWithTheGeneralPath(source: String, field: String, needle: String) throws {
        let key = source == "documents" ? "id" : "text"
        for (fast, general) in [
            ("\(field) contains \"\(needle)\"", "(\(field) contains \"\(needle)\") == true"),
            ("not \(field) contains \"\(needle)\"", "(not \(field) contains \"\(needle)\") == true"),
            ("\(field) contains \"\(needle)\" or \(field) contains \"o\"", "(\(field) contains \"\(needle)\" or \(field) contains \"o\") == true"),
        ] {
            let expected = try Fixture.column(key, of: "\(source) | where \(general)")
            #expect(try Fixture.column(key, of: "\(source) | where \(fast)") == expected, "\(fast)")
        }
        #expect(try Fixture.column("id", of: #"documents | where not title contains "xi""#) == ["doc-icc", "doc-brics"])
    }

    @Test func containsFoldsCaseOnBytesAndOnOtherText() {
        func scan(_ text: String, _ needle: String) -> Bool {
            var text = text
            return text.withUTF8 { TextSearch.contains(utf8: $0, lowercasedNeedle: Array(needle.utf8)) }
        }
        #expect(scan("Prime MINISTER", "minister"))
        #expect(!scan("Prime Minster", "minister"))
        #expect(scan("ÉLYSÉE Palace", "élysée"))
        #expect(scan("Erdoğan", "ğan"))
        #expect(scan("São Paulo ELECTION — results", "election"))
        #expect(!scan("São Paulo", "élection"))
        #expect(!scan("plain ascii", "élection"))
        // The two characters that lower-case into ASCII letters.
        #expect(scan("İstanbul", "i̇stanbul"))
        #expect(scan("İZMIR", "zmir"))
        #expect(scan("5 \u{212A}", "5 k"))
        for (text, needle) in [("Ünlü Haber", "haber"), ("naïve İdea", "dea"), ("x\u{212A}y", "xky"), ("Ça va", "ça")] {
            #expect(scan(text, needle) == TextSearch.contains(text, lowercasedNeedle: needle), "\(text) \(needle)")
        }
        #expect(!scan("ab", "abc"))
        #expect(scan("", ""))
    }

    /// One search of a column's whole heap finds what a search of each row finds: no match across
    /// two rows, both cases of the anchor letter, and rows that lower-case into ASCII searched whole.
    @Test func aSearchOfTheWholeColumnAgreesWithOneSearchPerRow() {
        let texts = ["Election day", "", "re-ELECTION", "elec", "tion ahead", "Électión", "İZMIR votes", "5 \u{212A}m", "naïve election",
                     "selections", "ccc", "the cat", "", "Cat"]
        let column = StringColumn(texts)
        for needle in ["election", "elect", "ion", "c", "cat", "zmir", "i̇zmir", "5 km", "électión", "ï", " ", "tionahead", "e"] {
            let expected = texts.map { TextSearch.contains($0, lowercasedNeedle: needle) }
            #expect(ColumnTextSearch.rows(of: column, containing: needle) == expected, "\(needle)")
        }
    }

    @Test func nullHasNoTypeOfItsOwn() throws {
        let ordered = try #require(Fixture.diagnostic("documents | where date < null"))
        #expect(ordered.code == .untypedNull)
        #expect(ordered.help?.message == "test for it with 'is null' or 'is not null'")
        #expect(Fixture.diagnostic("documents | select null as x")?.code == .untypedNull)
        #expect(Fixture.diagnostic("documents | where title is nul")?.code == .unexpectedToken)
        #expect(Fixture.diagnostic("documents | where null == null")?.code == .untypedNull)
    }

    @Test func arithmeticFollowsPrecedenceAndParentheses() throws {
        let table = try Fixture.table("documents | take 1 | select words + 1 * 2 as a, (words + 1) * 2 as b, words - 5 - 5 as c, -words as d, words / 2 as e")
        #expect(table.rows[0] == [.int(17), .int(32), .int(5), .int(-15), .float(7.5)])
        #expect(table.columns.map(\.type) == [.int, .int, .int, .int, .float])
        #expect(try Fixture.column("id", of: "documents | where words * 2 > 29") == ["doc-beijing", "doc-brics"])
        #expect(try Fixture.column("id", of: "documents | sort 0 - words, id | take 2") == ["doc-beijing", "doc-brics"])
        #expect(try Fixture.column("x", of: "documents | take 1 | select 10-5 as x") == ["5"])
        #expect(try Fixture.column("x", of: "documents | take 1 | select 2.5 * 2 as x") == ["5.0"])
    }

    @Test func arithmeticHasNoAnswerForMissingValuesAndDivisionByZero() throws {
        #expect(try Fixture.table("documents | take 1 | select words / 0 as x").rows[0] == [.null])
        #expect(try Fixture.table("documents | take 1 | select 9223372036854775807 + words as x").rows[0] == [.null])
        #expect(try Fixture.column("later", of: "documents | select date + 10 as later") == ["2023-10-28", "2023-03-27", "2023-09-01", ""])
    }

    @Test func datesMoveByDaysAndSubtract() throws {
        #expect(try Fixture.column("days", of: "documents | where date is not null | select date - 2023-01-01 as days") == ["290", "75", "233"])
        #expect(try Fixture.column("id", of: "documents | where date - 30 > 2023-09-01") == ["doc-beijing"])
        #expect(try Fixture.column("span", of: "entities | where name == \"Vladimir Putin\" | select last - first as span") == ["215"])
    }

    @Test func plusJoinsText() throws {
        #expect(Fixture.diagnostic(#"entities | select name + kind"#)?.code == .typeMismatch)
        #expect(try Fixture.column("label", of: #"documents | take 1 | select id + "/" + title as label"#) == ["doc-beijing/Putin meets Xi in Beijing"])
    }

    @Test func arithmeticChecksItsTypes() throws {
        let text = try #require(Fixture.diagnostic(#"documents | select words + "x""#))
        #expect(text.code == .typeMismatch)
        #expect(text.range?.start.column == 28)
        #expect(Fixture.diagnostic("documents | select date * 2")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("documents | select -title")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("documents | where words >")?.code == .expectedValue)
        #expect(Fixture.diagnostic("documents | select words +")?.code == .expectedValue)
    }

    @Test func minusAfterAYearIsATimeLiteral() {
        let tokens = Lexer.tokens(in: "2023-07 10-5 2023 - 1")
        #expect(tokens.map(\.kind) == [.time, .integer(10), .minus, .integer(5), .integer(2023), .minus, .integer(1), .end])
    }

    @Test func textFunctions() throws {
        // A line that ends with ',' goes on, so a long select list spans lines.
        let row = try Fixture.table(#"""
            documents | take 1 | select lower(title) as a, upper(id) as b, len(title) as c, substr(title, 7, 5) as d,
              substr(title, -7) as e, left(title, 5) as f, right(title, 7) as g, replace(title, "Xi", "Jinping") as h,
              concat(id, ":", words) as i, position(title, "MEETS") as j, starts_with(title, "putin") as k,
              ends_with(title, "x") as l, trim("  x  ") as m
            """#).rows[0].map(\.displayText)
        #expect(row == ["putin meets xi in beijing", "DOC-BEIJING", "25", "meets", "Beijing", "Putin", "Beijing",
                        "Putin meets Jinping in Beijing", "doc-beijing:15", "7", "true", "false", "x"])
    }

    @Test func functionsOfMissingValuesAndNumbers() throws {
        let undated = try Fixture.table("documents | where id == \"doc-undated\" | select year(date) as y, coalesce(title, id) as t, concat(title, \"!\") as c, upper(title) as u")
        #expect(undated.rows[0] == [.null, .string("doc-undated"), .string("!"), .null])
        let numbers = try Fixture.table("documents | take 1 | select abs(-words) as a, round(words / 4) as b, round(words / 7, 2) as c, quarter(date) as q, day(date) as d")
        #expect(numbers.rows[0] == [.int(15), .float(4), .float(2.14), .int(4), .int(18)])
    }

    @Test func functionsCheckTheirArguments() throws {
        let arity = try #require(Fixture.diagnostic("documents | select substr(title)"))
        #expect(arity.code == .wrongArgumentCount)
        #expect(arity.help?.message == "write substr(text, start[, length])")
        #expect(Fixture.diagnostic("documents | select left(title, \"x\")")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("documents | select coalesce(title, words)")?.code == .typeMismatch)
        #expect(Fixture.diagnostic("documents | select lowr(title)")?.help?.message == "did you mean 'lower'?")
    }
}
