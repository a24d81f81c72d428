import Foundation
import Testing
@testable import Crosscheck

/// Reports of a corpus with more relations than they list: every contradiction, at most `limit` of each other
/// kind, a line saying how many more and in which file, true totals, and no link to a relation not on the page.
@Suite struct ReportLimitTests {
    static let limit = 3
    static let corpus = LimitFixture.corpus
    static var content: ReportContent { ReportContent(corpus, limit: limit) }
    static let page = HTMLReport.render(corpus, limit: limit)
    static let markdown = MarkdownReport.render(corpus, limit: limit)

    static func captures(_ pattern: String, in text: String) throws -> [String] { try HTMLReportTests.captures(pattern, in: text) }

    @Test func theFixtureHasMoreOfEachKindThanTheLimit() {
        for kind in Relation.Kind.allCases { #expect(Self.corpus.relations(kind).count > Self.limit, "\(kind)") }
    }

    @Test func htmlListsEveryContradictionAndTheLimitOfEachOtherKind() throws {
        let kinds = try Self.captures(#"data-kind="([a-z_]+)""#, in: Self.page)
        #expect(kinds.filter { $0 == "contradiction" }.count == Self.corpus.relations(.contradiction).count)
        for kind in [Relation.Kind.changeOverTime, .agreement, .differentQualifier] {
            #expect(kinds.filter { $0 == kind.rawValue }.count == Self.limit, "\(kind)")
        }
    }

    @Test func markdownListsEveryContradictionAndTheLimitOfEachOtherKind() {
        // Each listed relation is named once by its id, in backticks; the ids say their kind (see LimitFixture).
        func listed(_ prefix: String) -> Int { Self.markdown.components(separatedBy: "`\(prefix)").count - 1 }
        #expect(listed(LimitFixture.prefix(.contradiction)) == Self.corpus.relations(.contradiction).count)
        for kind in [Relation.Kind.changeOverTime, .agreement, .differentQualifier] {
            #expect(listed(LimitFixture.prefix(kind)) == Self.limit, "\(kind)")
        }
    }

    @Test func eachCutSectionSaysHowManyMoreAndWhichFileHasThemAll() {
        let more = [(Relation.Kind.changeOverTime, "changes over time"), (.agreement, "agreements"), (.differentQualifier, "differently qualified figures")]
        for (kind, noun) in more {
            let unlisted = Self.corpus.relations(kind).count - Self.limit
            let line = "… and \(unlisted) more \(noun); every one is in "
            #expect(Self.page.contains(#"data-unlisted-kind="\#(kind.rawValue)" data-unlisted="\#(unlisted)">\#(line)<code>\#(kind.fileName)</code>."#))
            #expect(Self.markdown.contains("\(line)`\(kind.fileName)`."))
        }
        #expect(!Self.page.contains(#"data-unlisted-kind="contradiction""#))
        #expect(!Self.markdown.contains("more contradictions"))
    }

    @Test func theSummaryCountsAreTheTotals() {
        let counts = Manifest(corpus: Self.corpus).counts
        #expect(Self.content.counts == counts)
        for (name, count) in [("contradictions", counts.contradictions), ("changes", counts.changes), ("agreements", counts.agreements),
                              ("qualifiers", counts.qualifierDifferences), ("claims", counts.claims)] {
            #expect(Self.page.contains(#"data-count="\#(name)">\#(count)</span>"#), "\(name)")
        }
        #expect(Self.page.contains(#"Changes over time <span class="count">\#(counts.changes)</span>"#))
        #expect(Self.page.contains(#"Agreements <span class="count">\#(counts.agreements)</span>"#))
        #expect(Self.page.contains(#"Differently qualified figures <span class="count">\#(counts.qualifierDifferences)</span>"#))
        #expect(Self.markdown.contains("\(counts.contradictions) contradictions · \(counts.changes) changes over time · \(counts.agreements) agreements · "
                                       + "\(counts.qualifierDifferences) differently qualified"))
    }

    @Test func everyInPageLinkLeadsToAnAnchor() throws {
        let ids = try Self.captures(#"\sid="([^"]*)""#, in: Self.page)
        let targets = try Self.captures(##"href="#([^"]*)""##, in: Self.page)
        #expect(targets.filter { !Set(ids).contains($0) } == [])
        #expect(Set(ids).count == ids.count, "ids are unique")
        // Claims still link to the relations that are listed.
        #expect(targets.contains { $0.hasPrefix(LimitFixture.prefix(.changeOverTime)) })
    }

    @Test func everyClaimKeepsItsAnchorAndCitationAndCountsWhatIsNotListed() throws {
        for claim in Self.corpus.claims {
            let start = try #require(Self.page.range(of: "<li class=\"claim\" id=\"\(claim.id)\""))
            let end = try #require(Self.page.range(of: "</li>", range: start.upperBound..<Self.page.endIndex))
            let item = Self.page[start.lowerBound..<end.upperBound]
            #expect(item.contains("href=\"#source-\(claim.citationKey)\""))
            let unlisted = Self.corpus.relations.filter { relation in
                relation.claims.contains { $0.id == claim.id } && !Self.page.contains("id=\"\(relation.id)\"")
            }.count
            #expect(item.contains("<span class=\"unlisted\">+") == (unlisted > 0), "\(claim.id)")
            if unlisted > 0 { #expect(item.contains("+\(ReportContent.counted(unlisted, "relation"))</span>")) }
        }
        #expect(Self.markdown.components(separatedBy: "[^").count > Self.corpus.claims.count, "each claim cites its source")
    }

    @Test func theMostConfidentChangesAreListed() {
        let expected = Self.corpus.relations(.changeOverTime).sorted { ($1.confidence, $0.id) < ($0.confidence, $1.id) }.prefix(Self.limit).map(\.id)
        #expect(Set(Self.content.timelines.flatMap(\.changes).map(\.relation.id)) == Set(expected))
        let differences = Self.corpus.relations(.differentQualifier).sorted { ($1.confidence, $0.id) < ($0.confidence, $1.id) }.prefix(Self.limit).map(\.id)
        #expect(Self.content.qualifierDifferences.map(\.relation.id) == differences)
    }

    @Test func agreementGroupsBackedByTheMostSourcesComeFirstAndTheLastMayBeCut() {
        let groups = Self.content.agreements
        #expect(groups.map(\.metric) == ["branches", "visitors"])
        #expect(groups.map(\.agreements.count) == [2, 1])
        #expect(groups.map(\.sourceCount) == [3, 2], "a cut group counts the sources it shows")
        #expect(groups[1].agreements[0].relation.confidence == 0.8, "the most confident of the cut group")
    }

    @Test func aLimitOfZeroListsOnlyContradictions() throws {
        let page = HTMLReport.render(Self.corpus, limit: 0), markdown = MarkdownReport.render(Self.corpus, limit: 0)
        let kinds = try Self.captures(#"data-kind="([a-z_]+)""#, in: page)
        #expect(Set(kinds) == ["contradiction"])
        #expect(!page.contains("No changes over time were found") && !markdown.contains("No two sources corroborate"))
        #expect(markdown.contains("… and \(Self.corpus.relations(.changeOverTime).count) more changes over time"))
        let ids = Set(try Self.captures(#"\sid="([^"]*)""#, in: page))
        #expect(try Self.captures(##"href="#([^"]*)""##, in: page).filter { !ids.contains($0) } == [])
    }

    @Test func underTheLimitTheReportsAreWhole() {
        let whole = ReportContent(Self.corpus, limit: 1_000)
        #expect(whole.unlisted.isEmpty && whole.unlistedRelationCounts.isEmpty)
        #expect(!HTMLReport.render(whole).contains("unlisted"))
        // The small fixture corpus is far below the default limit: its reports are the same with any larger one.
        #expect(HTMLReport.render(ReportFixtures.corpus) == HTMLReport.render(ReportFixtures.corpus, limit: .max))
        #expect(MarkdownReport.render(ReportFixtures.corpus) == MarkdownReport.render(ReportFixtures.corpus, limit: .max))
    }

    @Test func theSameCorpusInAnotherOrderGivesTheSameBytes() {
        var shuffled = Self.corpus
        shuffled.relations.reverse()
        #expect(HTMLReport.render(shuffled, limit: Self.limit) == Self.page)
        #expect(MarkdownReport.render(shuffled, limit: Self.limit) == Self.markdown)
    }

    /// The DOM check of `Tests/browser/check-report.sh`, run on the page as written: it accepts a cut report
    /// with its "… and N more" lines, and refuses one that lists fewer without saying so.
    @Test(.enabled(if: BrowserCheckTests.onPath("python3") != nil, "needs python3 on PATH"))
    func theBrowserCheckAcceptsTheCutReportAndNoticesAMissingLine() throws {
        let folder = try TestSupport.temporaryFolder("crosscheck-limit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("manifest.json")
        try JSONExport.document(Manifest(corpus: Self.corpus)).write(to: manifest)
        func check(_ page: String) throws -> (status: Int32, said: String) {
            let dom = folder.appendingPathComponent("dom.html")
            try Data(page.utf8).write(to: dom)
            return try TestSupport.run("/usr/bin/env", ["python3", TestSupport.packageRoot.appendingPathComponent("Tests/browser/check_report_dom.py").path,
                                                        dom.path, manifest.path, "--limit", "\(Self.limit)"])
        }
        let whole = try check(Self.page)
        #expect(whole.status == 0, "\(whole.said)")
        #expect(whole.said.contains("\(Self.limit) of \(Self.corpus.relations(.changeOverTime).count) (the rest named in one line) changes"), "\(whole.said)")
        let silent = try check(Self.page.replacingOccurrences(of: #"data-unlisted-kind="agreement""#, with: ""))
        #expect(silent.status == 1 && silent.said.contains("agreement relations are not listed"), "\(silent.said)")
    }

    @Test func rankingKeepsTheFirstInOrder() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 3, 10, 50, 200] {
            let items = (0..<100).map { _ in Int.random(in: 0..<1_000, using: &generator) * 1_000 + Int.random(in: 0..<1_000, using: &generator) }
            #expect(Ranking.first(count, of: items, by: >) == Array(items.sorted(by: >).prefix(count)), "\(count)")
        }
        #expect(Ranking.first(2, of: Array(0..<10), by: <) == [0, 1])
        #expect(Ranking.first(2, of: Array((0..<10).reversed()), by: <) == [0, 1])
    }
}

/// A corpus made in code with more relations of every kind than `ReportLimitTests.limit`: five sources, a claim
/// per relation side, and agreements in three groups (3, 3 and 2 sources). Relation ids begin with their kind.
enum LimitFixture {
    static func prefix(_ kind: Relation.Kind) -> String {
        switch kind {
        case .contradiction: "rcon"
        case .changeOverTime: "rchg"
        case .agreement: "ragr"
        case .differentQualifier: "rqua"
        }
    }

    static let corpus: Corpus = {
        let documents = (1...5).map { number in
            ReportFixtures.document(id: "d\(number)", key: "source\(number)", path: "source-\(number).html", title: "Source \(number)",
                                    url: "https://example.org/\(number)", authors: [], site: nil, heading: "Numbers", text: "Figures.")
        }
        var claims: [Claim] = []
        func claim(_ document: Int, _ amount: Int) -> Claim {
            let text = "Revenue was $\(amount) million in 2024."
            let made = ReportFixtures.claim(id: String(format: "c%016x", claims.count + 1), in: documents[document - 1], text: text,
                                            value: "$\(amount) million", amount: Double(amount) * 1e6)
            claims.append(made)
            return made
        }
        var relations: [Relation] = []
        func relate(_ kind: Relation.Kind, _ a: Claim, _ b: Claim, metric: String, confidence: Double) {
            let id = prefix(kind) + String(format: "%012x", relations.count + 1)
            relations.append(Relation(id: id, kind: kind, claims: [RelatedClaim(claim: a, value: a.quantities[0]), RelatedClaim(claim: b, value: b.quantities[0])],
                                      subject: nil, metric: metric, explanation: "\(a.text) / \(b.text)", confidence: confidence, betterSupported: nil))
        }
        for number in 0..<5 { relate(.contradiction, claim(1, 10 + number), claim(2, 20 + number), metric: "revenue", confidence: 0.5 + 0.05 * Double(number)) }
        for number in 0..<7 { relate(.changeOverTime, claim(1 + number % 3, 30 + number), claim(4, 40 + number), metric: number % 2 == 0 ? "revenue" : "staff",
                                     confidence: [0.9, 0.3, 0.7, 0.9, 0.5, 0.2, 0.6][number]) }
        for number in 0..<5 { relate(.differentQualifier, claim(2, 50 + number), claim(3, 60 + number), metric: "trade", confidence: 0.4 + 0.1 * Double(number)) }
        // branches: three sources through two agreements; visitors: three sources, less confident; staff: two sources.
        let branches = [claim(1, 14), claim(2, 14), claim(3, 14)]
        relate(.agreement, branches[0], branches[1], metric: "branches", confidence: 0.9)
        relate(.agreement, branches[1], branches[2], metric: "branches", confidence: 0.7)
        let visitors = [claim(3, 70), claim(4, 70), claim(5, 70)]
        relate(.agreement, visitors[0], visitors[1], metric: "visitors", confidence: 0.8)
        relate(.agreement, visitors[1], visitors[2], metric: "visitors", confidence: 0.6)
        relate(.agreement, claim(4, 80), claim(5, 80), metric: "staff", confidence: 0.95)
        relations.sort { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
        let inputs = documents.map { InputRecord(path: $0.source.path, sha256: $0.source.sha256, bytes: 100, status: .ok, document: $0.id, reason: nil) }
        return Corpus(documents: documents, claims: claims, relations: relations, trust: [], inputs: inputs)
    }()
}
