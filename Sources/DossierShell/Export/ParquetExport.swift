import DossierCore
import DossierQuery
import Foundation

/// Parquet files, written through Python's pyarrow.
///
/// No Parquet writer for Swift is available to the project, and Parquet is a large format (Thrift
/// metadata, encodings, compression), so Dossier hands the rows, as JSON lines with the column
/// types, to a small pyarrow program instead of writing its own. The Python is `$DOSSIER_PYTHON`,
/// else `python3` on the PATH; `Scripts/spark-tools` makes the project's `.venv` with pyarrow in
/// it. Without pyarrow the export stops with an error that says so.
enum ParquetExport {
    /// Writes `table` as Parquet to `path`, or to standard output when `nil`.
    static func write(_ table: TableExport, to path: String?) throws(Diagnostic) {
        let python = pythonPath()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let schema = JSONValue.array(table.columns.map { .array([.string($0.name), .string($0.type.rawValue)]) }).text
        process.arguments = ["-c", program, schema, path ?? "-"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.standardOutput
        do {
            try process.run()
        } catch {
            throw Diagnostic(.error, .fileUnwritable, "Parquet is written through Python with pyarrow, and \(python) cannot be started: \(error.localizedDescription)",
                             help: help)
        }
        // Read the messages on another thread, so a full pipe never stalls the program while rows go in.
        let messages = LockedBytes()
        let reader = Thread { messages.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        var chunk = ""
        do {
            for row in table.rows {
                chunk += table.jsonLine(row) + "\n"
                if chunk.utf8.count >= 1 << 16 {
                    try input.fileHandleForWriting.write(contentsOf: Data(chunk.utf8))
                    chunk = ""
                }
            }
            try input.fileHandleForWriting.write(contentsOf: Data(chunk.utf8))
        } catch {
            // The program stopped reading: its messages below say why.
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let said = String(decoding: messages.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch process.terminationStatus {
        case 0: return
        case missingPyarrow:
            throw Diagnostic(.error, .fileUnwritable, "Parquet is written through Python's pyarrow, and \(python) does not have it", help: help)
        default:
            throw Diagnostic(.error, .fileUnwritable, "writing Parquet with \(python) failed: \(said.isEmpty ? "status \(process.terminationStatus)" : said)",
                             sourceName: path)
        }
    }

    private static let help = Diagnostic.Help(
        "install pyarrow (pip install pyarrow) into a virtual environment and set DOSSIER_PYTHON to its python "
            + "(Scripts/spark-tools makes the project's .venv with it), or export --format jsonl and convert that")

    /// `$DOSSIER_PYTHON`, else the first `python3` on the PATH.
    static func pythonPath() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let python = environment["DOSSIER_PYTHON"], !python.isEmpty { return python }
        for folder in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(folder)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/python3"
    }

    /// The status the program exits with when pyarrow cannot be imported.
    private static let missingPyarrow: Int32 = 3

    /// Reads JSON lines on standard input into Parquet, in row groups of 50,000 rows so its memory
    /// stays bounded; arguments: the columns as `[[name, type], …]`, and the path (`-`: standard output).
    private static let program = #"""
    import datetime, json, sys
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        sys.exit(3)
    columns = json.loads(sys.argv[1])
    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(),
             "string": pa.string(), "strings": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    dates = [name for name, kind in columns if kind == "date"]
    sink = pa.BufferOutputStream() if sys.argv[2] == "-" else sys.argv[2]
    writer = pq.ParquetWriter(sink, schema)
    rows = []
    def flush():
        for row in rows:
            for name in dates:
                if row.get(name) is not None:
                    row[name] = datetime.date.fromisoformat(row[name])
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        rows.clear()
    for line in sys.stdin.buffer:
        rows.append(json.loads(line))
        if len(rows) >= 50000:
            flush()
    if rows:
        flush()
    writer.close()
    if sys.argv[2] == "-":
        sys.stdout.buffer.write(sink.getvalue().to_pybytes())
    """#
}

/// Bytes handed from a reader thread, waited for.
private final class LockedBytes: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data!
    }
}
