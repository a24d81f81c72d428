import Foundation
import Testing
@testable import Crosscheck

/// `citations.bib`: entries LaTeX and biber read, with every source character printed as itself.
@Suite struct BibTeXTests {
    /// Whether the unescaped braces of `bib` pair up.
    static func bracesBalance(_ bib: String) -> Bool {
        var depth = 0, escaped = false
        for character in bib {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
        }
        return depth == 0
    }

    @Test func texSpecialCharactersAreEscaped() {
        #expect(Escaping.bibTeX(#"50% of R&D_costs #1 $5 {x} \ ^ ~"#)
            == ##"50\% of R\&D\_costs \#1 \$5 \{x\} \textbackslash{} \textasciicircum{} \textasciitilde{}"##)
        #expect(Escaping.bibTeX("Québec – 東京") == "Québec – 東京", "non-ASCII stays UTF-8")
    }

    @Test func anEntryCarriesTheDocumentsFields() {
        var document = ReportFixtures.document(id: "d1", key: "doe2024trade", path: "news/trade_2024.html", title: "Trade & {investment} at 5%", url: "https://example.org/search?q={x}&y=1_2%20z",
                                               authors: ["Jane Doe", "Global Affairs Canada"], site: "Pacific_Ledger", heading: "h", text: "t")
        document.modified = DatedValue(date: "2024-06-01", precision: .day, evidence: "meta")
        #expect(BibTeX.entry(document) == """
            @online{doe2024trade,
              title = {{Trade \\& \\{investment\\} at 5\\%}},
              author = {Doe, Jane and {Global Affairs Canada}},
              organization = {Pacific\\_Ledger},
              date = {2024-05-01},
              year = {2024},
              url = {https://example.org/search?q=%7Bx%7D&y=1_2%20z},
              note = {Source file: news/trade\\_2024.html (sha256 abababababab)},
            }

            """)
    }

    @Test func sourcesWithoutAWebURLAreMiscWithoutURL() {
        for url in [nil, "javascript:alert(1)", "file:///etc/passwd"] {
            let document = ReportFixtures.document(id: "d2", key: "anonndnotes", path: "notes.txt", title: "Notes", url: url, authors: [], site: nil, heading: "h", text: "t")
            let entry = BibTeX.entry(document)
            #expect(entry.hasPrefix("@misc{anonndnotes,\n") && !entry.contains("url ="))
        }
    }

    @Test func namesBibTeXWouldSplitWronglyAreTakenWhole() {
        #expect(BibTeX.name("Jane Doe") == "Doe, Jane")
        #expect(BibTeX.name("Mary Ann Smith") == "Smith, Mary Ann")
        #expect(BibTeX.name("Smith and Sons") == "{Smith and Sons}")
        #expect(BibTeX.name("Doe, Jane") == "{Doe, Jane}")
        #expect(BibTeX.name("Reuters") == "{Reuters}")
        #expect(BibTeX.name("R&D Office") == "{R\\&D Office}")
    }

    @Test func everySourceOfTheSampleHasOneBalancedEntry() throws {
        let documents = TestSupport.seedCorpus.documents
        let bib = BibTeX.render(documents)
        let keys = try HTMLReportTests.captures(#"(?m)^@(?:online|misc)\{([a-z0-9]+),$"#, in: bib)
        #expect(keys == documents.map(\.citationKey))
        #expect(Self.bracesBalance(bib))
        for entry in bib.components(separatedBy: "\n@").dropFirst() { #expect(Self.bracesBalance("@" + entry), "unbalanced: \(entry)") }
        let news = try #require(bib.components(separatedBy: "\n@").first { $0.hasPrefix("online{doe2026carney,") })
        #expect(news.contains("author = {Doe, Jane},") && news.contains("date = {2026-03-07},") && news.contains("organization = {Pacific Ledger},"))
    }
}
