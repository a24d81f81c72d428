import Testing
@testable import Crosscheck

/// Relations across two corpora: matched by the pair of their claims, appeared or resolved with the reason.
@Suite struct DiffRelationTests {
    static let ours = "Two-way trade reached C$36.5 billion in 2023, officials said."
    static let theirs = "Two-way trade reached C$36.5 billion in 2023, the chamber said."
    static let theirsEdited = "Two-way trade reached C$38.4 billion in 2023, the chamber said."
    static let third = "Trade with Japan was worth C$31 billion in 2023 according to the bulletin."

    /// Three sources; `relations` says which pairs the engine related.
    func corpus(theirs: String = theirs, withThird: Bool = true, relate: (inout DiffCorpusBuilder) -> Void) -> Corpus {
        var builder = DiffCorpusBuilder()
        builder.add("gac.txt", [(["GAC"], [Self.ours])])
        builder.add("chamber.txt", [(["Chamber"], ["Japan is Canada’s fourth-largest trading partner in 2024.", theirs])])
        if withThird { builder.add("bulletin.txt", [(["Bulletin"], [Self.third])]) }
        relate(&builder)
        return builder.corpus
    }

    @Test func editThatCreatesAContradictionReportsItAppearedBecauseASideChanged() throws {
        let old = corpus { $0.relate(.agreement, (Self.ours, "gac.txt"), (Self.theirs, "chamber.txt")) }
        let new = corpus(theirs: Self.theirsEdited) { $0.relate(.contradiction, (Self.ours, "gac.txt"), (Self.theirsEdited, "chamber.txt")) }
        let diff = CorpusDiff.compare(old: old, new: new)
        #expect(diff.counts.claims.changed == 1)
        #expect(diff.counts.relations(.contradiction).appeared == 1 && diff.counts.relations(.contradiction).resolved == 0)
        #expect(diff.counts.relations(.agreement).resolved == 1)
        let appeared = try #require(diff.relations.first { $0.relation.kind == .contradiction })
        #expect(appeared.kind == .appeared && appeared.reason == .sideChanged)
        #expect(appeared.sides.map(\.fate) == [.unchanged, .changed])
        #expect(appeared.sides[1].highlight == "Two-way trade reached C$[-36.5-]{+38.4+} billion in 2023, the chamber said.")
        let text = diff.text()
        #expect(text.hasPrefix("documents +0 −0 ~1 · claims +0 −0 ~1 · contradictions +1 −0 · agreements +0 −1\n"))
        #expect(text.contains("contradictions\n  + appeared: gac.txt and chamber.txt give different figures for trade. · a side changed\n"))
        #expect(text.contains("      changed: Two-way trade reached C$[-36.5-]{+38.4+} billion in 2023, the chamber said. (chamber.txt)\n"))
    }

    @Test func editThatRemovesAContradictionReportsItResolvedBecauseASideChanged() throws {
        let old = corpus(theirs: Self.theirsEdited) { $0.relate(.contradiction, (Self.ours, "gac.txt"), (Self.theirsEdited, "chamber.txt")) }
        let new = corpus { _ in }
        let diff = CorpusDiff.compare(old: old, new: new)
        let resolved = try #require(diff.relations.first)
        #expect(diff.relations.count == 1)
        #expect(resolved.kind == .resolved && resolved.reason == .sideChanged && resolved.relation.kind == .contradiction)
        #expect(diff.counts.relations(.contradiction).resolved == 1)
        #expect(diff.summaryLine.contains("contradictions +0 −1"))
    }

    @Test func removedSourceResolvesItsContradictionsBecauseASideWasRemoved() throws {
        let old = corpus { $0.relate(.contradiction, (Self.ours, "gac.txt"), (Self.third, "bulletin.txt")) }
        let new = corpus(withThird: false) { _ in }
        let diff = CorpusDiff.compare(old: old, new: new)
        let resolved = try #require(diff.relations.first)
        #expect(resolved.kind == .resolved && resolved.reason == .sideRemoved)
        #expect(resolved.sides.map(\.fate) == [.unchanged, .removed])
        #expect(diff.text().contains("- resolved: gac.txt and bulletin.txt give different figures for trade. · a side was removed"))
    }

    @Test func addedSourceThatContradictsReportsASideAdded() throws {
        let old = corpus(withThird: false) { _ in }
        let new = corpus { $0.relate(.contradiction, (Self.third, "bulletin.txt"), (Self.ours, "gac.txt")) }
        let diff = CorpusDiff.compare(old: old, new: new)
        let appeared = try #require(diff.relations.first)
        #expect(appeared.kind == .appeared && appeared.reason == .sideAdded)
    }

    @Test func contradictionBetweenUnchangedClaimsIsStillThereWhateverTheOrderOrAMove() {
        let old = corpus { $0.relate(.contradiction, (Self.ours, "gac.txt"), (Self.third, "bulletin.txt")) }
        // The new build lists the pair the other way round, and the chamber's file changed (so every id in it changed).
        let new = corpus(theirs: Self.theirsEdited) { $0.relate(.contradiction, (Self.third, "bulletin.txt"), (Self.ours, "gac.txt")) }
        let diff = CorpusDiff.compare(old: old, new: new)
        #expect(diff.relations.isEmpty)
        #expect(diff.counts.relations(.contradiction) == CorpusDiff.RelationCounts(appeared: 0, resolved: 0, stillThere: 1))
        #expect(diff.summaryLine.hasSuffix("contradictions +0 −0"))
    }

    @Test func contradictionSurvivesItsSideBeingMovedInAnEditedDocument() {
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("a.txt", [(["A", "Trade"], [Self.ours]), (["A", "Other"], ["LNG exports began in 2025."])])
        old.add("b.txt", [(["B"], [Self.third])])
        old.relate(.contradiction, (Self.ours, "a.txt"), (Self.third, "b.txt"))
        new.add("a.txt", [(["A", "Other"], ["LNG exports began in 2025.", Self.ours])])
        new.add("b.txt", [(["B"], [Self.third])])
        new.relate(.contradiction, (Self.ours, "a.txt"), (Self.third, "b.txt"))
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.counts.claims.moved == 1)
        #expect(diff.relations.isEmpty)
        #expect(diff.counts.relations(.contradiction).stillThere == 1)
    }

    @Test func theSameFindingRestingOnAnotherSentenceIsStillThere() {
        let other = "Two-way trade was C$36.5 billion in 2023 by the ministry's count."
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("gac.txt", [(["GAC"], [Self.ours, other])])
        old.add("bulletin.txt", [(["Bulletin"], [Self.third])])
        new.add("gac.txt", [(["GAC"], [Self.ours, other])])
        new.add("bulletin.txt", [(["Bulletin"], [Self.third])])
        old.relate(.contradiction, (Self.ours, "gac.txt"), (Self.third, "bulletin.txt"))
        new.relate(.contradiction, (other, "gac.txt"), (Self.third, "bulletin.txt"))
        // The builder's explanation names the two sources only: the same finding, now resting on the other sentence.
        let diff = CorpusDiff.compare(old: old.corpus, new: new.corpus)
        #expect(diff.relations.isEmpty && diff.isIdentical)
        #expect(diff.counts.relations(.contradiction).stillThere == 1)
    }

    @Test func sameClaimsRelatedAnotherWayIsOneResolvedAndOneAppeared() {
        let old = corpus { $0.relate(.contradiction, (Self.ours, "gac.txt"), (Self.third, "bulletin.txt")) }
        let new = corpus { $0.relate(.differentQualifier, (Self.ours, "gac.txt"), (Self.third, "bulletin.txt")) }
        let diff = CorpusDiff.compare(old: old, new: new)
        #expect(diff.relations.map(\.kind) == [.resolved, .appeared])
        #expect(diff.relations.allSatisfy { $0.reason == .claimsUnchanged })
        #expect(diff.counts.documents == CorpusDiff.DocumentCounts())
        #expect(!diff.isIdentical)
    }
}
