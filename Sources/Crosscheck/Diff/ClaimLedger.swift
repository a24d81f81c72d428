/// What became of each claim, kept while documents are compared, so relations can be matched after.
///
/// Claims of a document whose bytes and claims did not change are not written down: a claim id the
/// ledger does not know is the same claim, unchanged, in both corpora.
struct ClaimLedger: Sendable {
    struct Entry: Sendable {
        var fate: ClaimFate
        /// The claim on the other side, when it has one there.
        var counterpart: ClaimKey?
        /// For a changed claim, its word-level edits.
        var edits: [WordEdit] = []
    }

    private var old: [ClaimKey: Entry] = [:]
    private var new: [ClaimKey: Entry] = [:]

    init(capacity: Int = 0) {
        old.reserveCapacity(capacity)
        new.reserveCapacity(capacity)
    }

    mutating func record(old id: String, _ entry: Entry) { old[ClaimKey(id)] = entry }
    mutating func record(new id: String, _ entry: Entry) { new[ClaimKey(id)] = entry }

    /// An old claim's fate, and the claim it answers to in the new corpus, if any.
    func oldClaim(_ key: ClaimKey) -> Entry { old[key] ?? Entry(fate: .unchanged, counterpart: key) }

    /// A new claim's fate, and the claim it answered to in the old corpus, if any.
    func newClaim(_ key: ClaimKey) -> Entry { new[key] ?? Entry(fate: .unchanged, counterpart: key) }
}

/// A claim id as 64 bits (FNV-1a of its bytes), so that the hundreds of thousands of lookups a large
/// corpus's relations need hash one integer, not a string.
struct ClaimKey: Hashable, Comparable, Sendable {
    var bits: UInt64

    init(_ id: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        bits = hash
    }

    static func < (a: ClaimKey, b: ClaimKey) -> Bool { a.bits < b.bits }
}
