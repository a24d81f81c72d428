import Foundation

/// The JSON lines written last time, by id, for a writer that writes nearly the same corpus again and
/// again (the watcher): a value equal to the one written before reuses its bytes. Encoding is most of the
/// cost of the exports; comparing two values costs a fraction of it.
final class ExportLineCache: @unchecked Sendable {
    private var documents: [String: (Document, [UInt8])] = [:]
    private var claims: [String: (Claim, [UInt8])] = [:]
    private var relations: [String: (Relation, [UInt8])] = [:]
    private let lock = NSLock()

    func writeDocumentLines(_ values: [Document], to url: URL) throws { try locked { try Self.write(values, id: \.id, cache: &documents, to: url) } }
    func writeClaimLines(_ values: [Claim], to url: URL) throws { try locked { try Self.write(values, id: \.id, cache: &claims, to: url) } }

    /// Lines for one kind of relation; the cache holds every kind, so it is pruned only by `keepRelations`.
    func writeRelationLines(_ values: some Sequence<Relation>, to url: URL) throws {
        try locked { try Self.write(values, id: \.id, cache: &relations, prune: false, to: url) }
    }

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

    /// Writes one line per value to `url`, reusing the bytes of the values that did not change.
    private static func write<T: JSONLineWritable & Equatable>(_ values: some Sequence<T>, id: KeyPath<T, String>, cache: inout [String: (T, [UInt8])],
                                                              prune: Bool = true, to url: URL) throws {
        var next: [String: (T, [UInt8])] = prune ? Dictionary(minimumCapacity: values.underestimatedCount) : cache
        try ExportFile.write(to: url) { file in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(ExportFile.bufferSize + ExportFile.bufferSize / 4)
            var writer = JSONLineWriter()
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
                buffer.append(contentsOf: line)
                if buffer.count >= ExportFile.bufferSize {
                    try file.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try file.write(buffer)
        }
        cache = next
    }
}
