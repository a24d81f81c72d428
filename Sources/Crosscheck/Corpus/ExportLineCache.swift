import Foundation

/// The JSON lines written last time, by id, for a writer that writes nearly the same corpus again and
/// again (the watcher): a value equal to the one encoded before reuses its bytes. Encoding dominates the
/// cost of the exports; comparing two values costs a fraction of it.
final class ExportLineCache: @unchecked Sendable {
    private var documents: [String: (Document, Data)] = [:]
    private var claims: [String: (Claim, Data)] = [:]
    private var relations: [String: (Relation, Data)] = [:]
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

    private static func lines<T: Encodable & Equatable>(_ values: [T], id: KeyPath<T, String>, cache: inout [String: (T, Data)], prune: Bool = true) throws -> Data {
        let encoder = JSONExport.encoder(pretty: false)
        var data = Data()
        var next: [String: (T, Data)] = prune ? Dictionary(minimumCapacity: values.count) : cache
        for value in values {
            let key = value[keyPath: id]
            let line: Data
            if let (previous, bytes) = cache[key], previous == value {
                line = bytes
            } else {
                line = try encoder.encode(value)
            }
            next[key] = (value, line)
            data.append(line)
            data.append(0x0A)
        }
        cache = next
        return data
    }
}
