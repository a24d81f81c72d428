/// Matches relations of two corpora by their kind and the unordered pair of their claims after claim
/// matching: a contradiction between two claims is the same contradiction when either claim was moved.
enum RelationMatcher {
    struct Outcome {
        var changes: [RelationChange] = []
        /// Relations in both corpora, by kind.
        var stillThere: [Relation.Kind: Int] = [:]
    }

    /// - Complexity: Linear in the number of relations: one key each, in the new corpus's claims.
    static func compare(old: [Relation], new: [Relation], ledger: ClaimLedger) -> Outcome {
        guard !old.isEmpty || !new.isEmpty else { return Outcome() }
        // An old claim answers to its counterpart in the new corpus; one with no counterpart stays an old claim.
        let keys = ParallelMap.map([true, false], jobs: 2) { isOld in
            isOld
                ? keyIndex(old) { key in ledger.oldClaim(key).counterpart.map { RelationKey.Side(claim: $0, isOld: false) } ?? RelationKey.Side(claim: key, isOld: true) }
                : keyIndex(new) { RelationKey.Side(claim: $0, isOld: false) }
        }
        let (oldKeys, newKeys) = (keys[0], keys[1])
        var outcome = Outcome()
        for (key, index) in newKeys {
            let relation = new[index]
            if oldKeys[key] != nil {
                outcome.stillThere[relation.kind, default: 0] += 1
            } else {
                let sides = relation.claims.map { side(id: $0.id, entry: ledger.newClaim(ClaimKey($0.id))) }
                outcome.changes.append(RelationChange(kind: .appeared, relation: relation, reason: reason(sides, gone: .added, goneReason: .sideAdded), sides: sides))
            }
        }
        for (key, index) in oldKeys where newKeys[key] == nil {
            let relation = old[index]
            let sides = relation.claims.map { side(id: $0.id, entry: ledger.oldClaim(ClaimKey($0.id))) }
            outcome.changes.append(RelationChange(kind: .resolved, relation: relation, reason: reason(sides, gone: .removed, goneReason: .sideRemoved), sides: sides))
        }
        pairSameFindings(&outcome)
        let kindOrder = Dictionary(uniqueKeysWithValues: Relation.Kind.allCases.enumerated().map { ($1, $0) })
        outcome.changes.sort { a, b in
            let aKey = (kindOrder[a.relation.kind] ?? 0, a.kind == .appeared ? 0 : 1), bKey = (kindOrder[b.relation.kind] ?? 0, b.kind == .appeared ? 0 : 1)
            if aKey != bKey { return aKey < bKey }
            return a.relation.id.utf8.lexicographicallyPrecedes(b.relation.id.utf8)
        }
        return outcome
    }

    /// A relation resolved and one appeared of the same kind whose explanations read the same word for
    /// word state one finding (the same sources, dates and values) that the engine now rests on another
    /// sentence of the same source: it is still there, not a change.
    private static func pairSameFindings(_ outcome: inout Outcome) {
        let changes = outcome.changes
        func finding(_ index: Int) -> String { changes[index].relation.kind.rawValue + "\u{1F}" + changes[index].relation.explanation }
        let byID = changes.indices.sorted { changes[$0].relation.id.utf8.lexicographicallyPrecedes(changes[$1].relation.id.utf8) }
        var resolved: [String: [Int]] = [:]
        for index in byID.reversed() where changes[index].kind == .resolved { resolved[finding(index), default: []].append(index) }
        var paired = Set<Int>()
        for index in byID where changes[index].kind == .appeared {
            guard let partner = resolved[finding(index)]?.popLast() else { continue }
            paired.formUnion([index, partner])
            outcome.stillThere[changes[index].relation.kind, default: 0] += 1
        }
        outcome.changes = changes.indices.filter { !paired.contains($0) }.map { changes[$0] }
    }

    /// Each relation's key, to the index of the first relation with it.
    private static func keyIndex(_ relations: [Relation], side: (ClaimKey) -> RelationKey.Side) -> [RelationKey: Int] {
        var index: [RelationKey: Int] = [:]
        index.reserveCapacity(relations.count)
        for position in relations.indices {
            let (first, second) = (relations[position].first, relations[position].second)
            let key = RelationKey(kind: relations[position].kind, side(ClaimKey(first.id)), side(ClaimKey(second.id)))
            if index[key] == nil { index[key] = position }
        }
        return index
    }

    private static func side(id: String, entry: ClaimLedger.Entry) -> RelationChange.Side {
        RelationChange.Side(id: id, fate: entry.fate, edits: entry.edits)
    }

    /// A side gone (removed for a resolved relation, added for an appeared one) explains most; then an edit.
    private static func reason(_ sides: [RelationChange.Side], gone: ClaimFate, goneReason: RelationChange.Reason) -> RelationChange.Reason {
        if sides.contains(where: { $0.fate == gone }) { return goneReason }
        if sides.contains(where: { $0.fate == .changed }) { return .sideChanged }
        return .claimsUnchanged
    }
}

/// A relation's identity across corpora: its kind and its two claims, in either order.
private struct RelationKey: Hashable, Sendable {
    /// A claim of the new corpus, or an old claim that has none there.
    struct Side: Hashable, Comparable, Sendable {
        var claim: ClaimKey
        var isOld: Bool

        static func < (a: Side, b: Side) -> Bool { (a.claim, a.isOld ? 1 : 0) < (b.claim, b.isOld ? 1 : 0) }
    }

    var kind: Relation.Kind
    var first: Side
    var second: Side

    init(kind: Relation.Kind, _ a: Side, _ b: Side) {
        self.kind = kind
        (first, second) = a < b ? (a, b) : (b, a)
    }
}
