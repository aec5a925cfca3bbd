import Testing
@testable import DossierCore

/// Diagnostic codes are a closed set of names that never change; a diagnostic compares its
/// underlying error too.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    /// The names programs and tests rely on. A new code is added here; a code is never renamed.
    static let stableNames = [
        "unexpectedCharacter", "unterminatedString", "invalidEscape", "numberTooLarge", "expectedName", "unexpectedToken",
        "expectedSource", "expectedStage", "expectedValue", "unclosedBracket", "unknownStage", "malformedTimeLiteral",
        "invalidStageArgument", "reservedName", "expectedPipeline", "nestedTooDeeply", "unknownSource", "unknownField",
        "unknownFunction", "unknownCase", "unknownEntity", "ambiguousEntity", "stageInputMismatch", "typeMismatch",
        "untypedNull", "expectedLiteral", "wrongArgumentCount", "duplicateName", "invalidRegex", "invalidSearchWords",
        "resultKindMismatch", "unknownParameter", "unknownParameterType", "missingParameterValue", "invalidParameterValue",
        "parameterUsedBeforeDeclaration", "cancelled", "resultTooLarge", "searchUnavailable", "workspaceMissing",
        "notAWorkspace", "workspaceTooNew", "workspaceBusy", "workspaceOpenFailed", "workspaceReadFailed",
        "workspaceWriteFailed", "workspaceReadOnly", "columnFileUnwritable", "idTaken", "fileNotFound", "fileUnreadable", "fileUnwritable",
        "noInputFiles", "malformedRecord", "recordChanged", "malformedJSON", "invalidNotebook", "unknownCommand",
        "invalidArgument", "unknownHelpTopic", "writeNotAllowed", "expectedOutputMissing", "invalidConnectionFile",
        "socketFailed", "unexpectedError",
    ]

    @Test func theCodesAreTheirOwnNamesAndNoneIsRenamed() {
        #expect(Diagnostic.Code.allCases.map(\.rawValue) == Self.stableNames)
        for code in Diagnostic.Code.allCases {
            #expect(String(describing: code) == code.rawValue)
            #expect(Diagnostic.Code(rawValue: code.rawValue) == code)
        }
    }

    @Test func aDiagnosticKeepsItsUnderlyingErrorAndComparesIt() {
        struct Cause: Error, Hashable {
            var number: Int
        }
        let first = Diagnostic(.error, .workspaceReadFailed, "reading the workspace failed", underlyingError: Cause(number: 1))
        var same = first
        same.underlyingError = Cause(number: 1)
        var other = first
        other.underlyingError = Cause(number: 2)
        #expect(first == same && first.hashValue == same.hashValue)
        #expect(first != other)
        #expect((first.underlyingError as? Cause)?.number == 1)
        var plain = first
        plain.underlyingError = nil
        #expect(first != plain)
        #expect(plain.description == "error: reading the workspace failed")
    }
}
