/// What differs between two corpora, by id: the rows a store that holds the old corpus deletes and inserts to hold the
/// new one, and the export lines a writer of the old corpus can keep. A changed value's id is both gone and arrived.
struct CorpusDelta: Sendable, Equatable {
    struct Changes: Sendable, Equatable {
        /// Ids of the old corpus that are not in the new one, or are there with another value.
        var gone: Set<String> = []
        /// Ids of the new corpus that were not in the old one, or were there with another value.
        var arrived: Set<String> = []

        var isEmpty: Bool { gone.isEmpty && arrived.isEmpty }

        /// Compares by id; comparing two equal values that share their storage (as the claims of an unchanged file do
        /// from one update to the next) costs little. The comparisons are shared among `jobs` threads.
        init<Value: Equatable & Sendable>(old: [Value], new: [Value], id: @Sendable (Value) -> String, jobs: Int) {
            var oldIndex: [String: Int] = Dictionary(minimumCapacity: old.count)
            for (index, value) in old.enumerated() { oldIndex[id(value)] = index }
            let index = oldIndex
            let verdicts = ParallelMap.map(Array(new.indices), jobs: jobs, chunkSize: 4096) { position -> (String, Int?, Bool) in
                let key = id(new[position])
                guard let before = index[key] else { return (key, nil, false) }
                return (key, before, old[before] == new[position])
            }
            var kept = [Bool](repeating: false, count: old.count)
            for (key, before, same) in verdicts {
                if let before { kept[before] = same }
                if !same { arrived.insert(key) }
            }
            for (position, value) in old.enumerated() where !kept[position] { gone.insert(id(value)) }
        }

        init() {}
    }

    var documents = Changes()
    var claims = Changes()
    var relations = Changes()

    init(from old: Corpus, to new: Corpus, jobs: Int = 1) {
        documents = Changes(old: old.documents, new: new.documents, id: \.id, jobs: jobs)
        claims = Changes(old: old.claims, new: new.claims, id: \.id, jobs: jobs)
        relations = Changes(old: old.relations, new: new.relations, id: \.id, jobs: jobs)
    }
}
