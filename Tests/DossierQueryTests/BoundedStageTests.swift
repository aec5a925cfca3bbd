import DossierCore
import DossierStore
import Testing
@testable import DossierQuery

/// Stages whose output could grow without bound (`kwic` widths, `cooccur` pairs) are bounded, and
/// the stages after them that need only a count or the first rows never make the whole table.
@Suite("Bounded stages")
struct BoundedStageTests {
    @Test func kwicWidthHasALimitReportedAtTheNumber() throws {
        let diagnostic = try #require(Fixture.diagnostic("mentions | kwic width 1000000 | count"))
        #expect(diagnostic.code == .invalidStageArgument)
        #expect(diagnostic.range?.start.column == 23)
        #expect(Fixture.diagnostic(#"documents | kwic "Putin" width 51"#) != nil)
        #expect(try Fixture.scalar("mentions | kwic width \(KeywordInContext.maximumWidth) | count") == .int(14))
    }

    @Test func kwicContextIsCutAtAThousandCharacters() throws {
        // One "word" of 5,000 letters before the match and after it.
        let long = String(repeating: "x", count: 5_000)
        let index = Self.index(documents: [long + " Putin " + long], entityNames: ["Putin"], mentionsPerDocument: [(0, 5_001, 5_006)])
        let table = try Fixture.table("mentions | kwic width 3", in: QuerySession(index: index))
        let left = try #require(table.rows.first?[1].displayText)
        let right = try #require(table.rows.first?[3].displayText)
        #expect(left == "…" + String(repeating: "x", count: KeywordInContext.maximumContext - 1))
        #expect(right == String(repeating: "x", count: KeywordInContext.maximumContext - 1) + "…")  // the space counts
    }

    @Test func kwicCountsWithoutMakingRows() throws {
        #expect(try Fixture.scalar(#"documents | kwic "Putin" | count"#) == .int(4))
        #expect(try Fixture.table(#"documents | kwic "Putin""#).rows.count == 4)
        #expect(try Fixture.scalar(#"sentences | kwic "putin" width 1 | count"#) == .int(4))
    }

    /// 20 documents that each name the same 700 places: 244,650 pairs.
    static let crowded: CorpusIndex = {
        let names = (0..<700).map { "Place \($0)" }
        let text = names.joined(separator: ", ")
        var spans: [(Int32, Int, Int)] = []
        var start = 0
        for (entity, name) in names.enumerated() {
            spans.append((Int32(entity), start, start + name.count))
            start += name.count + 2
        }
        return index(documents: Array(repeating: text, count: 20), entityNames: names, mentionsPerDocument: spans)
    }()

    @Test func cooccurCountsPairsOneEntityAtATime() throws {
        let session = QuerySession(index: Self.crowded)
        #expect(try Fixture.scalar("documents | cooccur | count", in: session) == .int(700 * 699 / 2))
        let top = try Fixture.table("documents | cooccur | top 3 by count", in: session)
        #expect(top.rows.map { $0[2] } == [.int(20), .int(20), .int(20)])
        #expect(top.rows.map { $0[0].displayText } == ["Place 0", "Place 0", "Place 0"])
    }

    @Test func cooccurRefusesToKeepMoreThanItsLimit() throws {
        let diagnostic = try #require(Fixture.diagnostic("documents | cooccur | where count > 1 | count", in: QuerySession(index: Self.crowded)))
        #expect(diagnostic.code == .resultTooLarge)
        #expect(diagnostic.range?.start.column == 13)
        #expect(diagnostic.help?.message.contains("top N by count") == true)
    }

    @Test func fusedCooccurGivesWhatTheWholeTableWould() throws {
        // On the fixture the whole table is small, so both ways can be compared.
        for stages in ["take 3", "top 4 by pmi", "top 2 by count", "sort a desc | take 5", "top 3 by b asc", "count"] {
            let fused = try Fixture.run("documents | cooccur | \(stages)")
            let whole = try Fixture.run("let pairs = documents | cooccur | where true\npairs | \(stages)")
            #expect(fused == whole, "\(stages)")
        }
    }

    @Test func boundedHeapKeepsTheFirst() {
        var heap = BoundedHeap<Int>(capacity: 3, precedes: <)
        for value in [9, 4, 7, 1, 8, 2, 6] { heap.insert(value) }
        #expect(heap.sorted() == [1, 2, 4])
    }

    /// An index of `documents` whose every document has the mentions `(entity, start, end)`.
    static func index(documents texts: [String], entityNames: [String], mentionsPerDocument: [(Int32, Int, Int)]) -> CorpusIndex {
        var documents = CorpusIndex.DocumentColumns()
        var entities = CorpusIndex.EntityColumns()
        var mentions = CorpusIndex.MentionColumns()
        var sentences = CorpusIndex.SentenceColumns()
        for name in entityNames { entities.append(name: name, kind: .location, aliases: []) }
        for (row, text) in texts.enumerated() {
            documents.append(Document(id: "doc-\(row)", text: text), wordCount: 1)
            sentences.append(document: Int32(row), Sentence(index: 0, span: TextSpan(start: 0, end: text.unicodeScalars.count)))
            for (entity, start, end) in mentionsPerDocument {
                mentions.append(entity: entity, document: Int32(row), sentence: 0, text: entityNames[Int(entity)], span: TextSpan(start: start, end: end))
            }
        }
        return CorpusIndex(documents: documents, entities: entities, mentions: mentions, sentences: sentences,
                           relations: CorpusIndex.RelationColumns(), times: CorpusIndex.TimeColumns())
    }
}
