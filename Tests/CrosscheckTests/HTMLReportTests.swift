import Foundation
import Testing
@testable import Crosscheck

/// `report.html` of the fixture corpus: what a reader needs is there, in order, and every link leads somewhere.
@Suite struct HTMLReportTests {
    static let corpus = ReportFixtures.corpus
    static let page = HTMLReport.render(corpus)

    /// The first capture group of every match of `pattern`.
    static func captures(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The HTML of the element that starts at the first occurrence of `start`, up to the closing `</tag>`.
    func element(_ start: String, tag: String) throws -> String {
        let page = Self.page
        let open = try #require(page.range(of: start))
        let close = try #require(page.range(of: "</\(tag)>", range: open.upperBound..<page.endIndex))
        return String(page[open.lowerBound..<close.upperBound])
    }

    @Test func everyInternalLinkLeadsToAnElement() throws {
        let ids = Set(try Self.captures(#"\sid="([^"]*)""#, in: Self.page))
        let targets = try Self.captures(##"href="#([^"]*)""##, in: Self.page)
        #expect(targets.count > 50)
        #expect(targets.filter { !ids.contains($0) } == [])
        #expect(ids.count == (try Self.captures(#"\sid="([^"]*)""#, in: Self.page)).count, "ids are unique")
    }

    @Test func nothingIsFetchedAndNothingRuns() {
        for forbidden in ["<script", " src=", "<link", "url(", "@import", "<iframe", "<object", "<embed", "<img"] {
            #expect(!Self.page.lowercased().contains(forbidden), "report.html contains \(forbidden)")
        }
        #expect(Self.page.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#))
        #expect(Self.page.contains("@media print"))
    }

    @Test func blocksMatchTheCounts() throws {
        let counts = Manifest(corpus: Self.corpus).counts
        let kinds = try Self.captures(#"data-kind="([a-z_]+)""#, in: Self.page)
        #expect(kinds.filter { $0 == "contradiction" }.count == counts.contradictions)
        #expect(kinds.filter { $0 == "change_over_time" }.count == counts.changes)
        #expect(kinds.filter { $0 == "agreement" }.count == counts.agreements)
        #expect(kinds.filter { $0 == "different_qualifier" }.count == counts.qualifierDifferences)
        #expect(Self.page.components(separatedBy: "<article class=\"source\"").count - 1 == counts.documents)
        #expect(Self.page.components(separatedBy: "<li class=\"claim\"").count - 1 == counts.claims)
        #expect(Self.page.contains(#"<span class="n" data-count="contradictions">\#(counts.contradictions)</span>"#))
        #expect(Self.page.contains(#"<span class="n" data-count="problems">1</span> <span class="label">problem</span>"#))
    }

    @Test func contradictionsComeFirstThenChangesAgreementsSourcesProblems() throws {
        let positions = try ["id=\"contradictions\"", "id=\"changes\"", "id=\"agreements\"", "id=\"qualifier-differences\"", "id=\"sources\"", "id=\"problems\""].map {
            try #require(Self.page.range(of: $0)).lowerBound
        }
        #expect(positions == positions.sorted())
    }

    @Test func aContradictionShowsBothSidesWithTheirValuesMarked() throws {
        let relation = try #require(Self.corpus.relations(.contradiction).first { $0.explanation.contains("19.1 million") && $0.explanation.contains("Lakeview Public Library annual report") })
        let card = try element("<article class=\"relation contradiction\" id=\"\(relation.id)\"", tag: "article")
        #expect(card.contains("<mark>$18.4 million</mark>") && card.contains("<mark>$19.1 million</mark>"))
        #expect(card.components(separatedBy: "<figure class=\"side").count == 3, "two sides")
        for side in relation.claims {
            let document = try #require(Self.corpus.documents.first { $0.id == side.document })
            #expect(card.contains("href=\"#source-\(document.citationKey)\""))
            #expect(card.contains("href=\"#\(side.id)\""))
        }
        #expect(card.contains("confidence \(String(format: "%.2f", relation.confidence))"))
        #expect(card.contains("<dt>Section</dt><dd>Budget</dd>") && card.contains("<dt>Section</dt><dd>Numbers</dd>"))
        // The badge heads the better supported side, and only that one.
        let better = try #require(relation.betterSupported)
        let sides = card.components(separatedBy: "<figure class=\"side").dropFirst()
        #expect(sides.filter { $0.contains("Better supported") }.map { $0.contains("href=\"#\(better)\"") } == [true])
        #expect(card.contains("class=\"side better-supported\""))
    }

    @Test func changesFormATimelineInDateOrder() throws {
        let timeline = try element("<article class=\"timeline\" id=\"timeline-", tag: "article")
        let earlier = try #require(timeline.range(of: "398,000 books")), later = try #require(timeline.range(of: "412,000 books"))
        #expect(earlier.lowerBound < later.lowerBound)
        #expect(timeline.contains("<span class=\"when\">2021</span>") && timeline.contains("<span class=\"when\">2022</span>"))
        #expect(timeline.contains("data-kind=\"change_over_time\""))
    }

    @Test func agreementsSayHowManySourcesCorroborate() {
        #expect(Self.page.contains("<span class=\"corroborated\">Corroborated by 3 sources</span> <span class=\"metric\">branches</span>"))
        #expect(Self.page.contains("operates <mark>14</mark> branches"))
    }

    @Test func everyClaimHasAnAnchorACitationAndForWebPagesTheOriginal() throws {
        for claim in Self.corpus.claims {
            let item = try element("<li class=\"claim\" id=\"\(claim.id)\"", tag: "li")
            #expect(item.contains("href=\"#source-\(claim.citationKey)\""))
            let document = try #require(Self.corpus.documents.first { $0.id == claim.document })
            #expect(item.contains("class=\"original\"") == (WebLink.url(document.url) != nil))
        }
        #expect(Self.page.contains("<a class=\"original\" href=\"https://www.lakeview-courier.example/news/2023/06/library-by-the-numbers\">original</a>"))
    }

    @Test func sourcesShowTheirMetadataWithEvidenceAndTrust() throws {
        let source = try element("<article class=\"source\" id=\"source-rivera2023lakeview\"", tag: "article")
        #expect(source.contains("<h3>Lakeview library &quot;by the numbers&quot;: budget &amp; branches</h3>"))
        #expect(source.contains("<dt>Authors</dt><dd>Sam Rivera <span class=\"evidence\">from meta[name=&quot;author&quot;]</span></dd>"))
        #expect(source.contains("<dt>Published</dt><dd>2023-06-01"))
        #expect(source.contains("<meter min=\"0\" max=\"1\" value=\""))
        #expect(source.contains("<h5>Money &amp; branches</h5>"))
    }

    @Test func problemsAreListed() {
        #expect(Self.page.contains("<li class=\"problem\"><code>empty-page.html</code> — no readable text was found in it"))
    }
}
