import DossierText
@testable import DossierTraining
import Foundation
import Testing

/// Reading treebanks, scoring parses as CoNLL 2018 does, and training end to end on a toy treebank.
@Suite("Training")
struct TrainingTests {
    static let treebank = """
        # sent_id = 1
        # text = Putin met Xi.
        1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
        2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
        3\tXi\tXi\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No
        4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

        # sent_id = 2
        1-2\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
        1\tdid\tdo\tAUX\tVBD\t_\t3\taux\t_\t_
        2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
        3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
        3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:conj\t_

        """

    @Test func readsBasicTreesSkippingMultiwordTokensAndEmptyNodes() throws {
        let sentences = try CoNLLUReader.sentences(in: Self.treebank, path: "toy.conllu")
        #expect(sentences.count == 2)
        #expect(sentences[0].identifier == "1" && sentences[0].text == "Putin met Xi.")
        #expect(sentences[0].heads == [1, -1, 1, 1])
        #expect(sentences[0].relations == [.nsubj, .root, .obj, .punct])
        #expect(sentences[0].spaceAfter == [true, true, false, true])
        #expect(sentences[1].forms == ["did", "n't", "go"])
    }

    @Test func malformedLinesAreReportedWithTheirLine() {
        let bad = "1\tPutin\tPutin\tNOPE\tNNP\t_\t0\troot\t_\t_\n"
        #expect(throws: CoNLLUReader.Failure.self) { try CoNLLUReader.sentences(in: bad, path: "bad.conllu") }
        do {
            _ = try CoNLLUReader.sentences(in: "1\tx\tx\tNOUN\t_\t_\t0\troot\t_\n", path: "short.conllu")
        } catch let failure as CoNLLUReader.Failure {
            #expect(failure.description == "short.conllu:1: expected 10 tab-separated columns, found 9")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func scoresCountEveryWordAndCompareUniversalLabels() throws {
        let gold = try CoNLLUReader.sentences(in: Self.treebank, path: "gold")
        var system = gold
        system[0].relations[2] = .iobj            // right head, wrong label
        system[0].heads[3] = 2                    // punctuation on the wrong head
        system[1].relations[1] = .advmod          // unchanged
        system[1].tags[0] = .verb                 // wrong tag
        let score = try AttachmentScore(gold: gold, system: system)
        #expect(score.goldWords == 7 && score.systemWords == 7)
        #expect(score.correctHeads == 6 && score.correctLabelledHeads == 5 && score.correctTags == 6)
        // Subtypes do not count: nsubj:pass for nsubj is right.
        system = gold
        system[0].relations[0] = .nsubjPass
        #expect(try AttachmentScore(gold: gold, system: system).correctLabelledHeads == 7)
    }

    @Test func misalignedWordsAreAnError() throws {
        let gold = try CoNLLUReader.sentences(in: Self.treebank, path: "gold")
        var system = gold
        system[0].forms[0] = "Putin2"
        #expect(throws: AttachmentScore.Misalignment.self) { try AttachmentScore(gold: gold, system: system) }
    }

    @Test func trainingIsDeterministicAndLearnsTheToyTreebank() throws {
        let sentences = try CoNLLUReader.sentences(in: Self.treebank, path: "toy")
        var training = SyntaxTraining()
        training.folds = 1
        training.tagger.iterations = 5
        training.tagger.minimumFeatureCount = 1
        training.tagger.dictionaryMinimumCount = 1000
        training.parser.iterations = 8
        training.parser.minimumFeatureCount = 1
        let first = SyntaxModelFile.data(of: training.train(sentences), description: "toy")
        let second = SyntaxModelFile.data(of: training.train(sentences), description: "toy")
        #expect(first == second)
        let parser = try SyntaxModelFile.parser(from: first).parser
        let score = try AttachmentScore(gold: sentences, system: sentences.map(parser.parsed))
        #expect(score.uas == 100 && score.upos == 100, "\(score); \(sentences.map(parser.parsed).map(\.treebankTags))")
    }

    @Test func modelFilesRejectOtherBytes() {
        #expect(throws: BinaryModelReader.Failure.self) { try SyntaxModelFile.parser(from: Data("not a model".utf8)) }
        var truncated = SyntaxModelFile.data(of: PerceptronParser.bundled, description: "copy")
        truncated.removeLast(10)
        #expect(throws: BinaryModelReader.Failure.self) { try SyntaxModelFile.parser(from: truncated) }
    }
}
