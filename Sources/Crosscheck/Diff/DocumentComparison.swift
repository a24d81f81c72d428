/// Compares the two versions of one document: its sections and claims.
enum DocumentComparison {
    /// The document's change (nil when it did not change) and, when `ledger` is given, each claim's fate in it.
    static func compare(_ pair: DocumentPair, ledger: inout ClaimLedger?) -> DocumentChange? {
        switch (pair.old, pair.new) {
        case (nil, let new?):
            for claim in pair.newClaims { ledger?.record(new: claim.id, .init(fate: .added, counterpart: nil)) }
            let claims = pair.newClaims.map { ClaimChange(kind: .added, old: nil, new: ClaimSide($0)) }
            return DocumentChange(kind: .added, old: nil, new: DocumentSide(new), similarity: nil, sections: [], claims: claims)
        case (let old?, nil):
            for claim in pair.oldClaims { ledger?.record(old: claim.id, .init(fate: .removed, counterpart: nil)) }
            let claims = pair.oldClaims.map { ClaimChange(kind: .removed, old: ClaimSide($0), new: nil) }
            return DocumentChange(kind: .removed, old: DocumentSide(old), new: nil, similarity: nil, sections: [], claims: claims)
        case (let old?, let new?):
            return compare(old: old, new: new, oldClaims: pair.oldClaims, newClaims: pair.newClaims, ledger: &ledger)
        case (nil, nil):
            return nil
        }
    }

    private static func compare(old: Document, new: Document, oldClaims: [Claim], newClaims: [Claim], ledger: inout ClaimLedger?) -> DocumentChange? {
        let sections = SectionMatcher.compare(old: old.sections, new: new.sections)
        let isSameContent = old.id == new.id && sections.changes.isEmpty && oldClaims.map(\.id) == newClaims.map(\.id)
        if isSameContent {
            // Same bytes, same claims: the ledger's default (unchanged, same id) holds for every claim.
            guard old.source.path != new.source.path else { return nil }
            return DocumentChange(kind: .renamed, old: DocumentSide(old), new: DocumentSide(new), similarity: 1, sections: [], claims: [])
        }
        let outcome = ClaimMatcher.match(old: oldClaims, new: newClaims)
        var changes: [(rank: ClaimRank, change: ClaimChange)] = []
        var alike = 0.0
        let ranks = ClaimRank.Ranker(old: old, new: new)
        for match in outcome.matches {
            let before = oldClaims[match.old], after = newClaims[match.new]
            let change: ClaimChange?
            if let similarity = match.similarity {
                alike += similarity
                change = ClaimChange(kind: .changed, old: ClaimSide(before), new: ClaimSide(after), similarity: DiffRounding.similarity(similarity),
                                     edits: WordDiff.edits(from: before.text, to: after.text))
            } else {
                alike += 1
                let isMoved = before.sectionPath != after.sectionPath || sections.movedSectionIDs.contains(after.section)
                change = isMoved ? ClaimChange(kind: .moved, old: ClaimSide(before), new: ClaimSide(after)) : nil
            }
            if let change { changes.append((ranks.rank(new: after, ordinal: match.new), change)) }
            let fate = change?.kind ?? .unchanged
            ledger?.record(old: before.id, .init(fate: fate, counterpart: ClaimKey(after.id), edits: change?.edits ?? []))
            ledger?.record(new: after.id, .init(fate: fate, counterpart: ClaimKey(before.id), edits: change?.edits ?? []))
        }
        for index in outcome.removed {
            let claim = oldClaims[index]
            changes.append((ranks.rank(old: claim, ordinal: index), ClaimChange(kind: .removed, old: ClaimSide(claim), new: nil)))
            ledger?.record(old: claim.id, .init(fate: .removed, counterpart: nil))
        }
        for index in outcome.added {
            let claim = newClaims[index]
            changes.append((ranks.rank(new: claim, ordinal: index), ClaimChange(kind: .added, old: nil, new: ClaimSide(claim))))
            ledger?.record(new: claim.id, .init(fate: .added, counterpart: nil))
        }
        let total = oldClaims.count + newClaims.count
        let similarity = total > 0 ? 2 * alike / Double(total) : sectionSimilarity(old.sections, new.sections)
        let kind: DocumentChange.Kind = old.id == new.id && changes.isEmpty && sections.changes.isEmpty ? .renamed : .modified
        if kind == .renamed && old.source.path == new.source.path { return nil }
        return DocumentChange(kind: kind, old: DocumentSide(old), new: DocumentSide(new), similarity: DiffRounding.similarity(similarity),
                              sections: sections.changes, claims: changes.sorted { $0.rank < $1.rank }.map(\.change))
    }

    /// For documents without claims: the share of sections with the same headings and text.
    private static func sectionSimilarity(_ old: [Section], _ new: [Section]) -> Double {
        guard !old.isEmpty || !new.isEmpty else { return 1 }
        var remaining: [[String]: [String]] = [:]
        for section in old { remaining[section.path + [section.text], default: []].append(section.id) }
        var same = 0
        for section in new where remaining[section.path + [section.text]]?.popLast() != nil { same += 1 }
        return Double(2 * same) / Double(old.count + new.count)
    }
}

/// Where a claim change is listed: by section in the new document's order (sections only in the old
/// document after them), removed claims before the others of their section.
struct ClaimRank: Comparable {
    var section: Int
    var phase: Int
    var ordinal: Int

    static func < (a: ClaimRank, b: ClaimRank) -> Bool { (a.section, a.phase, a.ordinal) < (b.section, b.phase, b.ordinal) }

    struct Ranker {
        private var newSectionByPath: [[String]: Int] = [:]
        private var oldSectionByID: [String: Int] = [:]
        private var newSectionByID: [String: Int] = [:]
        private let newCount: Int

        init(old: Document, new: Document) {
            newCount = new.sections.count
            for (index, section) in new.sections.enumerated() {
                newSectionByID[section.id] = index
                if newSectionByPath[section.path] == nil { newSectionByPath[section.path] = index }
            }
            for (index, section) in old.sections.enumerated() { oldSectionByID[section.id] = index }
        }

        func rank(new claim: Claim, ordinal: Int) -> ClaimRank {
            ClaimRank(section: newSectionByID[claim.section] ?? newSectionByPath[claim.sectionPath] ?? newCount, phase: 1, ordinal: ordinal)
        }

        func rank(old claim: Claim, ordinal: Int) -> ClaimRank {
            let section = newSectionByPath[claim.sectionPath] ?? newCount + (oldSectionByID[claim.section] ?? 0)
            return ClaimRank(section: section, phase: 0, ordinal: ordinal)
        }
    }
}
