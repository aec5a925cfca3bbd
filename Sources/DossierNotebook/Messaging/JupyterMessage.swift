import DossierCore
import Foundation

/// A message of the Jupyter messaging protocol (version 5.3), as it travels in ZeroMQ frames:
/// routing identities, the `<IDS|MSG>` delimiter, an HMAC signature, then four JSON parts (header,
/// parent header, metadata, content) and any binary buffers.
struct JupyterMessage {
    /// The routing frames before the delimiter (the client's identity on a ROUTER socket, the topic on iopub).
    var identities: [[UInt8]]
    var header: JSONValue
    var parentHeader: JSONValue
    var metadata: JSONValue
    var content: JSONValue
    var buffers: [[UInt8]] = []

    /// The header's `msg_type`: `execute_request`, `status`, …
    var type: String { header["msg_type"]?.string ?? "" }

    /// The frame that separates routing identities from the message.
    static let delimiter = Array("<IDS|MSG>".utf8)

    /// The protocol version this kernel speaks.
    static let protocolVersion = "5.3"

    /// Why frames were not a message.
    enum Problem: Error, Equatable {
        /// No `<IDS|MSG>` delimiter, or fewer than the five frames after it.
        case malformed
        /// The signature does not match the key.
        case badSignature
        /// A JSON part could not be read.
        case unreadable(String)
    }

    /// Reads frames; the signature is checked with `signer` over the parts' bytes as they came.
    init(frames: [[UInt8]], signer: MessageSignature) throws(Problem) {
        guard let split = frames.firstIndex(of: Self.delimiter), frames.count >= split + 6 else { throw .malformed }
        let parts = Array(frames[(split + 2)..<(split + 6)])
        guard signer.verifies(String(decoding: frames[split + 1], as: UTF8.self), of: parts) else { throw .badSignature }
        func json(_ bytes: [UInt8]) throws(Problem) -> JSONValue {
            do {
                return try JSONParser.parse(bytes, sourceName: "<message>")
            } catch {
                throw .unreadable(error.message)
            }
        }
        identities = Array(frames[..<split])
        header = try json(parts[0])
        parentHeader = try json(parts[1])
        metadata = try json(parts[2])
        content = try json(parts[3])
        buffers = Array(frames[(split + 6)...])
    }

    /// A new message of `type` from the kernel's session `session`, in reply to (or caused by) `parent`.
    init(type: String, content: JSONValue, parent: JupyterMessage?, session: String, identities: [[UInt8]]) {
        self.identities = identities
        self.header = .object([
            ("msg_id", .string(UUID().uuidString.lowercased())), ("session", .string(session)), ("username", .string("dossier")),
            ("date", .string(Self.timestamp())), ("msg_type", .string(type)), ("version", .string(Self.protocolVersion)),
        ])
        self.parentHeader = parent?.header ?? .object([])
        self.metadata = .object([])
        self.content = content
    }

    /// The frames to send, signed by `signer`.
    func frames(signer: MessageSignature) -> [[UInt8]] {
        let parts = [header, parentHeader, metadata, content].map { Array($0.text.utf8) }
        return identities + [Self.delimiter, Array(signer.signature(of: parts).utf8)] + parts + buffers
    }

    /// Now, as ISO 8601 with microseconds in UTC, as Jupyter writes dates.
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = Int(seconds.rounded(.down))
        let micro = Int(((seconds - Double(whole)) * 1_000_000).rounded(.down))
        let day = Day(number: Int((Double(whole) / 86_400).rounded(.down)) + Day(year: 1970, month: 1, day: 1)!.number)
        let secondOfDay = whole - (day.number - Day(year: 1970, month: 1, day: 1)!.number) * 86_400
        func pad(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(day.iso)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(micro, 6))Z"
    }
}

/// What a Jupyter connection file says: where each channel listens and the key that signs messages.
struct ConnectionInfo: Equatable {
    var transport: String
    var address: String
    var shellPort: Int
    var iopubPort: Int
    var stdinPort: Int
    var controlPort: Int
    var heartbeatPort: Int
    var key: String
    var signatureScheme: String

    /// Reads the connection file Jupyter wrote for the kernel.
    init(path: String) throws(Diagnostic) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.error, FileManager.default.fileExists(atPath: path) ? .fileUnreadable : .fileNotFound, FileManager.default.fileExists(atPath: path) ? "the connection file cannot be read" : "no such connection file",
                             sourceName: path)
        }
        try self.init(json: try JSONParser.parse(Array(data), sourceName: path), sourceName: path)
    }

    init(json: JSONValue, sourceName: String) throws(Diagnostic) {
        func port(_ key: String) throws(Diagnostic) -> Int {
            guard let port = json[key]?.integer, (0...65_535).contains(port) else {
                throw Diagnostic(.error, .invalidConnectionFile, "the connection file has no valid '\(key)'", sourceName: sourceName)
            }
            return port
        }
        transport = json["transport"]?.string ?? "tcp"
        address = json["ip"]?.string ?? "127.0.0.1"
        shellPort = try port("shell_port")
        iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port")
        controlPort = try port("control_port")
        heartbeatPort = try port("hb_port")
        key = json["key"]?.string ?? ""
        signatureScheme = json["signature_scheme"]?.string ?? "hmac-sha256"
        guard signatureScheme == "hmac-sha256" || key.isEmpty else {
            throw Diagnostic(.error, .invalidConnectionFile, "the connection file asks for the signature scheme '\(signatureScheme)'; only hmac-sha256 is supported",
                             sourceName: sourceName)
        }
    }
}
