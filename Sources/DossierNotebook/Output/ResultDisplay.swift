import DossierCore
import DossierShell

/// Turns a result into what a notebook shows, under the shell's `.mode` and display limits.
///
/// Every bundle has `text/plain`: exactly what the shell prints in that mode, with the rows a
/// terminal would show (`.maxrows`, 40 by default) and no width limit unless `.width` sets one, for
/// consoles and for comparing runs. In table mode a table adds HTML; bars and lines (`render bar`,
/// `render line`, and a timeline) add a Vega-Lite chart and its SVG picture; a graph (`graph`,
/// `render graph`) adds an SVG network. Markdown and JSON modes add `text/markdown` and
/// `application/json`; line and CSV modes are text alone.
struct ResultDisplay {
    let format: OutputFormat
    let settings: DisplaySettings

    /// The rows shown: as on a terminal, since a person reads a notebook.
    var rowLimit: Int? { settings.rowLimit(terminalWidth: Self.nominalWidth) }

    /// The width limit: only one `.width` sets, since notebooks wrap and scroll.
    var widthLimit: Int? { settings.widthLimit(terminalWidth: nil) }

    /// The terminal width a notebook stands for when asking the display settings about rows.
    static let nominalWidth = 100

    func bundle(for result: ResultSet) -> MimeBundle {
        let text = format.renderer(settings, rowLimit: rowLimit, widthLimit: widthLimit).render(result)
        var data: [(type: String, value: JSONValue)] = []
        switch (format, result) {
        case (.table, .table(let columns, let rows, let presentation)):
            switch presentation {
            case .table:
                data.append(("text/html", .string(HTMLTable.render(columns: columns, rows: rows, rowLimit: rowLimit, showsHeaders: settings.showsHeaders))))
            case .bar(let value), .line(let value):
                let mark: ChartSeries.Mark = if case .bar = presentation { .bar } else { .line }
                let series = ChartSeries(columns: columns, rows: rows, value: value, mark: mark, rowLimit: rowLimit)
                data.append((VegaLiteChart.mimeType, VegaLiteChart.specification(series)))
                data.append(("image/svg+xml", .string(SVGChart.svg(series))))
            case .graph(let from, let to, let label, let weight):
                let drawing = NetworkDrawing(rows: rows, from: from, to: to, label: label, weight: weight, edgeLimit: rowLimit)
                data.append(("image/svg+xml", .string(drawing.svg())))
            }
        case (.markdown, _):
            data.append(("text/markdown", .string(text)))
        case (.json, _):
            if let json = try? JSONParser.parse(text) { data.append(("application/json", json)) }
        default:
            break
        }
        data.append(("text/plain", .string(text)))
        return MimeBundle(data: data)
    }
}
