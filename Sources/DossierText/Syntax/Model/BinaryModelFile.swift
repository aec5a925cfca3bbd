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

    private let bytes: [UInt8]
    private var offset = 0

    /// A reader at the start of `data`.
    package init(_ data: Data) {
        bytes = [UInt8](data)
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
        let size = MemoryLayout<T>.stride * count
        guard count >= 0, offset + size <= bytes.count else { throw Failure.truncated }
        let start = offset
        let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<(start + size)]))
            }
            initialized = count
        }
        offset += size
        return array
    }

    /// Reads a string written by `append(string:)`.
    package mutating func readString() throws -> String {
        let length = Int(try read(UInt32.self))
        guard offset + length <= bytes.count else { throw Failure.truncated }
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }
}
