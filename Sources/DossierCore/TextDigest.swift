/// The SHA-256 digest of a text's UTF-8 bytes, as 64 hex digits: a fingerprint two different texts
/// never share in practice, so a workspace can hold it in a unique index and refuse the same text twice.
///
/// ``ContentHash`` is cheaper but only 64 bits and not collision-resistant; a unique index on it
/// could refuse a text that merely collides with another.
package enum TextDigest {
    /// The digest of `text`.
    package static func of(_ text: String) -> String {
        SHA256.hexadecimal(SHA256.digest(Array(text.utf8)))
    }
}
