import DossierCore
import DossierText
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    @Test func wordsAndPunctuation() {
        #expect(TestSupport.tokens("Hello, world!") == ["Hello", ",", "world", "!"])
    }

    @Test func abbreviationsAndInitialisms() {
        #expect(TestSupport.tokens("Mr. Smith met Dr. Jones in the U.S. on Jan. 5.")
            == ["Mr.", "Smith", "met", "Dr.", "Jones", "in", "the", "U.S.", "on", "Jan.", "5", "."])
        #expect(TestSupport.tokens("J. K. Rowling") == ["J.", "K.", "Rowling"])
        #expect(TestSupport.tokens("e.g. this") == ["e.g.", "this"])
    }

    @Test func sentenceFinalWordKeepsNoPeriod() {
        #expect(TestSupport.tokens("He left. She stayed.") == ["He", "left", ".", "She", "stayed", "."])
    }

    @Test func numbers() {
        #expect(TestSupport.tokens("1,000 people, 3.5 percent, on 2023-07-25 at 6:30 and the 25th")
            == ["1,000", "people", ",", "3.5", "percent", ",", "on", "2023-07-25", "at", "6:30", "and", "the", "25th"])
        let tokens = Tokenizer.standard.tokens(in: "1,000 25th")
        #expect(tokens[0].kind == .number && tokens[0].shape.contains(.numeric))
        #expect(tokens[1].kind == .number && !tokens[1].shape.contains(.numeric))
    }

    @Test func hyphenatedWords() {
        #expect(TestSupport.tokens("a so-called no-limits deal with Kim Jong-un - really")
            == ["a", "so-called", "no-limits", "deal", "with", "Kim", "Jong-un", "-", "really"])
        #expect(Tokenizer.standard.tokens(in: "no-limits")[0].shape.contains(.hyphenated))
    }

    @Test func curlyQuotesAndPossessives() {
        #expect(TestSupport.tokens("Putin’s “no-limits” partnership") == ["Putin", "’s", "“", "no-limits", "”", "partnership"])
        #expect(TestSupport.tokens("Putin's 'plan'") == ["Putin", "'s", "'", "plan", "'"])
        #expect(TestSupport.tokens("don’t O'Brien countries’ ties") == ["don’t", "O'Brien", "countries", "’", "ties"])
        let tokens = Tokenizer.standard.tokens(in: "Putin’s “no")
        #expect(tokens[1].shape.contains(.possessive))
        #expect(tokens[2].shape.contains(.opening) && tokens[2].shape.contains(.quote))
    }

    @Test func shapes() {
        let tokens = Tokenizer.standard.tokens(in: "ICC Putin yuan G20")
        #expect(tokens[0].shape.contains(.allCaps) && tokens[0].shape.contains(.capitalized))
        #expect(tokens[1].shape.contains(.capitalized) && !tokens[1].shape.contains(.allCaps))
        #expect(tokens[2].shape.contains(.lowercase))
        #expect(tokens[3].shape.contains(.hasDigits) && tokens[3].shape.contains(.allCaps))
    }

    @Test func codePointSpansWithEmojiAndAccents() {
        let text = "🎉 Émile’s “café” in São Paulo"
        let tokens = Tokenizer.standard.tokens(in: text)
        let texts = tokens.map { TestSupport.text(text, $0.span) }
        #expect(texts == ["🎉", "Émile", "’s", "“", "café", "”", "in", "São", "Paulo"])
        #expect(tokens[1].span == TextSpan(start: 2, end: 7))
        #expect(tokens[1].bytes == 5..<11)
        #expect(tokens[1].shape.contains(.capitalized))
    }

    @Test func lineBreaksAreCounted() {
        let tokens = Tokenizer.standard.tokens(in: "One\n\nTwo\nThree")
        #expect(tokens.map(\.newlinesBefore) == [0, 2, 1])
    }

    @Test func wordCounter() {
        #expect(WordCounter.count(in: "Putin’s visit to the U.S. cost $1,000 — or so.") == 9)
        #expect(WordCounter.count(in: "") == 0)
    }
}
