/// ZMTP 3.0 (ZeroMQ's wire protocol, rfc.zeromq.org/spec/23) with the NULL security mechanism: what
/// a Jupyter client's ZeroMQ sockets speak to a kernel over TCP.
///
/// A connection opens with a 64-byte greeting each way, then each side sends a READY command that
/// names its socket type; after that, messages are sequences of frames, each a flags byte (more to
/// come, long size, command), a size and the bytes. This type reads and writes those bytes; sockets
/// and threads are ``ZMTPConnection``'s.
enum ZMTP {
    /// The greeting this side sends: signature, version 3.0, the NULL mechanism, not a server.
    static let greeting: [UInt8] = {
        var bytes: [UInt8] = [0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 3, 0]
        bytes += Array("NULL".utf8) + [UInt8](repeating: 0, count: 16)
        bytes += [UInt8](repeating: 0, count: 32)
        return bytes
    }()

    /// The length of a greeting.
    static let greetingLength = 64

    /// What a peer sent, once a whole frame sequence has arrived.
    enum Event: Equatable {
        /// A command: READY, SUBSCRIBE, CANCEL, PING, …, with its data.
        case command(name: String, data: [UInt8])
        /// A message: its frames.
        case message([[UInt8]])
    }

    /// A problem that ends the connection.
    struct ProtocolError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Checks a peer's greeting: the signature, major version 3 or later, and the NULL mechanism.
    static func checkGreeting(_ bytes: ArraySlice<UInt8>) throws(ProtocolError) {
        let base = bytes.startIndex
        guard bytes.count >= greetingLength, bytes[base] == 0xFF, bytes[base + 9] & 1 == 1 else {
            throw ProtocolError(description: "the peer does not speak ZMTP")
        }
        guard bytes[base + 10] >= 3 else { throw ProtocolError(description: "the peer speaks ZMTP \(bytes[base + 10]).x; 3.0 or later is needed") }
        let mechanism = bytes[(base + 12)..<(base + 32)].prefix { $0 != 0 }
        guard Array(mechanism) == Array("NULL".utf8) else {
            throw ProtocolError(description: "the peer asks for the \(String(decoding: mechanism, as: UTF8.self)) security mechanism; only NULL is spoken")
        }
    }

    /// One frame: flags, a one- or eight-byte size, the body.
    static func frame(_ body: [UInt8], more: Bool = false, command: Bool = false) -> [UInt8] {
        let isLong = body.count > 255
        let flags: UInt8 = (more ? 1 : 0) | (isLong ? 2 : 0) | (command ? 4 : 0)
        var bytes = [flags]
        if isLong {
            let size = UInt64(body.count)
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: size >> UInt64(shift))) }
        } else {
            bytes.append(UInt8(body.count))
        }
        return bytes + body
    }

    /// A whole message: its frames, all but the last marked "more".
    static func message(_ frames: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (position, body) in frames.enumerated() { bytes += frame(body, more: position < frames.count - 1) }
        return bytes
    }

    /// A command frame: the name's length, the name, the data.
    static func command(_ name: String, data: [UInt8] = []) -> [UInt8] {
        frame([UInt8(name.utf8.count)] + Array(name.utf8) + data, command: true)
    }

    /// The READY command for a socket of `socketType` (`ROUTER`, `PUB`), with its metadata.
    static func ready(socketType: String) -> [UInt8] {
        command("READY", data: property("Socket-Type", socketType))
    }

    /// One metadata property: the name's length (one byte), the name, the value's length (four bytes), the value.
    static func property(_ name: String, _ value: String) -> [UInt8] {
        let value = Array(value.utf8)
        let size = UInt32(value.count)
        return [UInt8(name.utf8.count)] + Array(name.utf8) + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> UInt32($0)) } + value
    }

    /// The properties of a READY command's data, by name (compared without regard to case, as the spec says).
    static func properties(_ data: [UInt8]) throws(ProtocolError) -> [String: [UInt8]] {
        var properties: [String: [UInt8]] = [:]
        var position = 0
        while position < data.count {
            let nameLength = Int(data[position])
            guard position + 1 + nameLength + 4 <= data.count else { throw ProtocolError(description: "a malformed READY property") }
            let name = String(decoding: data[(position + 1)..<(position + 1 + nameLength)], as: UTF8.self).lowercased()
            position += 1 + nameLength
            let valueLength = data[position..<(position + 4)].reduce(0) { $0 << 8 | Int($1) }
            position += 4
            guard position + valueLength <= data.count else { throw ProtocolError(description: "a malformed READY property") }
            properties[name] = Array(data[position..<(position + valueLength)])
            position += valueLength
        }
        return properties
    }

    /// Reads frames from a byte stream as it arrives, after the greeting.
    struct Reader {
        private var buffer: [UInt8] = []
        private var start = 0
        private var frames: [[UInt8]] = []
        /// Whether the peer's greeting has been read.
        private(set) var hasGreeting = false

        /// The largest frame accepted: a notebook's cell or a message is far smaller.
        static let largestFrame = 256 * 1024 * 1024

        /// Takes `bytes` that arrived; returns the events they complete.
        mutating func take(_ bytes: some Collection<UInt8>) throws(ProtocolError) -> [Event] {
            buffer.append(contentsOf: bytes)
            var events: [Event] = []
            if !hasGreeting {
                guard buffer.count - start >= greetingLength else { return [] }
                try checkGreeting(buffer[start..<(start + greetingLength)])
                start += greetingLength
                hasGreeting = true
            }
            while let (flags, body) = try nextFrame() {
                if flags & 4 != 0 {
                    guard let nameLength = body.first.map(Int.init), body.count >= 1 + nameLength else {
                        throw ProtocolError(description: "a malformed command")
                    }
                    let name = String(decoding: body[1..<(1 + nameLength)], as: UTF8.self)
                    events.append(.command(name: name, data: Array(body[(1 + nameLength)...])))
                    continue
                }
                frames.append(body)
                if flags & 1 == 0 {
                    events.append(.message(frames))
                    frames = []
                }
            }
            // Drop what has been read once it is most of the buffer, so it does not grow without end.
            if start > 65_536, start * 2 > buffer.count {
                buffer.removeFirst(start)
                start = 0
            }
            return events
        }

        private mutating func nextFrame() throws(ProtocolError) -> (flags: UInt8, body: [UInt8])? {
            guard buffer.count - start >= 2 else { return nil }
            let flags = buffer[start]
            guard flags & 0xF8 == 0 else { throw ProtocolError(description: "a frame with unknown flags") }
            let headerLength: Int
            let size: Int
            if flags & 2 != 0 {
                guard buffer.count - start >= 9 else { return nil }
                let long = buffer[(start + 1)..<(start + 9)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                guard long <= UInt64(Self.largestFrame) else { throw ProtocolError(description: "a frame of \(long) bytes is too large") }
                headerLength = 9
                size = Int(long)
            } else {
                headerLength = 2
                size = Int(buffer[start + 1])
            }
            guard buffer.count - start >= headerLength + size else { return nil }
            let body = Array(buffer[(start + headerLength)..<(start + headerLength + size)])
            start += headerLength + size
            return (flags, body)
        }
    }
}
