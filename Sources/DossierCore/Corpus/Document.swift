/// One news article: its text and what is known about it.
public struct Document: Hashable, Sendable, Identifiable {
    /// A stable identifier: the file name without its extension, a JSONL `id`, or a CSV row's URL.
    public var id: String
    /// The headline, when the source gives one.
    public var title: String?
    /// The publication date, when the source gives one; relative time expressions are read against it.
    public var date: Day?
    /// Where the document came from: a publisher or the file it was read from.
    public var source: String?
    /// The article's address, when it has one.
    public var url: String?
    /// The article's text. Offsets into it are Unicode code-point offsets.
    public var text: String

    /// Creates a document.
    public init(id: String, title: String? = nil, date: Day? = nil, source: String? = nil, url: String? = nil, text: String) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.text = text
    }
}
