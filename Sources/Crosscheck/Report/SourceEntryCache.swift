import Foundation

/// The entries of a report's sources section as the last write rendered them, for a writer that writes nearly the
/// same corpus again and again (the watcher). A source's entry is reused when everything it shows is as it was: its
/// number, its document, its trust, its sections with their claims and, in the HTML report, the listed relations and
/// the count of the others on each claim. Rendering every source's claims was most of the reports' time.
final class SourceEntryCache: @unchecked Sendable {
    /// Everything an entry shows.
    struct Key: Equatable {
        var number: Int
        var document: Document
        var trust: SourceTrust?
        var sections: [[String]]
        /// Each section's claims, as places in `allClaims`: the report's claims array, shared by every key rather than
        /// copied claim by claim (the copies, and letting them go, were a third of the reports' time in a watcher).
        var claims: [[Int]]
        var allClaims: [Claim]
        /// For each claim (in order), its listed relations (kind and id) and how many others it takes part in.
        var relations: [[String]] = []
        var unlisted: [Int] = []

        init(_ source: ReportContent.Source, number: Int, content: ReportContent, withRelations: Bool) {
            (self.number, document, trust) = (number, source.document, source.trust)
            sections = source.sections.map(\.path)
            claims = source.sections.map(\.claims)
            allClaims = content.claims
            guard withRelations else { return }
            for section in source.sections {
                for index in section.claims {
                    relations.append((content.relationsByClaim[content.claims[index].id] ?? []).map { $0.kind.rawValue + " " + $0.id })
                    unlisted.append(content.unlistedRelations(ofClaimAt: index))
                }
            }
        }

        /// Equal when they show the same: the claims are compared where they lie in each key's array.
        static func == (a: Key, b: Key) -> Bool {
            guard a.number == b.number, a.document == b.document, a.trust == b.trust, a.sections == b.sections,
                  a.relations == b.relations, a.unlisted == b.unlisted, a.claims.count == b.claims.count
            else { return false }
            return a.allClaims.withUnsafeBufferPointer { x in
                b.allClaims.withUnsafeBufferPointer { y in
                    zip(a.claims, b.claims).allSatisfy { p, q in
                        p.count == q.count && zip(p, q).allSatisfy { BitwiseSame.values(x.baseAddress! + $0, y.baseAddress! + $1) }
                    }
                }
            }
        }
    }

    private var entries: [String: (key: Key, text: String)] = [:]
    private var next: [String: (key: Key, text: String)] = [:]
    private var reused = 0
    /// How many entries the last write took as they were.
    private(set) var reusedLastWrite = 0
    private let lock = NSLock()

    /// The entry of `source`: the one kept when its key is unchanged, else `render()`'s. Kept for the next write.
    func entry(for key: Key, render: () -> String) -> String {
        let id = key.document.id
        let kept = lock.withLock { entries[id] }.flatMap { $0.key == key ? $0.text : nil }
        let text = kept ?? render()
        lock.withLock {
            next[id] = (key, text)
            if kept != nil { reused += 1 }
        }
        return text
    }

    /// Emits every source's entry in order: the kept one where its inputs are unchanged, else `render(source, number)`'s;
    /// all rendered when there is no cache. `withRelations`: the entries show each claim's relations (HTML).
    static func emitEntries(of content: ReportContent, from entries: SourceEntryCache?, withRelations: Bool,
                            render: (ReportContent.Source, Int) -> String, to emit: (String) throws -> Void) rethrows {
        for (index, source) in content.sources.enumerated() {
            guard let entries else {
                try emit(render(source, index + 1))
                continue
            }
            let key = Key(source, number: index + 1, content: content, withRelations: withRelations)
            try emit(entries.entry(for: key) { render(source, index + 1) })
        }
        entries?.finish()
    }

    /// Ends a write: the entries rendered or reused replace those kept.
    func finish() {
        lock.withLock { (entries, next, reusedLastWrite, reused) = (next, [:], reused, 0) }
    }

    /// Forgets every entry (after a write that failed).
    func removeAll() {
        lock.withLock { (entries, next) = ([:], [:]) }
    }
}
