import Foundation

/// Appends little-endian numbers, arrays and strings to a model file's bytes.
package struct BinaryModelWriter {
    /// The bytes written so far.
    package private(set) var data = Data()

    /// An empty writer.
    package init() {}

    /// Appends one number.
    package mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    /// Appends the elements of `array` as they lie in memory (the machines Dossier runs on are
    /// little-endian; the reader checks the byte order mark).
    package mutating func append<T: BitwiseCopyable>(array: [T]) {
        array.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    /// Appends a UTF-8 string with its length.
    package mutating func append(string: String) {
        append(UInt32(string.utf8.count))
        data.append(contentsOf: string.utf8)
    }
}

/// Reads what `BinaryModelWriter` wrote, checking lengths as it goes.
package struct BinaryModelReader {
    /// Why a model file cannot be read.
    package enum Failure: Error, CustomStringConvertible {
        /// The file ends before a value it announces.
        case truncated
        /// A value is out of its range.
        case malformed(String)

        package var description: String {
            switch self {
            case .truncated: "the model file is truncated"
            case .malformed(let what): "the model file is malformed: \(what)"
            }
        }
    }

    private let bytes: Data
    private var offset = 0

    /// A reader at the start of `data`.
    package init(_ data: Data) {
        // Indices from 0, whatever slice `data` was.
        bytes = data.startIndex == 0 ? data : Data(data)
    }

    /// Whether every byte has been read.
    package var isAtEnd: Bool { offset == bytes.count }

    /// Reads one number.
    package mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw Failure.truncated }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return T(littleEndian: value)
    }

    /// Reads `count` elements written by `append(array:)`.
    package mutating func readArray<T: BitwiseCopyable>(_ type: T.Type, count: Int) throws -> [T] {
        let range = try skip(count: count, of: T.self)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[range]))
            }
            initialized = count
        }
    }

    /// Passes over `count` elements written by `append(array:)`, giving their byte range, for a
    /// caller that reads them in place (``withUnsafeBytes(_:)``) rather than as an array.
    package mutating func skip<T: BitwiseCopyable>(count: Int, of type: T.Type) throws -> Range<Int> {
        let size = MemoryLayout<T>.stride * count
        guard count >= 0, offset + size <= bytes.count else { throw Failure.truncated }
        defer { offset += size }
        return offset..<(offset + size)
    }

    /// Calls `body` with all the bytes (read ranges that ``skip(count:of:)`` gave).
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }

    /// Reads `count` strings written by `append(string:)` one after another, appending their bytes
    /// to `texts.bytes` and where each ends to `texts.ends` (no `String` made).
    package mutating func readStrings(count: Int, into texts: inout (bytes: [UInt8], ends: [UInt32])) throws {
        guard count >= 0 else { throw Failure.malformed("string count") }
        texts.ends.reserveCapacity(texts.ends.count + count)
        for _ in 0..<count {
            let length = Int(try read(UInt32.self))
            guard offset + length <= bytes.count else { throw Failure.truncated }
            bytes.withUnsafeBytes { texts.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + length)])) }
            offset += length
            texts.ends.append(UInt32(texts.bytes.count))
        }
    }

    /// Reads a string written by `append(string:)`.
    package mutating func readString() throws -> String {
        let length = Int(try read(UInt32.self))
        guard offset + length <= bytes.count else { throw Failure.truncated }
        defer { offset += length }
        return bytes.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + length)]), as: UTF8.self) }
    }
}
