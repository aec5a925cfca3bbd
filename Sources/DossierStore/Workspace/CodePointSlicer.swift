/// Cuts pieces out of a text by code-point offsets, working on its UTF-8 bytes.
///
/// Spans count code points, strings store UTF-8: one pass maps every code-point offset to its byte
/// offset, after which each slice is a byte copy rather than a walk over scalars.
struct CodePointSlicer {
    private let bytes: [UInt8]
    /// The byte offset where each code point starts, and the text's length in bytes at the end.
    private let byteOffsets: [Int32]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var offsets: [Int32] = []
        offsets.reserveCapacity(bytes.count + 1)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {  // not a continuation byte
            offsets.append(Int32(offset))
        }
        offsets.append(Int32(bytes.count))
        byteOffsets = offsets
    }

    /// The number of code points in the text.
    var count: Int { byteOffsets.count - 1 }

    /// The text of `span`, clamped to the text.
    func text(of span: TextSpan) -> String {
        let last = byteOffsets.count - 1
        let start = Int(byteOffsets[min(max(0, span.start), last)])
        let end = Int(byteOffsets[min(max(span.start, span.end), last)])
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

import DossierCore
