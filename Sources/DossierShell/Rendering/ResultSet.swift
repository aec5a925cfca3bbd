import DossierCore
import DossierQuery

/// What a statement gives, in the shape the renderers print.
public enum ResultSet: Hashable, Sendable {
    /// Rows under named columns, and how the query asked them to be shown (`render bar`).
    case table(columns: [String], rows: [[Value]], presentation: Presentation = .table)
    /// One value, such as the result of `count`.
    case scalar(name: String, value: Value)
}
