import Foundation
import Testing
@testable import Crosscheck

/// What differs between two corpora, by id: values equal in content count as unchanged however they are held, and a
/// change to any field counts.
@Suite struct CorpusDeltaTests {
    static let related = RelationEngine.relate(TestSupport.seedCorpus)

    @Test func equalValuesHeldApartAreUnchanged() throws {
        let root = try TestSupport.temporaryFolder("crosscheck-delta")
        defer { try? FileManager.default.removeItem(at: root) }
        // Read back from a store: the same content in storage of its own.
        let path = root.appendingPathComponent("corpus.sqlite").path
        try SQLiteCorpusStore(path: path).save(Self.related)
        let reread = try SQLiteCorpusStore(path: path).load()
        let delta = CorpusDelta(from: Self.related, to: reread, jobs: 2)
        #expect(delta.documents.isEmpty && delta.claims.isEmpty && delta.relations.isEmpty)
        #expect(CorpusDelta(from: Self.related, to: Self.related, jobs: 1).claims.isEmpty)
    }

    @Test func aChangedFieldIsGoneAndArrived() throws {
        var changed = Self.related
        let claim = try #require(changed.claims.indices.last)
        changed.claims[claim].sectionPath.append("Another heading")
        let relation = try #require(changed.relations.indices.first)
        changed.relations[relation].confidence += 0.01
        let delta = CorpusDelta(from: Self.related, to: changed, jobs: 2)
        #expect(delta.claims.gone == [changed.claims[claim].id] && delta.claims.arrived == [changed.claims[claim].id])
        #expect(delta.relations.gone == [changed.relations[relation].id] && delta.relations.arrived == [changed.relations[relation].id])
        #expect(delta.documents.isEmpty)
    }

    /// The same bits are the same value; equal values in other storage, and unequal values, are told by their fields.
    @Test func bitwiseSameFallsBackToTheValues() {
        let text = String(repeating: "The library lent 455,000 books in 2023. ", count: 3)
        let a = [text + "", "short"]
        let b = [String(text.utf8.map { Character(Unicode.Scalar($0)) }), "short"]
        let c = [text, "other"]
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeBufferPointer { c in
                    #expect(BitwiseSame.values(a.baseAddress!, a.baseAddress!))
                    #expect(BitwiseSame.values(a.baseAddress!, b.baseAddress!), "equal text in storage of its own")
                    #expect(BitwiseSame.values(a.baseAddress! + 1, b.baseAddress! + 1))
                    #expect(!BitwiseSame.values(a.baseAddress! + 1, c.baseAddress! + 1))
                }
            }
        }
    }
}
