import Foundation

/// TF-IDF vectors of claims and a candidate search that never compares everything with everything:
/// candidates come from postings of shared terms, and very common terms are not followed.
struct SimilarityIndex: Sendable {
    /// One term of a claim's sparse, L2-normalised TF-IDF vector, with its weight.
    struct Entry: Sendable, Equatable {
        var term: Int32
        var weight: Float
    }

    /// Every claim's vector, term ids ascending, in one buffer: a million claims compared pair by pair at random would
    /// otherwise chase two arrays of their own per claim through memory.
    private let vectors: PackedLists<Entry>
    /// How many claims use each term, read in bands (`CountBand`), as every weight and limit of the index is.
    let documentFrequency: [Int]
    /// How many claims the index holds, read in bands (`CountBand`): the corpus size its weights and limits are measured against.
    let bandedCount: Int
    /// Term ids by term.
    let termIDs: [String: Int32]
    /// An adjacent pair of content terms, hashed, and the smaller document frequency of its two terms.
    struct Bigram: Sendable, Equatable {
        var key: Int
        var rarity: Int32
    }

    /// The bigrams of each claim, sorted by key, in one buffer (an array or two per claim was ten megabytes of headers
    /// at 100,000 claims): a shared pair names the same thing.
    let bigrams: PackedLists<Bigram>

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
        for term in documentFrequency.indices { documentFrequency[term] = CountBand.floor(documentFrequency[term]) }
        let encoded = [[Int32]](concatenating: renumbered.lazy.map(\.rows))
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
        bigrams = PackedLists(pairs.lazy.map { $0.lazy.map { Bigram(key: $0.0, rarity: Int32(clamping: $0.1)) } })
        pairs.removeAll()
        bandedCount = CountBand.floor(encoded.count)
        let count = Float(max(bandedCount, 1))
        self.documentFrequency = documentFrequency
        self.termIDs = ids
        // Vectors of consecutive ranges of claims on all threads, then laid end to end.
        let slice = 4_096
        let parts = ParallelMap.map(Array(stride(from: 0, to: encoded.count, by: slice)), jobs: jobs, chunkSize: 1) { start in
            var part = PackedLists<Entry>()
            for row in encoded[start..<min(encoded.count, start + slice)] {
                // Term frequencies by sorting the row, not through a dictionary per claim.
                var vector: [Entry] = []
                for id in row.sorted() {
                    if vector.last?.term == id { vector[vector.count - 1].weight += 1 } else { vector.append(Entry(term: id, weight: 1)) }
                }
                for index in vector.indices {
                    let idf = log((count + 1) / (Float(claimsPerTerm[Int(vector[index].term)]) + 0.5))
                    vector[index].weight = (1 + log(vector[index].weight)) * max(idf, 0.01)
                }
                let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
                if norm > 0 { for index in vector.indices { vector[index].weight /= norm } }
                part.append(vector)
            }
            return part
        }
        var vectors = PackedLists<Entry>()
        vectors.append(contentsOf: parts)
        self.vectors = vectors
    }

    /// How many claims the index holds.
    var count: Int { vectors.count }

    /// The terms of a claim's vector, ascending, with their weights.
    func vector(_ claim: Int) -> ArraySlice<Entry> { vectors[claim] }

    /// The cosine similarity of two claims' vectors.
    func similarity(_ a: Int, _ b: Int) -> Float {
        vectors.withLists(a, b) { entries, x, y in
            var total: Float = 0
            SortedMerge.forEachCommon(entries[x], entries[y], by: \.term) { i, j in
                total += entries[i].weight * entries[j].weight
                return true
            }
            return total
        }
    }

    /// True when the claims share an adjacent pair of terms of which at least one is uncommon
    /// ("operation neon", not "canada japan").
    func sharesBigram(_ a: Int, _ b: Int, maxFrequency: Int? = nil) -> Bool {
        let limit = maxFrequency ?? max(5, bandedCount / 50)
        return bigrams.withLists(a, b) { entries, x, y in
            var found = false
            SortedMerge.forEachCommon(entries[x], entries[y], by: \.key) { i, _ in
                found = Int(entries[i].rarity) <= limit
                return !found
            }
            return found
        }
    }

    /// How many terms the two claims share that at most `maxFrequency` claims of the corpus use: names, not common words.
    /// Term ids of words, for `sharedRareTerms(excluding:)`.
    func ids(of words: [String]) -> [Int32] { words.compactMap { termIDs[$0] } }

    /// - Parameter excluding: term ids that do not count (the metric's own words: "tons" says nothing about which tons).
    func sharedRareTerms(_ a: Int, _ b: Int, maxFrequency: Int = 3, excluding excluded: [Int32] = []) -> Int {
        vectors.withLists(a, b) { entries, x, y in
            var shared = 0
            SortedMerge.forEachCommon(entries[x], entries[y], by: \.term) { i, _ in
                if documentFrequency[Int(entries[i].term)] <= maxFrequency && !excluded.contains(entries[i].term) { shared += 1 }
                return true
            }
            return shared
        }
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
        // The postings and scores are read through their buffers: this loop runs for every posting of every query term.
        scores.withUnsafeMutableBufferPointer { scores in
            postings.positions.withUnsafeBufferPointer { positions in
                postings.weights.withUnsafeBufferPointer { weights in
                    for position in queries {
                        for entry in vector(members[position]) {
                            guard let range = postings.range(of: entry.term) else { continue }
                            let weight = entry.weight
                            for entry in range {
                                let other = Int(positions[entry])
                                guard other != position else { continue }
                                if scores[other] == 0 { touched.append(other) }
                                scores[other] += weight * weights[entry]
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
                }
            }
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

    init(members: [Int], index: SimilarityIndex, maxPostings: Int, wanted: Set<Int32>? = nil) {
        // (term, position) packed in one integer, so that one sort groups by term and keeps positions in order.
        var entries: [(key: UInt64, weight: Float)] = []
        entries.reserveCapacity(members.count * 8)
        for (position, claim) in members.enumerated() {
            for entry in index.vector(claim) where wanted?.contains(entry.term) ?? true {
                entries.append((UInt64(UInt32(bitPattern: entry.term)) << 32 | UInt64(position), entry.weight))
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
