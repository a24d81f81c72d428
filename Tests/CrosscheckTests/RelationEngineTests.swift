import Foundation
import Testing
@testable import Crosscheck

/// The relation engine on sources about a subject none of its rules were written for (a city library).
@Suite struct RelationEngineTests {
    static let corpus: Corpus = {
        let folder = TestSupport.fixtures.appendingPathComponent("relations")
        let files = (try? Discovery(inbox: folder).scan().files) ?? []
        return RelationEngine.relate(BatchBuild.makeCorpus(files: files, jobs: 1, maxFileSize: 1 << 20))
    }()

    /// The relations of a kind between a claim containing `a` and one containing `b`.
    func relations(_ kind: Relation.Kind? = nil, _ a: String, _ b: String) -> [Relation] {
        Self.corpus.relations.filter { relation in
            (kind == nil || relation.kind == kind) && relation.claims.contains { $0.text.contains(a) } && relation.claims.contains { $0.text.contains(b) }
        }
    }

    @Test func figuresForTheSameYearThatDifferContradict() throws {
        let found = relations(.contradiction, "operating budget totalled $18.4 million", "operating budget totalled $19.1 million")
        let relation = try #require(found.first)
        #expect(relation.explanation.contains("Lakeview Public Library annual report 2022") || relation.explanation.contains("2023-05-10"))
        #expect(relation.explanation.contains("18.4 million") && relation.explanation.contains("19.1 million"))
        #expect(relation.explanation.contains("2022"))
        #expect(relation.confidence > 0 && relation.confidence <= 1)
    }

    @Test func explicitPeriodsMakeAChangeNotAContradiction() throws {
        let relation = try #require(relations(.changeOverTime, "lent 412,000 books", "lent 455,000 books").first)
        #expect(relation.explanation.contains("up"))
        #expect(relation.claims.first?.text.contains("412,000") == true, "the older figure comes first")
        #expect(relations(.contradiction, "lent 412,000 books", "lent 455,000 books").isEmpty)
    }

    @Test func ranksOfTheSameSubjectConflict() {
        #expect(!relations(.contradiction, "state’s third-largest library system", "state’s second-largest library system").isEmpty)
    }

    @Test func equalCountsAgree() {
        #expect(!relations(.agreement, "operates 14 branches", "operates 14 branches").isEmpty)
    }

    @Test func theSameEventOnTheSameDateAgrees() {
        #expect(!relations(.agreement, "signed a digital lending agreement with OverDrive in March 2021", "dates from March 2021").isEmpty)
    }

    @Test func anOfficeHeldByAnotherPersonLaterIsAChange() throws {
        let relation = try #require(relations(.changeOverTime, "Mayor Dana Whitfield", "Mayor Ruth Okafor").first)
        #expect(relation.explanation.contains("Dana Whitfield") && relation.explanation.contains("Ruth Okafor"))
    }

    @Test func differentThingsAreNeverInConflict() {
        // Another library's rank, a capital budget against an operating one, e-books against books.
        for (a, b) in [("Riverside Public Library is the state’s largest", "third-largest library system"),
                       ("capital budget was $3.2 million", "operating budget totalled $19.1 million"),
                       ("38,000 e-books", "455,000 books"), ("38,000 e-books", "412,000 books")] {
            #expect(relations(.contradiction, a, b).isEmpty, "contradiction: \(a) / \(b)")
            #expect(relations(.changeOverTime, a, b).isEmpty, "change: \(a) / \(b)")
        }
    }

    @Test func relationsAreDeterministicAndUnique() {
        let files = (try? Discovery(inbox: TestSupport.fixtures.appendingPathComponent("relations")).scan().files) ?? []
        let base = BatchBuild.makeCorpus(files: files, jobs: 1, maxFileSize: 1 << 20)
        let again = RelationEngine.relate(base, jobs: 4)
        #expect(again.relations == Self.corpus.relations)
        #expect(again.trust == Self.corpus.trust)
        #expect(Set(Self.corpus.relations.map(\.id)).count == Self.corpus.relations.count)
        // Only claims of different sources are related.
        #expect(Self.corpus.relations.allSatisfy { $0.claims[0].document != $0.claims[1].document })
    }

    @Test func trustFollowsAgreementsAndConflicts() {
        #expect(Self.corpus.trust.count == Self.corpus.documents.count)
        for trust in Self.corpus.trust {
            #expect((0...1).contains(trust.score))
            #expect(trust.basis.contains("agreement") && trust.basis.contains("contradiction"))
        }
        let scores = SourceTrustModel.scores(documents: Self.corpus.documents, links: [])
        #expect(scores.allSatisfy { $0.agreements == 0 && $0.contradictions == 0 })
    }

    /// A figure stated for many years keeps its changes to the nearest years (a timeline), not to the most similar wording.
    @Test func aFactsChangesLinkItToTheNearestYears() throws {
        let folder = try TestSupport.temporaryFolder("crosscheck-timeline")
        defer { try? FileManager.default.removeItem(at: folder) }
        for year in 2011...2025 {
            let amount = String(format: "%.1f", 10.0 + Double(year - 2011) * 0.7)
            // The far years are worded exactly like 2018, so similarity alone would favour them.
            let sentence = abs(year - 2018) >= 4 || year == 2018
                ? "The operating budget of the Lakeview Public Library totalled $\(amount) million in \(year), according to the annual report of the library."
                : "The operating budget of the Lakeview Public Library totalled $\(amount) million in \(year)."
            try Data("Lakeview library \(year)\n\n\(sentence)\n".utf8).write(to: folder.appendingPathComponent("budget-\(year).txt"))
        }
        let corpus = RelationEngine.relate(BatchBuild.makeCorpus(files: try Discovery(inbox: folder).scan().files, jobs: 1, maxFileSize: 1 << 20))
        let middle = try #require(corpus.claims.first { $0.text.contains("in 2018") })
        let partners = corpus.relations(.changeOverTime).filter { $0.claims.contains { $0.id == middle.id } }
            .compactMap { $0.claims.first { $0.id != middle.id }?.date.value.flatMap { Int($0) } }
        #expect(partners.count == RelationEngine.maxPerFact)
        #expect(partners.allSatisfy { abs($0 - 2018) <= 3 }, "kept the years \(partners.sorted())")
    }

    @Test func contradictionsSayWhichSideIsBetterSupported() {
        for relation in Self.corpus.relations(.contradiction) {
            if let side = relation.betterSupported { #expect(relation.claims.map(\.id).contains(side)) }
        }
    }
}

/// The classification rules, one by one, on hand-made facts.
@Suite struct PairClassifierTests {
    /// A count fact; `openAbove` makes "over `value`" (no upper bound).
    func fact(_ document: Int, _ value: Double, low: Double? = nil, high: Double? = nil, openAbove: Bool = false, qualifier: String = "exact",
              year: Int? = 2022, basis: Period.Basis = .explicit, family: Fact.Family = .count, qualifiers: [String: String] = [:],
              metric: String = "branch") -> Fact {
        let quantity = Quantity(kind: .count, text: "\(value)", span: TextSpan(start: 0, end: 1), value: value, low: low ?? value,
                                high: openAbove ? nil : (high ?? value), qualifier: openAbove ? "over" : qualifier)
        return Fact.Draft(claim: document, document: document, quantity: quantity, family: family, metric: metric, metricLabel: metric,
                    qualifiers: qualifiers, scope: nil, subject: nil, possessor: nil,
                    period: Period(year: year, month: nil, basis: basis, label: year.map(String.init) ?? "none")).sealed()
    }

    let named = PairClassifier.Evidence(sharedRareTerms: 2, sharesBigram: true, entitiesOverlap: true, uncommonNamesOverlap: true)

    @Test func sameValueAgrees() {
        #expect(PairClassifier.classify(fact(0, 14), fact(1, 14), similarity: 0.5, evidence: named)?.kind == .agreement)
    }

    @Test func differentValueSamePeriodContradicts() {
        #expect(PairClassifier.classify(fact(0, 14), fact(1, 15), similarity: 0.5, evidence: named)?.kind == .contradiction)
    }

    @Test func explicitDifferentPeriodsAreAChange() {
        #expect(PairClassifier.classify(fact(0, 14, year: 2020), fact(1, 17, year: 2023), similarity: 0.5, evidence: named)?.kind == .changeOverTime)
    }

    @Test func publicationDatesFarApartImplyAChangeAtLowerConfidence() throws {
        let implied = try #require(PairClassifier.classify(fact(0, 14, year: 2018, basis: .publication), fact(1, 17, year: 2024, basis: .publication), similarity: 0.5, evidence: named))
        let explicit = try #require(PairClassifier.classify(fact(0, 14, year: 2018), fact(1, 17, year: 2024), similarity: 0.5, evidence: named))
        #expect(implied.kind == .changeOverTime && implied.confidence < explicit.confidence)
        // Close publication dates: the same period.
        #expect(PairClassifier.classify(fact(0, 14, year: 2023, basis: .publication), fact(1, 17, year: 2024, basis: .publication), similarity: 0.5, evidence: named)?.kind == .contradiction)
    }

    @Test func intervalsFromWordingDecide() {
        // "over 500" and "600" are compatible; "over 500" and "400" are not.
        #expect(PairClassifier.classify(fact(0, 500, openAbove: true), fact(1, 600), similarity: 0.5, evidence: named)?.kind == .agreement)
        #expect(PairClassifier.classify(fact(0, 500, openAbove: true), fact(1, 400), similarity: 0.5, evidence: named)?.kind == .contradiction)
        // Rounding: "35 billion" ([34.5, 35.5]) and 35.2 agree.
        #expect(PairClassifier.classify(fact(0, 35, low: 34.5, high: 35.5), fact(1, 35.2), similarity: 0.5, evidence: named)?.kind == .agreement)
        // Two open-ended figures corroborate nothing.
        #expect(PairClassifier.classify(fact(0, 500, openAbove: true), fact(1, 300, openAbove: true), similarity: 0.5, evidence: named) == nil)
    }

    @Test func clashingQualifiersAreNotAContradiction() {
        let verdict = PairClassifier.classify(fact(0, 500, qualifiers: ["span": "point"]), fact(1, 10_000, qualifiers: ["span": "cumulative"]), similarity: 0.5, evidence: named)
        #expect(verdict?.kind == .differentQualifier)
    }

    @Test func differentNamedSubjectsAreNeverRelated() {
        var evidence = named
        evidence.uncommonNamesOverlap = false
        #expect(PairClassifier.classify(fact(0, 14), fact(1, 15), similarity: 0.9, evidence: evidence) == nil)
        evidence = named
        evidence.entitiesOverlap = false
        #expect(PairClassifier.classify(fact(0, 14), fact(1, 14), similarity: 0.9, evidence: evidence) == nil)
    }

    @Test func eventsOnlyCorroborate() {
        let a = fact(0, 1928, year: 1928, family: .event), b = fact(1, 1929, year: 1929, family: .event)
        #expect(PairClassifier.classify(a, b, similarity: 0.9, evidence: named) == nil)
        #expect(PairClassifier.classify(a, fact(1, 1928, year: 1928, family: .event), similarity: 0.5, evidence: named)?.kind == .agreement)
    }

    @Test func aSpecificMoneyMeasureInTwoYearsIsAChangeThoughWordedDifferently() {
        // "Circulation spending reached $2.1 million in 2019" / "In 2023 the library spent $2.9 million on circulation":
        // the same measure and parties, little wording in common.
        var evidence = named
        evidence.sharedRareTerms = 0
        evidence.sharesBigram = false
        evidence.uncommonNamesOverlap = nil
        let older = fact(0, 2.1e6, year: 2019, family: .money, metric: "spending")
        let newer = fact(1, 2.9e6, year: 2023, family: .money, metric: "spending")
        #expect(PairClassifier.classify(older, newer, similarity: 0.08, evidence: evidence)?.kind == .changeOverTime)
        // The same year needs more than that to be called a contradiction,
        #expect(PairClassifier.classify(older, fact(1, 2.9e6, year: 2019, family: .money, metric: "spending"), similarity: 0.08, evidence: evidence) == nil)
        // a generic money measure ("cost" of something unnamed) says too little,
        #expect(PairClassifier.classify(fact(0, 2.1e6, year: 2019, family: .money, metric: "cost"), fact(1, 2.9e6, year: 2023, family: .money, metric: "cost"),
                                        similarity: 0.08, evidence: evidence) == nil)
        // and without the same parties named there is no timeline.
        evidence.entitiesOverlap = nil
        #expect(PairClassifier.classify(older, newer, similarity: 0.08, evidence: evidence) == nil)
    }

    @Test func sameSourceIsNeverRelated() {
        #expect(PairClassifier.classify(fact(0, 14), fact(0, 15), similarity: 1, evidence: named) == nil)
    }

    @Test func kindsRankInTheOrderOfTheirFiles() {
        #expect(Relation.Kind.allCases.map(\.rank) == Array(Relation.Kind.allCases.indices))
    }

    @Test("explanations start with a capital, whatever the first letter")
    func capitalizedFirstLetter() {
        #expect(Explanation.capitalized("same metric, no reference period") == "Same metric, no reference period")
        #expect(Explanation.capitalized("Already") == "Already")
        #expect(Explanation.capitalized("2019 and 2021") == "2019 and 2021")
        #expect(Explanation.capitalized("") == "")
        #expect(Explanation.capitalized("z") == "Z")
        #expect(Explanation.capitalized("émis en 2020") == "Émis en 2020")
        #expect(Explanation.capitalized("ßtraße") == "SStraße")
    }

    @Test("an explanation joins both statements with the kind's word and ends with the reason, capitalised")
    func explanationSentence() {
        #expect(Explanation.sentence(kind: .contradiction, older: "A (2020) says 5", newer: "B (2021) says 6", reason: "counts differ by 1")
            == "A (2020) says 5; but B (2021) says 6. Counts differ by 1.")
        #expect(Explanation.sentence(kind: .changeOverTime, older: "A", newer: "B", reason: "up 2 (+5.0 %)") == "A; later, B. Up 2 (+5.0 %).")
        #expect(Explanation.sentence(kind: .agreement, older: "«A»", newer: "B", reason: "émis en 2020") == "«A»; and B. Émis en 2020.")
        #expect(Explanation.sentence(kind: .differentQualifier, older: "A", newer: "B", reason: "") == "A; while B. .")
        #expect(Explanation.sentence(kind: .agreement, older: "A", newer: "B", reason: "e\u{301}gal") == "A; and B. E\u{301}gal.")
    }
}

/// Where an agreement stands, on sentences about a library (no rule names a seed's agreement).
@Suite struct AgreementStatusTests {
    func relations(_ sources: [(String, String)]) throws -> [Relation] {
        let folder = try TestSupport.temporaryFolder("crosscheck-agreements")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in sources { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let corpus = RelationEngine.relate(BatchBuild.makeCorpus(files: try Discovery(inbox: folder).scan().files, jobs: 1, maxFileSize: 1 << 20))
        return corpus.relations.filter { $0.metric == "status of an agreement" }
    }

    @Test func anAgreementUnderNegotiationThenSignedIsAChange() throws {
        let found = try relations([
            ("council.txt", "Council minutes\n\nIn March 2021 the library was still in negotiations on an interlibrary lending agreement with the county.\n"),
            ("gazette.txt", "Gazette\n\nIn 2023 the county and the library signed the interlibrary lending agreement, officials said.\n"),
        ])
        let relation = try #require(found.first)
        #expect(found.count == 1 && relation.kind == .changeOverTime)
        #expect(relation.claims.first?.text.contains("negotiations") == true, "the earlier stage comes first")
        #expect(relation.explanation.contains("“interlibrary”") || relation.explanation.contains("“lending”"))
    }

    @Test func noStatusChangeWithoutOneOrWithDifferentAgreements() throws {
        // Both signed (signed, then in force): the same stage.
        #expect(try relations([
            ("a.txt", "A\n\nIn 2021 the library signed a digital lending agreement with the county.\n"),
            ("b.txt", "B\n\nThe digital lending agreement, signed in 2021, entered into force in 2022.\n"),
        ]).isEmpty)
        // Signed first, talked about later: not a change we can date.
        #expect(try relations([
            ("a.txt", "A\n\nIn 2019 the library signed a parking agreement with the city.\n"),
            ("b.txt", "B\n\nIn 2023 negotiations on a new parking agreement with the city stalled.\n"),
        ]).isEmpty)
        // Different agreements: nothing names them alike.
        #expect(try relations([
            ("a.txt", "A\n\nIn 2020 negotiations on a catering agreement began.\n"),
            ("b.txt", "B\n\nIn 2022 the library signed a cleaning agreement.\n"),
        ]).isEmpty)
    }
}
