/// The unit a typed `timeline` counts by: `timeline by month`.
public enum TimelineUnit: String, Hashable, Sendable, CaseIterable {
    /// `by day`
    case day
    /// `by week` (ISO weeks, from Monday)
    case week
    /// `by month`, what `timeline` counts by when no unit is written
    case month
    /// `by quarter`
    case quarter
    /// `by year`
    case year
}

/// Where a typed `cooccur` counts two entities as named together: `in sentence` or `in document`.
public enum CooccurrenceUnit: String, Hashable, Sendable, CaseIterable {
    /// Named in the same sentence: `in sentence`.
    case sentence
    /// Named in the same document: `in document`.
    case document
}

/// How a typed query's result asks to be shown: `render table|bar|line|graph`.
///
/// It changes nothing but the ``ResultTable/presentation`` of the table fetched (and how the shell
/// or a notebook draws it), so a typed query writes it as its last stage whatever stages follow.
public enum RenderStyle: String, Hashable, Sendable, CaseIterable {
    /// Rows under columns: `render table`.
    case table
    /// A bar per row, as long as the table's last number column: `render bar`.
    case bar
    /// The table's last number column as a line: `render line`.
    case line
    /// Edges between the table's first two Entity columns: `render graph`.
    case graph
}
