import DossierCore

/// A chart as a Vega-Lite v5 specification (`application/vnd.vegalite.v5+json`), which JupyterLab,
/// Notebook 7 and VS Code draw natively, with the data inline.
///
/// Buckets of time sit on a time axis, each bar spanning its bucket's days (so a collapsed stretch
/// of empty months is as wide as it is long); other categories are horizontal bars in row order,
/// or points of a line. Data fields have plain names (`label`, `value`, `start`, `end`) so column
/// names with dots or brackets never read as nested fields; the axes carry the column names.
enum VegaLiteChart {
    /// The MIME type notebooks know a Vega-Lite 5 specification by.
    static let mimeType = "application/vnd.vegalite.v5+json"

    /// The specification's schema URL.
    static let schema = "https://vega.github.io/schema/vega-lite/v5.json"

    /// The specification for `series`.
    static func specification(_ series: ChartSeries) -> JSONValue {
        let temporal = series.isTemporal
        let values: [JSONValue] = series.points.map { point in
            var members: [(key: String, value: JSONValue)] = [("label", .string(point.label))]
            if temporal, let time = point.time {
                members.append(("start", .string(time.start.iso)))
                members.append(("end", .string(time.end.iso)))
            }
            members.append(("value", point.value.map(number) ?? .null))
            return .object(members)
        }
        let tooltip: JSONValue = .array([
            .object([("field", .string("label")), ("type", .string(temporal ? "ordinal" : "nominal")), ("title", .string(series.labelTitle))]),
            .object([("field", .string("value")), ("type", .string("quantitative")), ("title", .string(series.valueTitle))]),
        ])
        let valueAxis: JSONValue = .object([("field", .string("value")), ("type", .string("quantitative")), ("title", .string(series.valueTitle))])
        var encoding: [(key: String, value: JSONValue)]
        var mark: JSONValue
        var size: [(key: String, value: JSONValue)] = [("width", .integer(640))]
        if temporal {
            let timeAxis: JSONValue = .object([
                ("field", .string("start")), ("type", .string("temporal")), ("title", .string(series.labelTitle)),
                ("scale", .object([("type", .string("utc"))])),
            ])
            size.append(("height", .integer(240)))
            switch series.mark {
            case .bar:
                mark = .object([("type", .string("bar")), ("stroke", .string("white")), ("strokeWidth", .number(0.5)), ("tooltip", .boolean(true))])
                // A bar spans its bucket's days (x to x2) and rises from zero (y2).
                encoding = [("x", timeAxis), ("x2", .object([("field", .string("end"))])), ("y", valueAxis),
                            ("y2", .object([("datum", .integer(0))])), ("tooltip", tooltip)]
            case .line:
                mark = .object([("type", .string("line")), ("point", .boolean(true)), ("tooltip", .boolean(true))])
                encoding = [("x", timeAxis), ("y", valueAxis), ("tooltip", tooltip)]
            }
        } else {
            let categories: JSONValue = .object([
                ("field", .string("label")), ("type", .string("nominal")), ("sort", .null), ("title", .string(series.labelTitle)),
            ])
            switch series.mark {
            case .bar:
                mark = .object([("type", .string("bar")), ("tooltip", .boolean(true))])
                encoding = [("y", categories), ("x", valueAxis), ("tooltip", tooltip)]
            case .line:
                size.append(("height", .integer(240)))
                mark = .object([("type", .string("line")), ("point", .boolean(true)), ("tooltip", .boolean(true))])
                encoding = [("x", categories), ("y", valueAxis), ("tooltip", tooltip)]
            }
        }
        var specification: [(key: String, value: JSONValue)] = [("$schema", .string(schema))]
        if let note = series.omissionNote { specification.append(("title", .string(note))) }
        specification += size
        specification += [("data", .object([("values", .array(values))])), ("mark", mark), ("encoding", .object(encoding))]
        return .object(specification)
    }

    /// A number as JSON: whole numbers without a fraction.
    private static func number(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
    }
}
