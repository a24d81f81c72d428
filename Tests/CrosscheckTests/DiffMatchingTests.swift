import Foundation
import Testing
@testable import Crosscheck

/// Matching documents and claims: an edit reads as a change, a rename as a rename, a reordering as moves.
@Suite struct DiffMatchingTests {
    @Test func identicalCorporaAreIdentical() throws {
        let diff = CorpusDiff.compare(old: TestSupport.seedCorpus, new: TestSupport.seedCorpus)
        #expect(diff.isIdentical)
        #expect(diff.documents.isEmpty && diff.relations.isEmpty)
        #expect(diff.text().isEmpty)
    }

    @Test func oneNumberEditedIsExactlyOneClaimChangedWithItsHighlight() throws {
        let inbox = try DiffInbox.copyOfSampleInbox()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try DiffInbox.edit(inbox.appendingPathComponent("000_aa5382f77710609e.txt"),
                           replacing: "trade reached CAD 28.7 billion", with: "trade reached CAD 29.1 billion")
        let diff = CorpusDiff.compare(old: TestSupport.seedCorpus, new: try DiffInbox.corpus(of: inbox))
        #expect(diff.counts.claims.changed == 1)
        #expect(diff.counts.claims.added == 0)
        #expect(diff.counts.claims.removed == 0)
        #expect(diff.counts.claims.moved == 0)
        #expect(diff.counts.documents.changed == 1 && diff.counts.documents.added == 0 && diff.counts.documents.removed == 0)
        let document = try #require(diff.documents.first)
        #expect(document.kind == .modified && document.path == "000_aa5382f77710609e.txt")
        #expect((document.similarity ?? 0) > 0.95 && (document.similarity ?? 1) < 1)
        let change = try #require(document.claims.first)
        #expect(change.kind == .changed)
        #expect(change.highlight == "In 2021, for example, trade reached CAD [-28.7-]{+29.1+} billion.")
        #expect(change.similarity.map { $0 >= TokenSimilarity.threshold } == true)
        #expect(diff.text().contains("~ In 2021, for example, trade reached CAD [-28.7-]{+29.1+} billion. [@anonndrelationship]"))
    }

    @Test func twoSimilarSiblingClaimsEditedArePairedWithTheirOwnOriginals() {
        let first = "Exports to Japan reached C$15.8 billion in 2023, up from the year before."
        let second = "Exports to Japan reached C$14.2 billion in 2022, up from the year before."
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("trade.txt", [(["Trade"], [first, second])])
        // Each edit alone would leave the sentence closer to its sibling's original than a careless matcher notices.
        new.add("trade.txt", [(["Trade"], [
            "Exports to Japan reached C$15.9 billion in 2023, up from the year before.",
            "Exports to Japan reached C$14.3 billion in 2022, up from the year before.",
        ])])
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.counts.claims.changed == 2 && diff.counts.claims.added == 0 && diff.counts.claims.removed == 0)
        let highlights = diff.documents.flatMap(\.claims).compactMap(\.highlight)
        #expect(highlights == [
            "Exports to Japan reached C$[-15.8-]{+15.9+} billion in 2023, up from the year before.",
            "Exports to Japan reached C$[-14.2-]{+14.3+} billion in 2022, up from the year before.",
        ])
    }

    @Test func swappedSiblingsPairByContentNotByPosition() {
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("a.txt", [(["A"], ["Revenue grew 12% in 2024 across the Asian region.", "A new office opened in Lyon in 2023 with 40 staff."])])
        new.add("a.txt", [(["A"], ["A new office opened in Lyon in 2023 with 45 staff.", "Revenue grew 14% in 2024 across the Asian region."])])
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        let pairs = diff.documents.flatMap(\.claims).map { ($0.old?.text.prefix(7), $0.new?.text.prefix(7)) }
        #expect(diff.counts.claims.changed == 2)
        #expect(pairs.allSatisfy { $0.0 == $0.1 })
    }

    @Test func differentClaimsAreNotPairedEvenWhenTheirCharactersAreAlike() {
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("q.txt", [(["Results"], ["Q1 sales $5.1m."])])
        new.add("q.txt", [(["Results"], ["Q2 sales $6.3m."])])
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.counts.claims.added == 1 && diff.counts.claims.removed == 1 && diff.counts.claims.changed == 0)
    }

    @Test func renamedSourceIsOneDocumentRenamedWithNoClaimChanges() throws {
        let inbox = try DiffInbox.copyOfSampleInbox()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try FileManager.default.moveItem(at: inbox.appendingPathComponent("blog-japan-canada-lng.htm"), to: inbox.appendingPathComponent("lng-blog.htm"))
        let diff = CorpusDiff.compare(old: TestSupport.seedCorpus, new: try DiffInbox.corpus(of: inbox))
        #expect(diff.documents.count == 1)
        let document = try #require(diff.documents.first)
        #expect(document.kind == .renamed)
        #expect(document.old?.path == "blog-japan-canada-lng.htm" && document.new?.path == "lng-blog.htm")
        #expect(document.claims.isEmpty && document.sections.isEmpty)
        #expect(diff.counts.documents.renamed == 1 && diff.counts.documents.changed == 1)
        #expect(diff.counts.claims == CorpusDiff.ClaimCounts())
    }

    @Test func reorderedSectionsMoveTheirClaimsWithoutChangingThem() throws {
        let trade = "## Trade\n\nTrade reached C$35 billion in 2023.\n\nExports rose 4 per cent in 2023.\n\n"
        let energy = "## Energy\n\nLNG exports reached 14 million tonnes in 2024.\n\n"
        let old = try DiffInbox.corpus(files: ["note.md": "# Canada and Japan\n\n" + trade + energy])
        let new = try DiffInbox.corpus(files: ["note.md": "# Canada and Japan\n\n" + energy + trade])
        #expect(old.claims.count == 3)
        let diff = CorpusDiff.compare(old: old, new: new)
        #expect(diff.counts.claims.changed == 0 && diff.counts.claims.added == 0 && diff.counts.claims.removed == 0)
        #expect(diff.counts.claims.moved >= 1)
        #expect(diff.counts.sections.moved == 1 && diff.counts.sections.added == 0 && diff.counts.sections.removed == 0)
        let moved = diff.documents.flatMap(\.claims).filter { $0.kind == .moved }
        #expect(moved.count == diff.counts.claims.moved)
        #expect(moved.allSatisfy { $0.old?.text == $0.new?.text })
    }

    @Test func claimMovedToAnotherSectionIsMoved() {
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("a.txt", [(["A", "Trade"], ["Trade reached C$35 billion in 2023.", "Exports rose 4% in 2023."]), (["A", "Energy"], [])])
        new.add("a.txt", [(["A", "Trade"], ["Trade reached C$35 billion in 2023."]), (["A", "Energy"], ["Exports rose 4% in 2023."])])
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.counts.claims.moved == 1 && diff.counts.claims.changed == 0)
        #expect(diff.text().contains("> Exports rose 4% in 2023. [@"))
        #expect(diff.text().contains("(moved from § A › Trade)"))
    }

    @Test func renamedAndEditedSourceIsMatchedByClaimOverlap() {
        let sentences = (1...6).map { "In 20\($0 + 10), trade in sector \($0) reached C$\($0).5 billion." }
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("draft.txt", [(["Draft"], sentences)])
        new.add("final.txt", [(["Draft"], Array(sentences.dropLast()) + ["In 2016, trade in sector 6 reached C$6.9 billion."])])
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.documents.count == 1)
        let document = diff.documents[0]
        #expect(document.kind == .modified)
        #expect(document.old?.path == "draft.txt" && document.new?.path == "final.txt")
        #expect(diff.counts.claims.changed == 1 && diff.counts.documents.renamed == 1)
        #expect(diff.text().contains("~ draft.txt → final.txt · renamed and modified, 9"))
    }

    @Test func fileEditedOutsideItsClaimsIsModifiedWithNothingListed() {
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("a.txt", [(["A"], ["Trade reached C$35 billion in 2023."])], bytes: "<p>Old footer</p>")
        new.add("a.txt", [(["A"], ["Trade reached C$35 billion in 2023."])], bytes: "<p>New footer</p>")
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.counts.documents.changed == 1 && diff.documents.first?.claims.isEmpty == true)
        #expect(diff.text().contains("~ a.txt · modified, 100% similar\n  “a.txt” [@key18b7cb]\n  no claim changed, and no section was added, removed or moved\n"))
    }

    @Test func unrelatedDocumentsAreAddedAndRemoved() {
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("old.txt", [(["Old"], ["Trade reached C$35 billion in 2023.", "Exports rose 4% in 2023."])])
        new.add("new.txt", [(["New"], ["LNG shipments began in 2025 from Kitimat."])])
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.counts.documents.added == 1 && diff.counts.documents.removed == 1 && diff.counts.documents.changed == 0)
        #expect(diff.counts.claims.added == 1 && diff.counts.claims.removed == 2)
        #expect(diff.documents.map(\.kind) == [.added, .removed])
    }

    @Test func aLargeDocumentWithOneEditIsNeverCalledAHundredPerCentSimilar() {
        let sentences = (0..<200).map { "In \(1900 + $0), exports of item \($0) reached C$\($0).5 billion." }
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("big.txt", [(["Big"], sentences)])
        new.add("big.txt", [(["Big"], sentences.dropLast() + ["In 2099, exports of item 199 reached C$199.9 billion."])])
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.documents.first?.similarity == 0.999)
        #expect(diff.text().contains("~ big.txt · modified, 99% similar"))
    }

    @Test func repeatedSentencesPairOneToOne() {
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        let repeated = "Trade reached C$35 billion in 2023."
        old.add("a.txt", [(["A"], [repeated, "Exports rose 4% in 2023.", repeated])])
        new.add("a.txt", [(["A"], [repeated, "Exports rose 4% in 2023."])])
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.counts.claims.removed == 1 && diff.counts.claims.changed == 0 && diff.counts.claims.added == 0)
    }
}
