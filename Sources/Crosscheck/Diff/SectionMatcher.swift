/// Finds the sections added, removed and moved between two versions of a document, by heading path.
enum SectionMatcher {
    struct Outcome {
        var changes: [SectionChange] = []
        /// Ids of the new document's sections that moved: their claims moved with them.
        var movedSectionIDs: Set<String> = []
    }

    /// Aligns the two lists of heading paths (a shortest edit script); a path removed in one place and
    /// inserted in another is one section moved. Removed sections come first, in the old order, then
    /// added and moved ones in the new order.
    static func compare(old: [Section], new: [Section]) -> Outcome {
        let oldKeys = old.map(\.path), newKeys = new.map(\.path)
        guard oldKeys != newKeys else { return Outcome() }
        var outcome = Outcome()
        var removed: [(offset: Int, change: SectionChange)] = [], inserted: [(offset: Int, change: SectionChange)] = []
        for change in newKeys.difference(from: oldKeys).inferringMoves() {
            switch change {
            case .remove(let offset, _, let associated):
                if associated == nil { removed.append((offset, SectionChange(kind: .removed, path: old[offset].path))) }
            case .insert(let offset, _, let associated):
                if associated != nil { outcome.movedSectionIDs.insert(new[offset].id) }
                inserted.append((offset, SectionChange(kind: associated == nil ? .added : .moved, path: new[offset].path)))
            }
        }
        outcome.changes = removed.sorted { $0.offset < $1.offset }.map(\.change) + inserted.sorted { $0.offset < $1.offset }.map(\.change)
        return outcome
    }
}
