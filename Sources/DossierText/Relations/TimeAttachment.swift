import DossierCore

/// Which of a sentence's time expressions date which event: a time belongs to the clause its
/// head word attaches to ("visited China *in October*, the Kremlin said *on Tuesday*": October for
/// the visit, Tuesday for the statement), with coordinated times giving one each ("in 2017 and 2019").
struct TimeAttachment {
    private let graph: ClauseGraph
    /// Each DATE or TIME expression with its head word and the word it attaches to.
    private var attached: [(time: TimeExpression, head: Int, anchor: Int)] = []

    init(graph: ClauseGraph, text: AnalyzedText, times: [TimeExpression]) {
        self.graph = graph
        for time in times where time.type == .date || time.type == .time {
            let words = (0..<graph.count).filter {
                let span = text.tokens[graph.tokenOfWord[$0]].span
                return span.start >= time.span.start && span.end <= time.span.end
            }
            guard !words.isEmpty else { continue }
            // The time's head: its word whose head lies outside it.
            let head = words.first { !words.contains(graph.head($0)) } ?? words[0]
            attached.append((time, head, Self.anchor(of: head, in: graph)))
        }
    }

    /// The predicate word a time's head hangs from: the first verb or noun above it that heads a
    /// clause or an event.
    private static func anchor(of head: Int, in graph: ClauseGraph) -> Int {
        var current = graph.head(head), steps = 0
        // A time coordinated with another ("2017 and 2019") takes the first one's anchor.
        if graph.relation(head) == .conj, current >= 0 { return anchor(of: current, in: graph) }
        while current >= 0 && steps < graph.count {
            let tag = graph.tag(current)
            if tag == .verb || tag == .auxiliary || tag == .noun || tag == .adjective || graph.relation(current) == .root { return current }
            current = graph.head(current)
            steps += 1
        }
        return -1
    }

    /// Of several times on one word, the one nearest `word` and those coordinated with it ("in 2017
    /// and 2019": one event each); another time on the same word is a misattachment ("announced on
    /// Wednesday the count was greater than last year": the speech is not dated last year).
    private func coordinated(_ times: [(time: TimeExpression, head: Int, anchor: Int)], nearest word: Int) -> [TimeExpression] {
        guard let nearest = times.min(by: { abs($0.head - word) < abs($1.head - word) }) else { return [] }
        var heads: Set<Int> = [nearest.head]
        var added = true
        while added {
            added = false
            for entry in times where !heads.contains(entry.head) && graph.relation(entry.head) == .conj && heads.contains(graph.head(entry.head)) {
                heads.insert(entry.head)
                added = true
            }
        }
        return times.filter { heads.contains($0.head) }.map(\.time)
    }

    /// The times of the event `trigger` names: those attached to it (or, for a noun, to its verb;
    /// for an infinitive, to the verb that governs it); `[nil]` when none is.
    func times(of trigger: Int) -> [TimeExpression?] {
        var candidate = trigger, steps = 0
        while candidate >= 0 && steps < 3 {
            let own = coordinated(attached.filter { $0.anchor == candidate }, nearest: trigger)
            if !own.isEmpty { return own }
            // "the warrant, issued in March": a participle describing the event dates it.
            let described = graph.children(of: candidate, .acl).flatMap { participle in attached.filter { $0.anchor == participle }.map(\.time) }
            if !described.isEmpty { return described }
            // "visit South Africa for the summit in August", "attended the forums held in 2017 and
            // 2019": the date of the occasion an event is for dates the event.
            let occasions = graph.children[candidate].filter {
                (graph.relation($0) == .obj || graph.relation($0) == .obl) && (graph.tag($0) == .noun || graph.tag($0) == .properNoun)
            }
            let ofOccasions = occasions.flatMap { occasion in
                ([occasion] + graph.children(of: occasion, .acl)).flatMap { word in attached.filter { $0.anchor == word && $0.head != word }.map(\.time) }
            }
            if !ofOccasions.isEmpty { return ofOccasions }
            let relation = graph.relation(candidate)
            let isPurpose = relation == .advcl && graph.child(of: candidate, .mark).map { graph.lemmaKeys[$0] == LemmaKey.of("to") } ?? false
            guard relation == .xcomp || relation == .obj || relation == .nsubjPass || relation == .conj || isPurpose else { break }
            candidate = graph.head(candidate)
            steps += 1
        }
        // A sentence with a single date: it dates the sentence's events unless it hangs from a
        // different clause.
        if attached.count == 1, !attached[0].time.value.isEmpty, attached[0].anchor < 0 || graph.relation(attached[0].anchor) == .root {
            return [attached[0].time]
        }
        return [nil]
    }
}
