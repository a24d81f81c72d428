import Dispatch
import Foundation

/// Keeps a corpus folder equal to what a fresh build of the inbox would give, reading only the files
/// whose content is new. Each update scans the inbox, checks every file's stamp against the record,
/// reads and hashes only the files whose stamp changed, and reads through the pipeline only content it
/// has not seen; the corpus is then assembled and related as a batch build does, so the result is the
/// same by construction.
final class IncrementalBuild {
    let options: BuildOptions
    private(set) var record: InboxRecord
    /// The corpus last written (or found in the output folder at start), with the stamp of its store.
    private var written: WrittenCorpus?
    var corpus: Corpus? { written?.corpus }
    /// What reading each content gave.
    private var cache = ReadCache()
    /// The exports' JSON lines of the last write, reused for what did not change.
    private let lines = ExportLineCache()
    /// What the relation engine read from each document's claims, reused for the documents that did not change.
    private let readings = ClaimReadings()
    /// The documents' base citation keys, worked out once per document.
    private let citationKeys = CitationKeys.Memo()

    private typealias Outcome = ReadCache.Outcome

    /// - Parameter reader: who reads the files; a record or corpus written by another reader is not reused.
    init(options: BuildOptions, reader: String = InboxRecord.currentReader) {
        self.options = options
        // A watcher killed after swapping in its corpus but before removing the old one may have nothing to
        // write for a long time: tidy now, not at the next write.
        AtomicFolder(target: options.output).tidy()
        // Nothing is known of a spare store found now (a killed watcher's): it is not built on.
        SpareStore.remove(beside: options.output)
        record = InboxRecord.load(from: options.output, reader: reader)
        written = WrittenCorpus.read(from: options.output)
        // Documents in the stored corpus are reused only when this same program read them.
        if let corpus, !record.entries.isEmpty { cache = ReadCache(corpus: corpus) }
    }

    /// Brings the corpus up to date with the inbox. Files in `deferred` are being written: their last
    /// complete version is kept (or, when new, they wait for the next update).
    /// With `force`, the corpus is assembled and written even when no file changed (at start-up, in case the options did).
    func update(deferring deferred: Set<String> = [], force: Bool = false) throws -> WatchBatch {
        let started = DispatchTime.now()
        var timings = StageTimings()
        try BatchBuild.checkFolders(options)
        var newRecord = InboxRecord(reader: record.reader)
        newRecord.scanned = InboxRecord.now()
        let scan = try timings.measure(.discover) { try Discovery(inbox: options.inbox).scan() }
        var files: [InboxFile] = []
        var outcomes: [Outcome?] = []
        var toRead: [Int] = []
        for file in scan.files {
            let known = record.entries[file.relativePath]
            if deferred.contains(file.relativePath) {
                guard let known, let sha256 = known.sha256,
                      let outcome = cache[sha256, file.declaredFormat]
                else { continue }
                newRecord.entries[file.relativePath] = known
                files.append(file)
                outcomes.append(outcome)
                continue
            }
            guard let stamp = file.stamp ?? FileStamp(path: file.url) else { continue }  // gone since the scan
            files.append(file)
            if let known = record.unchangedEntry(at: file.relativePath, stamp: stamp, maxFileSize: options.maxFileSize), let sha256 = known.sha256,
               let outcome = cache[sha256, file.declaredFormat] {
                newRecord.entries[file.relativePath] = known
                outcomes.append(outcome)
            } else {
                newRecord.entries[file.relativePath] = InboxRecord.Entry(stamp: stamp, sha256: nil)
                outcomes.append(nil)
                toRead.append(files.count - 1)
            }
        }

        // New or changed files: read (and hash) them; content already seen under another name is not processed again.
        let snapshot = cache
        let maxFileSize = options.maxFileSize
        let readStarted = DispatchTime.now().uptimeNanoseconds
        let read = ParallelMap.map(toRead.map { files[$0] }, jobs: options.jobs, chunkSize: 1) { file -> (String?, Outcome) in
            do throws(SourceProblem) {
                let bytes = try BatchBuild.readBytes(of: file, maxFileSize: maxFileSize)
                let sha256 = Hashing.sha256Hex(bytes)
                if let outcome = snapshot[sha256, file.declaredFormat] { return (sha256, outcome) }
                return (sha256, Result { () throws(SourceProblem) in
                    try SourceProcessor.process(bytes: bytes, path: file.relativePath, declaredFormat: file.declaredFormat, sha256: sha256)
                })
            } catch {
                return (nil, .failure(error))
            }
        }
        timings.add(.read, Double(DispatchTime.now().uptimeNanoseconds - readStarted) / 1e9)
        for (index, (sha256, outcome)) in zip(toRead, read) {
            let path = files[index].relativePath
            newRecord.entries[path]?.sha256 = sha256
            outcomes[index] = outcome
        }

        // The cache keeps what the inbox holds now, nothing more.
        var newCache = ReadCache()
        for (file, outcome) in zip(files, outcomes) {
            guard let sha256 = newRecord.entries[file.relativePath]?.sha256, let outcome else { continue }
            newCache[sha256, file.declaredFormat] = outcome
        }

        // Nothing on disk differs from the record: the corpus written last is still the right one.
        let refused = scan.skipped.filter(\.isRefused)
        if newRecord.entries == record.entries, let corpus, !force, record.refusedPaths(in: corpus.inputs) == Set(refused.map(\.relativePath)) {
            // Every file was found as recorded or read again to the same content: the record holds for this scan's time.
            record = newRecord
            return WatchBatch(unchanged: corpus, started: started).finished(at: DispatchTime.now(), timings: timings)
        }

        let results = zip(files, outcomes).map { file, outcome in ReadCache.relocate(outcome!, to: file.relativePath) }
        let newCorpus = timings.measure(.relations) {
            let assembled = BatchBuild.assemble(files: files, results: results, refused: refused, citationKeys: citationKeys)
            return RelationEngine.relate(assembled, jobs: options.jobs, readings: readings)
        }
        // What changed since the corpus written last, worked out once: for the batch's counts and for the write.
        let delta = corpus.map { corpus in timings.measure(.store) { CorpusDelta(from: corpus, to: newCorpus, jobs: options.jobs) } }
        let batch = WatchBatch(old: (record, corpus), new: (newRecord, newCorpus), delta: delta, started: started)
        if newRecord.entries != record.entries || newCorpus != corpus {
            // The corpus written last is let go on a background thread once replaced (12 ms of an update at 1,000 documents).
            let retired = written
            written = try CorpusWriter.write(newCorpus, to: options.output, jobs: options.jobs, timings: &timings,
                                             extraFiles: [(InboxRecord.fileName, newRecord.encoded())], cache: lines, previous: written,
                                             delta: delta, keepsSpare: true, discardOldInBackground: true)
            FreedMemory.releaseInBackground(retired)
        }
        cache = newCache
        record = newRecord
        return batch.finished(at: DispatchTime.now(), timings: timings)
    }

    /// Removes what only a running watcher uses (the spare store beside the output folder); the next update makes it again.
    func stop() {
        written?.spare = nil
        SpareStore.remove(beside: options.output)
    }
}
