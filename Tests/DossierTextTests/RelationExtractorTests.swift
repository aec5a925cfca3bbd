import DossierCore
import DossierText
import Testing

/// The clause patterns of the rule-based relation extractor, one sentence each.
@Suite("Relation extractor")
struct RelationExtractorTests {
    func relations(_ text: String, date: String? = "2023-07-25") -> [String] {
        let document = Document(id: "test", date: date.flatMap { Day(iso: $0) }, text: text)
        return TestSupport.pipeline.annotate(document).relations.map { relation in
            var line = "\(relation.subject.name) \(relation.predicate) \(relation.object.name) \(relation.modality)"
            if relation.isNegated { line += " negated" }
            if let time = relation.time { line += " " + time }
            return line
        }
    }

    @Test func activeVoice() {
        #expect(relations("Chinese President Xi Jinping invited Vladimir Putin.") == ["Xi Jinping invite Vladimir Putin asserted"])
    }

    @Test func passiveVoiceTakesTheAgentAsSubject() {
        #expect(relations("Vladimir Putin was invited by Xi Jinping in March.") == ["Xi Jinping invite Vladimir Putin asserted 2023-03"])
    }

    @Test func passiveWithoutAgentSaysNothing() {
        #expect(relations("Vladimir Putin was invited in March.").isEmpty)
    }

    @Test func nominalFormsTakeThePossessorAndThePreposition() {
        #expect(relations("Vladimir Putin's visit to China was announced.").contains("Vladimir Putin visit China asserted"))
        #expect(relations("The ICC issued an arrest warrant for Vladimir Putin.") == ["International Criminal Court charge Vladimir Putin asserted"])
    }

    @Test func coordinatedSubjectsEachGetARelation() {
        let found = relations("Russia and China will visit Pyongyang this week.")
        #expect(found == ["Russia visit Pyongyang planned 2023-W30", "China visit Pyongyang planned 2023-W30"])
    }

    @Test func modalityFromTheVerbGroup() {
        #expect(relations("Emmanuel Macron intends to visit China in October.") == ["Emmanuel Macron visit China planned 2023-10"])
        #expect(relations("Emmanuel Macron canceled his planned visit to India.") == ["Emmanuel Macron visit India canceled"])
        #expect(relations("Emmanuel Macron could visit India.") == ["Emmanuel Macron visit India hypothetical"])
        #expect(relations("Emmanuel Macron reportedly visited India.") == ["Emmanuel Macron visit India reported"])
    }

    @Test func negationIsSeparateFromModality() {
        #expect(relations("Emmanuel Macron did not attend the G20 summit.") == ["Emmanuel Macron attend G20 summit asserted negated"])
        #expect(relations("Emmanuel Macron will not attend the G20 summit.") == ["Emmanuel Macron attend G20 summit planned negated"])
        #expect(relations("China has refrained from condemning Russia.") == ["China criticize Russia asserted negated"])
    }

    @Test func infinitivesInheritTheirSubjectAndModality() {
        let found = relations("Emmanuel Macron intends to visit China in October to attend the Belt and Road Forum.")
        #expect(found.contains("Emmanuel Macron attend Belt and Road Forum planned 2023-10"))
        #expect(relations("Vladimir Putin was invited by Xi Jinping to visit Beijing.").contains("Vladimir Putin visit Beijing planned"))
    }

    @Test func reportedSpeechStatesAboutTheActorOfWhatWasSaid() {
        let found = relations("Emmanuel Macron will visit China in October, the Kremlin confirmed on Tuesday.")
        #expect(found.contains("Kremlin state Emmanuel Macron asserted 2023-07-25"))
        #expect(found.contains("Emmanuel Macron visit China planned 2023-10"))
    }

    @Test func pronounsResolveToThePersonTheTextIsAbout() {
        let found = relations("Emmanuel Macron arrived on Monday. He later visited Angela Merkel.")
        #expect(found.contains("Emmanuel Macron visit Angela Merkel asserted"))
    }

    @Test func aCommonNounSubjectIsNotANamedOne() {
        #expect(relations("Officials from Germany said police traveled to Canada.").allSatisfy { !$0.contains(" visit ") })
    }

    @Test func eventsCannotBeVisitedOnlyAttended() {
        #expect(relations("Emmanuel Macron visited the G20 summit.").isEmpty)
    }

    @Test func capitalsActForTheirCountries() {
        #expect(relations("Western nations imposed sanctions on Moscow.") == ["Western nations sanction Russia asserted"])
        #expect(relations("Beijing criticized Washington.") == ["China criticize United States asserted"])
        #expect(relations("Emmanuel Macron visited Moscow.") == ["Emmanuel Macron visit Moscow asserted"])
    }

    @Test func undatedDocumentsKeepUnknownParts() {
        #expect(relations("Emmanuel Macron will visit China in October.", date: nil) == ["Emmanuel Macron visit China planned XXXX-10"])
    }

    @Test func aCustomExtractorPlugsIn() {
        struct EveryPairMeets: RelationExtractor {
            func relations(in text: AnalyzedText, mentions: [Mention], times: [TimeExpression]) -> [Relation] {
                zip(mentions, mentions.dropFirst()).map { first, second in
                    Relation(subject: RelationArgument(name: first.entity, kind: first.kind, span: first.span), predicate: .meet,
                             object: RelationArgument(name: second.entity, kind: second.kind, span: second.span), sentence: first.sentence,
                             evidence: text.sentences[first.sentence].span)
                }
            }
        }
        let pipeline = Pipeline(gazetteer: .bundled, relationExtractor: EveryPairMeets())
        let annotated = pipeline.annotate(Document(id: "d", text: "Emmanuel Macron and Angela Merkel spoke."))
        #expect(annotated.relations.map(\.predicate) == [.meet])
    }
}
