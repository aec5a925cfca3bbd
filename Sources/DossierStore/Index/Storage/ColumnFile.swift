import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a column file was built from: the workspace it belongs to and how many batches had been
/// written to it. A file whose stamp differs from the workspace's is stale: it is grown or rebuilt.
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
/// 8 bytes   "DOSSCOL2"
/// 8 bytes   offset of the table, little-endian
/// 8 bytes   length of the table
/// 8 bytes   FNV-1a hash of the table
/// sections  the columns' bytes as in memory, each starting on a 64-byte boundary, from byte 64
/// table     JSON: format, stamp, file length, and each section's offset, row count and width
/// ```
///
/// The table comes last so that each column can be written as soon as it is made, and let go.
enum ColumnFileLayout {
    static let magic = Array("DOSSCOL2".utf8)
    /// Raised whenever the sections written change meaning (3: entities' numbers).
    static let format = 3
    static let alignment = 64
    /// The header's bytes: the mark, the table's offset, length and hash.
    static let headerLength = 32

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

/// Writes a column file column by column, each as soon as it is added, so the caller can let a
/// column go once it is written; atomically: into a temporary file that is synced and then
/// renamed over the old one by ``finish(stamp:)``, so a reader sees the old file or the new one.
///
/// A failure to write is kept and reported by ``finish(stamp:)``; the columns added after it are
/// not written. A writer that is never finished removes its temporary file.
package struct ColumnFileWriter {
    /// The temporary file, removed when the last copy of the writer goes unless it was renamed.
    private final class Output {
        let path: String
        let temporary: String
        var descriptor: Int32
        var isRenamed = false

        init(path: String) {
            self.path = path
            // Named by the process and a random part, created afresh: two writers of one path, in
            // one process or two, never share a file.
            temporary = "\(path).\(getpid()).\(String(UInt64.random(in: 1...UInt64.max), radix: 16)).partial"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            // Held while the file is written, so that no other writer takes it for abandoned.
            if descriptor >= 0 { _ = flock(descriptor, LOCK_EX) }
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
            if !isRenamed { unlink(temporary) }
        }
    }

    private let output: Output
    private var sections: [String: ColumnFileLayout.Section] = [:]
    /// Where the next section starts.
    private var offset = ColumnFileLayout.aligned(ColumnFileLayout.headerLength)
    /// The first failure to write, reported by `finish`.
    private var failure: (any Error)?

    /// A writer of the column file at `path`; the file there is replaced only by ``finish(stamp:)``.
    package init(path: String) {
        output = Output(path: path)
        if output.descriptor < 0 { failure = Self.systemError() }
    }

    /// Removes the temporary files that writers of the column file at `path` left when they were
    /// killed before they finished. A file is abandoned when the process named in it is gone, it
    /// has not changed for a minute, and no one holds its lock (a writer locks its file until it
    /// is done, and the lock goes with the writer's process). A file can be as large as the column
    /// file, so they would otherwise fill the disk one killed ingest at a time.
    package static func removeAbandonedFiles(of path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path, prefix = url.lastPathComponent + ".", suffix = ".partial"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(suffix) {
            let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard let process = middle.split(separator: ".").first.flatMap({ Int32($0) }), process > 0,
                  kill(process, 0) != 0, errno == ESRCH else { continue }
            let file = folder + "/" + name
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date,
                  modified.timeIntervalSinceNow < -60 else { continue }
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { unlink(file) }
            close(descriptor)
        }
    }

    /// Whether writing has failed already (the temporary file cannot be made, the disk is full).
    package var hasFailed: Bool { failure != nil }

    private static func systemError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }

    /// Writes `bytes` at `position`, whole.
    private mutating func write(_ bytes: UnsafeRawBufferPointer, at position: Int) {
        guard failure == nil, var address = bytes.baseAddress else { return }
        var remaining = bytes.count, position = position
        while remaining > 0 {
            let written = pwrite(output.descriptor, address, remaining, off_t(position))
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                failure = Self.systemError()
                return
            }
            address += written
            position += written
            remaining -= written
        }
    }

    /// Copies `count` bytes at `source` in `file` to `position`, in the kernel: a file that grows by
    /// a batch copies its earlier sections without reading them into the process's memory. Returns
    /// `false` when the kernel does not copy between these files, for the caller to write the bytes
    /// from memory; any other failure is kept, like a failed write.
    private mutating func copy(_ count: Int, from file: MappedFile, at source: Int, to position: Int) -> Bool {
        #if os(Linux)
        guard failure == nil else { return true }
        guard lseek(output.descriptor, off_t(position), SEEK_SET) == off_t(position) else {
            failure = Self.systemError()
            return true
        }
        var source = off_t(source), remaining = count
        while remaining > 0 {
            let copied = sendfile(output.descriptor, file.descriptor, &source, remaining)
            if copied < 0 && errno == EINTR { continue }
            if copied < 0 && [EINVAL, ENOSYS, EXDEV].contains(errno) && remaining == count { return false }
            guard copied > 0 else {
                // The file mapped got shorter (it was overwritten in place): its pages cannot be read
                // either, so the copy fails instead of the caller reading them.
                failure = copied == 0 ? POSIXError(.EIO) : Self.systemError()
                return true
            }
            remaining -= copied
        }
        return true
        #else
        return false
        #endif
    }

    /// Adds a column under `name`, writing it now: `old`'s values, when it is given, then `column`'s.
    package mutating func add<Element>(_ name: String, _ column: Column<Element>, after old: Column<Element>? = nil) {
        precondition(sections[name] == nil, "column \(name) added twice")
        let before = old?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
        sections[name] = .init(offset: offset, count: (old?.count ?? 0) + column.count, width: MemoryLayout<Element>.stride)
        var copied = false
        if let place = old?.placeInFile { copied = copy(before.count, from: place.file, at: place.offset, to: offset) }
        if !copied { write(before, at: offset) }
        write(column.bytes, at: offset + before.count)
        offset = ColumnFileLayout.aligned(offset + before.count + column.bytes.count)
    }

    /// Adds offsets into a heap of `old`'s followed by `column`'s: `column`'s own start at 0 and
    /// are moved past the end of `old`'s heap, which is `old`'s last offset.
    private mutating func add(offsets name: String, _ column: Column<Int64>, after old: Column<Int64>?) {
        guard let old, let shift = old.last else { return add(name, column) }
        add(name, Column(column.dropFirst().map { $0 + shift }), after: old)
    }

    /// Adds a string column as its offsets and its heap.
    package mutating func add(_ name: String, _ column: StringColumn, after old: StringColumn? = nil) {
        add(offsets: "\(name).offsets", column.offsets, after: old?.offsets)
        add("\(name).heap", column.heap, after: old?.heap)
    }

    /// Adds a dictionary-coded string column as its codes and its distinct strings. Written after
    /// `old`, `column` continues it: its codes count `old`'s strings first, and its strings are only
    /// the ones `old` does not have (``DictionaryStringColumn/Builder/init(continuing:)``).
    package mutating func add(_ name: String, _ column: DictionaryStringColumn, after old: DictionaryStringColumn? = nil) {
        add("\(name).codes", column.codes, after: old?.codes)
        add("\(name).values", column.values, after: old?.values)
    }

    /// Adds an optional string column as its strings and their presence.
    package mutating func add(_ name: String, _ column: OptionalStringColumn, after old: OptionalStringColumn? = nil) {
        add(name, column.strings, after: old?.strings)
        add("\(name).presence", column.presence, after: old?.presence)
    }

    /// Adds a column of string lists.
    package mutating func add(_ name: String, _ column: StringListColumn, after old: StringListColumn? = nil) {
        add(offsets: "\(name).lists", column.offsets, after: old?.offsets)
        add(name, column.strings, after: old?.strings)
    }

    /// Adds a coded column.
    package mutating func add<Value>(_ name: String, _ column: CodedColumn<Value>, after old: CodedColumn<Value>? = nil) {
        add(name, column.codes, after: old?.codes)
    }

    /// Adds a flag column.
    package mutating func add(_ name: String, _ column: FlagColumn, after old: FlagColumn? = nil) { add(name, column.bytes, after: old?.bytes) }

    /// Adds a day column.
    package mutating func add(_ name: String, _ column: DayColumn, after old: DayColumn? = nil) { add(name, column.numbers, after: old?.numbers) }

    /// Adds a time-range column.
    package mutating func add(_ name: String, _ column: TimeRangeColumn, after old: TimeRangeColumn? = nil) {
        add("\(name).starts", column.starts, after: old?.starts)
        add("\(name).ends", column.ends, after: old?.ends)
        add("\(name).granularities", column.granularities, after: old?.granularities)
    }

    /// Adds grouped rows.
    package mutating func add(_ name: String, _ groups: GroupedRows) {
        add("\(name).offsets", groups.offsets)
        add("\(name).rows", groups.rows)
    }

    /// Writes the table and the header, syncs the file and puts it in place of the one at the
    /// writer's path; throws the first failure to write.
    package mutating func finish(stamp: ColumnFileStamp) throws {
        let tableOffset = offset
        var table = ColumnFileLayout.Table(format: ColumnFileLayout.format, stamp: stamp, length: 0, sections: sections)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // The table holds the file's length, which its own length moves: settle on a length whose
        // table, written at `tableOffset`, ends the file exactly there.
        var tableBytes = Array(try encoder.encode(table))
        while tableOffset + tableBytes.count != table.length {
            table.length = tableOffset + tableBytes.count
            tableBytes = Array(try encoder.encode(table))
        }
        tableBytes.withUnsafeBytes { write($0, at: tableOffset) }
        var header = ColumnFileLayout.magic
        for value in [UInt64(tableOffset), UInt64(tableBytes.count), ColumnFileLayout.hash(tableBytes)] {
            withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) }
        }
        header.withUnsafeBytes { write($0, at: 0) }
        if let failure { throw failure }
        guard fsync(output.descriptor) == 0 else { throw Self.systemError() }
        guard rename(output.temporary, output.path) == 0 else { throw Self.systemError() }
        output.isRenamed = true
        // The rename is durable once the folder is synced; without it, a crash may bring back the old
        // file, which is then only stale (a best effort: the file is a cache).
        let folder = open(URL(fileURLWithPath: output.path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }
}

/// A column file mapped into memory, checked, and read column by column.
package struct ColumnFileReader {
    private let storage: ColumnStorage
    private let table: ColumnFileLayout.Table

    /// Maps the file at `path` and checks that it is whole, of this format, and made for `stamp`.
    package init(path: String, stamp: ColumnFileStamp) throws(ColumnFileProblem) {
        try self.init(path: path)
        guard table.stamp == stamp else { throw .stale }
    }

    /// What the file was written for.
    package var stamp: ColumnFileStamp { table.stamp }

    /// Maps the file at `path` and checks that it is whole and of this format, whatever state of
    /// its workspace it was written for.
    package init(path: String) throws(ColumnFileProblem) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing }
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch { throw .damaged(error.description) }
        let headerLength = ColumnFileLayout.headerLength
        guard file.length >= headerLength else { throw .damaged("it is shorter than its header") }
        let header = UnsafeRawBufferPointer(start: file.base, count: file.length)
        guard Array(header[0..<8]) == ColumnFileLayout.magic else { throw .damaged("it does not start with the column file's mark") }
        let tableOffset = Int(truncatingIfNeeded: UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        let tableLength = Int(truncatingIfNeeded: UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
        let tableHash = UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        guard tableOffset >= headerLength, tableLength >= 0, tableLength <= file.length - tableOffset else {
            throw .damaged("its table runs past the end")
        }
        let tableBytes = UnsafeRawBufferPointer(rebasing: header[tableOffset..<(tableOffset + tableLength)])
        guard ColumnFileLayout.hash(tableBytes) == tableHash else { throw .damaged("its table does not match its checksum") }
        guard let table = try? JSONDecoder().decode(ColumnFileLayout.Table.self, from: Data(tableBytes)) else {
            throw .damaged("its table cannot be read")
        }
        guard table.format == ColumnFileLayout.format else { throw .damaged("it is of format \(table.format), not \(ColumnFileLayout.format)") }
        guard table.length == file.length else { throw .damaged("it is \(file.length) bytes long, not \(table.length)") }
        for (name, section) in table.sections {
            guard section.offset >= headerLength, section.offset % ColumnFileLayout.alignment == 0, section.count >= 0, section.width > 0,
                  section.offset <= tableOffset, section.count <= (tableOffset - section.offset) / section.width else {
                throw .damaged("column \(name) lies outside the file")
            }
        }
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
