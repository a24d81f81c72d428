import Foundation

/// What the relation engine reads from a run of consecutive claims: their facts, their words as terms numbered in
/// the order the run meets them, their periods and names, and the offices they name.
struct ClaimReading: Sendable {
    /// Where the run starts among the corpus's claims, and its document's place among the documents (-1 when the
    /// claims belong to no document of the corpus), as they were when it was read.
    var firstClaim: Int
    var document: Int
    var facts: [Fact] = []
    var terms = TermNumbering()
    var rows: [[Int32]] = []
    var periods: [Period] = []
    /// Each claim's names, numbered in the table of the pass that read them (`ClaimReadings.names` for a watcher's).
    var names: [NamedEntities.ClaimNames] = []
    var documents: [Int] = []
    var holdings: [OfficeHolders.Holding] = []
    /// The sides of relations made from these facts, kept for the next update (`ClaimReadings`).
    var sides = SideSlots()

    init(firstClaim: Int, document: Int) {
        (self.firstClaim, self.document) = (firstClaim, document)
    }

    /// The same reading for the same claims now found at `firstClaim`, in the document at `document`.
    func rebased(firstClaim: Int, document: Int) -> ClaimReading {
        guard firstClaim != self.firstClaim || document != self.document else { return self }
        var reading = self
        let shift = firstClaim - self.firstClaim
        (reading.firstClaim, reading.document) = (firstClaim, document)
        reading.facts = facts.map { Fact($0, claim: $0.claim + shift, document: document) }
        reading.sides = SideSlots()
        reading.documents = documents.map { $0 < 0 ? $0 : document }
        for index in reading.holdings.indices { reading.holdings[index].claim += shift }
        return reading
    }
}

/// The sides of relations made from the facts of one reading, by the facts' order in it: a fact unchanged since the
/// last update has the same side, and a relation between two unchanged sides with the same verdict is the same
/// relation (`ClaimReadings.madeRelations`), which is then not made again.
///
/// A side also depends on its claim's file (renamed, a claim keeps its id) and on its source's name and date as
/// explanations give them; a side kept under other ones is not reused.
final class SideSlots: @unchecked Sendable {
    struct Source: Equatable {
        var name: String
        var published: String?
        var path: String
    }

    private var sides: [Int: (side: RelationEngine.Side, source: Source)] = [:]
    private let lock = NSLock()

    func side(_ ordinal: Int, source: Source) -> RelationEngine.Side? {
        lock.lock()
        defer { lock.unlock() }
        guard let kept = sides[ordinal], kept.source == source else { return nil }
        return kept.side
    }

    func keep(_ side: RelationEngine.Side, _ ordinal: Int, source: Source) {
        lock.lock()
        defer { lock.unlock() }
        sides[ordinal] = (side, source)
    }
}

/// The readings of documents' claims, kept by a watcher from one update to the next: a corpus that gained one page
/// reads that page's claims, not every claim again.
///
/// A reading depends on its claims and on its document's date (and the year its sentences suggest when it has
/// none), all of which its key holds; claim ids are hashes of what a claim says and where, so the same ids are the
/// same claims. Thread-safe: the engine reads and keeps readings from its threads.
final class ClaimReadings: @unchecked Sendable {
    /// What a reading depends on.
    struct Key: Hashable, Sendable {
        var claimIDs: [String]
        var sourceDate: DatedValue?
        var estimate: Int?

        init(claims: [Claim], range: Range<Int>, sourceDate: DatedValue?, estimate: Int?) {
            claimIDs = claims.withUnsafeBufferPointer { claims in range.map { claims[$0].id } }
            (self.sourceDate, self.estimate) = (sourceDate, estimate)
        }

        /// Where the key is kept: its first claim, which names one run of claims of one document.
        var slot: String { claimIDs.first ?? "" }
    }

    private var kept: [String: (key: Key, reading: ClaimReading)] = [:]
    /// Slots read or kept since the last `forgetUnused()`.
    private var used: Set<String> = []
    private var hits = 0
    /// How many readings the last pass (up to `forgetUnused()`) reused.
    private(set) var reusedLastPass = 0
    private var made: [UInt64: RelationEngine.Made] = [:]
    /// What the search found in each group of facts at the last update.
    let foundPairs = FoundPairs()
    /// The names every kept reading's claims are numbered in. Names of documents gone stay in it; once it holds far more
    /// than the corpus uses, `forgetEverythingIfNamesOutgrow(liveNames:)` starts afresh.
    var names: NameTable { lock.withLock { nameTable } }
    private var nameTable = NameTable()
    /// How many relations the last pass took as they were made before (counted as it goes; read after it).
    private(set) var reusedRelations = 0
    private let lock = NSLock()

    /// The relations the last pass made from kept sides, by the number their id spells (`IDOrder`).
    var madeRelations: [UInt64: RelationEngine.Made] { lock.withLock { made } }

    /// The relations the last pass made, no longer held here: the pass updates them in place and keeps them again.
    func takeMadeRelations() -> [UInt64: RelationEngine.Made] {
        lock.withLock {
            defer { made = [:] }
            return made
        }
    }

    /// Keeps the relations this pass made, of which it took `reused` as the last pass had made them.
    func keepMadeRelations(_ relations: [UInt64: RelationEngine.Made], reused: Int) {
        lock.withLock { (made, reusedRelations) = (relations, reused) }
    }

    /// The reading kept for exactly these claims, dates and estimate, if any.
    func reading(for key: Key) -> ClaimReading? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = kept[key.slot], entry.key == key else { return nil }
        used.insert(key.slot)
        hits += 1
        return entry.reading
    }

    func keep(_ reading: ClaimReading, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        kept[key.slot] = (key, reading)
        used.insert(key.slot)
    }

    /// Forgets every reading, found pair and made relation, and numbers names anew, when the table of names holds more
    /// than four times the `liveNames` the corpus uses now (and over `floor`): a watcher that runs for days through many
    /// edits would otherwise keep every name it ever met. The next update reads every document's claims again.
    func forgetEverythingIfNamesOutgrow(liveNames: Int, floor: Int = 50_000) {
        let outgrown = lock.withLock {
            guard nameTable.count > max(floor, 4 * liveNames) else { return false }
            (kept, used, made, nameTable) = ([:], [], [:], NameTable())
            return true
        }
        if outgrown { foundPairs.replace(with: [:], reused: 0) }
    }

    /// Forgets every reading not read or kept since the last call: the cache holds what the corpus holds now.
    func forgetUnused() {
        lock.lock()
        defer { lock.unlock() }
        kept = kept.filter { used.contains($0.key) }
        used.removeAll(keepingCapacity: true)
        (reusedLastPass, hits, reusedRelations) = (hits, 0, 0)
    }

    /// How many readings are kept.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.count
    }

    /// The runs of consecutive claims of one document, in order.
    static func documentRuns(_ claims: [Claim]) -> [Range<Int>] {
        claims.withUnsafeBufferPointer { claims in
            var runs: [Range<Int>] = []
            var start = 0
            for index in claims.indices.dropFirst() where claims[index].document != claims[index - 1].document {
                runs.append(start..<index)
                start = index
            }
            if !claims.isEmpty { runs.append(start..<claims.count) }
            return runs
        }
    }
}
