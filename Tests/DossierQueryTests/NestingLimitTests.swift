import DossierCore
import Testing
@testable import DossierQuery

/// Hostile nesting gets a located error instead of overflowing the stack in the parser, checker or evaluator.
@Suite("Nesting limits")
struct NestingLimitTests {
    @Test func deepParenthesesAreAnErrorAtTheFirstOneTooMany() throws {
        let depth = 1_200
        let text = "documents | where " + String(repeating: "(", count: depth) + "true" + String(repeating: ")", count: depth) + " | count"
        let diagnostic = try #require(Fixture.diagnostic(text))
        #expect(diagnostic.code == .nestedTooDeeply)
        #expect(diagnostic.range?.start.column == 19 + Parser.maximumNesting)
    }

    @Test func unclosedParenthesesAreAnErrorNotACrash() throws {
        let diagnostic = try #require(Fixture.diagnostic("documents | where " + String(repeating: "(", count: 5_000)))
        #expect(diagnostic.code == .nestedTooDeeply)
    }

    @Test func deepListsCallsAndNotsAreErrors() {
        let lists = "documents | where title in " + String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)
        let calls = "documents | where " + String(repeating: "len(", count: 2_000) + "title" + String(repeating: ")", count: 2_000) + " > 1"
        let nots = "documents | where " + String(repeating: "not ", count: 100_000) + "true | count"
        for text in [lists, calls, nots] {
            #expect(Fixture.diagnostic(text)?.code == .nestedTooDeeply)
        }
    }

    @Test func nestingUpToTheLimitRuns() throws {
        let depth = Parser.maximumNesting
        let parentheses = "documents | where " + String(repeating: "(", count: depth) + "true" + String(repeating: ")", count: depth) + " | count"
        #expect(try Fixture.scalar(parentheses) == .int(4))
        let nots = "documents | where " + String(repeating: "not ", count: depth) + "true | count"  // an even number of nots
        #expect(try Fixture.scalar(nots) == .int(4))
    }

    @Test func longChainsOfAndAndOrAreShallowAndRun() throws {
        // A flat chain is not nesting: it parses into a balanced tree of depth log2(n).
        let ands = "documents | where " + Array(repeating: "true", count: 100_000).joined(separator: " and ") + " | count"
        #expect(try Fixture.scalar(ands) == .int(4))
        let ors = "documents | where " + Array(repeating: "title contains \"zzz\"", count: 20_000).joined(separator: " or ")
            + " or id == \"doc-icc\" | count"
        #expect(try Fixture.scalar(ors) == .int(1))
    }

    @Test func chainsKeepTheirMeaningAndTheirErrorsOrder() throws {
        // Three-valued logic is associative, so a balanced tree gives the same rows as a left-nested one.
        #expect(try Fixture.scalar("documents | where title contains \"x\" or date > 2023-06 or title == \"ICC issues warrant\" or false | count") == .int(3))
        // The first wrong operand from the left is the one reported.
        let diagnostic = try #require(Fixture.diagnostic("documents | where true and true and words and title and true"))
        #expect(diagnostic.range?.start.column == 37)
    }

    @Test func aThreeOperandChainIsLeftNested() throws {
        guard case .pipeline(let pipeline) = try Parser.parse("documents | where a and b and c").statements[0].kind,
              case .filter(let condition) = pipeline.stages[0].kind,
              case .binary(.and, let left, let right, _) = condition.kind,
              case .binary(.and, _, _, _) = left.kind,
              case .name("c") = right.kind else {
            Issue.record("not ((a and b) and c)")
            return
        }
    }

    @Test func theCheckerRefusesTreesDeeperThanItsLimit() throws {
        // Parsed text cannot reach it; an expression tree built by hand can.
        let leaf = Expression(kind: .bool(true), range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)))
        var deep = leaf
        for _ in 0..<(Checker.maximumDepth + 10) { deep = Expression(kind: .not(deep), range: leaf.range) }
        #expect(throws: Diagnostic.self) { try Checker(index: Fixture.index, bindings: [:]).bind(deep, in: .source(.documents)) }
        var shallow = leaf
        for _ in 0..<(Checker.maximumDepth - 10) { shallow = Expression(kind: .not(shallow), range: leaf.range) }
        _ = try Checker(index: Fixture.index, bindings: [:]).bind(shallow, in: .source(.documents))
    }
}

@Suite("Nesting limits in arithmetic")
struct ArithmeticNestingTests {
    @Test func longChainsOfOperatorsAndMinusesAreErrors() {
        let sums = "documents | where " + Array(repeating: "words", count: 20_000).joined(separator: " + ") + " > 1 | count"
        let products = "documents | select " + Array(repeating: "words", count: 20_000).joined(separator: " * ")
        let minuses = "documents | where " + String(repeating: "- ", count: 100_000) + "words < 0 | count"
        for text in [sums, products, minuses] {
            #expect(Fixture.diagnostic(text)?.code == .nestedTooDeeply)
        }
    }

    @Test func chainsUpToTheLimitRun() throws {
        let sums = "documents | where " + Array(repeating: "words", count: Parser.maximumNesting + 1).joined(separator: " + ") + " > 1 | count"
        #expect(try Fixture.scalar(sums) == .int(4))
        #expect(try Fixture.scalar("documents | where " + String(repeating: "- ", count: 100) + "words > 0 | count") == .int(4))
    }
}
