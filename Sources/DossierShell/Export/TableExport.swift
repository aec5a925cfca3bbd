import DossierCore
import DossierQuery
import DossierStore
import Foundation

/// The formats `dossier export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// JSON Lines: one object per row, for Spark (`spark.read.json`), DuckDB (`read_json`) or pandas (`read_json(lines=True)`).
    case jsonl
    /// RFC 4180 CSV with a header row.
    case csv
    /// Apache Parquet, typed columns, written through Python's pyarrow.
    case parquet
}

/// One column of an exported table, with the type it is written as.
struct ExportColumn: Sendable {
    /// The column's name: the query language's field name, or one derived from it (`entity_id`, `range_start`).
    var name: String
    var type: ColumnType

    enum ColumnType: String, Sendable {
        case integer = "int", float, boolean = "bool", date, string, strings
    }
}

/// A table of the workspace — a source of the query language with every field it has — as rows
/// of plain values.
///
/// The columns are the source's fields, named as the language names them (`.fields documents`),
/// with two additions that make the tables joinable outside Dossier: an entity reference
/// (`mentions.entity`, `relations.subject`, `relations.object`) is its name and, in `<field>_id`,
/// the entity's `id` (the `id` column of `entities`; names alone are not unique across kinds);
/// a time range (`relations.time`, `times.range`) is its literal (`2023-10`) and, in
/// `<field>_start` and `<field>_end`, its first day and the day after its last. A document
/// reference is the document's id.
struct TableExport {
    let columns: [ExportColumn]
    let rows: [[Value]]
    /// For each column, the field it comes from and which part of it.
    private let sources: [(field: Int, part: Part)]

    private enum Part { case whole, entityID, rangeStart, rangeEnd }

    /// The table `kind` of `session`'s corpus.
    init(_ kind: RowKind, of session: QuerySession) throws(Diagnostic) {
        let fields = kind.fields
        let text = "\(kind.rawValue) | select " + fields.map(\.name).joined(separator: ", ")
        guard case .rows(let table)? = try session.run(text, sourceName: "<export>").last?.result else {
            throw Diagnostic(.error, .unexpectedError, "the \(kind.rawValue) table did not come out as rows")
        }
        var columns: [ExportColumn] = []
        var sources: [(field: Int, part: Part)] = []
        for (position, field) in fields.enumerated() {
            func add(_ name: String, _ type: ExportColumn.ColumnType, _ part: Part) {
                columns.append(ExportColumn(name: name, type: type))
                sources.append((position, part))
            }
            switch field.type {
            case .int: add(field.name, .integer, .whole)
            case .float: add(field.name, .float, .whole)
            case .bool: add(field.name, .boolean, .whole)
            case .date: add(field.name, .date, .whole)
            case .list: add(field.name, .strings, .whole)
            case .entity:
                add(field.name, .string, .whole)
                add(field.name + "_id", .integer, .entityID)
            case .timeRange:
                add(field.name, .string, .whole)
                add(field.name + "_start", .date, .rangeStart)
                add(field.name + "_end", .date, .rangeEnd)
            case .string, .kind, .predicate, .modality, .timexType, .document:
                add(field.name, .string, .whole)
            }
        }
        self.columns = columns
        self.sources = sources
        rows = table.rows
    }

    /// The cells of row `row`, one per column.
    func cells(of row: [Value]) -> [Value] {
        sources.map { source in
            let value = row[source.field]
            switch (source.part, value) {
            case (.whole, _): return value
            case (.entityID, .entity(let id, _)): return .int(Int(id.row))
            case (.rangeStart, .timeRange(let range)): return .date(range.start)
            case (.rangeEnd, .timeRange(let range)): return .date(range.end)
            default: return .null
            }
        }
    }

    /// Row `row` as one line of JSON, keys in column order.
    func jsonLine(_ row: [Value]) -> String {
        JSONValue.object(zip(columns, cells(of: row)).map { column, value in (column.name, value.json) }).text
    }

    /// Row `row` as one CSV record (RFC 4180: fields with a comma, a quote or a line break are
    /// quoted, quotes doubled; a list is written as a JSON array, since its items may hold commas).
    func csvLine(_ row: [Value]) -> String {
        cells(of: row).map { value in
            if case .list = value { return CSVRenderer.field(value.jsonText) }
            return CSVRenderer.field(value.displayText)
        }.joined(separator: ",")
    }

    /// The header record.
    var csvHeader: String { columns.map { CSVRenderer.field($0.name) }.joined(separator: ",") }
}
