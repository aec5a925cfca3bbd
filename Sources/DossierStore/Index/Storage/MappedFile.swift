#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, unmapped when the last column that reads it is gone.
///
/// Mapping costs the same for a file of any size: pages are read from disk when a query first
/// touches them, and the kernel may drop them again under memory pressure (they are clean).
package final class MappedFile: @unchecked Sendable {
    /// The first byte of the file.
    package let base: UnsafeRawPointer
    /// The file's length in bytes.
    package let length: Int
    /// The file, open for reading: a column file written after this one copies its sections from
    /// it without reading them into memory.
    let descriptor: Int32

    /// What went wrong when a file could not be mapped.
    package struct Failure: Error, CustomStringConvertible {
        /// The system call that failed.
        package let call: String
        /// The value of `errno` after it.
        package let code: Int32
        /// The system's words for `code`.
        package var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    /// Maps the file at `path`; an empty file cannot be mapped.
    package init(path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(call: "open", code: errno) }
        // The failure of `call` with `code`, read before closing, which may change `errno`.
        func failure(_ call: String, _ code: Int32) -> Failure {
            close(descriptor)
            return Failure(call: call, code: code)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("fstat", errno) }
        let length = Int(status.st_size)
        guard length > 0 else { throw failure("mmap", EINVAL) }
        let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { throw failure("mmap", errno) }
        base = UnsafeRawPointer(address)
        self.length = length
        self.descriptor = descriptor
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
        close(descriptor)
    }
}
