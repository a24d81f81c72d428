import Foundation
import Testing
@testable import Crosscheck

/// Looking up one claim, relation or document by id, and the sentences around a claim.
@Suite struct CorpusLookupTests {
    static let corpus = RelationEngine.relate(TestSupport.seedCorpus, jobs: 2)

    @Test func everyIdLeadsBackToItsClaimRelationOrDocument() throws {
        let corpus = Self.corpus
        let claim = try #require(corpus.claims.last)
        #expect(corpus.claim(id: claim.id) == claim)
        #expect(corpus.document(id: claim.document)?.id == claim.document)
        #expect(corpus.section(of: claim)?.id == claim.section)
        let relation = try #require(corpus.relations.first)
        #expect(corpus.relation(id: relation.id) == relation)
        #expect(corpus.claim(id: relation.id) == nil && corpus.relation(id: claim.id) == nil)
    }

    @Test func idsByTheirBeginning() {
        let corpus = Self.corpus
        #expect(corpus.ids(startingWith: "c").count == corpus.claims.count)
        #expect(corpus.ids(startingWith: "r").count == corpus.relations.count)
        #expect(corpus.ids(startingWith: "d").count == corpus.documents.count)
        #expect(corpus.ids(startingWith: "").isEmpty)
        let ids = corpus.ids(startingWith: "c0")
        #expect(ids == ids.sorted() && ids.allSatisfy { $0.hasPrefix("c0") })
    }

    @Test func aClaimsRelationsAreThoseNamingItOnEitherSide() throws {
        let corpus = Self.corpus
        let relation = try #require(corpus.relations.first)
        for side in relation.claims {
            let involving = corpus.relations(involving: side.id)
            #expect(involving.contains(relation))
            #expect(involving.allSatisfy { $0.claims.contains { $0.id == side.id } })
        }
    }

    @Test func theSentencesAroundAClaim() throws {
        let corpus = Self.corpus
        let claim = try #require(corpus.claims.first { $0.text == "Japan is now Canada’s fourth-largest trading partner." })
        let (before, after) = corpus.neighbouringSentences(of: claim)
        #expect(before == "The Government of Canada says trade grew a lot since then.")
        #expect(after == "In 2021, for example, trade reached CAD 28.7 billion.")
    }

    @Test func neighboursNeverOverlapTheClaimAndComeFromItsSection() throws {
        let corpus = Self.corpus
        var both = 0
        for claim in corpus.claims {
            let text = try #require(corpus.section(of: claim)?.text)
            let (before, after) = corpus.neighbouringSentences(of: claim)
            for neighbour in [before, after].compactMap({ $0 }) {
                #expect(text.contains(neighbour) && neighbour != claim.text && !neighbour.contains(claim.text), "\(claim.id)")
            }
            if before != nil && after != nil { both += 1 }
        }
        #expect(both > corpus.claims.count / 4)
        let first = try #require(corpus.claims.first { claim in claim.span.start == 0 })
        #expect(corpus.neighbouringSentences(of: first).before == nil, "a claim that opens its section has nothing before it")
    }
}
