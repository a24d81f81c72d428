import Foundation

/// The JSON lines of the last write, by id, for a writer that writes nearly the same corpus again and again (the
/// watcher). Given the ids whose values changed since that write (`CorpusDelta`), every other value reuses its line:
/// encoding is most of the cost of the exports. Without them, every line is encoded.
final class ExportLineCache: @unchecked Sendable {
    private var documents: [String: [UInt8]] = [:]
    private var claims: [String: [UInt8]] = [:]
    /// The relations of the last complete write, and those of the write under way (one file per kind).
    private var relations: [String: [UInt8]] = [:]
    private var nextRelations: [String: [UInt8]] = [:]
    private let lock = NSLock()

    /// - Parameter changed: the ids whose values are not those of the last write; nil when that is not known.
    func writeDocumentLines(_ values: [Document], changed: Set<String>?, to url: URL) throws {
        try locked {
            var next: [String: [UInt8]] = Dictionary(minimumCapacity: values.count)
            try Self.write(values, id: \.id, reusing: changed.map { (documents, $0) }, into: &next, to: url)
            documents = next
        }
    }

    func writeClaimLines(_ values: [Claim], changed: Set<String>?, to url: URL) throws {
        try locked {
            var next: [String: [UInt8]] = Dictionary(minimumCapacity: values.count)
            try Self.write(values, id: \.id, reusing: changed.map { (claims, $0) }, into: &next, to: url)
            claims = next
        }
    }

    /// Lines for one kind of relation. The relations of every kind are kept together, for the next write, by `finishRelations`.
    func writeRelationLines(_ values: some Sequence<Relation>, changed: Set<String>?, to url: URL) throws {
        try locked { try Self.write(values, id: \.id, reusing: changed.map { (relations, $0) }, into: &nextRelations, to: url) }
    }

    /// Ends a write of the relations: what was written replaces what the cache held, so that relations no longer in
    /// the corpus are forgotten.
    func finishRelations() {
        locked {
            relations = nextRelations
            nextRelations = Dictionary(minimumCapacity: relations.count)
        }
    }

    /// Forgets every line: after a write that failed, the lines held may be those of a corpus that was not swapped in.
    func removeAll() {
        locked { (documents, claims, relations, nextRelations) = ([:], [:], [:], [:]) }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Writes one line per value to `url`, reusing the lines of `reusing` for values whose ids are not among its changed
    /// ids; each line goes into `next`. (The lines reused are only read: they are never copied.)
    private static func write<T: JSONLineWritable>(_ values: some Sequence<T>, id: KeyPath<T, String>,
                                                   reusing: (lines: [String: [UInt8]], changed: Set<String>)?,
                                                   into next: inout [String: [UInt8]], to url: URL) throws {
        try ExportFile.write(to: url) { file in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(ExportFile.bufferSize + ExportFile.bufferSize / 4)
            var writer = JSONLineWriter()
            for value in values {
                let key = value[keyPath: id]
                let line: [UInt8]
                if let reusing, !reusing.changed.contains(key), let kept = reusing.lines[key] {
                    line = kept
                } else {
                    writer.removeAll()
                    try writer.writeLine(value)
                    line = writer.bytes
                }
                next[key] = line
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
