#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only array for a model's weight table; one of a megabyte or more is aligned to 2 MiB
/// and, on Linux, asks for huge pages (which the kernel gives when transparent huge pages are
/// enabled for `madvise`, as they are by default).
///
/// Scoring reads a few dozen slots per word scattered over megabytes; with 4 KiB pages nearly each
/// read also misses the address-translation cache, so the large tables ask for 2 MiB pages.
final class HugePageBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private static var alignment: Int { 2 << 20 }

    /// The elements' storage.
    let base: UnsafeMutablePointer<Element>
    /// The number of elements.
    let count: Int

    /// A table holding `elements`.
    convenience init(_ elements: [Element]) {
        self.init(count: elements.count) { buffer in
            elements.withUnsafeBufferPointer { source in
                if let address = source.baseAddress { buffer.baseAddress!.initialize(from: address, count: source.count) }
            }
        }
    }

    /// A table of `count` elements that `initialize` writes, all of them.
    init(count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) throws -> Void) rethrows {
        self.count = count
        let bytes = max(MemoryLayout<Element>.stride * count, 1)
        // Small tables (and empty ones) are not worth a huge page of their own.
        let isLarge = bytes >= Self.alignment / 2
        let alignment = isLarge ? Self.alignment : 64
        let rounded = (bytes + alignment - 1) / alignment * alignment
        guard let raw = aligned_alloc(alignment, rounded) else { fatalError("DossierText: cannot allocate \(rounded) bytes") }
        #if os(Linux)
        if isLarge { _ = madvise(raw, rounded, MADV_HUGEPAGE) }
        #endif
        base = raw.bindMemory(to: Element.self, capacity: max(count, 1))
        // Should `initialize` throw, deinit frees the memory.
        try initialize(UnsafeMutableBufferPointer(start: base, count: count))
    }

    deinit { free(base) }

    /// The elements, for reading without bounds checks in release builds.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}
