/// What became of each claim, kept while documents are compared, so relations can be matched after.
///
/// Claims of a document whose bytes and claims did not change are not written down: a claim id the
/// ledger does not know is the same claim, unchanged, in both corpora.
struct ClaimLedger {
    struct Entry {
        var fate: ClaimFate
        /// The claim's id on the other side, when it has one there.
        var counterpart: String?
        /// The change, for a changed claim: its word-level edits.
        var change: ClaimChange?
    }

    private(set) var old: [String: Entry] = [:]
    private(set) var new: [String: Entry] = [:]

    mutating func record(old id: String, _ entry: Entry) { old[id] = entry }
    mutating func record(new id: String, _ entry: Entry) { new[id] = entry }

    /// An old claim's fate, and the id it answers to in the new corpus, if any.
    func oldClaim(_ id: String) -> Entry { old[id] ?? Entry(fate: .unchanged, counterpart: id, change: nil) }

    /// A new claim's fate, and the id it answered to in the old corpus, if any.
    func newClaim(_ id: String) -> Entry { new[id] ?? Entry(fate: .unchanged, counterpart: id, change: nil) }
}
