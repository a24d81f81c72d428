import Foundation

/// The JSON lines written last time, by id, for a writer that writes nearly the same corpus again and
/// again (the watcher): a value equal to the one written before reuses its bytes. Encoding dominates the
/// cost of the exports; comparing two values costs a fraction of it.
final class ExportLineCache: @unchecked Sendable {
    private var documents: [String: (Document, [UInt8])] = [:]
    private var claims: [String: (Claim, [UInt8])] = [:]
    private var relations: [String: (Relation, [UInt8])] = [:]
    private let lock = NSLock()

    func documentLines(_ values: [Document]) throws -> Data { try locked { try Self.lines(values, id: \.id, cache: &documents) } }
    func claimLines(_ values: [Claim]) throws -> Data { try locked { try Self.lines(values, id: \.id, cache: &claims) } }

    /// Lines for one kind of relation; the cache holds every kind, so it is pruned only by `keepRelations`.
    func relationLines(_ values: [Relation]) throws -> Data { try locked { try Self.lines(values, id: \.id, cache: &relations, prune: false) } }

    /// Forgets the relations that are no longer in the corpus.
    func keepRelations(_ values: [Relation]) {
        locked {
            let ids = Set(values.map(\.id))
            relations = relations.filter { ids.contains($0.key) }
        }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private static func lines<T: JSONLineWritable & Equatable>(_ values: [T], id: KeyPath<T, String>, cache: inout [String: (T, [UInt8])],
                                                              prune: Bool = true) throws -> Data {
        var data = Data()
        var writer = JSONLineWriter()
        var next: [String: (T, [UInt8])] = prune ? Dictionary(minimumCapacity: values.count) : cache
        for value in values {
            let key = value[keyPath: id]
            let line: [UInt8]
            if let (previous, bytes) = cache[key], previous == value {
                line = bytes
            } else {
                writer.removeAll()
                try writer.writeLine(value)
                line = writer.bytes
            }
            next[key] = (value, line)
            data.append(contentsOf: line)
        }
        cache = next
        return data
    }
}
