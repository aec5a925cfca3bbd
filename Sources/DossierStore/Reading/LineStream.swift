#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of a file or of standard input, read a chunk at a time, so an input of any length
/// never sits whole in memory: what a streaming filter (`dossier annotate` under Spark's `pipe`)
/// and `ingest --annotations` read.
package struct LineStream {
    private let descriptor: Int32
    /// The descriptor the stream opened, closed by ``close()`` or, when a reader stops early (a
    /// cancelled ingest), when the last copy of the stream goes away.
    private var owner: OwnedDescriptor?
    private var buffer: [UInt8] = []
    private var position = 0
    /// How far the buffer has been searched for a line break, so a long line read in many chunks
    /// is searched once, not once per chunk.
    private var searched = 0
    private var reachedEnd = false
    /// The line number of the line ``nextLine()`` gave last.
    package private(set) var lineNumber = 0
    /// Why reading stopped early, when a read failed (it then ends as if the input had).
    package private(set) var readError: String?

    /// How many bytes one read asks for.
    private let chunkSize: Int

    /// Lines from an open descriptor (`STDIN_FILENO`), which is left open, read `chunkSize` bytes
    /// at a time (small sizes are for tests).
    package init(descriptor: Int32, chunkSize: Int = 1 << 16) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
    }

    /// Lines of the file at `path`, or why it cannot be opened.
    package static func open(path: String, chunkSize: Int = 1 << 16) -> Result<LineStream, ReadFailure> {
        let descriptor = openForReading(path)
        guard descriptor >= 0 else { return .failure(ReadFailure(reason: String(cString: strerror(errno)))) }
        var stream = LineStream(descriptor: descriptor, chunkSize: chunkSize)
        stream.owner = OwnedDescriptor(descriptor)
        return .success(stream)
    }

    /// Closes the file when the stream opened it.
    package mutating func close() {
        owner?.close()
        owner = nil
    }

    /// Why a file cannot be read.
    package struct ReadFailure: Error {
        /// The system's words for it.
        package var reason: String
    }

    /// The next line without its line break (LF, or CR LF), or `nil` at the end of the input; a
    /// last line without a line break is a line.
    package mutating func nextLine() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[max(position, searched)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[position..<end]
                position = newline + 1
                searched = position
                lineNumber += 1
                return line
            }
            searched = buffer.count
            if reachedEnd {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                lineNumber += 1
                return line
            }
            fill()
        }
    }

    /// The next bytes of the input, whatever lines they hold (at least one byte, at most what is
    /// buffered or one chunk), or `nil` at the end: for a reader that finds its own records (CSV).
    package mutating func nextBytes() -> ArraySlice<UInt8>? {
        if position == buffer.count {
            if reachedEnd { return nil }
            fill()
            if position == buffer.count { return nil }
        }
        defer {
            position = buffer.count
            searched = position
        }
        return buffer[position...]
    }

    /// The first byte that is not a space, tab or line break, reading as far as it takes, without
    /// consuming anything; `nil` when the input is all blank.
    package mutating func firstNonBlankByte() -> UInt8? {
        var scanned = position
        while true {
            if let byte = buffer[scanned...].first(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }) { return byte }
            scanned = buffer.count
            if reachedEnd { return nil }
            fill()
        }
    }

    /// Everything not yet read, to the end of the input.
    package mutating func remainder() -> [UInt8] {
        while !reachedEnd { fill() }
        defer { position = buffer.count }
        return Array(buffer[position...])
    }

    /// Whether ``nextLine()`` would return at once: a whole line is buffered, the input has ended,
    /// or more input is waiting. A filter annotates what it has when not, instead of waiting for a
    /// batch to fill while its reader waits for the answer to the lines already sent.
    package mutating func canReadWithoutWaiting() -> Bool {
        if reachedEnd || buffer[position...].contains(UInt8(ascii: "\n")) { return true }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }

    /// Reads one chunk onto the buffer, dropping the lines already given out.
    private mutating func fill() {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            searched = max(0, searched - position)
            position = 0
        }
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return
            }
            if count < 0, errno == EINTR { continue }
            if count < 0 { readError = String(cString: strerror(errno)) }
            reachedEnd = true
            return
        }
    }
}

/// A descriptor that closes once: when asked, or when nothing holds it any more.
private final class OwnedDescriptor {
    private let descriptor: Int32
    private var isOpen = true

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    func close() {
        guard isOpen else { return }
        isOpen = false
        closeDescriptor(descriptor)
    }

    deinit { close() }
}

// Free functions, because inside the type `open` and `close` name its own members.
private func openForReading(_ path: String) -> Int32 { open(path, O_RDONLY) }
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
