import DossierFuzzing
import Testing

/// A bounded, seeded slice of the query fuzzer: generated and mutated texts through the lexer,
/// parser, checker and evaluator (and every fifth through the script runner and a renderer) on a
/// workspace of the seed articles. A crash fails the whole run; a broken promise (a diagnostic
/// placed outside its text, tokens out of order) fails this test with the text. `dossier-fuzz`
/// runs the same for longer (README: "Fuzzing the query front end").
@Suite("Fuzz slice")
struct FuzzSliceTests {
    static let executionsPerSeed = 1_000

    @Test(arguments: [UInt64(1), 2, 3])
    func generatedAndMutatedTextsKeepTheirPromises(seed: UInt64) throws {
        let fuzzer = try QueryFuzzer()
        var generator = QueryGenerator(seed: seed, entityNames: fuzzer.entityNames)
        for number in 0..<Self.executionsPerSeed {
            let text = generator.next()
            do {
                try fuzzer.execute(text, asScript: number % 5 == 0, format: [.table, .csv, .json, .markdown][number % 4])
            } catch {
                Issue.record("seed \(seed), text \(number): \(error)")
                return
            }
        }
        #expect(fuzzer.tally.executions == Self.executionsPerSeed)
        // Both kinds of outcome occur: the generator makes texts that run and texts that fail.
        #expect(fuzzer.tally.results > 50)
        #expect(fuzzer.tally.diagnostics.values.reduce(0, +) > 50)
    }

    @Test func theSameSeedGivesTheSameTexts() {
        var first = QueryGenerator(seed: 7, entityNames: ["Vladimir Putin"])
        var second = QueryGenerator(seed: 7, entityNames: ["Vladimir Putin"])
        for _ in 0..<200 { #expect(first.next() == second.next()) }
    }
}
