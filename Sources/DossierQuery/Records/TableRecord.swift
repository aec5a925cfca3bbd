import DossierCore
import DossierStore

/// A row of a table a query ends with (`count by`, `timeline`, `cooccur`, `kwic`, `graph`), decoded
/// into a Swift value: what ``CorpusRecord`` is for rows of the corpus.
///
/// Fetch them with ``QuerySession/fetchAll(_:sourceName:)-(TableRecordQuery<Record>,_)`` from a typed query, or with
/// ``QuerySession/fetchAll(_:_:sourceName:firstLine:)-7lren`` from query text:
/// ```swift
/// let months = try session.fetchAll(TimelineBucket.self, "relations | where predicate == visit | timeline by month")
/// ```
public protocol TableRecord: Hashable, Sendable {
    /// The columns of the table, each named as the query language names it, for the closures of
    /// ``TableRecordQuery/where(_:)`` and the other stages.
    associatedtype Columns: Sendable
    /// The columns.
    static var columns: Columns { get }
    /// What the rows are called in a diagnostic: `timeline buckets`.
    static var rowsDescription: String { get }
    /// The names of the table's columns in order; `nil` where any name will do (the key of `count by`).
    static var columnNames: [String?] { get }

    /// The row `cells` decodes into, or `nil` when the cells are not of this table's types.
    ///
    /// - Parameters:
    ///   - cells: One row of the table, a value per column.
    ///   - index: The corpus the table was made from.
    init?(cells: [Value], in index: CorpusIndex)
}

extension TableRecord {
    /// The rows of `table` decoded, or the diagnostic that says it is another table; `range` is where
    /// the query that made it lies.
    static func decode(_ table: ResultTable, in index: CorpusIndex, range: SourceRange) throws(Diagnostic) -> [Self] {
        let names = table.columns.map(\.name)
        let fits = table.rowKind == nil && names.count == columnNames.count
            && zip(names, columnNames).allSatisfy { name, wanted in wanted.map { $0 == name } ?? true }
        var records: [Self] = []
        if fits {
            records.reserveCapacity(table.rows.count)
            for row in table.rows {
                guard let record = Self(cells: row, in: index) else { break }
                records.append(record)
            }
            if records.count == table.rows.count { return records }
        }
        let given = table.rowKind.map(\.rawValue) ?? "a table (" + names.joined(separator: ", ") + ")"
        throw Diagnostic(.error, .resultKindMismatch, "the query gives \(given), not \(rowsDescription)", range: range,
                         notes: ["\(rowsDescription) have the columns " + columnNames.map { $0 ?? "KEY" }.joined(separator: ", ")])
    }
}
