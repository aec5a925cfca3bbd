/// A half-open range of Unicode code-point offsets into a document's text, `[start, end)`.
///
/// Code points are how Python and most NLP tools count, so spans exchanged in JSONL match theirs.
public struct TextSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The offset of the first code point.
    public var start: Int
    /// The offset just past the last code point.
    public var end: Int

    /// Creates a span; `end` must not precede `start`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    /// The number of code points in the span.
    public var length: Int { end - start }

    /// Whether the two spans share a code point.
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    /// Whether `other` lies inside this span.
    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }

    /// `start..<end`.
    public var description: String { "\(start)..<\(end)" }
}
