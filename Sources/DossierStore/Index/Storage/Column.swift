/// Memory that columns read: a heap copy made from an array, or a mapped index file.
///
/// Columns keep their storage alive, so a column sliced out of a mapped file stays valid for as
/// long as it is used, however the index that made it is dropped.
package final class ColumnStorage: @unchecked Sendable {
    private let heap: UnsafeMutableRawPointer?
    /// The mapped file the storage is in, if it is in one.
    let file: MappedFile?

    /// Storage for `byteCount` bytes on the heap, aligned for any column.
    init(byteCount: Int) {
        heap = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 16)
        file = nil
    }

    /// Storage inside a mapped file.
    init(file: MappedFile) {
        heap = nil
        self.file = file
    }

    /// The start of the heap copy, or of the mapped file.
    var base: UnsafeRawPointer { heap.map(UnsafeRawPointer.init) ?? file!.base }

    deinit { heap?.deallocate() }
}

/// A column of fixed-width values (row numbers, counts, codes), read in place.
///
/// It reads like an array (`column[row]`, `count`, `for value in column`), whether its values were
/// built in memory or are mapped from the workspace's column file, so the evaluator scans both alike.
package struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    private let storage: ColumnStorage?
    private let base: UnsafePointer<Element>?
    /// The number of values.
    package let count: Int

    /// A column holding `values`.
    package init(_ values: [Element]) {
        guard !values.isEmpty else {
            self.init()
            return
        }
        let storage = ColumnStorage(byteCount: values.count * MemoryLayout<Element>.stride)
        values.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(mutating: storage.base).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
        self.init(storage: storage, offset: 0, count: values.count)
    }

    /// An empty column.
    package init() {
        storage = nil
        base = nil
        count = 0
    }

    /// The `count` values at byte `offset` of `storage`, which is aligned for `Element`.
    init(storage: ColumnStorage, offset: Int, count: Int) {
        self.storage = storage
        base = count == 0 ? nil : (storage.base + offset).assumingMemoryBound(to: Element.self)
        self.count = count
    }

    /// The first row.
    package var startIndex: Int { 0 }
    /// One past the last row.
    package var endIndex: Int { count }

    /// The value of row `position`.
    package subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "row out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// The values, for loops that want no bounds checks.
    package var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The values as raw bytes, for writing them out.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(buffer) }

    /// The mapped file the values are in, and the offset of the first, when they are in one.
    var placeInFile: (file: MappedFile, offset: Int)? {
        guard let file = storage?.file, let base else { return nil }
        return (file, UnsafeRawPointer(base) - file.base)
    }
}
