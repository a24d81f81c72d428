import Foundation

/// Writes a corpus folder: `corpus.sqlite`, then the exports read back from it, all staged in a
/// sibling folder and swapped in at once, so a crash leaves the old corpus or the new one, never half.
public enum CorpusWriter {
    /// The files a corpus folder holds. Anything else found in the folder (a `.gitkeep`) is carried over.
    public static let fileNames = [storeName, "documents.jsonl", "claims.jsonl"] + Relation.Kind.allCases.map(\.fileName)
        + ["citations.json", "citations.bib", "report.md", "report.html", "manifest.json"]

    /// Writes `corpus` to `output`. Throws `CrosscheckError.outputNotWritable` with the previous corpus left in place.
    public static func write(_ corpus: Corpus, to output: URL) throws {
        var timings = StageTimings()
        try write(corpus, to: output, timings: &timings)
    }

    /// The exports are rendered from the same corpus value the store holds (the store round-trips it exactly,
    /// which the tests check), so the build need not read the database back. With more than one job the
    /// database and the exports are written at the same time.
    /// `extraFiles` (name, content) are written into the same folder, swapped in with the corpus they go with;
    /// `cache` keeps the JSON lines of one write for the next.
    ///
    /// With `previous`, the corpus the output folder holds (as the last write left it, or as it was read), and `delta`,
    /// what differs from its corpus to this one when the caller worked it out already (else it is worked out here), the new
    /// store starts as a copy of the old one and only the rows that differ are deleted and inserted, and the export
    /// lines of values that did not change are taken from `cache`. When the folder's `corpus.sqlite` is no longer
    /// the file `previous` describes, every row is written.
    ///
    /// With `keepsSpare` (a watcher, which writes again and again), the old folder's store is kept beside the output
    /// folder (`SpareStore`) rather than removed, and the next write builds on it instead of copying the current store;
    /// with `discardOldInBackground`, the rest of the old corpus is removed after this returns
    /// (`AtomicFolder.waitForDiscards()`).
    /// - Returns: The corpus as written, for the next write.
    @discardableResult
    static func write(_ corpus: Corpus, to output: URL, jobs: Int = 1, timings: inout StageTimings, extraFiles: [(String, Data)] = [],
                      cache: ExportLineCache? = nil, previous: WrittenCorpus? = nil, delta known: CorpusDelta? = nil, keepsSpare: Bool = false,
                      discardOldInBackground: Bool = false) throws -> WrittenCorpus? {
        let folder = AtomicFolder(target: output, discardsInBackground: discardOldInBackground)
        let storedPath = output.appendingPathComponent(storeName).path
        // The old store is built on only while it is the very file its corpus was read from or written to.
        let previous = previous.flatMap { $0.store == FileStamp(path: storedPath) ? $0 : nil }
        let sparePath = SpareStore.path(beside: output)
        // Likewise the spare, the store of the corpus before that.
        let spare = previous?.spare.flatMap { $0.stamp == FileStamp(path: sparePath.path) ? $0 : nil }
        var local = StageTimings()
        let delta = previous.map { previous in known ?? local.measure(.store) { CorpusDelta(from: previous.corpus, to: corpus, jobs: jobs) } }
        // A batch build's relations are made as they are read: the store, which reads every one, writes each one's JSON
        // line as it inserts it, so that each is made once.
        let relationLinesWithStore = cache == nil && previous == nil && corpus.relations.keyOrderKeepsEachKindsOrder
        // Made a chunk at a time, ahead of the store, by a thread done with its other exports.
        let relationsInKeyOrder = relationLinesWithStore ? RelationsInKeyOrder(corpus.relations) : nil
        let kept = keepsSpare && previous != nil ? (name: storeName, to: sparePath) : nil
        var isSpareKept = false
        do {
            isSpareKept = try folder.replace(keeping: kept) { staging in
                for (name, data) in extraFiles { try data.write(to: staging.appendingPathComponent(name)) }
                let stagedStore = staging.appendingPathComponent(storeName)
                @Sendable func saveStore() throws {
                    let store = SQLiteCorpusStore(path: stagedStore.path)
                    if let spare, let delta, rename(sparePath.path, stagedStore.path) == 0 {
                        do {
                            return try store.save(corpus, over: spare.corpus, delta: spare.delta.followed(by: delta))
                        } catch {
                            // The spare was the folder's store two writes ago: a reader still in a transaction on it
                            // keeps the update from committing. Start again from a copy of the current store.
                            try? FileManager.default.removeItem(at: stagedStore)
                        }
                    }
                    if let previous, let delta, (try? FileManager.default.copyItem(atPath: storedPath, toPath: stagedStore.path)) != nil {
                        try store.save(corpus, over: previous.corpus, delta: delta)
                    } else if let relationsInKeyOrder {
                        try? FileManager.default.removeItem(at: stagedStore)
                        try ExportFile.writeRelationLines(to: { staging.appendingPathComponent($0.fileName) }) { write in
                            try withoutActuallyEscaping(write) { try store.save(corpus, relationLines: (relationsInKeyOrder, $0)) }
                        }
                    } else {
                        try? FileManager.default.removeItem(at: stagedStore)
                        try store.save(corpus)
                    }
                }
                // The store and the groups of exports are independent: with more than one job they are written at once.
                let helper: [@Sendable () throws -> Void] = if let relationsInKeyOrder, jobs > 1 { [{ relationsInKeyOrder.helpMake() }] } else { [] }
                let tasks = [saveStore] + exportTasks(of: corpus, into: staging, cache: cache, delta: delta, relationLines: !relationLinesWithStore)
                    + helper
                let outcomes = ParallelMap.map(Array(tasks.indices), jobs: min(jobs, tasks.count), chunkSize: 1) { task -> (Result<Void, Error>, StageTimings) in
                    var taskTimings = StageTimings()
                    let result = Result<Void, Error> { try taskTimings.measure(task == 0 ? .store : .exports) { try tasks[task]() } }
                    return (result, taskTimings)
                }
                for (result, taskTimings) in outcomes {
                    local.merge(taskTimings)
                    try result.get()
                }
            }
        } catch {
            // The lines kept may be those of a corpus that was not swapped in.
            cache?.removeAll()
            timings.merge(local)
            throw error
        }
        timings.merge(local)
        // The old folder's store holds the previous corpus; the next write brings it from there to its own corpus.
        let newSpare = isSpareKept ? previous.flatMap { previous in
            FileStamp(path: sparePath.path).map { SpareStore(corpus: previous.corpus, stamp: $0, delta: delta ?? CorpusDelta()) }
        } : nil
        return FileStamp(path: storedPath).map { WrittenCorpus(corpus: corpus, store: $0, spare: newSpare) }
    }

    static let storeName = "corpus.sqlite"

    /// Writes the exports of a corpus into a folder (no staging): the files a person or a script reads.
    /// Each file is written as it is made, through a buffer of about a megabyte, never gathered whole first.
    /// `cache` holds the lines of the corpus `delta` starts from (or none): those of values `delta` leaves alone are reused.
    static func writeExports(of corpus: Corpus, into folder: URL, cache: ExportLineCache? = nil, delta: CorpusDelta? = nil) throws {
        for task in exportTasks(of: corpus, into: folder, cache: cache, delta: delta) { try task() }
    }

    /// The exports in groups that can be written at the same time: the Markdown report, the JSON lines, the HTML
    /// report (the two reports share what they show), and the citations with the manifest.
    /// - Parameter relationLines: false when the relations' lines are written with the store (`write`).
    static func exportTasks(of corpus: Corpus, into folder: URL, cache: ExportLineCache?, delta: CorpusDelta?,
                            relationLines: Bool = true) -> [@Sendable () throws -> Void] {
        @Sendable func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        let lines: @Sendable () throws -> Void = {
            if let cache {
                try cache.writeDocumentLines(corpus.documents, changes: delta?.documents, to: file("documents.jsonl"))
                try cache.writeClaimLines(corpus.claims, changes: delta?.claims, to: file("claims.jsonl"))
                // One file per kind, so that no relation appears twice.
                try cache.writeRelationLines(corpus.relations.values, changes: delta?.relations) { file($0.fileName) }
            } else {
                try ExportFile.writeLines(corpus.documents, to: file("documents.jsonl"))
                try ExportFile.writeLines(corpus.claims, to: file("claims.jsonl"))
                if relationLines { try ExportFile.writeLines(corpus.relations) { file($0.fileName) } }
            }
        }
        let citations: @Sendable () throws -> Void = {
            try ExportFile.write(JSONExport.document(corpus.documents.map(CSLItem.init(document:))), to: file("citations.json"))
            try ExportFile.write(BibTeX.render(corpus.documents), to: file("citations.bib"))
            try ExportFile.write(JSONExport.document(Manifest(corpus: corpus)), to: file("manifest.json"))
        }
        // The two reports show the same content, worked out once by whichever needs it first; with two jobs they are
        // written at the same time (the reports were the longest task of a watcher's update).
        let report = OnceComputed { ReportContent(corpus) }
        let markdown: @Sendable () throws -> Void = {
            try ExportFile.writePieces(to: file("report.md")) { emit in try MarkdownReport.write(report.value, entries: cache?.markdownSources, to: emit) }
        }
        let html: @Sendable () throws -> Void = {
            try ExportFile.writePieces(to: file("report.html")) { emit in try HTMLReport.write(report.value, entries: cache?.htmlSources, to: emit) }
        }
        return [markdown, lines, html, citations]
    }
}

/// A value worked out once, by the first thread that asks for it; the others wait for it.
final class OnceComputed<Value: Sendable>: @unchecked Sendable {
    private var computed: Value?
    private var make: (() -> Value)?
    private let lock = NSLock()

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let value = make!()
        (computed, make) = (value, nil)
        return value
    }
}

/// A corpus as a write left it in a folder (or as it was read from one): the corpus, and the stamp of the folder's
/// `corpus.sqlite` then, by which the next write knows the file still holds it.
struct WrittenCorpus: Sendable {
    var corpus: Corpus
    var store: FileStamp
    /// The store of the corpus written before this one, kept by a watcher for its next write.
    var spare: SpareStore?

    /// The corpus stored in `folder`, read with its stamp (nil when there is none, or it cannot be read).
    static func read(from folder: URL) -> WrittenCorpus? {
        let path = folder.appendingPathComponent(CorpusWriter.storeName).path
        guard let stamp = FileStamp(path: path), let corpus = try? SQLiteCorpusStore(path: path).load(),
              FileStamp(path: path) == stamp
        else { return nil }
        return WrittenCorpus(corpus: corpus, store: stamp)
    }
}

/// The store of the corpus a watcher wrote before its last write: the old folder's `corpus.sqlite`, moved beside the
/// output folder (`.Output.spare-corpus.sqlite`) when the new corpus was swapped in. The next write moves it into its
/// staging folder and applies what changed over the last two writes, instead of copying the current store whole (a
/// copy of 35 MB at 1,000 documents, an eighth of an update). A watcher removes it when it stops, and at start-up the
/// one a killed watcher left.
struct SpareStore: Sendable {
    /// What the file holds.
    var corpus: Corpus
    /// The file as it was left: a spare that is not this file any more is not built on.
    var stamp: FileStamp
    /// From `corpus` to the corpus written last.
    var delta: CorpusDelta

    /// Where the spare of the corpus folder `output` lies: a hidden file beside it.
    static func path(beside output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).spare-\(CorpusWriter.storeName)")
    }

    /// Removes the spare of `output`, if any.
    static func remove(beside output: URL) {
        unlink(path(beside: output).path)
    }
}
