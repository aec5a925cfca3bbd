/// Words that keep a following period as part of the token ("Mr.", "Jan.", "Inc.").
package struct Abbreviations: Sendable {
    /// The abbreviations, lower-cased ASCII without their period.
    private let words: Set<[UInt8]>
    /// The abbreviations that may also end a sentence ("Inc.", "etc.").
    private let sentenceEnding: Set<[UInt8]>

    /// Creates a list from lower-case words without their periods; `mayEndSentence` lists those that may end a sentence.
    package init(_ words: some Sequence<String>, mayEndSentence: some Sequence<String> = [String]()) {
        self.words = Set(words.map { Array($0.lowercased().utf8) })
        self.sentenceEnding = Set(mayEndSentence.map { Array($0.lowercased().utf8) })
    }

    /// No abbreviations.
    package static let none = Abbreviations([String]())

    /// Whether the word in `bytes[range]` (any case, without its period) is an abbreviation,
    /// and whether it may also end a sentence.
    func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (isAbbreviation: Bool, mayEndSentence: Bool) {
        guard range.count <= 8 else { return (false, false) }
        var key = [UInt8]()
        key.reserveCapacity(range.count)
        for index in range {
            let byte = bytes[index]
            guard byte < 0x80 else { return (false, false) }
            key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        guard words.contains(key) else { return (false, false) }
        return (true, sentenceEnding.contains(key))
    }
}
