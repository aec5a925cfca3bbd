import Foundation

/// What a column file was built from: the workspace it belongs to and how many batches had been
/// written to it. A file whose stamp differs from the workspace's is stale and is rebuilt.
package struct ColumnFileStamp: Codable, Equatable, Sendable {
    /// The workspace's identity, made when it was created (a copy keeps it).
    package var identity: String
    /// How many write transactions the workspace had committed.
    package var generation: Int
    /// The largest document number, which also changes when a program other than Dossier adds
    /// documents.
    package var lastDocument: Int64
}

/// Why a column file cannot be used; every case is answered by building it again.
package enum ColumnFileProblem: Error, Equatable, CustomStringConvertible {
    /// There is no file.
    case missing
    /// The file was written for another state of the workspace.
    case stale
    /// The file is not a column file of this version, or is damaged.
    case damaged(String)

    package var description: String {
        switch self {
        case .missing: "there is no column file"
        case .stale: "the column file is older than the workspace"
        case .damaged(let reason): "the column file is damaged: \(reason)"
        }
    }
}

/// The layout of a column file.
///
/// ```
/// 8 bytes   "DOSSCOL1"
/// 8 bytes   length of the table, little-endian
/// 8 bytes   FNV-1a hash of the table
/// table     JSON: format, stamp, file length, and each section's offset, row count and width
/// sections  the columns' bytes as in memory, each starting on a 64-byte boundary
/// ```
enum ColumnFileLayout {
    static let magic = Array("DOSSCOL1".utf8)
    /// Raised whenever the sections written change meaning.
    static let format = 1
    static let alignment = 64

    struct Section: Codable {
        var offset: Int
        var count: Int
        var width: Int
    }

    struct Table: Codable {
        var format: Int
        var stamp: ColumnFileStamp
        var length: Int
        var sections: [String: Section]
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    static func aligned(_ offset: Int) -> Int { (offset + alignment - 1) / alignment * alignment }
}

/// Collects columns and writes them to a column file in one go, atomically: into a temporary file
/// that is synced and then renamed over the old one, so a reader sees the old file or the new one.
package struct ColumnFileWriter {
    private struct Pending {
        let name: String
        let bytes: UnsafeRawBufferPointer
        let count: Int
        let width: Int
        /// Keeps the bytes alive until they are written.
        let owner: Any
    }
    private var pending: [Pending] = []

    /// A writer with no columns yet.
    package init() {}

    /// Adds a column under `name`.
    package mutating func add<Element>(_ name: String, _ column: Column<Element>) {
        precondition(!pending.contains { $0.name == name }, "column \(name) added twice")
        pending.append(Pending(name: name, bytes: column.bytes, count: column.count, width: MemoryLayout<Element>.stride, owner: column))
    }

    /// Adds a string column as its offsets and its heap.
    package mutating func add(_ name: String, _ column: StringColumn) {
        add("\(name).offsets", column.offsets)
        add("\(name).heap", column.heap)
    }

    /// Adds a dictionary-coded string column as its codes and its distinct strings.
    package mutating func add(_ name: String, _ column: DictionaryStringColumn) {
        add("\(name).codes", column.codes)
        add("\(name).values", column.values)
    }

    /// Adds an optional string column as its strings and their presence.
    package mutating func add(_ name: String, _ column: OptionalStringColumn) {
        add(name, column.strings)
        add("\(name).presence", column.presence)
    }

    /// Adds a column of string lists.
    package mutating func add(_ name: String, _ column: StringListColumn) {
        add("\(name).lists", column.offsets)
        add(name, column.strings)
    }

    /// Adds a coded column.
    package mutating func add<Value>(_ name: String, _ column: CodedColumn<Value>) { add(name, column.codes) }

    /// Adds a flag column.
    package mutating func add(_ name: String, _ column: FlagColumn) { add(name, column.bytes) }

    /// Adds a day column.
    package mutating func add(_ name: String, _ column: DayColumn) { add(name, column.numbers) }

    /// Adds a time-range column.
    package mutating func add(_ name: String, _ column: TimeRangeColumn) {
        add("\(name).starts", column.starts)
        add("\(name).ends", column.ends)
        add("\(name).granularities", column.granularities)
    }

    /// Adds grouped rows.
    package mutating func add(_ name: String, _ groups: GroupedRows) {
        add("\(name).offsets", groups.offsets)
        add("\(name).rows", groups.rows)
    }

    /// Writes the columns to `path`, replacing the file there only once the new one is complete.
    package func write(to path: String, stamp: ColumnFileStamp) throws {
        // The table holds the sections' offsets, and its own length moves them: lay the sections
        // out after room for the table until the table fits in that room.
        var tableBytes: [UInt8] = []
        var table = ColumnFileLayout.Table(format: ColumnFileLayout.format, stamp: stamp, length: 0, sections: [:])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var firstSection = ColumnFileLayout.aligned(24 + 1024)
        while true {
            var offset = firstSection
            table.sections = [:]
            for column in pending {
                table.sections[column.name] = .init(offset: offset, count: column.count, width: column.width)
                offset = ColumnFileLayout.aligned(offset + column.bytes.count)
            }
            table.length = offset
            tableBytes = Array(try encoder.encode(table))
            let needed = ColumnFileLayout.aligned(24 + tableBytes.count)
            if needed <= firstSection { break }
            firstSection = needed
        }
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            var header = ColumnFileLayout.magic
            withUnsafeBytes(of: UInt64(tableBytes.count).littleEndian) { header.append(contentsOf: $0) }
            withUnsafeBytes(of: ColumnFileLayout.hash(tableBytes).littleEndian) { header.append(contentsOf: $0) }
            header.append(contentsOf: tableBytes)
            var written = header.count
            try handle.write(contentsOf: header)
            for column in pending {
                let offset = table.sections[column.name]!.offset
                if offset > written {
                    try handle.write(contentsOf: Data(count: offset - written))
                    written = offset
                }
                guard column.bytes.count > 0 else { continue }
                try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: column.bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!),
                                                  count: column.bytes.count, deallocator: .none))
                written = offset + column.bytes.count
            }
            if table.length > written { try handle.write(contentsOf: Data(count: table.length - written)) }
            try handle.synchronize()
            try handle.close()
            if rename(temporary, path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}

/// A column file mapped into memory, checked, and read column by column.
package struct ColumnFileReader {
    private let storage: ColumnStorage
    private let table: ColumnFileLayout.Table

    /// Maps the file at `path` and checks that it is whole, of this format, and made for `stamp`.
    package init(path: String, stamp: ColumnFileStamp) throws(ColumnFileProblem) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing }
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch { throw .damaged(error.description) }
        guard file.length >= 24 else { throw .damaged("it is shorter than its header") }
        let header = UnsafeRawBufferPointer(start: file.base, count: file.length)
        guard Array(header[0..<8]) == ColumnFileLayout.magic else { throw .damaged("it does not start with the column file's mark") }
        let tableLength = Int(UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        let tableHash = UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard tableLength >= 0, tableLength <= file.length - 24 else { throw .damaged("its table runs past the end") }
        let tableBytes = UnsafeRawBufferPointer(rebasing: header[24..<(24 + tableLength)])
        guard ColumnFileLayout.hash(tableBytes) == tableHash else { throw .damaged("its table does not match its checksum") }
        guard let table = try? JSONDecoder().decode(ColumnFileLayout.Table.self, from: Data(tableBytes)) else {
            throw .damaged("its table cannot be read")
        }
        guard table.format == ColumnFileLayout.format else { throw .damaged("it is of format \(table.format), not \(ColumnFileLayout.format)") }
        guard table.length == file.length else { throw .damaged("it is \(file.length) bytes long, not \(table.length)") }
        for (name, section) in table.sections {
            guard section.offset >= 24 + tableLength, section.offset % ColumnFileLayout.alignment == 0, section.count >= 0, section.width > 0,
                  section.offset + section.count * section.width <= file.length else { throw .damaged("column \(name) lies outside the file") }
        }
        guard table.stamp == stamp else { throw .stale }
        self.storage = ColumnStorage(file: file)
        self.table = table
    }

    /// The column stored under `name`.
    package func column<Element>(_ name: String, as type: Element.Type = Element.self) throws(ColumnFileProblem) -> Column<Element> {
        guard let section = table.sections[name] else { throw .damaged("column \(name) is missing") }
        guard section.width == MemoryLayout<Element>.stride else { throw .damaged("column \(name) has values of \(section.width) bytes") }
        return Column(storage: storage, offset: section.offset, count: section.count)
    }

    /// The string column stored under `name`.
    package func strings(_ name: String) throws(ColumnFileProblem) -> StringColumn {
        let column = StringColumn(offsets: try column("\(name).offsets"), heap: try column("\(name).heap"))
        guard column.offsets.count >= 1, column.offsets[0] == 0, column.offsets[column.offsets.count - 1] <= Int64(column.heap.count) else {
            throw .damaged("the strings of \(name) lie outside their heap")
        }
        return column
    }

    /// The dictionary-coded string column stored under `name`.
    package func dictionaryStrings(_ name: String) throws(ColumnFileProblem) -> DictionaryStringColumn {
        DictionaryStringColumn(codes: try column("\(name).codes"), values: try strings("\(name).values"))
    }

    /// The optional string column stored under `name`.
    package func optionalStrings(_ name: String) throws(ColumnFileProblem) -> OptionalStringColumn {
        OptionalStringColumn(strings: try strings(name), presence: try column("\(name).presence"))
    }

    /// The column of string lists stored under `name`.
    package func stringLists(_ name: String) throws(ColumnFileProblem) -> StringListColumn {
        StringListColumn(offsets: try column("\(name).lists"), strings: try strings(name))
    }

    /// The coded column stored under `name`.
    package func coded<Value>(_ name: String, as type: Value.Type = Value.self) throws(ColumnFileProblem) -> CodedColumn<Value> {
        CodedColumn(codes: try column(name))
    }

    /// The flag column stored under `name`.
    package func flags(_ name: String) throws(ColumnFileProblem) -> FlagColumn { FlagColumn(bytes: try column(name)) }

    /// The day column stored under `name`.
    package func days(_ name: String) throws(ColumnFileProblem) -> DayColumn { DayColumn(numbers: try column(name)) }

    /// The time-range column stored under `name`.
    package func timeRanges(_ name: String) throws(ColumnFileProblem) -> TimeRangeColumn {
        TimeRangeColumn(starts: try column("\(name).starts"), ends: try column("\(name).ends"), granularities: try column("\(name).granularities"))
    }

    /// The grouped rows stored under `name`.
    package func groupedRows(_ name: String) throws(ColumnFileProblem) -> GroupedRows {
        GroupedRows(offsets: try column("\(name).offsets"), rows: try column("\(name).rows"))
    }
}
