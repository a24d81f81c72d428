import Dispatch

/// What one update of a watched corpus changed: the files, and what that did to claims and relations.
public struct WatchBatch: Sendable, Equatable {
    /// Files new to the inbox, by path.
    public var added: [String] = []
    /// Files whose content changed.
    public var changed: [String] = []
    /// Files gone from the inbox.
    public var removed: [String] = []
    /// Files that moved: the same content under a new path (its document keeps its id).
    public var renamed: [Rename] = []
    public var claimsAdded = 0
    public var claimsRemoved = 0
    public var contradictionsAdded = 0
    public var contradictionsRemoved = 0
    /// Problems of the files this batch read.
    public var problems: [SourceProblem] = []
    /// The corpus after the batch.
    public var documents = 0
    public var claims = 0
    public var contradictions = 0
    public var seconds = 0.0
    /// Where the time went: discover (scan and stat), read file (reading new content, wall time), relations, store, exports.
    public var timings = StageTimings()
    private var started: UInt64 = 0

    /// A file moved from one path to another.
    public struct Rename: Sendable, Equatable {
        public var from: String
        public var to: String
    }

    /// True when the inbox held nothing new: no file added, changed, removed or renamed.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty && renamed.isEmpty }

    /// Nothing changed: the corpus as it stands.
    init(unchanged corpus: Corpus, started: DispatchTime) {
        self.started = started.uptimeNanoseconds
        documents = corpus.documents.count
        claims = corpus.claims.count
        contradictions = corpus.relationCount(.contradiction)
    }

    /// - Parameter delta: what differs from the old corpus to the new one (`CorpusDelta(from:to:)`), when worked out
    ///   already (else it is worked out here): the claims and contradictions added and removed are counted from it.
    init(old: (record: InboxRecord, corpus: Corpus?), new: (record: InboxRecord, corpus: Corpus), delta: CorpusDelta? = nil, started: DispatchTime) {
        self.started = started.uptimeNanoseconds
        let oldEntries = old.record.entries
        let newEntries = new.record.entries
        var gone = oldEntries.keys.filter { newEntries[$0] == nil }.sorted()
        var arrived = newEntries.keys.filter { oldEntries[$0] == nil }.sorted()
        changed = newEntries.keys.filter { path in
            guard let before = oldEntries[path], let after = newEntries[path] else { return false }
            return before.sha256 != after.sha256 || after.sha256 == nil && before.stamp != after.stamp
        }.sorted()
        // Same content leaving one path and arriving at another: a rename, not a removal and an addition.
        var arrivedByHash: [String: [String]] = [:]
        for path in arrived { if let sha256 = newEntries[path]?.sha256 { arrivedByHash[sha256, default: []].append(path) } }
        var moved: Set<String> = []
        for path in gone {
            guard let sha256 = oldEntries[path]?.sha256, var targets = arrivedByHash[sha256], !targets.isEmpty else { continue }
            let target = targets.removeFirst()
            arrivedByHash[sha256] = targets
            renamed.append(Rename(from: path, to: target))
            moved.insert(path)
            moved.insert(target)
        }
        gone.removeAll { moved.contains($0) }
        arrived.removeAll { moved.contains($0) }
        added = arrived
        removed = gone

        let oldContradictions = Set(old.corpus?.relationIDs(.contradiction) ?? [])
        let newContradictions = Set(new.corpus.relationIDs(.contradiction))
        // A changed value's id is both gone and arrived; an id only arrived is new, one only gone is removed (an id names
        // its relation's kind). With no old corpus, everything is new.
        let empty = Corpus(documents: [], claims: [], inputs: [])
        let delta = delta ?? CorpusDelta(from: old.corpus ?? empty, to: new.corpus)
        claimsAdded = delta.claims.arrived.subtracting(delta.claims.gone).count
        claimsRemoved = delta.claims.gone.subtracting(delta.claims.arrived).count
        contradictionsAdded = delta.relations.arrived.subtracting(delta.relations.gone).filter(newContradictions.contains).count
        contradictionsRemoved = delta.relations.gone.subtracting(delta.relations.arrived).filter(oldContradictions.contains).count

        let touched = Set(added + changed + renamed.map(\.to))
        problems = new.corpus.problems.filter { touched.contains($0.path) }
        documents = new.corpus.documents.count
        claims = new.corpus.claims.count
        contradictions = newContradictions.count
    }

    func finished(at end: DispatchTime, timings: StageTimings) -> WatchBatch {
        var batch = self
        batch.seconds = Double(end.uptimeNanoseconds - started) / 1e9
        batch.timings = timings
        return batch
    }
}
