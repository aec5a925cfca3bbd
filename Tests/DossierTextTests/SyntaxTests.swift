import DossierCore
import DossierText
import Foundation
import Testing

/// The syntax layer: words made from tokens, the shipped tagger, lemmatizer and parser, and CoNLL-U.
@Suite("Syntax")
struct SyntaxTests {
    func words(_ text: String) -> [String] {
        let analyzed = TestSupport.pipeline.analyze(Document(id: "t", text: text))
        let words = SyntacticWords(text: analyzed, tokens: analyzed.sentenceTokenRanges[0])
        return (0..<words.words.count).map(words.words.form)
    }

    @Test func hyphensAndContractionsSplitAsUniversalDependenciesDoes() {
        #expect(words("Al-Assad didn't go.") == ["Al", "-", "Assad", "did", "n't", "go", "."])
        #expect(words("I'm sure they've left.") == ["I", "'m", "sure", "they", "'ve", "left", "."])
        #expect(words("Can’t we?") == ["Ca", "n’t", "we", "?"])
        // Prefixes UD English keeps whole.
        #expect(words("A pre-war e-mail.") == ["A", "pre-war", "e-mail", "."])
    }

    func parse(_ sentence: [String]) -> SentenceParse { PerceptronParser.bundled.parse(SentenceWords(forms: sentence)) }

    @Test func theShippedParserFindsSubjectObjectAndOblique() {
        let parse = parse(["Putin", "met", "Xi", "in", "Beijing", "."])
        #expect(parse.root == 1)
        #expect(parse.heads == [1, -1, 1, 4, 1, 1])
        #expect(parse.relations == [.nsubj, .root, .obj, .case, .obl, .punct])
        #expect(parse.tags == [.properNoun, .verb, .properNoun, .adposition, .properNoun, .punctuation])
        #expect(parse.lemmas == ["Putin", "meet", "Xi", "in", "Beijing", "."])
    }

    @Test func clausesWhoseSubjectIsARelativePronounModifyTheNounBeforeIt() {
        let sentence = ["It", "comes", "as", "Russia", "chairs", "the", "group", ",", "which", "comprises", "Brazil", "and", "India", "."]
        let relative = parse(sentence)
        #expect(relative.heads[9] == 6)
        #expect(relative.relations[9] == .aclRelcl)
        #expect(relative.relations[8] == .nsubj && relative.heads[8] == 9)
        // Questions have no noun before "which": nothing to re-attach.
        let question = parse(["Which", "country", "won", "?"])
        #expect(question.relations[2] == .root)
    }

    @Test func aReportedClauseKeepsItsSubject() {
        let parse = parse(["The", "White", "House", "said", "Clinton", "would", "meet", "Yeltsin", "."])
        #expect(parse.heads[4] == 6 && parse.relations[4] == .nsubj)
        #expect(parse.relations[6] == .ccomp && parse.heads[6] == 3)
    }

    @Test func aNameLeftAsTheRootIsItsVerbsSubject() {
        let parse = parse(["Mexico", "'s", "president", ",", "Ernesto", "Zedillo", ",", "canceled", "a", "visit", "to", "Washington", "."])
        #expect(parse.root == 7)
        #expect(parse.relations[4] == .nsubj && parse.heads[4] == 7)
    }

    @Test func aNameBeforeATimeBelongsToTheVerb() {
        let parse = parse(["Clinton", "will", "visit", "Moscow", "next", "month", "."])
        #expect(parse.heads[3] == 2 && parse.relations[3] == .obj)
        #expect(parse.heads[5] == 2)
    }

    @Test func punctuationHeadsNoWord() {
        // The greedy parser once hung "Yesterday" (and "Roscosmos" under it) on the comma after it.
        let parse = parse(["Yesterday", ",", "Roscosmos", ",", "the", "Russian", "space", "agency", ",", "announced", "the", "death", "of",
                           "cosmonaut", "Alexei", "Leonov", "."])
        #expect(parse.heads[2] == 9 && parse.relations[2] == .nsubj)
        #expect(parse.heads.allSatisfy { $0 < 0 || parse.tags[$0] != .punctuation })
    }

    @Test func passivesGetPassiveSubjectsAndAgents() {
        let parse = parse(["Lavrov", "was", "sent", "by", "Putin", "."])
        #expect(parse.relations[0] == .nsubjPass)
        #expect(parse.relations[1] == .auxPass)
        // The agent hangs on the participle; the label model may call it `obl:agent` or plain `obl`
        // (the relation extractor reads either by its "by").
        #expect(parse.heads[4] == 2 && [.oblAgent, .obl].contains(parse.relations[4]))
    }

    @Test func lemmasFollowTheTag() {
        let lemmatizer = PerceptronParser.bundled.lemmatizer
        #expect(lemmatizer.lemma(of: "visited", tag: .verb) == "visit")
        #expect(lemmatizer.lemma(of: "talks", tag: .noun) == "talk")
        #expect(lemmatizer.lemma(of: "was", tag: .auxiliary) == "be")
        #expect(lemmatizer.lemma(of: "sanctioned", tag: .verb) == "sanction")
        // A word never seen in training takes the rule of its ending.
        #expect(lemmatizer.lemma(of: "glorbified", tag: .verb) == "glorbify")
        #expect(lemmatizer.lemma(of: "Kremlin", tag: .properNoun) == "Kremlin")
    }

    @Test func relationNamesKeepTheirSubtypes() {
        #expect(DependencyRelation(name: "nsubj:pass") == .nsubjPass)
        #expect(DependencyRelation(name: "obl:about") == .obl)
        #expect(DependencyRelation(name: "nonsense") == .dep)
        #expect(DependencyRelation.nsubjPass.universalName == "nsubj")
        #expect(PartOfSpeech(universalName: "PROPN") == .properNoun && PartOfSpeech.properNoun.universalName == "PROPN")
    }

    @Test func documentsWriteAsCoNLLU() {
        let document = Document(id: "doc", text: "Putin didn't go. He stayed.")
        let output = CoNLLUWriter.document(id: "doc", text: document.text, sentences: TestSupport.pipeline.syntax(of: document))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(3) == ["# newdoc id = doc", "# sent_id = doc-1", "# text = Putin didn't go."])
        let words = lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(words.allSatisfy { $0.count == 10 })
        #expect(words.map { String($0[1]) } == ["Putin", "did", "n't", "go", ".", "He", "stayed", "."])
        // Code-point spans of the words, with SpaceAfter=No inside "didn't" and before the periods.
        #expect(words[1][9] == "TokenRange=6:9|SpaceAfter=No")
        #expect(words[2][9] == "TokenRange=9:12")
        #expect(words[5][9] == "TokenRange=17:19")
        #expect(output.components(separatedBy: "# sent_id").count == 3)
    }
}
