/// What differs between two corpora, by id: the rows a store that holds the old corpus deletes and inserts to hold the
/// new one, and the export lines a writer of the old corpus can keep. A changed value's id is both gone and arrived.
struct CorpusDelta: Sendable {
    struct Changes: Sendable {
        /// Ids of the old corpus that are not in the new one, or are there with another value.
        var gone: Set<String> = []
        /// Ids of the new corpus that were not in the old one, or were there with another value.
        var arrived: Set<String> = []

        var isEmpty: Bool { gone.isEmpty && arrived.isEmpty }

        /// Compares by id; comparing two equal values that share their storage (as the claims of an unchanged file do
        /// from one update to the next) costs little. The comparisons are shared among `jobs` threads. Values are read
        /// where they lie: a copy out of the array would retain each of their fields.
        init<Value: Identified & Equatable & Sendable>(old: [Value], new: [Value], jobs: Int) {
            var oldIndex: [String: Int] = Dictionary(minimumCapacity: old.count)
            old.withUnsafeBufferPointer { old in
                for index in old.indices { oldIndex[old[index].id] = index }
            }
            let index = oldIndex
            let verdicts = ParallelMap.map(Array(new.indices), jobs: jobs, chunkSize: 4096) { position -> (Int?, Bool) in
                old.withUnsafeBufferPointer { old in
                    new.withUnsafeBufferPointer { new in
                        let value = new.baseAddress! + position
                        guard let before = index[value.pointee.id] else { return (nil, false) }
                        return (before, BitwiseSame.values(old.baseAddress! + before, value))
                    }
                }
            }
            var kept = [Bool](repeating: false, count: old.count)
            new.withUnsafeBufferPointer { new in
                for (position, (before, same)) in verdicts.enumerated() {
                    if let before { kept[before] = same }
                    if !same { arrived.insert(new[position].id) }
                }
            }
            old.withUnsafeBufferPointer { old in
                for position in old.indices where !kept[position] { gone.insert(old[position].id) }
            }
        }

        init() {}

        /// The ids that changed from a first corpus to a third, given the changes from the first to a second (these)
        /// and from the second to the third: each id one of them names, so that a store holding the first corpus,
        /// its `gone` rows deleted and the third corpus's `arrived` rows inserted, holds the third.
        func followed(by later: Changes) -> Changes {
            var both = self
            both.gone.formUnion(later.gone)
            both.arrived.formUnion(later.arrived)
            return both
        }
    }

    var documents = Changes()
    var claims = Changes()
    var relations = Changes()

    init() {}

    /// These changes, then `later` (see `Changes.followed(by:)`).
    func followed(by later: CorpusDelta) -> CorpusDelta {
        var both = self
        both.documents = documents.followed(by: later.documents)
        both.claims = claims.followed(by: later.claims)
        both.relations = relations.followed(by: later.relations)
        return both
    }

    init(from old: Corpus, to new: Corpus, jobs: Int = 1) {
        // The relations first and beside the rest: indexing their ids takes longest, on one thread.
        let changes = ParallelMap.map([2, 1, 0], jobs: min(jobs, 3), chunkSize: 1) { table in
            switch table {
            case 0: Changes(old: old.documents, new: new.documents, jobs: 1)
            case 1: Changes(old: old.claims, new: new.claims, jobs: 1)
            default: Changes(old: old.relations.values, new: new.relations.values, jobs: jobs)
            }
        }
        (relations, claims, documents) = (changes[0], changes[1], changes[2])
    }
}

/// A value of the corpus with an id of its own.
protocol Identified {
    var id: String { get }
}

extension Document: Identified {}
extension Claim: Identified {}
extension Relation: Identified {}
