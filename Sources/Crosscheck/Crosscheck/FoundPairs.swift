import Foundation

/// The pairs the search found related in each group of facts at a watcher's last update, kept so that a group nothing
/// has changed in is not searched and classified again (`ClaimReadings.foundPairs`).
///
/// What a group's search finds depends on its members' facts and, through their claims, on the claims' word weights,
/// rare words, phrases and names, and on the corpus size the limits are measured against (all read in bands,
/// `CountBand`, so that a new page leaves most of them alone). A group's signature hashes all of that
/// (`FoundPairs.Signatures`); the same signature under the same group key gives the same pairs, by construction.
final class FoundPairs: @unchecked Sendable {
    /// A pair found in a group: its two facts as places among the group's members, and the verdict.
    struct Entry: Sendable {
        var x: Int32
        var y: Int32
        var verdict: PairClassifier.Verdict
    }

    /// A group's pairs and the signature they were found under.
    struct Kept: Sendable {
        var signature: UInt64
        var entries: [Entry]
    }

    private var kept: [String: Kept] = [:]
    /// How many groups the last update took as they were, and how many it searched.
    private(set) var reusedLastPass = 0
    private(set) var searchedLastPass = 0
    private let lock = NSLock()

    /// The pairs kept for the group `key`, if they were found under `signature`.
    func entries(for key: String, signature: UInt64) -> [Entry]? {
        lock.withLock {
            guard let found = kept[key], found.signature == signature else { return nil }
            return found.entries
        }
    }

    /// Keeps exactly `groups` (by key): what the update just made found, reused or searched.
    func replace(with groups: [String: Kept], reused: Int) {
        lock.withLock {
            kept = groups
            (reusedLastPass, searchedLastPass) = (reused, groups.count - reused)
        }
    }

    /// The key of a group: its block's key, and the year of a large block's year group.
    static func key(block: String, year: Int?) -> String {
        year.map { "\(block)\u{1F}\($0)" } ?? block
    }

    /// Signatures of claims and groups: everything the search reads about them, hashed.
    ///
    /// A claim's id is a hash of its document and its sentence, which fix its words, its heading, its figures and its
    /// document; what else its facts and vector depend on is its period, the banded counts of its words, the corpus's
    /// banded size and the names it is credited with (its own, its document's most used, those uncommon in the corpus).
    /// Terms are numbered anew at each update, so they are hashed by their text; names keep their ids for as long as
    /// the watcher runs (`ClaimReadings.names`). Hashes are seeded per process: signatures are compared only within one
    /// watcher.
    struct Signatures {
        let claims: [UInt64]
        /// Each fact's place among its claim's facts.
        let factOrdinals: [Int32]
        let bandedCount: Int

        init(claims: [Claim], periods: [Period], facts: [Fact], similarity: SimilarityIndex, entities: PackedLists<Int32>,
             uncommon: PackedLists<Int32>, jobs: Int) {
            var hashes = [UInt64](repeating: 0, count: similarity.termIDs.count)
            for (term, id) in similarity.termIDs { hashes[Int(id)] = Self.hash(term) }
            let termHashes = hashes
            let bandedCount = similarity.bandedCount
            let frequency = similarity.documentFrequency
            self.claims = ParallelMap.map(Array(claims.indices), jobs: jobs) { index in
                let id = claims.withUnsafeBufferPointer { $0[index].id }
                var signature = Hashing.mix(Hashing.idNumber(id, kind: "c") ?? Self.hash(id))
                var hasher = Hasher()
                hasher.combine(periods[index])
                signature = Hashing.mix(signature ^ UInt64(bitPattern: Int64(hasher.finalize())))
                // Sums of mixed parts: each set is hashed whatever order its ids put it in.
                var terms: UInt64 = 0
                for entry in similarity.vector(index) {
                    terms &+= Hashing.mix(termHashes[Int(entry.term)] &+ UInt64(frequency[Int(entry.term)]) &* 0x9E37_79B9_7F4A_7C15)
                }
                var named: UInt64 = 0
                entities.withLists(index, index) { ids, list, _ in for id in ids[list] { named &+= Hashing.mix(UInt64(id)) } }
                var rare: UInt64 = 0
                uncommon.withLists(index, index) { ids, list, _ in for id in ids[list] { rare &+= Hashing.mix(UInt64(id) ^ 0x5555_5555_0000_0000) } }
                for part in [terms, named, rare, UInt64(bandedCount)] { signature = Hashing.mix(signature ^ part) }
                return signature
            }
            var ordinals = [Int32](repeating: 0, count: facts.count)
            for index in facts.indices.dropFirst() where facts[index].claim == facts[index - 1].claim { ordinals[index] = ordinals[index - 1] + 1 }
            (factOrdinals, self.bandedCount) = (ordinals, bandedCount)
        }

        /// A group's signature: its members in order, each as its claim's signature and its place among the claim's facts.
        func group(_ members: [Int], facts: [Fact]) -> UInt64 {
            var signature = Hashing.mix(UInt64(members.count) ^ UInt64(bandedCount) << 32)
            for member in members {
                signature = Hashing.mix(signature ^ claims[facts[member].claim])
                signature = Hashing.mix(signature ^ UInt64(factOrdinals[member]))
            }
            return signature
        }

        private static func hash(_ text: String) -> UInt64 {
            UInt64(bitPattern: Int64(text.hashValue))
        }
    }
}
