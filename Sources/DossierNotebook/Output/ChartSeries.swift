import DossierCore
import DossierQuery
import DossierShell

/// The numbers a `render bar`, `render line` or timeline chart draws: one point per row, its label
/// (the other columns' values) and, when the rows are buckets of time, the days each covers.
struct ChartSeries: Equatable {
    /// One row of the chart.
    struct Point: Equatable {
        /// What the row is: its bucket (`2019-03`) or its other columns' values joined with " · ".
        var label: String
        /// The days the row covers, when the label column holds times.
        var time: TimeRange?
        /// The value drawn; `nil` when missing.
        var value: Double?
    }

    /// The bar or line.
    enum Mark: Equatable {
        case bar, line
    }

    var mark: Mark
    var points: [Point]
    /// The name of the label column(s): the axis title of the categories.
    var labelTitle: String
    /// The name of the value column: the axis title of the values.
    var valueTitle: String
    /// How many rows the result has; more than ``points`` when a limit cut the chart.
    var rowCount: Int

    /// Whether the points are buckets of time, to be placed on a time axis.
    var isTemporal: Bool { !points.isEmpty && points.allSatisfy { $0.time != nil } }

    /// The most points drawn when the categories are not times (bars sorted by size, say): as many
    /// rows as the display limit lets a table show. Time series are drawn whole, up to this many.
    static let longestTimeSeries = 5_000

    /// The series of a table whose column `value` holds the numbers; the other columns label the
    /// points. Rows past `rowLimit` (or ``longestTimeSeries`` for times) are left out.
    init(columns: [String], rows: [[Value]], value: Int, mark: Mark, rowLimit: Int?) {
        let labelColumns = columns.indices.filter { $0 != value }
        let temporal = labelColumns.count == 1 && !rows.isEmpty && rows.allSatisfy {
            $0[labelColumns[0]].days != nil
        }
        let limit = temporal ? Self.longestTimeSeries : (rowLimit ?? rows.count)
        self.mark = mark
        self.rowCount = rows.count
        self.labelTitle = labelColumns.map { columns[$0] }.joined(separator: " · ")
        self.valueTitle = columns[value]
        self.points = rows.prefix(limit).map { row in
            let time = temporal ? row[labelColumns[0]].days : nil
            let number = row[value].number.flatMap { $0.isFinite ? $0 : nil }
            return Point(label: labelColumns.map { row[$0].displayText }.joined(separator: " · "), time: time, value: number)
        }
    }

    /// A note under a chart that does not show every row.
    var omissionNote: String? {
        guard points.count < rowCount else { return nil }
        return "the first \(points.count) of \(rowCount) rows; .maxrows sets how many"
    }
}
