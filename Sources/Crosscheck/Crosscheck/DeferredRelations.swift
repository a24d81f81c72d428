/// The relations a batch build keeps, held as what makes each one (`RelationList`): the pairs of facts with their
/// verdicts and ids, in the relations' final order, and the few relations other passes made whole.
///
/// Immutable once made, so that the store and the exports can read it on their own threads at once. Each read makes
/// the relation exactly as `RelationEngine.makeRelation` made it before relations were deferred, sides and all.
final class DeferredRelations: Sendable {
    private let facts: [Fact]
    /// The corpus's claims (the same storage: nothing is copied).
    private let claims: [Claim]
    private let labels: Explanation.SourceLabels
    /// Pairs of facts the search kept, and the relations other passes made, by their place in `order`.
    private let kept: [RelationEngine.Candidate]
    /// The number each kept pair's id spells (`IDOrder`); an id of another shape is in `otherKeptIDs`.
    private let keptIDNumbers: [UInt64]
    private let otherKeptIDs: [Int: String]
    /// True when every id is of the usual shape (`Hashing.idNumber`): their byte order is then the order of the numbers
    /// they spell, which is the relations' order within a kind.
    let hasOnlyUsualIDs: Bool
    private let built: [Relation]
    /// The relations in their final order: an index into `kept`, or past it into `built`.
    private let order: [Int32]
    /// For a contradiction whose sources the corpus supports unequally, the better supported claim, by place.
    private let betterSupported: [Int: String]

    /// The claims a relation names, in its order, with their documents.
    typealias Sides = (first: String, second: String, firstDocument: String, secondDocument: String)

    /// - Parameter betterSupported: for the two sides of a contradiction, the claim whose source the corpus supports
    ///   better, if one is.
    init(facts: [Fact], claims: [Claim], labels: Explanation.SourceLabels, kept: [RelationEngine.Candidate], keptIDs: [IDOrder],
         built: [Relation], order: [Int], betterSupported: (Sides) -> String?) {
        (self.facts, self.claims, self.labels, self.kept, self.built) = (facts, claims, labels, kept, built)
        // Numbers, not `IDOrder`s: 8 bytes a pair, not 24, for as long as the exports are written.
        keptIDNumbers = keptIDs.map { $0.number ?? 0 }
        otherKeptIDs = Dictionary(uniqueKeysWithValues: keptIDs.indices.compactMap { keptIDs[$0].number == nil ? ($0, keptIDs[$0].id) : nil })
        hasOnlyUsualIDs = otherKeptIDs.isEmpty && built.allSatisfy { Hashing.idNumber($0.id, kind: "r") != nil }
        self.order = order.map { Int32($0) }
        var better: [Int: String] = [:]
        for (index, source) in order.enumerated() {
            let isContradiction = source >= kept.count ? built[source - kept.count].kind == .contradiction : kept[source].verdict.kind == .contradiction
            guard isContradiction else { continue }
            if let claim = betterSupported(Self.sides(of: source, facts: facts, claims: claims, kept: kept, built: built)) { better[index] = claim }
        }
        self.betterSupported = better
    }

    var count: Int { order.count }

    var indices: Range<Int> { 0..<order.count }

    /// The relation at `index`, made as the engine makes it.
    func relation(at index: Int) -> Relation {
        let source = Int(order[index])
        var relation: Relation
        if source >= kept.count {
            relation = built[source - kept.count]
        } else {
            let entry = kept[source]
            relation = RelationEngine.makeRelation(entry.verdict, side(entry.a), side(entry.b), id: keptID(source))
        }
        if let claim = betterSupported[index] { relation.betterSupported = claim }
        return relation
    }

    func kind(at index: Int) -> Relation.Kind {
        let source = Int(order[index])
        return source >= kept.count ? built[source - kept.count].kind : kept[source].verdict.kind
    }

    func id(at index: Int) -> String {
        let source = Int(order[index])
        return source >= kept.count ? built[source - kept.count].id : keptID(source)
    }

    func confidence(at index: Int) -> Double {
        let source = Int(order[index])
        return source >= kept.count ? built[source - kept.count].confidence : kept[source].verdict.exportedConfidence
    }

    func metric(at index: Int) -> String {
        let source = Int(order[index])
        return source >= kept.count ? built[source - kept.count].metric : facts[kept[source].a].metricLabel
    }

    /// The relations' positions in the byte order of their ids, as the store inserts them (`KeyOrder`); nil when some
    /// id is not of the usual shape. Ids of the usual shape are one letter and a fixed number of hex digits, whose byte
    /// order is the order of the numbers they spell: sorting those numbers holds 16 bytes a relation, where sorting
    /// the ids as text held 50.
    func positionsInKeyOrder() -> [Int]? {
        guard hasOnlyUsualIDs else { return nil }
        var keys: [(number: UInt64, position: Int32)] = []
        keys.reserveCapacity(order.count)
        for (position, source) in order.enumerated() {
            let source = Int(source)
            if source < kept.count {
                keys.append((keptIDNumbers[source], Int32(position)))
            } else {
                guard let number = Hashing.idNumber(built[source - kept.count].id, kind: "r") else { return nil }
                keys.append((number, Int32(position)))
            }
        }
        keys.sort { ($0.number, $0.position) < ($1.number, $1.position) }
        return keys.map { Int($0.position) }
    }

    /// The claims of the relation at `index` in the order it names them (`RelationEngine.makeRelation`: the older first),
    /// with their documents.
    func sides(at index: Int) -> Sides {
        Self.sides(of: Int(order[index]), facts: facts, claims: claims, kept: kept, built: built)
    }

    private static func sides(of source: Int, facts: [Fact], claims: [Claim], kept: [RelationEngine.Candidate], built: [Relation]) -> Sides {
        if source >= kept.count {
            let relation = built[source - kept.count]
            return (relation.first.id, relation.second.id, relation.first.document, relation.second.document)
        }
        let entry = kept[source]
        return claims.withUnsafeBufferPointer { claims in
            let (a, b) = (facts[entry.a], facts[entry.b])
            let (claimA, claimB) = (claims.baseAddress! + a.claim, claims.baseAddress! + b.claim)
            let isOlder = RelationEngine.isOlder(a, claimA.pointee.id, than: b, claimB.pointee.id)
            let (older, newer) = isOlder ? (claimA, claimB) : (claimB, claimA)
            return (older.pointee.id, newer.pointee.id, older.pointee.document, newer.pointee.document)
        }
    }

    private func keptID(_ source: Int) -> String { otherKeptIDs[source] ?? IDOrder(number: keptIDNumbers[source]).id }

    private func side(_ index: Int) -> RelationEngine.Side { RelationEngine.Side(facts[index], claims: claims, labels: labels) }
}
