import Foundation
import Testing
@testable import Crosscheck

/// The text reader's rules are general: they are checked here on a copied page none of them was written for.
@Suite struct TextReaderTests {
    @Test func unseenCopiedPageComesOutClean() throws {
        let processed = try TestSupport.process(TestSupport.fixtures.appendingPathComponent("copied-press-release.txt"))
        let document = processed.document
        #expect(document.title == "Australia and Korea expand clean hydrogen partnership")
        #expect(document.published?.date == "2024-03-12")
        #expect(document.modified?.date == "2024-03-15")
        #expect(document.sections.map(\.heading) == [
            "Australia and Korea expand clean hydrogen partnership", "Background", "KEY FIGURES", "Frequently asked questions",
        ])
        let text = TestSupport.allText(document)
        for chrome in ["Skip to main content", "Share this page", "Contact us", "Date modified", "Published:"] {
            #expect(!text.contains(chrome), "\(chrome) left in")
        }
        // Questions stay with their answers, and the answers are claims.
        let faq = try #require(document.sections.last)
        #expect(faq.text.hasPrefix("When does the partnership start?\n\nThe first projects begin in July 2024."))
        let funding = try #require(processed.claims.first { $0.text.hasPrefix("Each government contributes") })
        #expect(funding.quantities.first { $0.kind == .money }?.currency == "AUD")
        #expect(processed.claims.contains { $0.text.hasPrefix("Australia and the Republic of Korea today signed") && $0.kinds.contains("agreement") })
    }

    @Test(arguments: [
        ("A Look Back: Canada-Japan History", true), ("Trade relations", true), ("SECURITY COOPERATION", true),
        ("FAQs: Let’s Clear Things Up", true), ("Japan is a big market.", false), ("This is a sentence, with a comma,", false),
        ("the lower-case start of a line", false),
    ])
    func headingLikeLines(line: String, isHeading: Bool) {
        #expect(TextReader.isHeadingLike(line) == isHeading)
    }

    @Test(arguments: [
        "Language selection", "On this page", "Main Container", "Main Content", "Related links", "Latest meetings", "Leave a comment",
        "Related Product", "Date Modified:", "Share:", "Skip to main content",
    ])
    func chromeLines(line: String) {
        #expect(Boilerplate.isChromeLine(line))
    }

    @Test func contentLinesAreNotChrome() {
        #expect(!Boilerplate.isChromeLine("Trade relations"))
        #expect(!Boilerplate.isChromeLine("Date modified: 2024-03-15 is when the page changed last, the footer says."))
        #expect(!Boilerplate.isChromeLine("Partnerships and organizations"))
    }

    @Test func dateLinesAtTheStartOfAText() throws {
        let (kind, match, rest) = try #require(TextReader.leadingDateLabel("date 2026-03-06 Canada seeks stronger ties"))
        #expect(kind == .published && match.iso == "2026-03-06" && rest == "Canada seeks stronger ties")
        #expect(TextReader.leadingDateLabel("Published: April 30, 2025")?.1.iso == "2025-04-30")
        #expect(TextReader.leadingDateLabel("Dated letters from 1929 survive.") == nil)
        // Every label, in any case, gets past the quick test of the line's opening.
        for label in ["date", "Published", "POSTED", "Updated", "modified", "Publié", "dated"] {
            #expect(TextReader.leadingDateLabel("\(label): 2025-04-30 The rest")?.2 == "The rest", "\(label)")
        }
        #expect(TextReader.leadingDateLabel("Data: 2025-04-30") == nil)
    }

    /// Lines are trimmed without Foundation; they must come out as `trimmingCharacters(in: .whitespaces)` has them.
    @Test func linesAreTrimmedAsFoundationTrimsWhitespace() {
        let pool: [String] = [" ", "\t", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{200B}", "\u{0301}", "\u{FEFF}", "a", "é", "1", "\u{1F600}", "\u{202F}", "\u{1680}"]
        var generator = SystemRandomNumberGenerator()
        var lines = pool + ["", "  a b  ", "\t\u{00A0}x\u{3000}", "\u{200B} x \u{200B}", " \u{0301}a "]
        for _ in 0..<2_000 { lines.append((0..<Int.random(in: 1...8, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()) }
        for line in lines {
            #expect(TextReader.trimmingWhitespace(Substring(line)) == line.trimmingCharacters(in: .whitespaces), "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A date label is looked for in a line's lower-cased opening only; the kind must be the one the whole lower-cased line gives.
    @Test func aLinesDateLabelIsTheOneItsLowerCasedTextGives() {
        let lines = ["Last updated: 2024-03-15", "Published: April 30, 2025", "Date published 2023-11-07, updated 2024-01-02",
                     "Updated 2019-10-21 / Published 2019-10-01", "STAND: 16.08.2019", "Mis à jour le 3 mars 2024", "Trade relations",
                     String(repeating: "x", count: 70) + " published 2024"]
        for line in lines { #expect(DateLabels.label(inLine: line) == DateLabels.label(in: line.lowercased()), "\(line)") }
        #expect(DateLabels.label(inLine: "Last updated: 2024-03-15") == .modified)
        #expect(DateLabels.label(inLine: "Date published 2023-11-07, updated 2024-01-02") == .published)
    }

    @Test func markdownHeadingsKeepTheirLevels() throws {
        let processed = try TestSupport.processText("# Report\n\nIntro text with 5 per cent growth.\n\n## Trade\n\nTrade was C$35 billion in 2023.\n\n### Goods\n\nGoods rose 3 per cent in 2023.\n", name: "report.md")
        #expect(processed.document.sections.map(\.level) == [1, 2, 3])
        #expect(processed.document.sections.last?.path == ["Report", "Trade", "Goods"])
    }
}
