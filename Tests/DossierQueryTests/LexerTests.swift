import DossierCore
import Testing
@testable import DossierQuery

@Suite struct LexerTests {
    private func kinds(_ text: String) -> [QueryToken.Kind] { Lexer.tokens(in: text).map(\.kind) }

    @Test func pipelineTokensAndRanges() {
        let tokens = Lexer.tokens(in: #"documents | where title contains "Putin""#)
        #expect(tokens.map(\.kind) == [.identifier, .pipe, .identifier, .identifier, .identifier, .string("Putin"), .end])
        #expect(tokens.map(\.text) == ["documents", "|", "where", "title", "contains", "\"Putin\"", ""])
        #expect(tokens[0].range.start == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(tokens[0].range.end == SourceLocation(line: 1, column: 10, offset: 9))
        #expect(tokens[5].range.start.column == 34)
        #expect(tokens[5].range.end.column == 41)
    }

    @Test func literals() {
        #expect(kinds("42 3.5 2023 2023-07 2023-Q3 2023-W30 2023-03..2023-10 true") == [
            .integer(42), .float(3.5), .integer(2023), .time, .time, .time, .time, .identifier, .end,
        ])
        #expect(Lexer.tokens(in: "2023-03..2023-10")[0].text == "2023-03..2023-10")
        #expect(kinds(#"@putin @"Xi Jinping" @al-Assad"#) == [.entity("putin"), .entity("Xi Jinping"), .entity("al-Assad"), .end])
        #expect(kinds("== != < <= > >= = ( ) [ ] , ; :") == [
            .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .assign, .leftParenthesis, .rightParenthesis,
            .leftBracket, .rightBracket, .comma, .semicolon, .colon, .end,
        ])
    }

    @Test func stringEscapes() {
        #expect(kinds(#""a\"b\\c\n\u{E9}""#) == [.string("a\"b\\c\né"), .end])
        guard case .invalid(let diagnostic) = Lexer.tokens(in: #""bad \q escape""#)[0].kind else {
            Issue.record("expected an invalid token")
            return
        }
        #expect(diagnostic.code == .invalidEscape)
        #expect(diagnostic.range?.start.column == 6)
    }

    @Test func commentsAndLines() {
        let tokens = Lexer.tokens(in: "# heading\ndocuments # all of them\n  | count")
        #expect(tokens.map(\.kind) == [.newline, .identifier, .newline, .pipe, .identifier, .end])
        #expect(tokens[3].range.start == SourceLocation(line: 3, column: 3, offset: 36))
    }

    @Test func columnsCountCodePointsAndOffsetsCountBytes() {
        let tokens = Lexer.tokens(in: #""éé" | x"#)
        #expect(tokens[1].kind == .pipe)
        #expect(tokens[1].range.start.column == 6)
        #expect(tokens[1].range.start.offset == 7)
    }

    @Test func unterminatedStringStopsAtItsLine() {
        let tokens = Lexer.tokens(in: "documents | where title == \"Putin\nmentions")
        guard case .invalid(let diagnostic) = tokens[5].kind else {
            Issue.record("expected an invalid token, got \(tokens[5].kind)")
            return
        }
        #expect(tokens[5].isIncomplete)
        #expect(diagnostic.code == .unterminatedString)
        #expect(diagnostic.range?.start.column == 28)
        #expect(diagnostic.range?.end.line == 1)
    }

    @Test func strayCharacter() {
        guard case .invalid(let diagnostic) = Lexer.tokens(in: "documents ~")[1].kind else {
            Issue.record("expected an invalid token")
            return
        }
        #expect(diagnostic.code == .unexpectedCharacter)
    }
}

@Suite struct LexerFirstLineTests {
    @Test func linesCountFromTheGivenFirstLine() {
        let tokens = Lexer.tokens(in: "documents\n  | count", firstLine: 40)
        #expect(tokens.map(\.range.start.line) == [40, 40, 41, 41, 41])
        #expect(tokens[2].range.start.column == 3)
        #expect(tokens[2].range.start.offset == 12)
    }
}
