/// What every column of the index is: rows numbered from 0, read like an array.
package protocol IndexColumn<Element>: RandomAccessCollection, Sendable where Index == Int {}

extension IndexColumn where Element: Equatable {
    /// Whether the column holds exactly `values`, in order.
    package static func == (column: Self, values: [Element]) -> Bool { column.elementsEqual(values) }

    /// Whether two columns hold the same values, in order.
    package static func == (column: Self, other: Self) -> Bool { column.elementsEqual(other) }
}

extension Column: IndexColumn {}
extension StringColumn: IndexColumn {}
extension DictionaryStringColumn: IndexColumn {}
extension OptionalStringColumn: IndexColumn {}
extension StringListColumn: IndexColumn {}
extension CodedColumn: IndexColumn {}
extension FlagColumn: IndexColumn {}
extension DayColumn: IndexColumn {}
extension TimeRangeColumn: IndexColumn {}
extension DocumentTexts: IndexColumn {}
