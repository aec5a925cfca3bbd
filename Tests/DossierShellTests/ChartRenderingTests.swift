import DossierQuery
import Testing
@testable import DossierShell

/// `render bar`, `render line` and `render graph` in table mode; other modes keep the data as it is.
@Suite("Chart rendering")
struct ChartRenderingTests {
    static let counts: [[Value]] = [[.string("2023-01"), .int(4)], [.string("2023-02"), .int(0)], [.string("2023-03"), .int(2)]]

    @Test func barsAreAColumnScaledToTheLargestValue() {
        let bars = TableRenderer().render(.table(columns: ["bucket", "count"], rows: Self.counts, presentation: .bar(value: 1)))
        let lines = bars.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2] == "2023-01      4  " + String(repeating: "█", count: Chart.barWidth))
        #expect(lines[3] == "2023-02      0")
        #expect(lines[4] == "2023-03      2  " + String(repeating: "█", count: Chart.barWidth / 2))
    }

    @Test func aLineIsASparklineUnderTheTable() {
        let line = TableRenderer().render(.table(columns: ["bucket", "count"], rows: Self.counts, presentation: .line(value: 1)))
        #expect(line.hasSuffix("(3 rows)\n█▁▅\n"))
    }

    @Test func aGraphIsOneLinePerEdge() {
        let edges: [[Value]] = [[.string("Xi Jinping"), .string("invite"), .string("Vladimir Putin"), .int(2)]]
        #expect(TableRenderer().render(.table(columns: ["subject", "predicate", "object", "weight"], rows: edges,
                                              presentation: .graph(from: 0, to: 2, label: 1, weight: 3)))
            == "Xi Jinping —invite→ Vladimir Putin (2)\n(1 edge)\n")
    }

    @Test func dataFormatsIgnoreThePresentation() {
        let bars = ResultSet.table(columns: ["bucket", "count"], rows: Self.counts, presentation: .bar(value: 1))
        #expect(CSVRenderer().render(bars) == "bucket,count\n2023-01,4\n2023-02,0\n2023-03,2\n")
    }
}
