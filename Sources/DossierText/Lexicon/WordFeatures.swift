/// What the lexicon knows about one word, whatever its case.
package struct WordFeatures: OptionSet, Hashable, Sendable {
    /// The bits.
    package let rawValue: UInt32
    /// Creates features from their bits.
    package init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A word that starts sentences but is no name ("The", "When", "Meanwhile").
    package static let functionWord = WordFeatures(rawValue: 1 << 0)
    /// A common first name ("John", "Mary").
    package static let firstName = WordFeatures(rawValue: 1 << 1)
    /// Ends an organisation's name ("Court", "Party", "Bank").
    package static let organizationHead = WordFeatures(rawValue: 1 << 2)
    /// Marks an organisation in lower case next to a name ("news agency").
    package static let organizationCue = WordFeatures(rawValue: 1 << 3)
    /// Ends an event's name ("Forum", "Olympics", "War").
    package static let eventHead = WordFeatures(rawValue: 1 << 4)
    /// Marks an event in lower case after a name ("summit").
    package static let eventCue = WordFeatures(rawValue: 1 << 5)
    /// Joins parts of an organisation's or event's name ("of", "and", "for").
    package static let connector = WordFeatures(rawValue: 1 << 6)
    /// A particle inside personal names ("von", "de", "bin").
    package static let nameParticle = WordFeatures(rawValue: 1 << 7)
    /// Marks future reference in a sentence ("will", "scheduled").
    package static let futureMarker = WordFeatures(rawValue: 1 << 8)
    /// A noun counted by a number, so the number before it is no year ("people", "troops").
    package static let countNoun = WordFeatures(rawValue: 1 << 9)
    /// A preposition that introduces a time ("in", "since", "until").
    package static let temporalPreposition = WordFeatures(rawValue: 1 << 10)
    /// A common surname ("Smith"); confirms a name that starts with a first name.
    package static let surname = WordFeatures(rawValue: 1 << 12)
    /// A demonym or country adjective ("Russian", "North Korean" starts with one).
    package static let demonym = WordFeatures(rawValue: 1 << 11)
    /// Ends a place's name ("Road", "Stadium", "Republic").
    package static let locationHead = WordFeatures(rawValue: 1 << 13)
    /// Starts a sports club's name ("Real", "Dynamo", "Sporting").
    package static let clubPrefix = WordFeatures(rawValue: 1 << 14)
    /// Names a sport ("soccer", "cricket"): marks a sports report.
    package static let sport = WordFeatures(rawValue: 1 << 15)
    /// Never part of a personal name ("Catholic", "Democrat").
    package static let notPersonName = WordFeatures(rawValue: 1 << 16)
    /// Puts an unknown name after it in a place ("in", "near").
    package static let locationPreposition = WordFeatures(rawValue: 1 << 17)
    /// Ends the name of a treaty, law or plan ("Accord", "Statute").
    package static let documentHead = WordFeatures(rawValue: 1 << 18)
    /// After a demonym, makes it name its country as an actor ("delegation", "side").
    package static let actorNoun = WordFeatures(rawValue: 1 << 19)
    /// Reports speech ("said", "told"): next to a single name in a sports report it marks a person.
    package static let speechVerb = WordFeatures(rawValue: 1 << 20)
    /// Starts an event's name ("Typhoon Haiyan", "Operation Desert Storm").
    package static let eventPrefix = WordFeatures(rawValue: 1 << 21)
    /// Ends an organisation's name when written in capitals ("XI", "AG"): "Xi" alone is no head.
    package static let organizationHeadInCapitals = WordFeatures(rawValue: 1 << 22)
    /// Starts an organisation's or group's name that may be written in lower case ("international
    /// criminal court", "Islamic state"): a cheap test before looking such names up.
    package static let startsLowercaseName = WordFeatures(rawValue: 1 << 23)
    /// A first name borne almost only by women ("Nancy"): "he" does not refer to its bearer.
    package static let femaleFirstName = WordFeatures(rawValue: 1 << 24)
    /// A first name borne almost only by men ("Donald"): "she" does not refer to its bearer.
    package static let maleFirstName = WordFeatures(rawValue: 1 << 25)
    /// An initialism that is a common noun ("TV", "DNA", "CEO"): in capitals it names nothing.
    package static let commonInitialism = WordFeatures(rawValue: 1 << 26)
}
