/// Matches relations of two corpora by their kind and the unordered pair of their claims after claim
/// matching: a contradiction between two claims is the same contradiction when either claim was moved.
enum RelationMatcher {
    struct Outcome {
        var changes: [RelationChange] = []
        /// Relations in both corpora, by kind.
        var stillThere: [Relation.Kind: Int] = [:]
    }

    static func compare(old: [Relation], new: [Relation], ledger: ClaimLedger) -> Outcome {
        guard !old.isEmpty || !new.isEmpty else { return Outcome() }
        // Both corpora's relations keyed in the new corpus's claim ids; an old claim with no counterpart keeps its own id, marked.
        func oldKey(_ relation: Relation) -> RelationKey {
            RelationKey(kind: relation.kind, claims: relation.claims.map { ledger.oldClaim($0.id).counterpart ?? "old:" + $0.id })
        }
        func newKey(_ relation: Relation) -> RelationKey { RelationKey(kind: relation.kind, claims: relation.claims.map(\.id)) }
        let oldKeys = Set(old.map(oldKey)), newKeys = Set(new.map(newKey))
        var outcome = Outcome()
        var seen = Set<RelationKey>()
        for relation in new {
            let key = newKey(relation)
            guard seen.insert(key).inserted else { continue }
            if oldKeys.contains(key) {
                outcome.stillThere[relation.kind, default: 0] += 1
            } else {
                let sides = relation.claims.map { side(id: $0.id, entry: ledger.newClaim($0.id)) }
                outcome.changes.append(RelationChange(kind: .appeared, relation: relation, reason: reason(sides, gone: .added, goneReason: .sideAdded), sides: sides))
            }
        }
        seen.removeAll()
        for relation in old {
            let key = oldKey(relation)
            guard seen.insert(key).inserted, !newKeys.contains(key) else { continue }
            let sides = relation.claims.map { side(id: $0.id, entry: ledger.oldClaim($0.id)) }
            outcome.changes.append(RelationChange(kind: .resolved, relation: relation, reason: reason(sides, gone: .removed, goneReason: .sideRemoved), sides: sides))
        }
        let kindOrder = Dictionary(uniqueKeysWithValues: Relation.Kind.allCases.enumerated().map { ($1, $0) })
        outcome.changes.sort { a, b in
            let aKey = (kindOrder[a.relation.kind] ?? 0, a.kind == .appeared ? 0 : 1), bKey = (kindOrder[b.relation.kind] ?? 0, b.kind == .appeared ? 0 : 1)
            if aKey != bKey { return aKey < bKey }
            return a.relation.id.utf8.lexicographicallyPrecedes(b.relation.id.utf8)
        }
        return outcome
    }

    private static func side(id: String, entry: ClaimLedger.Entry) -> RelationChange.Side {
        RelationChange.Side(id: id, fate: entry.fate, edits: entry.change?.edits ?? [])
    }

    /// A side gone (removed for a resolved relation, added for an appeared one) explains most; then an edit.
    private static func reason(_ sides: [RelationChange.Side], gone: ClaimFate, goneReason: RelationChange.Reason) -> RelationChange.Reason {
        if sides.contains(where: { $0.fate == gone }) { return goneReason }
        if sides.contains(where: { $0.fate == .changed }) { return .sideChanged }
        return .claimsUnchanged
    }
}

/// A relation's identity across corpora: its kind and its two claims, in either order.
private struct RelationKey: Hashable {
    var kind: Relation.Kind
    var claims: [String]

    init(kind: Relation.Kind, claims: [String]) {
        self.kind = kind
        self.claims = claims.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
