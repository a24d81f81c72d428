import Foundation
import Testing
@testable import Crosscheck

/// A batch build's relations are made as they are read (`RelationList`, `DeferredRelations`); a watcher's are made at
/// once. Both must be the same relations, field for field, and what is read without making a relation must be what
/// the relation says.
@Suite struct RelationListTests {
    /// The seed corpus and the library fixtures: contradictions (some with a better supported side), changes,
    /// agreements, and relations made whole by the office and agreement passes.
    static let corpora: [Corpus] = {
        let library = (try? Discovery(inbox: TestSupport.fixtures.appendingPathComponent("relations")).scan().files) ?? []
        return [TestSupport.seedCorpus, BatchBuild.makeCorpus(files: library, jobs: 1, maxFileSize: 1 << 20)]
    }()

    static func deferredAndMade(_ corpus: Corpus) -> (deferred: RelationList, made: RelationList) {
        let deferred = RelationEngine.relate(corpus, jobs: 2).relations
        let made = RelationEngine.relate(corpus, jobs: 2, readings: ClaimReadings()).relations
        return (deferred, made)
    }

    @Test(arguments: [0, 1]) func aBatchBuildDefersTheSameRelationsAWatcherMakes(corpus: Int) {
        let (deferred, made) = Self.deferredAndMade(Self.corpora[corpus])
        #expect(deferred.isDeferred && !made.isDeferred)
        #expect(!made.isEmpty)
        #expect(deferred.count == made.count)
        #expect(deferred.values == made.values)
        #expect(deferred == made)
        // The corpus relates some contradiction with a side the rest of the corpus supports better, and some relation
        // made whole by another pass; both come through the deferred list unchanged.
        if corpus == 0 { #expect(made.contains { $0.betterSupported != nil }) }
    }

    @Test(arguments: [0, 1]) func fieldsAreReadWithoutMakingTheRelation(corpus: Int) {
        let (deferred, made) = Self.deferredAndMade(Self.corpora[corpus])
        for list in [deferred, made] {
            for index in list.indices {
                let relation = made[index]
                #expect(list.kind(at: index) == relation.kind)
                #expect(list.id(at: index) == relation.id)
                #expect(list.confidence(at: index) == relation.confidence)
                #expect(list.metric(at: index) == relation.metric)
                let sides = list.sides(at: index)
                #expect(sides.first == relation.first.id && sides.second == relation.second.id)
                #expect(sides.firstDocument == relation.first.document && sides.secondDocument == relation.second.document)
                list.withRelation(at: index) { #expect($0.pointee == relation) }
            }
            // The store's order: the ids' bytes, worked out from the numbers they spell for a deferred list.
            #expect(list.positionsInKeyOrder() == KeyOrder.positions(of: made.map(\.id)))
            var visited: [Int] = []
            list.forEach(where: { list.kind(at: $0) == .contradiction }) { index, relation in
                visited.append(index)
                #expect(relation.pointee == made[index])
            }
            #expect(visited == made.indices.filter { made[$0].kind == .contradiction })
        }
    }

    @Test func changingADeferredListMakesEveryRelationFirst() throws {
        var (deferred, made) = Self.deferredAndMade(Self.corpora[1])
        let index = try #require(made.indices.last)
        deferred[index].confidence = 0.01
        made[index].confidence = 0.01
        #expect(!deferred.isDeferred)
        #expect(deferred.values == made.values)
        deferred.removeFirst()
        #expect(deferred.values == Array(made.values.dropFirst()))
    }

    @Test func aWrittenCorpusHasTheRelationLinesOfItsMadeRelations() throws {
        // A batch build writes the relations' lines as the store inserts them, in the store's order.
        let corpus = RelationEngine.relate(Self.corpora[0], jobs: 2)
        #expect(corpus.relations.keyOrderKeepsEachKindsOrder)
        let made = corpus.relations.values
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relation-lines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try CorpusWriter.write(corpus, to: folder)
        for kind in Relation.Kind.allCases {
            let written = try Data(contentsOf: folder.appendingPathComponent(kind.fileName))
            #expect(written == (try JSONExport.lines(made.filter { $0.kind == kind })), "\(kind.fileName)")
        }
        #expect(try SQLiteCorpusStore(path: folder.appendingPathComponent(CorpusWriter.storeName).path).load().relations.values == made)
    }

    @Test(arguments: [(1, 1), (2, 1), (3, 2), (7, 4)])
    func relationsInKeyOrderComeInTheStoresOrderWhoeverMakesThem(chunkSize: Int, window: Int) throws {
        let relations = RelationEngine.relate(Self.corpora[0], jobs: 2).relations
        let made = relations.values
        let expected = relations.positionsInKeyOrder()
        let source = RelationsInKeyOrder(relations, chunkSize: chunkSize, window: window)
        let helper = Thread { source.helpMake() }
        helper.start()
        var read: [Relation] = []
        var lines = Data()
        try source.forEach { relation, line in
            read.append(relation.pointee)
            lines.append(contentsOf: line)
        }
        #expect(read == expected.map { made[$0] })
        #expect(lines == (try JSONExport.lines(expected.map { made[$0] })))
        // Read once more, from scratch, with no helper: the same.
        var again: [Relation] = []
        try RelationsInKeyOrder(relations, chunkSize: chunkSize, window: window).forEach { relation, _ in again.append(relation.pointee) }
        #expect(again == read)
    }

    @Test(arguments: [0, 1]) func aWatchersRelationsNameTheirClaimsByPosition(corpus: Int) throws {
        let related = RelationEngine.relate(Self.corpora[corpus], jobs: 2, readings: ClaimReadings())
        let claims = related.claims
        let positions = try #require(related.relations.claimPositions(in: claims))
        #expect(positions.count == related.relations.count)
        for (index, relation) in related.relations.enumerated() {
            let (a, b) = (Int(positions[index] >> 32), Int(positions[index] & 0xFFFF_FFFF))
            #expect(Set([claims[a].id, claims[b].id]) == [relation.first.id, relation.second.id])
        }
        // Only for the very claims they were made from: not for equal claims held apart, nor once the list changes.
        var copy = claims
        copy.append(claims[0])
        copy.removeLast()
        #expect(copy == claims)
        #expect(related.relations.claimPositions(in: copy) == nil)
        var changed = related.relations
        changed[0].confidence = 0.5
        #expect(changed.claimPositions(in: claims) == nil)
        // A batch build's relations do not carry them.
        #expect(RelationEngine.relate(Self.corpora[corpus], jobs: 2).relations.claimPositions(in: claims) == nil)
    }

    @Test func theExportsOfADeferredCorpusAreThoseOfTheSameCorpusMade() throws {
        let corpus = Self.corpora[0]
        let deferred = RelationEngine.relate(corpus, jobs: 2)
        var made = deferred
        made.relations = RelationList(RelationEngine.relate(corpus, jobs: 2, readings: ClaimReadings()).relations.values)
        // As a watcher hands them to its writer: with the positions of their claims, which the report reads instead of ids.
        let withPositions = RelationEngine.relate(corpus, jobs: 2, readings: ClaimReadings())
        #expect(withPositions.relations.claimPositions(in: withPositions.claims) != nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relation-list-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, value) in [("deferred", deferred), ("made", made), ("positions", withPositions)] {
            let output = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try CorpusWriter.writeExports(of: value, into: output)
        }
        for name in ["contradictions.jsonl", "changes.jsonl", "agreements.jsonl", "report.md", "report.html", "manifest.json"] {
            let a = try Data(contentsOf: folder.appendingPathComponent("deferred/\(name)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("made/\(name)"))
            let c = try Data(contentsOf: folder.appendingPathComponent("positions/\(name)"))
            #expect(a == b, "\(name)")
            #expect(a == c, "\(name)")
            #expect(!a.isEmpty, "\(name)")
        }
        // With few relations listed, the rest are counted against their claims, and agreements grouped, from positions too.
        for limit in [1, 3] {
            let (fromIDs, fromPositions) = (ReportContent(made, limit: limit), ReportContent(withPositions, limit: limit))
            #expect(fromPositions.unlistedRelationCounts == fromIDs.unlistedRelationCounts)
            #expect(fromPositions.unlistedRelationCounts.contains { $0 > 0 })
            #expect(fromPositions.agreements.map { $0.agreements.map(\.relation.id) } == fromIDs.agreements.map { $0.agreements.map(\.relation.id) })
            #expect(fromPositions.agreements.map(\.sourceCount) == fromIDs.agreements.map(\.sourceCount))
            #expect(MarkdownReport.render(withPositions, limit: limit) == MarkdownReport.render(made, limit: limit))
        }
    }
}
