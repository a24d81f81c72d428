import Foundation

/// The JSON lines of the last write, by id, for a writer that writes nearly the same corpus again and again (the
/// watcher). Given what changed since that write (`CorpusDelta`), every other value reuses its line: encoding is
/// most of the cost of the exports. The lines are updated in place, by the delta's ids only. Without a delta, every
/// line is encoded.
final class ExportLineCache: @unchecked Sendable {
    private var documents: [String: [UInt8]] = [:]
    private var claims: [String: [UInt8]] = [:]
    /// The relations of every kind (one file per kind).
    private var relations: [String: [UInt8]] = [:]
    /// The sources' entries of the two reports.
    let markdownSources = SourceEntryCache()
    let htmlSources = SourceEntryCache()
    private let lock = NSLock()

    /// - Parameter changes: what differs from the values of the last write; nil when that is not known.
    func writeDocumentLines(_ values: [Document], changes: CorpusDelta.Changes?, to url: URL) throws {
        try locked { try Self.write(values, lines: &documents, changes: changes, to: url) }
    }

    func writeClaimLines(_ values: [Claim], changes: CorpusDelta.Changes?, to url: URL) throws {
        try locked { try Self.write(values, lines: &claims, changes: changes, to: url) }
    }

    /// Lines for the relations of each kind, one file per kind, in the order of `Relation.Kind.allCases`.
    func writeRelationLines(_ values: [Relation], changes: CorpusDelta.Changes?, to url: (Relation.Kind) -> URL) throws {
        try locked {
            Self.forget(changes, in: &relations)
            for kind in Relation.Kind.allCases {
                try Self.write(values, where: { $0.pointee.kind == kind }, lines: &relations, changes: changes, forgotten: true, to: url(kind))
            }
        }
    }

    /// Forgets every line: after a write that failed, the lines held may be those of a corpus that was not swapped in.
    func removeAll() {
        locked { (documents, claims, relations) = ([:], [:], [:]) }
        markdownSources.removeAll()
        htmlSources.removeAll()
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Drops the lines of the ids `changes` says are gone or arrived (every line, when what changed is not known): a line
    /// kept afterwards is that of a value unchanged since, so each value is looked up once.
    private static func forget(_ changes: CorpusDelta.Changes?, in lines: inout [String: [UInt8]]) {
        guard let changes else { return lines.removeAll(keepingCapacity: true) }
        for id in changes.gone { lines.removeValue(forKey: id) }
        for id in changes.arrived { lines.removeValue(forKey: id) }
    }

    /// Writes one line per value (of those `included` keeps) to `url`, reusing the line kept for each id `changes`
    /// does not name, and keeping each new line in `lines`. Values are read where they lie, and the lines reused
    /// are only read: neither is copied.
    /// - Parameter forgotten: true when the gone ids were already dropped from `lines`.
    private static func write<T: JSONLineWritable & Identified>(_ values: [T], where included: (UnsafePointer<T>) -> Bool = { _ in true },
                                                                lines: inout [String: [UInt8]], changes: CorpusDelta.Changes?,
                                                                forgotten: Bool = false, to url: URL) throws {
        if !forgotten { forget(changes, in: &lines) }
        try ExportFile.write(to: url) { file in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(ExportFile.bufferSize + ExportFile.bufferSize / 4)
            var writer = JSONLineWriter()
            try values.withUnsafeBufferPointer { values in
                for index in values.indices where included(values.baseAddress! + index) {
                    let key = values[index].id
                    if changes != nil, let kept = lines[key] {
                        buffer.append(contentsOf: kept)
                    } else {
                        writer.removeAll()
                        try writer.writeLine(values[index])
                        buffer.append(contentsOf: writer.bytes)
                        lines[key] = writer.bytes
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
