import DossierCore

/// `param NAME: TYPE = DEFAULT` as written: a script parameter, used in later statements as `$NAME`.
///
/// The type is a word (`entity`, `time`, `string`, `number`, `bool`, or an enumeration: `kind`,
/// `predicate`, `modality`, `timextype`) or a list of words the value must be one of
/// (`[day, week, month]`). Without a default the parameter must be given a value
/// (`dossier run --param NAME=VALUE`, or `.param set NAME VALUE` in the shell).
package struct ParameterDeclaration: Hashable, Sendable {
    /// How the type was written.
    package enum TypeSyntax: Hashable, Sendable {
        /// A type name: `entity`, `time`, `kind`, …
        case name(Identifier)
        /// `[a, b, c]`: one of these words.
        case choices([Identifier])
    }

    /// The default as written, after `=`.
    package struct DefaultValue: Hashable, Sendable {
        /// The text of the default, as written (`@putin`, `"arrest warrant"`, `2023-07`).
        package var text: String
        /// Where it was written.
        package var range: SourceRange

        /// Creates a default.
        package init(text: String, range: SourceRange) {
            self.text = text
            self.range = range
        }
    }

    /// The parameter's name.
    package var name: Identifier
    /// Its type as written.
    package var type: TypeSyntax
    /// Where the type was written.
    package var typeRange: SourceRange
    /// The default, when one is written.
    package var defaultValue: DefaultValue?

    /// Creates a declaration.
    package init(name: Identifier, type: TypeSyntax, typeRange: SourceRange, defaultValue: DefaultValue?) {
        self.name = name
        self.type = type
        self.typeRange = typeRange
        self.defaultValue = defaultValue
    }
}
