/// Agreement by wording: two sources that say the same thing about something specific corroborate each
/// other even without a figure. Only pairs where at least one side states no figure are considered, so that
/// figures are always compared by their values, never by their words.
enum Corroboration {
    static let neighbours = 8
    /// A term used by more claims than this is too common to lead to a candidate.
    static let maxPostings = 60

    /// A pair of claims whose wording meets closely enough, with what it shares.
    private struct Candidate: Sendable {
        var a: Int
        var b: Int
        var score: Double
        var rare: Int
        var bigram: Bool
    }

    static func relations(claims: [Claim], documentIndex: [String: Int], similarity: SimilarityIndex, documents: [Document],
                          periods: [Period], jobs: Int = 1) -> [Relation] {
        let members = claims.indices.filter { documentIndex[claims[$0].document] != nil }
        // Every pair needs a statement on one side: only statements go looking for partners.
        let statements = members.indices.filter { claims[members[$0]].kinds.contains("statement") }
        var relations: [Relation] = []
        var seen = Set<String>()
        // Uncommon means used by few claims of this corpus: at most 3, or one claim in 60 in a larger one (a term
        // that five sources of a few hundred claims use, "propane", still names something specific).
        let rareLimit = max(3, similarity.bandedCount / 60)
        // The neighbour search and the scoring run over ranges of statements on all threads; pairs stay in query order.
        let wanted = Set(statements.flatMap { similarity.vector(members[$0]).map(\.term) })
        let postings = Postings(members: members, index: similarity, maxPostings: maxPostings, wanted: wanted)
        let ranges = stride(from: 0, to: statements.count, by: 2_048).map { $0..<min(statements.count, $0 + 2_048) }
        let candidates = ParallelMap.map(ranges, jobs: jobs, chunkSize: 1) { range in
            similarity.nearestNeighbours(in: members, postings: postings, limit: neighbours, queries: statements[range]).compactMap { i, j -> Candidate? in
                let (a, b) = (members[i], members[j])
                guard claims[a].document != claims[b].document, claims[a].kinds.contains("statement") || claims[b].kinds.contains("statement") else { return nil }
                let score = Double(similarity.similarity(a, b))
                let rare = similarity.sharedRareTerms(a, b, maxFrequency: rareLimit)
                let bigram = similarity.sharesBigram(a, b)
                // Shared names, not shared generic words: an uncommon phrase or several uncommon terms.
                guard (score >= 0.2 && bigram && rare >= 1) || (score >= 0.35 && rare >= 2) else { return nil }
                return Candidate(a: a, b: b, score: score, rare: rare, bigram: bigram)
            }
        }
        for candidate in candidates.joined() {
            let (a, b, score, rare, bigram) = (candidate.a, candidate.b, candidate.score, candidate.rare, candidate.bigram)
            let (ca, cb) = (claims[a], claims[b])
            let ids = [ca.id, cb.id].sorted()
            let key = ids.joined(separator: "|")
            guard seen.insert(key).inserted else { continue }
            let (older, newer) = ((periods[a].year ?? Int.min, ca.id) <= (periods[b].year ?? Int.min, cb.id)) ? (a, b) : (b, a)
            func side(_ index: Int) -> RelatedClaim { RelatedClaim(claim: claims[index], value: nil) }
            let (da, db) = (documents[documentIndex[claims[older].document]!], documents[documentIndex[claims[newer].document]!])
            let explanation = "\(Explanation.sourceName(da)) (\(Explanation.dateLabel(da, periods[older]))) and \(Explanation.sourceName(db)) "
                + "(\(Explanation.dateLabel(db, periods[newer]))) say the same thing in their own words: the sentences share "
                + "\(bigram ? "a phrase and " : "")\(rare) uncommon term\(rare == 1 ? "" : "s") (similarity \(ValueFormat.fixed(score, decimals: 2)))."
            relations.append(Relation(
                id: RelationEngine.relationID(.agreement, ids[0], ids[1]),
                kind: .agreement, claims: [side(older), side(newer)], subject: nil, metric: "wording",
                explanation: explanation, confidence: (min(1, 0.3 + score) * 0.8 * 100).rounded() / 100, betterSupported: nil))
        }
        return relations
    }
}
