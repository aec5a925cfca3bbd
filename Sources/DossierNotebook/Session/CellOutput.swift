import DossierCore

/// What a notebook shows for one result in several forms, by MIME type; the front end picks the
/// richest one it can show (JupyterLab a Vega-Lite chart, GitHub the SVG, a console the text).
struct MimeBundle: Equatable {
    /// The forms, by MIME type: text types as strings, JSON types (`application/json`,
    /// `application/vnd.vegalite.v5+json`) as JSON values.
    var data: [(type: String, value: JSONValue)]

    static func == (lhs: MimeBundle, rhs: MimeBundle) -> Bool { lhs.json == rhs.json }

    /// The bundle as the `data` object of a message or an nbformat output.
    var json: JSONValue { .object(data.map { ($0.type, $0.value) }) }

    /// The form of `type`, if the bundle has it.
    subscript(type: String) -> JSONValue? { data.first { $0.type == type }?.value }

    /// The plain-text form, which every bundle has.
    var plainText: String { self["text/plain"]?.string ?? "" }
}

/// One output of a cell, as the Jupyter protocol and nbformat 4 both know it.
enum CellOutput: Equatable {
    /// Text on `stdout` or `stderr`.
    case stream(name: String, text: String)
    /// A result shown in the cell (a statement's table or chart).
    case display(MimeBundle)
    /// The cell's last result, shown with the cell's execution count.
    case result(MimeBundle)
    /// The error that stopped the cell: a name, the message, and the lines shown (the caret excerpt).
    case error(name: String, value: String, traceback: [String])

    /// The output as an nbformat 4 output object; `count` is the cell's execution count.
    func notebookJSON(count: Int) -> JSONValue {
        switch self {
        case .stream(let name, let text):
            return .object([("name", .string(name)), ("output_type", .string("stream")), ("text", .lines(text))])
        case .display(let bundle):
            return .object([("data", Self.notebookData(bundle)), ("metadata", .object([])), ("output_type", .string("display_data"))])
        case .result(let bundle):
            return .object([("data", Self.notebookData(bundle)), ("execution_count", .integer(count)), ("metadata", .object([])),
                            ("output_type", .string("execute_result"))])
        case .error(let name, let value, let traceback):
            return .object([("ename", .string(name)), ("evalue", .string(value)), ("output_type", .string("error")),
                            ("traceback", .array(traceback.map(JSONValue.string)))])
        }
    }

    /// A bundle's data as nbformat stores it: text forms (and SVG) as lists of lines, JSON forms as JSON.
    private static func notebookData(_ bundle: MimeBundle) -> JSONValue {
        .object(bundle.data.map { type, value in
            if let text = value.string, type.hasPrefix("text/") || type == "image/svg+xml" { return (type, .lines(text)) }
            return (type, value)
        })
    }
}
