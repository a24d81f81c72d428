import Foundation

/// The JSON lines written last time, by id, for a writer that writes nearly the same corpus again and
/// again (the watcher): a value equal to the one written before reuses its bytes. Encoding is most of the
/// cost of the exports; comparing two values costs a fraction of it.
final class ExportLineCache: @unchecked Sendable {
    private var documents: [String: (Document, [UInt8])] = [:]
    private var claims: [String: (Claim, [UInt8])] = [:]
    /// The relations of the last complete write, and those of the write under way (one file per kind).
    private var relations: [String: (Relation, [UInt8])] = [:]
    private var nextRelations: [String: (Relation, [UInt8])] = [:]
    private let lock = NSLock()

    func writeDocumentLines(_ values: [Document], to url: URL) throws {
        try locked {
            var next: [String: (Document, [UInt8])] = Dictionary(minimumCapacity: values.count)
            try Self.write(values, id: \.id, cache: documents, into: &next, to: url)
            documents = next
        }
    }

    func writeClaimLines(_ values: [Claim], to url: URL) throws {
        try locked {
            var next: [String: (Claim, [UInt8])] = Dictionary(minimumCapacity: values.count)
            try Self.write(values, id: \.id, cache: claims, into: &next, to: url)
            claims = next
        }
    }

    /// Lines for one kind of relation. The relations of every kind are kept together, for the next write, by `finishRelations`.
    func writeRelationLines(_ values: some Sequence<Relation>, to url: URL) throws {
        try locked { try Self.write(values, id: \.id, cache: relations, into: &nextRelations, to: url) }
    }

    /// Ends a write of the relations: what was written replaces what the cache held, so that relations no longer in
    /// the corpus are forgotten.
    func finishRelations() {
        locked {
            relations = nextRelations
            nextRelations = Dictionary(minimumCapacity: relations.count)
        }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Writes one line per value to `url`, reusing the bytes of the values found unchanged in `cache`; each value and
    /// its line go into `next`. (`cache` is only read: it is never copied.)
    private static func write<T: JSONLineWritable & Equatable>(_ values: some Sequence<T>, id: KeyPath<T, String>, cache: [String: (T, [UInt8])],
                                                              into next: inout [String: (T, [UInt8])], to url: URL) throws {
        try ExportFile.write(to: url) { file in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(ExportFile.bufferSize + ExportFile.bufferSize / 4)
            var writer = JSONLineWriter()
            for value in values {
                let key = value[keyPath: id]
                let line: [UInt8]
                if let index = cache.index(forKey: key), cache.values[index].0 == value {
                    line = cache.values[index].1
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
    }
}
