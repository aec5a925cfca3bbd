import DossierCore

/// HMAC-SHA256 (RFC 2104, FIPS 180-4), which Jupyter uses to sign every message with the key from
/// the connection file, so no other local process can drive the kernel.
///
/// The kernel signs a few small messages a second; this plain implementation is far faster than that
/// needs, and keeps the executable free of a cryptography library for one function.
struct MessageSignature: Sendable {
    private let key: [UInt8]

    /// A signer with `key`; an empty key means messages are not signed (the signature is empty).
    init(key: String) { self.key = Array(key.utf8) }

    /// Whether messages are signed at all.
    var isSigning: Bool { !key.isEmpty }

    /// The signature of a message's four JSON parts, as lowercase hexadecimal.
    func signature(of parts: [[UInt8]]) -> String {
        guard isSigning else { return "" }
        return Self.hexadecimal(Self.hmac(key: key, message: parts))
    }

    /// Whether `signature` is the one `parts` should carry, compared in constant time.
    func verifies(_ signature: String, of parts: [[UInt8]]) -> Bool {
        guard isSigning else { return true }
        let expected = Array(self.signature(of: parts).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// HMAC-SHA256 of the concatenation of `message`'s parts.
    static func hmac(key: [UInt8], message: [[UInt8]]) -> [UInt8] {
        var block = key.count > 64 ? SHA256.digest(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        for part in message { inner.update(part) }
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(inner.finish())
        return outer.finish()
    }

    static func hexadecimal(_ bytes: [UInt8]) -> String { SHA256.hexadecimal(bytes) }
}
