import DossierCore
import Testing
@testable import DossierNotebook

/// The pieces of the Jupyter protocol the kernel speaks: HMAC-SHA256 signatures, ZMTP 3.0 frames,
/// and messages read and written with their signatures.
@Suite("Kernel protocol")
struct ProtocolTests {
    static func hex(_ bytes: [UInt8]) -> String { MessageSignature.hexadecimal(bytes) }

    @Test func sha256MatchesTheStandardsVectors() {
        #expect(Self.hex(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex(SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(Self.hex(SHA256.digest(Array(twoBlocks.utf8))) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Fed in pieces that straddle blocks, the digest is the same.
        var pieces = SHA256()
        for piece in ["abcdbcdecdefdefgefghfghighijhi", "jkijkljklmklmnlmnomnopnopq"] { pieces.update(Array(piece.utf8)) }
        #expect(Self.hex(pieces.finish()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Self.hex(SHA256.digest(million)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hmacMatchesRFC4231() {
        // Test case 1: a 20-byte key of 0x0b.
        let first = MessageSignature.hmac(key: [UInt8](repeating: 0x0B, count: 20), message: [Array("Hi There".utf8)])
        #expect(Self.hex(first) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        // Test case 2: a short key, the message in two parts.
        let second = MessageSignature.hmac(key: Array("Jefe".utf8), message: [Array("what do ya want ".utf8), Array("for nothing?".utf8)])
        #expect(Self.hex(second) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 6: a key longer than a block is hashed first.
        let long = MessageSignature.hmac(key: [UInt8](repeating: 0xAA, count: 131),
                                         message: [Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)])
        #expect(Self.hex(long) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func messagesAreSignedAndCheckedWithTheKey() throws {
        let signer = MessageSignature(key: "secret")
        let request = JupyterMessage(type: "execute_request", content: .object([("code", .string("documents | count"))]), parent: nil,
                                     session: "client", identities: [Array("peer".utf8)])
        let frames = request.frames(signer: signer)
        #expect(frames[0] == Array("peer".utf8) && frames[1] == JupyterMessage.delimiter)
        let read = try JupyterMessage(frames: frames, signer: signer)
        #expect(read.type == "execute_request" && read.content["code"]?.string == "documents | count")
        #expect(read.identities == [Array("peer".utf8)])
        var tampered = frames
        tampered[6] = Array(#"{"code": "documents | take 1"}"#.utf8)
        #expect(throws: JupyterMessage.Problem.badSignature) { try JupyterMessage(frames: tampered, signer: signer) }
        #expect(throws: JupyterMessage.Problem.badSignature) { try JupyterMessage(frames: frames, signer: MessageSignature(key: "other")) }
        #expect(throws: JupyterMessage.Problem.malformed) { try JupyterMessage(frames: Array(frames.prefix(4)), signer: signer) }
        // Without a key nothing is signed, and anything is accepted.
        #expect(JupyterMessage(type: "status", content: .object([]), parent: read, session: "k", identities: []).frames(signer: MessageSignature(key: ""))[1].isEmpty)
        let reply = JupyterMessage(type: "execute_reply", content: .object([]), parent: read, session: "kernel", identities: read.identities)
        #expect(reply.parentHeader["msg_id"] == read.header["msg_id"] && reply.header["version"]?.string == "5.3")
    }

    @Test func timestampsAreISO8601WithMicroseconds() {
        #expect(JupyterMessage.timestamp(.init(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000Z")
        #expect(JupyterMessage.timestamp(.init(timeIntervalSince1970: 1_700_000_000.25)) == "2023-11-14T22:13:20.250000Z")
    }

    @Test func zmtpGreetingReadyAndFrames() throws {
        #expect(ZMTP.greeting.count == 64 && ZMTP.greeting[0] == 0xFF && ZMTP.greeting[9] == 0x7F && ZMTP.greeting[10] == 3)
        try ZMTP.checkGreeting(ZMTP.greeting[...])
        var plain = ZMTP.greeting
        plain.replaceSubrange(12..<16, with: Array("PLAI".utf8))
        #expect(throws: ZMTP.ProtocolError.self) { try ZMTP.checkGreeting(plain[...]) }

        var reader = ZMTP.Reader()
        let long = [UInt8](repeating: 7, count: 300)
        let stream = ZMTP.greeting + ZMTP.ready(socketType: "DEALER") + ZMTP.message([Array("a".utf8), long]) + ZMTP.command("SUBSCRIBE", data: [1, 2])
        // Bytes arrive in any pieces; events come once whole.
        var events: [ZMTP.Event] = []
        for start in stride(from: 0, to: stream.count, by: 37) { events += try reader.take(stream[start..<min(start + 37, stream.count)]) }
        #expect(events.count == 3)
        guard case .command("READY", let data) = events[0] else { Issue.record("no READY: \(events[0])"); return }
        #expect(try ZMTP.properties(data)["socket-type"] == Array("DEALER".utf8))
        #expect(events[1] == .message([Array("a".utf8), long]))
        #expect(events[2] == .command(name: "SUBSCRIBE", data: [1, 2]))
        // A long frame has an eight-byte size.
        #expect(ZMTP.frame(long)[0] == 2 && ZMTP.frame(long).count == 1 + 8 + 300)
        #expect(ZMTP.frame([1], more: true) == [1, 1, 1])
    }

    @Test func socketTypesPairAsZeroMQPairsThem() {
        #expect(ZMTPEndpoint.accepts("DEALER", on: .router) && ZMTPEndpoint.accepts("REQ", on: .router))
        #expect(ZMTPEndpoint.accepts("SUB", on: .publisher) && !ZMTPEndpoint.accepts("DEALER", on: .publisher))
        #expect(!ZMTPEndpoint.accepts("PUB", on: .router))
    }

    @Test func connectionFilesAreRead() throws {
        let json = try JSONParser.parse("""
            {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
             "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "dossier"}
            """)
        let connection = try ConnectionInfo(json: json, sourceName: "kernel.json")
        #expect(connection.shellPort == 5001 && connection.heartbeatPort == 5005 && connection.key == "k" && connection.transport == "tcp")
        let missing = try JSONParser.parse(#"{"shell_port": 5001}"#)
        #expect(throws: Diagnostic.self) { try ConnectionInfo(json: missing, sourceName: "kernel.json") }
        let md5 = try JSONParser.parse(#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}"#)
        #expect(throws: Diagnostic.self) { try ConnectionInfo(json: md5, sourceName: "kernel.json") }
    }
}
