import Foundation
import Testing
@testable import Crosscheck

/// Corpus-wide counts read in bands, and what that buys: a page about something else leaves every other relation alone.
@Suite struct CountBandTests {
    @Test func smallCountsAreExactAndLargerOnesKeepFourSignificantBits() {
        for count in 0..<16 { #expect(CountBand.floor(count) == count) }
        #expect((16...40).map(CountBand.floor) == [16, 16, 18, 18, 20, 20, 22, 22, 24, 24, 26, 26, 28, 28, 30, 30,
                                                   32, 32, 32, 32, 36, 36, 36, 36, 40])
        #expect(CountBand.floor(15_798) == 15_360)
        #expect(CountBand.floor(16_384) == 16_384)
        #expect(CountBand.floor(100_000) == 98_304)
    }

    @Test func aBandIsReadAsItsSmallestCountAtMostAnEighthBelow() {
        var previous = 0
        for count in 1...70_000 {
            let banded = CountBand.floor(count)
            #expect(banded <= count && banded >= previous, "\(count) → \(banded)")
            #expect(Double(count - banded) <= Double(count) / 8, "\(count) → \(banded)")
            #expect(CountBand.floor(banded) == banded, "a band's smallest count is its own band's")
            previous = banded
        }
    }

    /// The seed corpus (321 claims, in the band of 320 to 351) with a page of figures in words it does not use.
    /// Counted exactly, the page moved every word's weight and the confidence of relations it has no part in.
    @Test func aPageAboutSomethingElseLeavesEveryOtherRelationAlone() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in try FileManager.default.contentsOfDirectory(at: TestSupport.inbox, includingPropertiesForKeys: nil)
        where !file.lastPathComponent.hasPrefix(".") {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
        }
        let before = try Self.relate(folder)
        let page = """
            Orchard harvest tallies

            The Brindlewood orchard picked 4,300 bushels of quince in 2019.
            Its cider mill bottled 12,800 flagons that autumn.
            Beekeepers counted 37 hives beside the hedgerows.
            """
        try page.write(to: folder.appendingPathComponent("orchard.txt"), atomically: true, encoding: .utf8)
        let after = try Self.relate(folder)
        #expect(after.claims.count > before.claims.count)
        #expect(CountBand.floor(after.claims.count) == CountBand.floor(before.claims.count), "the page must not move the corpus's band")

        let seedClaims = Set(before.claims.map(\.id))
        let kept = after.relations.filter { $0.claims.allSatisfy { seedClaims.contains($0.id) } }
        #expect(kept.count == before.relations.count)
        let moved = zip(kept, before.relations).filter { $0 != $1 }.map { "\($1.id): \($1.confidence) \($1.explanation) → \($0.confidence) \($0.explanation) \($1.betterSupported ?? "-") \($0.betterSupported ?? "-")" }
        #expect(moved.isEmpty, "every relation of the seeds, confidence and wording included: \(moved.joined(separator: "\n"))")
    }

    private static func relate(_ folder: URL) throws -> Corpus {
        let files = try Discovery(inbox: folder).scan().files
        return RelationEngine.relate(BatchBuild.makeCorpus(files: files, jobs: 2, maxFileSize: BuildOptions.defaultMaxFileSize), jobs: 2)
    }
}
