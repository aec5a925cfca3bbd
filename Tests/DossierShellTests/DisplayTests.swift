import Testing
@testable import DossierShell

/// What table and line modes show of a result: rows (`.maxrows`), width (`.width`, the terminal's),
/// headers (`.headers`), and charts sized to the width.
@Suite("Display limits")
struct DisplayTests {
    static let numbers = ResultSet.table(columns: ["n"], rows: (1...10).map { [.int($0)] })

    @Test func aLongResultShowsItsFirstAndLastRows() {
        #expect(TableRenderer(maximumRows: 4).render(Self.numbers) == """
             n
            ──
             1
             2
             …
             9
            10
            (10 rows; 4 shown, .maxrows sets how many)

            """)
        #expect(TableRenderer(maximumRows: 10).render(Self.numbers).hasSuffix("(10 rows)\n"))
    }

    @Test func textColumnsShrinkToFitAndNumbersKeepTheirWidth() {
        let result = ResultSet.table(columns: ["name", "evidence", "count"], rows: [
            [.string("Vladimir Putin"), .string("Putin is scheduled to attend the Belt and Road Forum in China in October"), .int(12)],
        ])
        let lines = TableRenderer(totalWidth: 40).render(result).split(separator: "\n").map(String.init)
        #expect(lines[0] == "name            evidence           count")
        #expect(lines[2] == "Vladimir Putin  Putin is schedul…     12")
        #expect(TextWidth.of(lines[2]) == 40)
        #expect(lines.dropLast().allSatisfy { TextWidth.of($0) <= 40 })
    }

    @Test func columnsThatCannotFitAreLeftOutAndNamed() {
        let columns = ["id", "title", "date", "source", "url", "words", "text"]
        let result = ResultSet.table(columns: columns, rows: [columns.map { .string(String(repeating: $0, count: 6)) }])
        let output = TableRenderer(totalWidth: 30).render(result)
        #expect(output.split(separator: "\n").dropLast().allSatisfy { TextWidth.of($0) <= 30 })
        #expect(output.hasSuffix("(1 row; 4 columns not shown: source, url, words, text (.mode line shows every column))\n"))
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(TextWidth.of("北京") == 4)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.truncate("北京市长", to: 5) == "北京…")
        let result = ResultSet.table(columns: ["city", "n"], rows: [[.string("北京"), .int(1)], [.string("Rome"), .int(2)]])
        #expect(TableRenderer().render(result).split(separator: "\n")[2] == "北京  1")
    }

    @Test func headersCanBeLeftOut() {
        #expect(TableRenderer(showsHeaders: false).render(.table(columns: ["a", "b"], rows: [[.string("x"), .int(1)]])) == "x  1\n")
        #expect(CSVRenderer(showsHeaders: false).render(.table(columns: ["a", "b"], rows: [[.string("x"), .int(1)]])) == "x,1\n")
        #expect(CSVRenderer(showsHeaders: false).render(.scalar(name: "count", value: .int(3))) == "3\n")
    }

    @Test func lineModeShowsEveryValueWhole() {
        let result = ResultSet.table(columns: ["subject", "evidence"], rows: [
            [.string("Xi Jinping"), .string("Xi Jinping invited Putin to the forum in Beijing")], [.string("Putin"), .null],
        ])
        #expect(LineRenderer().render(result) == """
             subject = Xi Jinping
            evidence = Xi Jinping invited Putin to the forum in Beijing

             subject = Putin
            evidence =

            """)
        #expect(LineRenderer(totalWidth: 30).render(result).hasPrefix("""
             subject = Xi Jinping
            evidence = Xi Jinping invited
                       Putin to the forum
                       in Beijing
            """))
        #expect(LineRenderer(maximumRows: 1).render(result).hasSuffix("(2 rows; 1 shown, .maxrows sets how many)\n"))
        #expect(LineRenderer().render(.scalar(name: "count", value: .int(3))) == "count = 3\n")
    }

    @Test func chartsFitTheWidth() {
        let many = ResultSet.table(columns: ["bucket", "count"], rows: (0..<300).map { [.string("b\($0)"), .int($0 % 10)] },
                                   presentation: .line(value: 1))
        let sparkline = TableRenderer(totalWidth: 50).render(many).split(separator: "\n").last!
        #expect(sparkline.count == 50)
        let bars = ResultSet.table(columns: ["bucket", "count"], rows: [[.string("a"), .int(10)], [.string("b"), .int(5)]],
                                   presentation: .bar(value: 1))
        let lines = TableRenderer(totalWidth: 30).render(bars).split(separator: "\n")
        #expect(lines[2] == "a          10  " + String(repeating: "█", count: 15))
        #expect(lines.allSatisfy { TextWidth.of($0) <= 30 })
    }

    @Test func automaticLimitsApplyOnlyToATerminal() {
        var settings = DisplaySettings()
        #expect(settings.rowLimit(terminalWidth: 80) == 40 && settings.widthLimit(terminalWidth: 80) == 80)
        #expect(settings.rowLimit(terminalWidth: nil) == nil && settings.widthLimit(terminalWidth: nil) == nil)
        settings.maximumRows = .exactly(5)
        settings.width = .unlimited
        #expect(settings.rowLimit(terminalWidth: nil) == 5 && settings.widthLimit(terminalWidth: 80) == nil)
    }
}

@Suite("LineDiff")
struct LineDiffTests {
    @Test func aUnifiedDiffShowsChangesWithContext() {
        let old = (1...10).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "5\n", with: "five\n").replacingOccurrences(of: "10\n", with: "10\n11\n")
        #expect(LineDiff.unified(from: old, to: new, oldName: "a", newName: "b", context: 1) == """
            --- a
            +++ b
            @@ -4,3 +4,3 @@
             4
            -5
            +five
             6
            @@ -10,1 +10,2 @@
             10
            +11

            """)
        #expect(LineDiff.unified(from: old, to: old, oldName: "a", newName: "b").isEmpty)
    }
}
