/// How a result asks to be shown (`render bar`): a hint for renderers that draw, ignored by those
/// that write data (CSV, JSON).
public enum Presentation: Hashable, Sendable {
    /// Rows under columns.
    case table
    /// One bar per row, as long as the value in column `value`.
    case bar(value: Int)
    /// The values of column `value` as a line, in row order.
    case line(value: Int)
    /// Edges from the entity in column `from` to the one in column `to` (the first two Entity
    /// columns), labelled by the first other text column and weighted by the first number column,
    /// when the table has them.
    case graph(from: Int, to: Int, label: Int?, weight: Int?)

    /// The words `render` takes.
    public static let words = ["table", "bar", "line", "graph"]
}
