import Dispatch
import Foundation

/// Settings of a batch build.
public struct BuildOptions: Sendable {
    public var inbox: URL
    public var output: URL
    /// How many files are read at once; 1 reads them one after another.
    public var jobs: Int
    /// Files larger than this are refused with a message, not read.
    public var maxFileSize: Int
    /// Called as the build moves on: once before reading, as each file is read (from the thread that read it,
    /// so possibly out of order), and when the claims are related and the corpus written. Never changes the result.
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public static let defaultMaxFileSize = 64 * 1024 * 1024

    public init(inbox: URL, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maxFileSize: Int = BuildOptions.defaultMaxFileSize) {
        self.inbox = inbox
        self.output = output
        self.jobs = max(1, jobs)
        self.maxFileSize = maxFileSize
    }
}

/// What a build did.
public struct BuildSummary: Sendable {
    /// The corpus built. For a build that found it already in the output folder (`foundUpToDate`), it is read from the
    /// folder's store the first time it is asked for (from the file found, whatever has become of the folder since); the
    /// summary itself needs only `counts` and `inputs`.
    public var corpus: Corpus { source.corpus }
    /// What the corpus holds.
    public var counts: CorpusCounts
    /// One entry per file considered, in path order: what became of it (the corpus's `inputs`).
    public var inputs: [InputRecord]
    /// True when the output folder already held the corpus this build would write: nothing was read, related or written.
    public var foundUpToDate: Bool { source.isStored }
    /// Entries discovery passed over on purpose (links out of the inbox, unsupported types).
    public var skipped: [Discovery.SkippedEntry]
    public var seconds: Double
    /// Time per stage, summed over files.
    public var timings: StageTimings
    /// Files not parsed again: the corpus this build replaced already held their bytes, read by this same program.
    public var reused: Int = 0
    /// Of those, the files not even opened: the record of the last build showed them unchanged.
    public var unopened: Int = 0
    private let source: CorpusSource

    init(corpus: Corpus, skipped: [Discovery.SkippedEntry], seconds: Double, timings: StageTimings, reused: Int, unopened: Int) {
        (counts, inputs, source) = (CorpusCounts(corpus), corpus.inputs, CorpusSource(corpus))
        (self.skipped, self.seconds, self.timings, self.reused, self.unopened) = (skipped, seconds, timings, reused, unopened)
    }

    init(foundIn store: SQLiteCorpusStore, opened: SQLiteCorpusStore.Opened, counts: CorpusCounts, inputs: [InputRecord],
         skipped: [Discovery.SkippedEntry], seconds: Double, timings: StageTimings, reused: Int, unopened: Int) {
        (self.counts, self.inputs, source) = (counts, inputs, CorpusSource(store: store, opened: opened))
        (self.skipped, self.seconds, self.timings, self.reused, self.unopened) = (skipped, seconds, timings, reused, unopened)
    }

    /// The files that could not be read, or were read with problems, with the reason (the corpus's `problems`).
    public var problems: [SourceProblem] { Corpus.problems(in: inputs) }

    /// True when some file was rejected or read with problems.
    public var isPartial: Bool { !problems.isEmpty }

    /// "8 documents, 97 sections, 180 claims, 1 contradiction, 12 changes, 20 agreements, 0 problems in 0.12 s"
    public var line: String {
        let counted = ReportContent.counted
        return [counted(counts.documents, "document", nil), counted(counts.sections, "section", nil),
                counted(counts.claims, "claim", nil), counted(counts.relations(.contradiction), "contradiction", nil),
                counted(counts.relations(.changeOverTime), "change", nil), counted(counts.relations(.agreement), "agreement", nil),
                counted(problems.count, "problem", nil)].joined(separator: ", ") + " in \(String(format: "%.2f", seconds)) s"
    }
}

/// A build's corpus: in memory, or in the store a build found up to date, read when first asked for.
private final class CorpusSource: @unchecked Sendable {
    private let lock = NSLock()
    private var corpusRead: Corpus?
    private let stored: (store: SQLiteCorpusStore, opened: SQLiteCorpusStore.Opened)?

    init(_ corpus: Corpus) { (corpusRead, stored) = (corpus, nil) }

    init(store: SQLiteCorpusStore, opened: SQLiteCorpusStore.Opened) { (corpusRead, stored) = (nil, (store, opened)) }

    deinit { stored?.opened.close() }

    var isStored: Bool { stored != nil }

    var corpus: Corpus {
        lock.withLock {
            if let corpusRead { return corpusRead }
            let (store, opened) = stored!
            // The file was read moments before and is still open: only damage done since can keep it from being read,
            // and the corpus then says so, as its one input.
            let corpus = (try? store.load(from: opened, relations: true)) ?? Corpus(documents: [], claims: [], inputs: [
                InputRecord(path: store.path, sha256: nil, bytes: 0, status: .rejected, document: nil,
                            reason: "the corpus found up to date could no longer be read from its store"),
            ])
            corpusRead = corpus
            return corpus
        }
    }
}

/// The batch pipeline: discover → read (in parallel) → corpus → store and exports.
public enum BatchBuild {
    /// Builds the corpus of `options.inbox` and writes it to `options.output`.
    public static func run(_ options: BuildOptions) throws -> BuildSummary {
        let started = DispatchTime.now()
        var timings = StageTimings()
        try checkFolders(options)
        let scanned = InboxRecord.now()
        let scan = try timings.measure(.discover) { try Discovery(inbox: options.inbox).scan() }
        // A folder a killed run left half swapped is put back, and what such runs left beside it removed, before the
        // record of what was read is taken from it.
        AtomicFolder(target: options.output).tidy()
        let record = timings.measure(.read) { InboxRecord.load(from: options.output) }
        if let found = timings.measure(.read, { corpusUpToDate(for: scan, record: record, options: options) }) {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return BuildSummary(foundIn: found.store, opened: found.opened, counts: found.counts, inputs: found.inputs, skipped: scan.skipped,
                                seconds: seconds, timings: timings, reused: scan.files.count, unopened: found.unopened)
        }
        // A rebuild into the same folder reads again only the files whose bytes the stored corpus does not hold.
        let reuse = timings.measure(.read) { ReadCache(storedIn: options.output, record: record) }
        let reading = makeCorpusTimed(
            files: scan.files, refused: scan.skipped.filter(\.isRefused), jobs: options.jobs, maxFileSize: options.maxFileSize,
            reuse: reuse, scanned: scanned, progress: options.progress)
        let read = reading.corpus
        timings.merge(reading.timings)
        FreedMemory.returnToSystem()
        options.progress?(BuildProgress(stage: .relating, filesDone: scan.files.count, filesTotal: scan.files.count))
        let corpus = timings.measure(.relations) { RelationEngine.relate(read, jobs: options.jobs) }
        FreedMemory.returnToSystem()
        options.progress?(BuildProgress(stage: .writing, filesDone: scan.files.count, filesTotal: scan.files.count))
        // The record of what was read goes into the same folder, swapped in with the corpus it describes: the next
        // build, or a watcher started on this folder, knows which files it need not read again.
        // The store is written whole, so that a build gives the same bytes whatever the folder held. (Building on the old
        // store, as the watcher does, means keeping the old corpus in memory beside the new one and comparing every
        // relation: at 10,000 documents that took peak memory from 0.7 to 1.2 GB and saved 2 s of 21.)
        try CorpusWriter.write(corpus, to: options.output, jobs: options.jobs, timings: &timings,
                               extraFiles: [(InboxRecord.fileName, reading.record.encoded())])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return BuildSummary(corpus: corpus, skipped: scan.skipped, seconds: seconds, timings: timings, reused: reading.reused,
                            unopened: reading.unopened)
    }

    /// The store of the output folder, opened, with what it holds counted, when it holds the very corpus this build
    /// would write: `record`, the record beside it (empty unless this program made it), shows every file of the scan unchanged since it was read
    /// and none gone (a file changed just before it was recorded is read and hashed to know), none is now over the size
    /// limit, discovery refused the same entries, and every file of a corpus folder is there. Nil otherwise.
    /// Nothing is then read, related or written, and the corpus is not loaded (`BuildSummary.corpus` loads it if asked).
    /// - Returns: also how many files were not even opened (the others were hashed).
    static func corpusUpToDate(for scan: Discovery.Result, record: InboxRecord, options: BuildOptions)
        -> (store: SQLiteCorpusStore, opened: SQLiteCorpusStore.Opened, counts: CorpusCounts, inputs: [InputRecord], unopened: Int)? {
        // Everything that costs no reading is checked first; a file changed too close to the last scan for its stamp to
        // tell (see `InboxRecord.trustedAge`) is hashed last, so that no file is read when something else has changed.
        var changedNearTheScan: [(file: InboxFile, sha256: String)] = []
        guard record.scanned != nil, record.entries.count == scan.files.count,
              scan.files.allSatisfy({ file in
                  guard let stamp = file.stamp, stamp.size <= options.maxFileSize, let entry = record.entries[file.relativePath],
                        entry.stamp == stamp, let sha256 = entry.sha256
                  else { return false }
                  if record.unchangedEntry(at: file.relativePath, stamp: stamp, maxFileSize: options.maxFileSize) == nil {
                      changedNearTheScan.append((file, sha256))
                  }
                  return true
              }),
              CorpusWriter.fileNames.allSatisfy({ FileManager.default.fileExists(atPath: options.output.appendingPathComponent($0).path) })
        else { return nil }
        let store = SQLiteCorpusStore(path: options.output.appendingPathComponent(CorpusWriter.storeName).path)
        guard let opened = try? store.openForReading() else { return nil }
        guard let (counts, inputs) = try? store.summary(of: opened),
              record.refusedPaths(in: inputs) == Set(scan.skipped.filter(\.isRefused).map(\.relativePath)),
              changedNearTheScan.allSatisfy({ (try? readBytes(of: $0.file, maxFileSize: options.maxFileSize)).map(Hashing.sha256Hex) == $0.sha256 })
        else {
            opened.close()
            return nil
        }
        let unopened = scan.files.count - changedNearTheScan.count
        return (store, opened, counts, inputs, unopened)
    }

    /// Refuses an output folder inside the inbox (the corpus would read itself) or one that holds the inbox.
    static func checkFolders(_ options: BuildOptions) throws {
        let inbox = options.inbox.standardizedFileURL.resolvingSymlinksInPath().path
        let output = options.output.standardizedFileURL.resolvingSymlinksInPath().path
        if output == inbox || output.hasPrefix(inbox + "/") || inbox.hasPrefix(output + "/") {
            throw CrosscheckError.outputInsideInbox(output: options.output.path, inbox: options.inbox.path)
        }
    }

    /// Reads every file and assembles the corpus. The result does not depend on `jobs` or on timing.
    public static func makeCorpus(files: [InboxFile], jobs: Int, maxFileSize: Int) -> Corpus {
        makeCorpusTimed(files: files, jobs: jobs, maxFileSize: maxFileSize).corpus
    }

    /// The corpus of some files, what reading them cost, and the record of what was read.
    struct Reading {
        var corpus: Corpus
        var timings: StageTimings
        var record: InboxRecord
        /// Files whose reading came from `reuse`, not from the pipeline.
        var reused: Int
        /// Of those, the files not even opened (`ReadCache.outcome(ofUnchanged:maxFileSize:)`).
        var unopened: Int
    }

    /// - Parameter scanned: when the inbox was scanned for `files` (`InboxRecord.scanned`).
    static func makeCorpusTimed(
        files: [InboxFile], refused: [Discovery.SkippedEntry] = [], jobs: Int, maxFileSize: Int, reuse: ReadCache = ReadCache(),
        scanned: Int64? = nil, progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) -> Reading {
        let files = files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        let done = ResultSlots<Int>.Counter()
        progress?(BuildProgress(stage: .reading, filesDone: 0, filesTotal: files.count))
        let results = ParallelMap.map(files, jobs: jobs, chunkSize: 1) { [total = files.count] file in
            defer { progress?(BuildProgress(stage: .reading, filesDone: done.increment() + 1, filesTotal: total)) }
            var timings = StageTimings()
            var sha256: String?
            var (reused, unopened) = (false, false)
            let result = Result { () throws(SourceProblem) -> SourceProcessor.Processed in
                // A file the record shows unchanged is not read: its recorded hash names what reading it gave.
                if let (outcome, hash) = reuse.outcome(ofUnchanged: file, maxFileSize: maxFileSize) {
                    (sha256, reused, unopened) = (hash, true, true)
                    return try ReadCache.relocate(outcome, to: file.relativePath).get()
                }
                let bytes = try timings.measure(.read) { () throws(SourceProblem) in try readBytes(of: file, maxFileSize: maxFileSize) }
                let hash = timings.measure(.decode) { Hashing.sha256Hex(bytes) }
                sha256 = hash
                if let outcome = reuse[hash, file.declaredFormat] {
                    reused = true
                    return try ReadCache.relocate(outcome, to: file.relativePath).get()
                }
                return try SourceProcessor.process(bytes: bytes, path: file.relativePath, declaredFormat: file.declaredFormat, sha256: hash)
            }
            if case .success(let processed) = result, !reused { timings.merge(processed.timings) }
            return (result: result, timings: timings, sha256: sha256, reused: reused, unopened: unopened)
        }
        var timings = StageTimings()
        var record = InboxRecord(reader: InboxRecord.currentReader)
        record.scanned = scanned
        for (file, outcome) in zip(files, results) {
            timings.merge(outcome.timings)
            if let stamp = file.stamp ?? FileStamp(path: file.url) {
                record.entries[file.relativePath] = InboxRecord.Entry(stamp: stamp, sha256: outcome.sha256)
            }
        }
        return Reading(corpus: assemble(files: files, results: results.map(\.result), refused: refused), timings: timings, record: record,
                       reused: results.filter(\.reused).count, unopened: results.filter(\.unopened).count)
    }

    /// The corpus of the files as read; `refused` are entries discovery would not read (a link out of the inbox),
    /// recorded as rejected inputs so that the manifest names them.
    /// `citationKeys`: the base citation keys a watcher keeps from one update to the next.
    static func assemble(files: [InboxFile], results: [Result<SourceProcessor.Processed, SourceProblem>], refused: [Discovery.SkippedEntry] = [],
                         citationKeys: CitationKeys.Memo? = nil) -> Corpus {
        var documents: [Document] = []
        var claimsByDocument: [String: [Claim]] = [:]
        var inputs: [InputRecord] = []
        var firstPathOfDocument: [String: String] = [:]
        for (file, result) in zip(files, results) {
            switch result {
            case .failure(let problem):
                inputs.append(InputRecord(path: file.relativePath, sha256: nil, bytes: file.size, status: .rejected, document: nil, reason: problem.reason))
            case .success(let processed):
                let document = processed.document
                if let first = firstPathOfDocument[document.id] {
                    inputs.append(InputRecord(path: file.relativePath, sha256: document.source.sha256, bytes: document.source.bytes, status: .duplicate,
                                              document: document.id, reason: "same content as \(first); the corpus holds it once"))
                    continue
                }
                firstPathOfDocument[document.id] = file.relativePath
                documents.append(document)
                claimsByDocument[document.id] = processed.claims
                let problems = processed.warnings
                inputs.append(InputRecord(path: file.relativePath, sha256: document.source.sha256, bytes: document.source.bytes,
                                          status: problems.isEmpty ? .ok : .readWithProblems, document: document.id,
                                          reason: problems.isEmpty ? nil : problems.joined(separator: "; ")))
            }
        }
        if !refused.isEmpty {
            inputs += refused.map { InputRecord(path: $0.relativePath, sha256: nil, bytes: 0, status: .rejected, document: nil, reason: $0.reason) }
            inputs.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        }
        CitationKeys.assign(to: &documents, memo: citationKeys)
        // Reserved at its final size: grown claim by claim, the array's unused room stayed for the whole build.
        var claims: [Claim] = []
        claims.reserveCapacity(documents.reduce(0) { $0 + (claimsByDocument[$1.id]?.count ?? 0) })
        for document in documents {
            for var claim in claimsByDocument[document.id] ?? [] {
                claim.citationKey = document.citationKey
                claims.append(claim)
            }
        }
        return Corpus(documents: documents, claims: claims, inputs: inputs)
    }

    /// Reads a file whole, refusing one over the size limit; failures become a message about that file.
    ///
    /// The file may have changed since discovery: it is opened without following a final symbolic link and
    /// without blocking (a FIFO put in its place would wait for a writer forever), then must still be a
    /// regular file. The size limit is checked on the open file, before anything is read.
    static func readBytes(of file: InboxFile, maxFileSize: Int) throws(SourceProblem) -> [UInt8] {
        let descriptor = open(file.url, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = switch errno {
            case EACCES, EPERM: "permission denied; make the file readable (chmod +r) or remove it"
            case ENOENT: "the file disappeared before it could be read"
            case ELOOP: "the file became a symbolic link before it could be read; not followed"
            default: "cannot be opened: \(String(cString: strerror(errno)))"
            }
            throw SourceProblem(path: file.relativePath, reason: reason)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SourceProblem(path: file.relativePath, reason: "cannot be examined: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SourceProblem(path: file.relativePath, reason: "not a regular file (it was replaced by a folder, a device or a pipe before it could be read)")
        }
        let size = Int(info.st_size)
        guard size <= maxFileSize else {
            throw SourceProblem(path: file.relativePath, reason: "the file is \(ByteCount.describe(size)), over the limit of \(ByteCount.describe(maxFileSize)); "
                + "raise it with --max-file-size if it is really a source")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SourceProblem(path: file.relativePath, reason: "reading failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }
}

/// Sizes for people, in the units of `--max-file-size` (a megabyte is 1,048,576 bytes): "64 MB", "64.5 MB", "1.0 GB".
enum ByteCount {
    static func describe(_ bytes: Int) -> String {
        let value = Double(bytes)
        if value >= 1024 * 1024 * 1024 { return String(format: "%.1f GB", value / (1024 * 1024 * 1024)) }
        if value >= 1024 * 1024 {
            let megabytes = value / (1024 * 1024)
            return String(format: megabytes == megabytes.rounded() ? "%.0f MB" : "%.1f MB", megabytes)
        }
        if value >= 1024 { return String(format: "%.0f KB", value / 1024) }
        return "\(bytes) bytes"
    }
}

/// Output slots filled from several threads; each slot is written once, under a lock.
final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private var storage: [Output?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Output) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// The slot's value, if it was set.
    subscript(index: Int) -> Output? {
        lock.withLock { storage[index] }
    }

    var values: [Output] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0! }
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()

        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value - 1
        }
    }
}
