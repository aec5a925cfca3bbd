import DossierText
import Testing

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    @Test func terminalPunctuation() {
        #expect(TestSupport.sentences("He came. She left! Why? Nobody knows.")
            == ["He came.", "She left!", "Why?", "Nobody knows."])
    }

    @Test func abbreviationsAndInitialsDoNotEnd() {
        #expect(TestSupport.sentences("Mr. Smith met Dr. J. K. Jones. They talked.")
            == ["Mr. Smith met Dr. J. K. Jones.", "They talked."])
        #expect(TestSupport.sentences("It counters U.S. influence. The end.") == ["It counters U.S. influence.", "The end."])
    }

    @Test func initialismAtTheEnd() {
        #expect(TestSupport.sentences("They flew to the U.S. The trip was long.") == ["They flew to the U.S.", "The trip was long."])
    }

    @Test func decimalsDoNotEnd() {
        #expect(TestSupport.sentences("Growth was 3.5 percent. Next year too.") == ["Growth was 3.5 percent.", "Next year too."])
    }

    @Test func closingQuotesStayWithTheSentence() {
        #expect(TestSupport.sentences("He said “we will go.” Then he left.") == ["He said “we will go.”", "Then he left."])
        #expect(TestSupport.sentences("\"It is known,\" he said. \"We go.\" Done.") == ["\"It is known,\" he said.", "\"We go.\"", "Done."])
    }

    @Test func lowercaseAfterPeriodContinues() {
        #expect(TestSupport.sentences("It cost approx. ten dollars, i.e. little.").count == 1)
    }

    @Test func blankLinesAlwaysEnd() {
        #expect(TestSupport.sentences("First paragraph without a stop\n\nSecond one.") == ["First paragraph without a stop", "Second one."])
    }

    @Test func headlineLines() {
        #expect(TestSupport.sentences("China and Russia to visit North Korea\nThe delegation arrives today.")
            == ["China and Russia to visit North Korea", "The delegation arrives today."])
    }

    @Test func wrappedLinesContinue() {
        #expect(TestSupport.sentences("The delegation will\narrive today.") == ["The delegation will\narrive today."])
    }
}
