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
    /// The sources' entries of the two reports.
    let markdownSources = SourceEntryCache()
    let htmlSources = SourceEntryCache()
    private let lock = NSLock()

    /// - Parameter changed: the ids whose values are not those of the last write; nil when that is not known.
    func writeDocumentLines(_ values: [Document], changed: Set<String>?, to url: URL) throws {
        try locked {
            var next: [String: [UInt8]] = Dictionary(minimumCapacity: values.count)
            try Self.write(values, reusing: changed.map { (documents, $0) }, into: &next, to: url)
            documents = next
        }
    }

    func writeClaimLines(_ values: [Claim], changed: Set<String>?, to url: URL) throws {
        try locked {
            var next: [String: [UInt8]] = Dictionary(minimumCapacity: values.count)
            try Self.write(values, reusing: changed.map { (claims, $0) }, into: &next, to: url)
            claims = next
        }
    }

    /// Lines for the relations of one kind. The relations of every kind are kept together, for the next write, by
    /// `finishRelations`.
    func writeRelationLines(_ values: [Relation], ofKind kind: Relation.Kind, changed: Set<String>?, to url: URL) throws {
        try locked { try Self.write(values, where: { $0.pointee.kind == kind }, reusing: changed.map { (relations, $0) }, into: &nextRelations, to: url) }
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
        markdownSources.removeAll()
        htmlSources.removeAll()
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Writes one line per value (of those `included` keeps) to `url`, reusing the lines of `reusing` for values whose
    /// ids are not among its changed ids; each line goes into `next`. Values are read where they lie, and the lines
    /// reused are only read: neither is copied.
    private static func write<T: JSONLineWritable & Identified>(_ values: [T], where included: (UnsafePointer<T>) -> Bool = { _ in true },
                                                                reusing: (lines: [String: [UInt8]], changed: Set<String>)?,
                                                                into next: inout [String: [UInt8]], to url: URL) throws {
        try ExportFile.write(to: url) { file in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(ExportFile.bufferSize + ExportFile.bufferSize / 4)
            var writer = JSONLineWriter()
            try values.withUnsafeBufferPointer { values in
                for index in values.indices where included(values.baseAddress! + index) {
                    let key = values[index].id
                    if let reusing, !reusing.changed.contains(key), let kept = reusing.lines[key] {
                        buffer.append(contentsOf: kept)
                        next[key] = kept
                    } else {
                        writer.removeAll()
                        try writer.writeLine(values[index])
                        buffer.append(contentsOf: writer.bytes)
                        next[key] = writer.bytes
                    }
                    if buffer.count >= ExportFile.bufferSize {
                        try file.write(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
            }
            try file.write(buffer)
        }
    }
}
