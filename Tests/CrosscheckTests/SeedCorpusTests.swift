import Foundation
import Testing
@testable import Crosscheck

/// The five seed texts come out with their titles, sections in order, dates, and no boilerplate.
@Suite struct SeedCorpusTests {
    let corpus = TestSupport.seedCorpus

    @Test func everySeedIsReadWithoutProblems() {
        for path in ["000_aa5382f77710609e.txt", "001_0747e326bf4192bf.txt", "002_f4ce4e43d1c88569.txt", "003_9ac30e4971e124e1.txt", "004_a192cf07296280e9.txt"] {
            let input = corpus.inputs.first { $0.path == path }
            #expect(input?.status == .ok, "\(path): \(input?.reason ?? "missing")")
        }
    }

    @Test func essayHasItsTitleAndSectionsInOrder() throws {
        let document = try #require(TestSupport.document("000_aa5382f77710609e.txt"))
        #expect(document.title == "What is the relationship between Canada and Japan, and how has cooperation in technology and trade strengthened Canada’s diplomacy?")
        let headings = document.sections.map(\.heading).filter { $0 != document.title }
        #expect(headings == [
            "A Look Back: Canada-Japan History", "Trade Talk: Our Growing Economic Link", "Tech Together: Creating New Things",
            "Cultural Connections: Building Bonds Beyond Business", "What’s Next: A Changing World", "The Other Side: Challenges We Face",
            "FAQs: Let’s Clear Things Up", "Conclusion: A Bright Diplomatic Future",
        ])
        // Sections sit under the title in the tree.
        #expect(document.sections.dropFirst().allSatisfy { $0.level == 2 && $0.path == [document.title!, $0.heading] })
        // FAQ questions stay in the FAQ section, not as headings.
        let faq = try #require(document.sections.first { $0.heading.hasPrefix("FAQs") })
        #expect(faq.text.contains("What is the overall scope of trade between Canada and Japan?\n\nTrade is huge and growing."))
    }

    @Test func governmentPageDropsItsBoilerplate() throws {
        let document = try #require(TestSupport.document("001_0747e326bf4192bf.txt"))
        #expect(document.title == "Canada-Japan relations")
        #expect(document.sections.map(\.heading).filter { $0 != document.title } == [
            "Bilateral relations", "Academic relations", "Trade relations", "Canada-Japan Joint Economic Committee",
            "Defence and security cooperation", "Partnerships and organizations",
        ])
        let text = TestSupport.allText(document)
        for boilerplate in ["Language selection", "On this page", "Related links", "Latest meetings", "Date Modified:"] {
            #expect(!text.contains(boilerplate), "\(boilerplate) left in the text")
        }
        #expect(document.published == nil, "an empty 'Date Modified:' line is not a date")
        #expect(document.modified == nil)
    }

    @Test func newsReleaseDropsContainerLabels() throws {
        let document = try #require(TestSupport.document("002_f4ce4e43d1c88569.txt"))
        #expect(document.title == "Canada announces closer collaboration with Japan")
        let text = TestSupport.allText(document)
        for boilerplate in ["Main Container", "Main Content", "Related Product"] {
            #expect(!text.contains(boilerplate), "\(boilerplate) left in the text")
        }
        let headings = document.sections.map(\.heading)
        #expect(headings.contains("Bilateral relationship and people-to-people ties"))
        #expect(headings.contains("Peace and security cooperation"))
        #expect(headings.firstIndex(of: "Artificial Intelligence")! < headings.firstIndex(of: "Gaming and Entertainment")!)
    }

    @Test func opEdTakesItsDateAndSiteFromTheClosingLine() throws {
        let document = try #require(TestSupport.document("003_9ac30e4971e124e1.txt"))
        #expect(document.published?.date == "2025-04-30")
        #expect(document.published?.precision == .day)
        #expect(document.published?.evidence.contains("first published on April 30, 2025") == true)
        #expect(document.site == "Asia Pacific Foundation of Canada")
        // No title line: the first sentence stands in, and the evidence says so.
        #expect(document.title?.hasPrefix("The evolution of Canada-Japan relations") == true)
        #expect(document.evidence["title"]?.contains("no title line") == true)
        #expect(!TestSupport.allText(document).contains("Leave a comment"))
        // The numbered priorities are list items, each its own block.
        #expect(document.sections.contains { $0.text.contains("\n\nInstitutionalizing security co-operation") })
    }

    @Test func newsArticleTakesItsDateFromTheDateLine() throws {
        let document = try #require(TestSupport.document("004_a192cf07296280e9.txt"))
        #expect(document.published?.date == "2026-03-06")
        #expect(document.title == "Canada seeks stronger ties with Japan as Carney pushes ‘middle-power’ strategy")
        #expect(document.sections.map(\.heading).filter { $0 != document.title } == ["A SOLID FOUNDATION", "SECURITY COOPERATION", "BALANCE OF POWER"])
        #expect(!TestSupport.allText(document).contains("date 2026-03-06"))
    }

    @Test func claimSpansPointAtTheExactWords() throws {
        let sections = Dictionary(uniqueKeysWithValues: corpus.documents.flatMap(\.sections).map { ($0.id, $0) })
        #expect(corpus.claims.count > 100)
        for claim in corpus.claims {
            let section = try #require(sections[claim.section])
            #expect(section.text.scalarSlice(claim.span.start, claim.span.end) == claim.text)
            for quantity in claim.quantities {
                #expect(claim.text.scalarSlice(quantity.span.start, quantity.span.end) == quantity.text)
            }
        }
    }

    @Test func issueExamplesComeOutRight() throws {
        func claim(_ text: String) throws -> Claim { try #require(corpus.claims.first { $0.text == text }, "no claim: \(text)") }

        let trade = try claim("In 2021, for example, trade reached CAD 28.7 billion.")
        let money = try #require(trade.quantities.first { $0.kind == .money })
        #expect(money.value == 28.7e9 && money.currency == "CAD" && money.currencyInferred == nil)
        #expect(money.low == 28.65e9 && money.high == 28.75e9)
        #expect(trade.date.value == "2021" && trade.date.basis == .explicit)

        let rank = try claim("Japan is now Canada’s fourth-largest trading partner.")
        #expect(rank.quantities.map(\.kind) == [.rank])
        #expect(rank.quantities.first?.value == 4 && rank.quantities.first?.unit == "trading partner")

        // The source has non-breaking spaces here ("129,425\u{00A0}people", "2021\u{00A0}census"); the text keeps them.
        let people = try claim("There are over 129,425\u{00A0}people of Japanese origin residing in Canada (2021\u{00A0}census).")
        let count = try #require(people.quantities.first { $0.kind == .count })
        #expect(count.value == 129_425 && count.low == 129_425 && count.high == nil && count.qualifier == "over")
        #expect(people.date.value == "2021" && people.date.basis == .explicit)
    }

    @Test func claimsWithoutAPeriodTakeThePublicationDate() throws {
        let claim = try #require(corpus.claims.first { $0.text.hasPrefix("Leading a fractious coalition with approval ratings below 24 per cent") })
        #expect(claim.date.value == "2025-04-30" && claim.date.basis == .publication)
        let lastYear = try #require(corpus.claims.first { $0.text.hasPrefix("Last year, Tokyo began importing") })
        #expect(lastYear.date.value == "2025" && lastYear.date.basis == .relative)
        let undated = try #require(corpus.claims.first { $0.text == "Japan is now Canada’s fourth-largest trading partner." })
        #expect(undated.date.value == nil && undated.date.basis == .none)
    }

    @Test func questionsAndOpinionsAreNotClaims() {
        #expect(!corpus.claims.contains { $0.text.hasSuffix("?") })
        #expect(!corpus.claims.contains { $0.text == "It’s quite a partnership, isn’t it?" })
        #expect(!corpus.claims.contains { $0.text == "The bond between Canada and Japan is truly special." })
    }
}
