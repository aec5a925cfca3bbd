import DossierCore
import Testing
@testable import DossierStore

@Suite("CodePointSlicer")
struct CodePointSlicerTests {
    @Test func cutsByCodePointsWhateverTheirUTF8Length() {
        let text = "Putin “intends” 🇷🇺 to visit Pyongyang."
        let slicer = CodePointSlicer(text)
        let scalars = Array(text.unicodeScalars)
        func expected(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
        for (start, end) in [(0, 5), (6, 15), (16, 18), (19, 27), (0, scalars.count)] {
            #expect(slicer.text(of: TextSpan(start: start, end: end)) == expected(start, end))
        }
    }

    @Test func clampsSpansToTheText() {
        let slicer = CodePointSlicer("ICC")
        #expect(slicer.text(of: TextSpan(start: 1, end: 99)) == "CC")
        #expect(slicer.text(of: TextSpan(start: 5, end: 9)) == "")
        #expect(CodePointSlicer("").text(of: TextSpan(start: 0, end: 0)) == "")
    }
}
