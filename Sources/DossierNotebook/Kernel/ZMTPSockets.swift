import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A peer connected to one of the kernel's sockets: a Jupyter client's ZeroMQ socket.
final class ZMTPPeer: @unchecked Sendable {
    let descriptor: Int32
    private let writeLock = NSLock()
    private var reader = ZMTP.Reader()
    /// The topic prefixes a subscriber asked for (on the publishing socket).
    private var subscriptions: [[UInt8]] = []
    private var isClosed = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Reads what arrived (the poll loop calls it when the socket is readable); `nil` when the peer
    /// has gone or broke the protocol.
    fileprivate func readEvents() -> [ZMTP.Event]? {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0, errno == EINTR || errno == EAGAIN { return [] }
        guard count > 0 else { return nil }
        do {
            return try reader.take(chunk[..<count])
        } catch {
            return nil
        }
    }

    /// Sends bytes, whole; `false` when the peer has gone (or stopped reading for longer than the send timeout).
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        writeLock.withLock {
            guard !isClosed else { return false }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer in
                    sendBytes(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    isClosed = true
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Sends a message of frames.
    @discardableResult
    func send(frames: [[UInt8]]) -> Bool { send(ZMTP.message(frames)) }

    fileprivate func subscribe(_ topic: [UInt8]) { writeLock.withLock { subscriptions.append(topic) } }

    fileprivate func unsubscribe(_ topic: [UInt8]) {
        writeLock.withLock {
            if let position = subscriptions.firstIndex(of: topic) { subscriptions.remove(at: position) }
        }
    }

    fileprivate func isSubscribed(to topic: [UInt8]) -> Bool {
        writeLock.withLock { subscriptions.contains { topic.starts(with: $0) } }
    }

    fileprivate func close() {
        writeLock.withLock {
            isClosed = true
            closeSocket(descriptor)
        }
    }
}

// The C calls whose names the types above reuse, and what differs between Linux and macOS.
#if canImport(Glibc)
private func sendBytes(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    Glibc.send(descriptor, pointer, count, Int32(MSG_NOSIGNAL))
}
private func closeSocket(_ descriptor: Int32) { _ = Glibc.close(descriptor) }
private func acceptPeer(_ listener: Int32) -> Int32 { Glibc.accept(listener, nil, nil) }
private func listenOn(_ descriptor: Int32) -> Int32 { Glibc.listen(descriptor, 16) }
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#else
private func sendBytes(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    var one: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
    return Darwin.send(descriptor, pointer, count, 0)
}
private func closeSocket(_ descriptor: Int32) { _ = Darwin.close(descriptor) }
private func acceptPeer(_ listener: Int32) -> Int32 { Darwin.accept(listener, nil, nil) }
private func listenOn(_ descriptor: Int32) -> Int32 { Darwin.listen(descriptor, 16) }
private let streamSocket = SOCK_STREAM
#endif

/// One of the kernel's listening sockets (shell, control, stdin, heartbeat: ROUTER; iopub: PUB),
/// bound to its address and accepting any number of peers.
final class ZMTPEndpoint: @unchecked Sendable {
    /// How the socket behaves.
    enum Kind: String {
        /// Hands each peer's messages to ``onMessage``; replies go back to that peer.
        case router = "ROUTER"
        /// Sends each published message to the peers subscribed to its topic.
        case publisher = "PUB"
    }

    let kind: Kind
    /// The channel's name, for messages: `shell`, `iopub`, …
    let name: String
    fileprivate let listener: Int32
    private let lock = NSLock()
    private var peers: [ZMTPPeer] = []
    /// Told each message a peer sends (on the poll thread).
    var onMessage: @Sendable (ZMTPPeer, [[UInt8]]) -> Void = { _, _ in }

    /// Binds to `transport://address:port` (`tcp` or `ipc`, as Jupyter's connection files name them).
    init(kind: Kind, name: String, transport: String, address: String, port: Int) throws(Diagnostic) {
        self.kind = kind
        self.name = name
        self.listener = try Self.listen(transport: transport, address: address, port: port, channel: name)
    }

    /// Sends `frames` to every peer subscribed to their first frame's topic.
    func publish(_ frames: [[UInt8]]) {
        let topic = frames.first ?? []
        let bytes = ZMTP.message(frames)
        for peer in lock.withLock({ peers }) where peer.isSubscribed(to: topic) {
            if !peer.send(bytes) { drop(peer) }
        }
    }

    fileprivate func accept() {
        let descriptor = acceptPeer(listener)
        guard descriptor >= 0 else { return }
        // A peer that stops reading for this long is dropped rather than stalling the kernel.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let peer = ZMTPPeer(descriptor: descriptor)
        guard peer.send(ZMTP.greeting + ZMTP.ready(socketType: kind.rawValue)) else { return peer.close() }
        lock.withLock { peers.append(peer) }
    }

    fileprivate var descriptors: [(Int32, ZMTPPeer?)] {
        [(listener, nil)] + lock.withLock { peers.map { ($0.descriptor, $0) } }
    }

    fileprivate func read(from peer: ZMTPPeer) {
        guard let events = peer.readEvents() else { return drop(peer) }
        for event in events {
            switch event {
            case .message(let frames) where kind == .publisher:
                // ZMTP 3.0 subscriptions: a message of 1 (subscribe) or 0 (cancel) and the topic.
                guard let first = frames.first?.first else { continue }
                if first == 1 { peer.subscribe(Array(frames[0].dropFirst())) }
                if first == 0 { peer.unsubscribe(Array(frames[0].dropFirst())) }
            case .message(let frames):
                onMessage(peer, frames)
            case .command(name: "SUBSCRIBE", let data):
                peer.subscribe(data)
            case .command(name: "CANCEL", let data):
                peer.unsubscribe(data)
            case .command(name: "PING", let data):
                // PONG carries the PING's context (what follows its two-byte time to live).
                peer.send(ZMTP.command("PONG", data: Array(data.dropFirst(2))))
            case .command(name: "READY", let data):
                let socketType = (try? ZMTP.properties(data))?["socket-type"].map { String(decoding: $0, as: UTF8.self) }
                if let socketType, !Self.accepts(socketType, on: kind) { drop(peer) }
            case .command:
                break
            }
        }
    }

    /// Whether a peer of `socketType` may talk to a socket of `kind` (ZeroMQ's valid pairs).
    static func accepts(_ socketType: String, on kind: Kind) -> Bool {
        switch kind {
        case .router: ["DEALER", "REQ", "ROUTER"].contains(socketType)
        case .publisher: ["SUB", "XSUB"].contains(socketType)
        }
    }

    private func drop(_ peer: ZMTPPeer) {
        lock.withLock { peers.removeAll { $0 === peer } }
        peer.close()
    }

    func closeAll() {
        for peer in lock.withLock({ peers }) { drop(peer) }
        closeSocket(listener)
    }

    private static func listen(transport: String, address: String, port: Int, channel: String) throws(Diagnostic) -> Int32 {
        func failure(_ what: String) -> Diagnostic {
            Diagnostic(.error, .socketFailed, "the \(channel) channel cannot listen on \(transport)://\(address):\(port): \(what): \(String(cString: strerror(errno)))")
        }
        switch transport {
        case "tcp":
            var hints = addrinfo()
            hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = streamSocket
            var found: UnsafeMutablePointer<addrinfo>?
            let host = address == "*" || address.isEmpty ? nil : address
            guard getaddrinfo(host, String(port), &hints, &found) == 0, let info = found else {
                throw Diagnostic(.error, .socketFailed, "the \(channel) channel cannot listen on '\(address)': not an address of this machine")
            }
            defer { freeaddrinfo(found) }
            let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard descriptor >= 0 else { throw failure("socket") }
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            guard bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
                let problem = failure("bind")
                closeSocket(descriptor)
                throw problem
            }
            guard listenOn(descriptor) == 0 else { throw failure("listen") }
            return descriptor
        case "ipc":
            // Jupyter's ipc transport names a Unix socket path: ADDRESS-PORT.
            let path = "\(address)-\(port)"
            unlink(path)
            let descriptor = socket(AF_UNIX, streamSocket, 0)
            guard descriptor >= 0 else { throw failure("socket") }
            var unixAddress = sockaddr_un()
            unixAddress.sun_family = sa_family_t(AF_UNIX)
            let capacity = MemoryLayout.size(ofValue: unixAddress.sun_path)
            guard path.utf8.count < capacity else { throw Diagnostic(.error, .socketFailed, "the ipc path '\(path)' is longer than \(capacity - 1) bytes") }
            withUnsafeMutableBytes(of: &unixAddress.sun_path) { buffer in
                for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
            }
            let bound = withUnsafePointer(to: &unixAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard bound == 0 else { throw failure("bind") }
            guard listenOn(descriptor) == 0 else { throw failure("listen") }
            return descriptor
        default:
            throw Diagnostic(.error, .socketFailed, "the transport '\(transport)' is not supported; use tcp or ipc")
        }
    }
}

/// The thread that accepts peers and reads what they send on every endpoint, with `poll(2)`.
final class ZMTPPoller: @unchecked Sendable {
    private let endpoints: [ZMTPEndpoint]
    private let running = NSLock()
    private var isRunning = true
    private var thread: Thread?

    init(endpoints: [ZMTPEndpoint]) { self.endpoints = endpoints }

    /// Starts reading on a thread of its own.
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "dossier-kernel-sockets"
        thread.start()
        self.thread = thread
    }

    /// Stops the loop and closes every socket.
    func stop() {
        running.withLock { isRunning = false }
        for endpoint in endpoints { endpoint.closeAll() }
    }

    private func loop() {
        while running.withLock({ isRunning }) {
            var watched: [(ZMTPEndpoint, Int32, ZMTPPeer?)] = []
            for endpoint in endpoints {
                for (descriptor, peer) in endpoint.descriptors { watched.append((endpoint, descriptor, peer)) }
            }
            var descriptors = watched.map { pollfd(fd: $0.1, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), 200)
            guard ready > 0, running.withLock({ isRunning }) else { continue }
            for (position, entry) in descriptors.enumerated() where entry.revents != 0 {
                let (endpoint, _, peer) = watched[position]
                if let peer { endpoint.read(from: peer) } else { endpoint.accept() }
            }
        }
    }
}
