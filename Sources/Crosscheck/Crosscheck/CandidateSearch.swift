/// The candidate pairs of facts to classify, cut into units of work that threads take in turn.
///
/// Each block is searched as a whole (changes run across years) and, when it is large, year by year as well
/// (contradictions live inside one period, and a large block's nearest neighbours may all be other years).
/// A group of up to `RelationEngine.exhaustiveBlockSize` facts compares all its pairs; a larger one only each
/// fact's nearest neighbours, and its queries are split into ranges so that one huge block does not keep a
/// single thread busy while the others wait. The postings of a large group are built once and shared.
struct CandidateSearch: Sendable {
    struct Unit: Sendable {
        var group: Int
        var queries: Range<Int>
    }

    /// A block's facts (when they come from more than one document), or, for a large block, those of one year.
    struct Group: Sendable {
        /// Fact indices, ascending.
        var members: [Int]
        /// The block's place among the blocks.
        var block: Int
        /// The year of a large block's year group; nil for the block itself.
        var year: Int?
    }

    /// Fact indices of each group, ascending.
    let groups: [[Int]]
    /// Postings of each group searched by neighbours; nil for groups compared exhaustively (or not searched).
    let postings: [Postings?]
    /// Claim indices of the members of each group searched by neighbours.
    private let groupClaims: [[Int]?]
    let units: [Unit]
    private let facts: [Fact]
    private let similarity: SimilarityIndex

    /// Queries per unit of a large group.
    static let defaultQueriesPerUnit = 2_048

    /// The groups of `blocks` to search, in a fixed order: each block whose facts come from more than one document,
    /// followed, when it is large, by its facts of each year.
    static func groups(of blocks: [[Int]], facts: [Fact]) -> [Group] {
        var groups: [Group] = []
        for (block, members) in blocks.enumerated() {
            var documents = Set<Int>()
            for member in members { documents.insert(facts[member].document); if documents.count > 1 { break } }
            guard documents.count > 1 else { continue }
            groups.append(Group(members: members, block: block, year: nil))
            guard members.count > RelationEngine.exhaustiveBlockSize else { continue }
            var byYear: [Int: [Int]] = [:]
            for member in members { if let year = facts[member].period.year { byYear[year, default: []].append(member) } }
            for year in byYear.keys.sorted() { groups.append(Group(members: byYear[year]!, block: block, year: year)) }
        }
        return groups
    }

    /// - Parameter groups: what `groups(of:facts:)` gives.
    /// - Parameter skipping: groups whose pairs are already known (a watcher's, unchanged since its last update):
    ///   they get no postings and no units.
    /// - Parameter queriesPerUnit: how many facts of a large group one unit finds neighbours for (the pairs found do
    ///   not depend on it, only how the work is cut).
    init(groups: [Group], facts: [Fact], similarity: SimilarityIndex, jobs: Int, queriesPerUnit: Int = defaultQueriesPerUnit,
         skipping: Set<Int> = []) {
        precondition(facts.count <= Int(UInt32.max), "a pair of fact indices is sorted as one 64-bit number")
        let groupClaims = groups.indices.map { group -> [Int]? in
            let members = groups[group].members
            guard members.count > RelationEngine.exhaustiveBlockSize, !skipping.contains(group) else { return nil }
            return members.map { facts[$0].claim }
        }
        postings = ParallelMap.map(groupClaims, jobs: jobs, chunkSize: 1) { claims in
            claims.map { Postings(members: $0, index: similarity, maxPostings: 200) }
        }
        self.groupClaims = groupClaims
        var units: [Unit] = []
        for (group, members) in groups.lazy.map(\.members).enumerated() where !skipping.contains(group) {
            let step = members.count > RelationEngine.exhaustiveBlockSize ? max(1, queriesPerUnit) : members.count
            for start in stride(from: 0, to: members.count, by: step) {
                units.append(Unit(group: group, queries: start..<min(members.count, start + step)))
            }
        }
        (self.groups, self.units, self.facts, self.similarity) = (groups.map(\.members), units, facts, similarity)
    }

    /// The pairs of one unit as fact indices, smaller first, each once, in a fixed order.
    func pairs(in index: Int) -> [(Int, Int)] {
        let unit = units[index]
        let members = groups[unit.group]
        guard let postings = postings[unit.group] else {
            let documents = members.map { facts[$0].document }
            var pairs: [(Int, Int)] = []
            for i in members.indices {
                for j in members.indices where j > i && documents[i] != documents[j] {
                    pairs.append((members[i], members[j]))
                }
            }
            return pairs
        }
        // Members ascend, so positions map to fact indices in the same order: sorting and dropping repeats (a pair
        // found from both ends) needs no set. Each pair is sorted as one number, the first fact in the high half.
        var keys = similarity.nearestNeighbours(in: groupClaims[unit.group]!, postings: postings, limit: RelationEngine.neighbours, queries: unit.queries)
            .map { UInt64(members[$0.0]) << 32 | UInt64(members[$0.1]) }
        keys.sort()
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(keys.count)
        for index in keys.indices where index == 0 || keys[index - 1] != keys[index] {
            pairs.append((Int(keys[index] >> 32), Int(keys[index] & 0xFFFF_FFFF)))
        }
        return pairs
    }
}
