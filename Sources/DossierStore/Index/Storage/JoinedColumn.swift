/// Two columns read as one, `first`'s rows and then `second`'s: a table's rows copied from a file
/// written earlier followed by a batch's, grouped without being copied into one column.
struct JoinedColumn<Element: BitwiseCopyable>: RandomAccessCollection {
    private let first: UnsafeBufferPointer<Element>
    private let second: UnsafeBufferPointer<Element>
    /// The columns, kept alive while their buffers are read.
    private let columns: (Column<Element>, Column<Element>)

    /// `first`'s rows, then `second`'s.
    init(_ first: Column<Element>, _ second: Column<Element> = Column()) {
        columns = (first, second)
        self.first = first.buffer
        self.second = second.buffer
    }

    /// The first row.
    var startIndex: Int { 0 }
    /// One past the last row.
    var endIndex: Int { first.count + second.count }

    /// The value of row `position`.
    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < endIndex, "row out of range")
        return position < first.count ? first[position] : second[position - first.count]
    }
}
