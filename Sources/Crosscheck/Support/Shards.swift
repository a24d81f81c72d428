import Foundation

/// Results dealt into shards by many producers (each its own part of every shard), for each shard to be taken once,
/// whole, by the thread that merges it, and then let go: a shard merged is no longer held beside what it became.
final class Shards<Element>: @unchecked Sendable {
    private var parts: [[[Element]]]
    private let lock = NSLock()

    /// - Parameter byProducer: each producer's parts, one per shard (`count` of them).
    init(byProducer: [[[Element]]], count: Int) {
        parts = (0..<count).map { shard in byProducer.map { $0[shard] } }
    }

    /// The shard's parts, laid end to end in producer order; they are no longer held here.
    func take(_ shard: Int) -> [Element] {
        lock.lock()
        let pieces = parts[shard]
        parts[shard] = []
        lock.unlock()
        return Array(concatenating: pieces)
    }
}
