import Foundation

/// TF-IDF vectors of claims and a candidate search that never compares everything with everything:
/// candidates come from postings of shared terms, and very common terms are not followed.
struct SimilarityIndex: Sendable {
    /// Sparse, L2-normalised TF-IDF vector: term ids ascending with their weights.
    struct Vector: Sendable {
        var terms: [Int32]
        var weights: [Float]

        func dot(_ other: Vector) -> Float {
            var i = 0, j = 0, total: Float = 0
            while i < terms.count && j < other.terms.count {
                if terms[i] == other.terms[j] {
                    total += weights[i] * other.weights[j]
                    i += 1
                    j += 1
                } else if terms[i] < other.terms[j] {
                    i += 1
                } else {
                    j += 1
                }
            }
            return total
        }
    }

    let vectors: [Vector]
    /// How many claims use each term.
    let documentFrequency: [Int]
    /// Term ids by term.
    let termIDs: [String: Int32]
    /// Adjacent pairs of content terms of each claim, hashed and sorted: a shared pair names the same thing.
    let bigrams: [[Int]]
    /// For each bigram, the smaller document frequency of its two terms.
    let bigramRarity: [[Int]]

    /// - Parameter runs: consecutive runs of claims, each numbering its own terms in the order it first met them (see
    ///   `TermNumbering`). The runs can be read on many threads; only their distinct terms are numbered here, on one,
    ///   in the order the whole corpus first meets them.
    /// - Parameter jobs: threads for the per-claim work.
    init(runs: [TermNumbering.Run], jobs: Int = 1) {
        var ids: [String: Int32] = [:]
        let globalIDs: [[Int32]] = runs.map { run in
            run.terms.map { term in
                if let known = ids[term] { return known }
                let id = Int32(ids.count)
                ids[term] = id
                return id
            }
        }
        // Each run's rows in the corpus's numbering, and how many of its claims use each of its terms.
        let renumbered = ParallelMap.map(Array(runs.indices), jobs: jobs, chunkSize: 1) { index -> (rows: [[Int32]], claims: [Int]) in
            let map = globalIDs[index]
            var claims = [Int](repeating: 0, count: map.count)
            var lastClaim = [Int](repeating: -1, count: map.count)
            let rows = runs[index].rows.enumerated().map { claim, row in
                row.map { local in
                    if lastClaim[Int(local)] != claim { lastClaim[Int(local)] = claim; claims[Int(local)] += 1 }
                    return map[Int(local)]
                }
            }
            return (rows, claims)
        }
        var documentFrequency = [Int](repeating: 0, count: ids.count)
        for (index, run) in renumbered.enumerated() {
            for (local, count) in run.claims.enumerated() { documentFrequency[Int(globalIDs[index][local])] += count }
        }
        let encoded = renumbered.flatMap(\.rows)
        let claimsPerTerm = documentFrequency
        var pairs: [[(Int, Int)]] = ParallelMap.map(encoded, jobs: jobs) { row in
            guard row.count > 1 else { return [] }
            var seen = Set<Int>()
            var result: [(Int, Int)] = []
            for index in 1..<row.count {
                let key = Int(row[index - 1]) &* 1_000_003 &+ Int(row[index])
                if seen.insert(key).inserted {
                    result.append((key, min(claimsPerTerm[Int(row[index - 1])], claimsPerTerm[Int(row[index])])))
                }
            }
            return result.sorted { $0.0 < $1.0 }
        }
        bigrams = pairs.map { $0.map(\.0) }
        bigramRarity = pairs.map { $0.map(\.1) }
        pairs.removeAll()
        let count = Float(max(encoded.count, 1))
        self.documentFrequency = documentFrequency
        self.termIDs = ids
        vectors = ParallelMap.map(encoded, jobs: jobs) { row in
            // Term frequencies by sorting the row, not through a dictionary per claim.
            let ids = row.sorted()
            var sorted: [Int32] = []
            var frequencies: [Float] = []
            for id in ids {
                if sorted.last == id { frequencies[frequencies.count - 1] += 1 } else { sorted.append(id); frequencies.append(1) }
            }
            var weights = zip(sorted, frequencies).map { id, frequency -> Float in
                let idf = log((count + 1) / (Float(claimsPerTerm[Int(id)]) + 0.5))
                return (1 + log(frequency)) * max(idf, 0.01)
            }
            let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { weights = weights.map { $0 / norm } }
            return Vector(terms: sorted, weights: weights)
        }
    }

    func similarity(_ a: Int, _ b: Int) -> Float { vectors[a].dot(vectors[b]) }

    /// True when the claims share an adjacent pair of terms of which at least one is uncommon
    /// ("operation neon", not "canada japan").
    func sharesBigram(_ a: Int, _ b: Int, maxFrequency: Int? = nil) -> Bool {
        let limit = maxFrequency ?? max(5, vectors.count / 50)
        var found = false
        SortedMerge.forEachCommon(bigrams[a], bigrams[b]) { i, _ in
            found = bigramRarity[a][i] <= limit
            return !found
        }
        return found
    }

    /// How many terms the two claims share that at most `maxFrequency` claims of the corpus use: names, not common words.
    /// Term ids of words, for `sharedRareTerms(excluding:)`.
    func ids(of words: [String]) -> [Int32] { words.compactMap { termIDs[$0] } }

    /// - Parameter excluding: term ids that do not count (the metric's own words: "tons" says nothing about which tons).
    func sharedRareTerms(_ a: Int, _ b: Int, maxFrequency: Int = 3, excluding excluded: [Int32] = []) -> Int {
        let terms = vectors[a].terms
        var shared = 0
        SortedMerge.forEachCommon(terms, vectors[b].terms) { i, _ in
            if documentFrequency[Int(terms[i])] <= maxFrequency && !excluded.contains(terms[i]) { shared += 1 }
            return true
        }
        return shared
    }

    /// For each query (a position in `members`), its `limit` most similar other members (by claim index), found
    /// through shared terms. The postings are built beforehand (`Postings`), so that several threads can share
    /// one group's postings, each answering its own range of queries; a term too common to lead anywhere has none.
    func nearestNeighbours<Queries: Sequence<Int>>(in members: [Int], postings: Postings, limit: Int, queries: Queries) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var scores = [Float](repeating: 0, count: members.count)
        var touched: [Int] = []
        var best: [Int] = []
        best.reserveCapacity(limit + 1)
        for position in queries {
            let vector = vectors[members[position]]
            for (termIndex, term) in vector.terms.enumerated() {
                guard let range = postings.range(of: term) else { continue }
                let weight = vector.weights[termIndex]
                for entry in range {
                    let other = Int(postings.positions[entry])
                    guard other != position else { continue }
                    if scores[other] == 0 { touched.append(other) }
                    scores[other] += weight * postings.weights[entry]
                }
            }
            // The `limit` best by score (ties by position), kept in a small sorted buffer: no full sort of every candidate.
            for other in touched where scores[other] > 0 {
                let score = scores[other]
                if best.count == limit, let last = best.last, (score, -other) <= (scores[last], -last) { continue }
                var slot = best.count
                while slot > 0, (scores[best[slot - 1]], -best[slot - 1]) < (score, -other) { slot -= 1 }
                best.insert(other, at: slot)
                if best.count > limit { best.removeLast() }
            }
            for other in best { pairs.append((min(position, other), max(position, other))) }
            for other in touched { scores[other] = 0 }
            touched.removeAll(keepingCapacity: true)
            best.removeAll(keepingCapacity: true)
        }
        return pairs
    }
}

/// Which members of a group use each term, with the term's weight in each: the inverted index of a neighbour
/// search. Terms that more than `maxPostings` members use are too common to lead anywhere and are left out.
struct Postings: Sendable {
    /// Member positions, grouped by term, ascending within a term.
    let positions: [Int32]
    /// The term's weight in each of those members' vectors.
    let weights: [Float]
    private let ranges: [Int32: Range<Int>]

    init(members: [Int], vectors: [SimilarityIndex.Vector], maxPostings: Int, wanted: Set<Int32>? = nil) {
        // (term, position) packed in one integer, so that one sort groups by term and keeps positions in order.
        var entries: [(key: UInt64, weight: Float)] = []
        entries.reserveCapacity(members.count * 8)
        for (position, claim) in members.enumerated() {
            let vector = vectors[claim]
            for (index, term) in vector.terms.enumerated() where wanted?.contains(term) ?? true {
                entries.append((UInt64(UInt32(bitPattern: term)) << 32 | UInt64(position), vector.weights[index]))
            }
        }
        entries.sort { $0.key < $1.key }
        var positions: [Int32] = []
        var weights: [Float] = []
        var ranges: [Int32: Range<Int>] = [:]
        var start = 0
        while start < entries.count {
            let term = Int32(bitPattern: UInt32(entries[start].key >> 32))
            var end = start + 1
            while end < entries.count && entries[end].key >> 32 == entries[start].key >> 32 { end += 1 }
            if end - start <= maxPostings {
                ranges[term] = positions.count..<positions.count + end - start
                for entry in entries[start..<end] {
                    positions.append(Int32(truncatingIfNeeded: entry.key))
                    weights.append(entry.weight)
                }
            }
            start = end
        }
        (self.positions, self.weights, self.ranges) = (positions, weights, ranges)
    }

    func range(of term: Int32) -> Range<Int>? { ranges[term] }
}
