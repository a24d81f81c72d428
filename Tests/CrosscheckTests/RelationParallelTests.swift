import Foundation
import Testing
@testable import Crosscheck

/// The relation engine cuts large blocks into units of work, merges verdicts in shards and bounds each block on
/// its own thread: none of that may change what it finds. A corpus of ferry operators, many sources and years,
/// gives blocks far beyond the size that is compared exhaustively.
@Suite struct RelationParallelTests {
    static let corpus: Corpus = {
        let operators = ["Skerrivane", "Tollowmere", "Brackenholt", "Quillanby", "Marrowgate", "Fennick", "Osterlade", "Wychcombe"]
        var files: [String: String] = [:]
        for source in 0..<40 {
            var text = "Harbour bulletin \(source)\n\n"
            for (index, name) in operators.enumerated() {
                let year = 2016 + (source + index) % 6
                // Every operator's crossings grow by 40 a year, so sources agree or show a change; one source is off.
                var crossings = 1_000 + 100 * index + 40 * (year - 2016)
                if source == 7 && index == 3 { crossings += 250 }
                text += "In \(year), \(name) Ferries ran \(crossings) crossings on the northern route.\n\n"
                text += "\(name) Ferries had \(200 + 10 * index) employees in \(year).\n\n"
            }
            files[String(format: "bulletin-%02d.txt", source)] = text
        }
        return try! DiffInbox.corpus(files: files)
    }()

    @Test func cuttingTheWorkDifferentlyFindsTheSameRelations() {
        let corpus = Self.corpus
        #expect(corpus.claims.count >= 600)
        let (reference, referenceTrust) = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: 1)
        for (jobs, unit) in [(1, 5), (3, 7), (4, 2_048)] {
            let (relations, trust) = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: jobs, queriesPerUnit: unit)
            #expect(relations == reference, "jobs \(jobs), \(unit) queries per unit")
            #expect(trust == referenceTrust)
        }
        // The one source that is off contradicts the others for that operator and year, and nothing else does.
        let contradictions = reference.filter { $0.kind == .contradiction }
        #expect(!contradictions.isEmpty)
        #expect(contradictions.allSatisfy { relation in relation.claims.contains { $0.source.path == "bulletin-07.txt" && $0.text.contains("Quillanby") } })
        #expect(reference.contains { $0.kind == .changeOverTime } && reference.contains { $0.kind == .agreement })
    }
}
