import Dispatch
import Foundation

/// Settings of `crosscheck watch`.
public struct WatchOptions: Sendable {
    public var build: BuildOptions
    /// Seconds between scans when polling; nil watches with inotify (and polls only if that fails).
    public var pollInterval: Double?
    /// How long a path must be quiet after its last event before it is read.
    public var quietPeriod: Double
    /// A batch starts after at most this long, even while events keep arriving.
    public var maximumDelay: Double

    public init(build: BuildOptions, pollInterval: Double? = nil, quietPeriod: Double = 0.02, maximumDelay: Double = 1.0) {
        self.build = build
        self.pollInterval = pollInterval
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }
}

/// What the watcher tells its user.
public enum WatchReport: Sendable {
    /// The corpus is up to date with the inbox as found at start-up; watching begins.
    case ready(WatchBatch, polling: Bool)
    /// A batch of changes was applied and the corpus rewritten.
    case batch(WatchBatch)
    /// Something a person should know: events were lost and the inbox rescanned, watching fell back to polling.
    case notice(String)
}

/// Keeps a corpus folder up to date with an inbox: an incremental build after each settled burst of changes.
public final class InboxWatcher {
    public let options: WatchOptions
    private let build: IncrementalBuild
    private var watch: InotifyWatch?
    private var pollInterval: Double?

    public init(options: WatchOptions) throws {
        self.options = options
        try BatchBuild.checkFolders(options.build)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.build.inbox.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CrosscheckError.inboxMissing(path: options.build.inbox.path)
        }
        build = IncrementalBuild(options: options.build)
        pollInterval = options.pollInterval
    }

    /// Watches until `shouldStop` returns true (checked at least every 0.2 s), then finishes the batch in hand and returns.
    /// Throws when the inbox disappears or the corpus cannot be written.
    public func run(shouldStop: () -> Bool, report: (WatchReport) -> Void) throws {
        // Each update's old corpus is removed in the background, and its store kept for the next: gone before the watcher returns.
        defer {
            build.stop()
            AtomicFolder.waitForDiscards()
        }
        let root = options.build.inbox.standardizedFileURL.resolvingSymlinksInPath().path
        if pollInterval == nil {
            // Watch first, then scan: whatever arrives between the two is seen by one or the other.
            do throws(WatchFailure) {
                let watch = try InotifyWatch(root: root)
                try watch.watchTree("")
                self.watch = watch
            } catch {
                report(.notice(error.message))
                pollInterval = 2
            }
        }
        report(.ready(try build.update(force: true), polling: watch == nil))
        if let watch {
            try watchEvents(watch, shouldStop: shouldStop, report: report)
        } else {
            try poll(every: pollInterval ?? 2, shouldStop: shouldStop, report: report)
        }
    }

    private func poll(every interval: Double, shouldStop: () -> Bool, report: (WatchReport) -> Void) throws {
        var next = now() + interval
        while !shouldStop() {
            let wait = next - now()
            if wait > 0 {
                usleep(UInt32(min(wait, 0.2) * 1_000_000))
                continue
            }
            let batch = try build.update()
            if !batch.isEmpty { report(.batch(batch)) }
            next = now() + interval
        }
    }

    private func watchEvents(_ watch: InotifyWatch, shouldStop: () -> Bool, report: (WatchReport) -> Void) throws {
        var lastEvent: [String: Double] = [:]  // path → time of its last event, until a batch takes it
        var writing: [String: Double] = [:]  // written to, not yet closed: time of the last write
        var dirtySince: Double?
        var latest = 0.0
        while true {
            let stopping = shouldStop()
            var timeout = 0.2
            if let dirtySince, !stopping { timeout = max(0.001, min(latest + options.quietPeriod, dirtySince + options.maximumDelay) - now()) }
            let events: [InboxEvent]
            do throws(WatchFailure) {
                events = stopping ? [] : try watch.events(timeout: timeout)
            } catch {
                report(.notice(error.message))
                self.watch = nil
                if dirtySince != nil { report(.batch(try build.update())) }
                return try poll(every: 2, shouldStop: shouldStop, report: report)
            }
            let time = now()
            for event in events {
                switch event.kind {
                case .overflow:
                    report(.notice("the kernel's event queue overflowed (more than fs.inotify.max_queued_events changes at once); rescanning the inbox"))
                    // The closes of writes may be among the events lost: the rescan reads every file, and a file still
                    // being written makes new events.
                    writing.removeAll()
                case .inboxGone:
                    throw CrosscheckError.inboxMissing(path: options.build.inbox.path)
                case .folderArrived:
                    do throws(WatchFailure) {
                        try watch.watchTree(event.path)
                    } catch {
                        report(.notice(error.message))
                        self.watch = nil
                        report(.batch(try build.update()))
                        return try poll(every: 2, shouldStop: shouldStop, report: report)
                    }
                case .folderLeft:
                    watch.unwatchTree(event.path)
                case .modified:
                    // A write in progress: wait for the close (or a move) before reading.
                    writing[event.path] = time
                    lastEvent[event.path] = time
                    continue
                case .written, .movedIn, .movedOut, .deleted:
                    writing[event.path] = nil
                case .attributes:
                    break
                }
                lastEvent[event.path] = time
                latest = time
                if dirtySince == nil { dirtySince = time }
            }
            // A writer that has gone quiet for long without closing is taken as done: its file needs a batch too.
            if dirtySince == nil, writing.values.contains(where: { time - $0 >= Self.abandonedWrite }) { (dirtySince, latest) = (time, time) }
            guard let since = dirtySince else {
                if stopping { return }
                continue
            }
            let settled = time - latest >= options.quietPeriod || time - since >= options.maximumDelay
            guard settled || stopping else { continue }
            writing = writing.filter { time - $0.value < Self.abandonedWrite }
            let recent = lastEvent.filter { time - $0.value < options.quietPeriod }.keys
            let deferred = stopping ? Set(writing.keys) : Set(writing.keys).union(recent)
            let batch = try build.update(deferring: deferred)
            if !batch.isEmpty { report(.batch(batch)) }
            lastEvent = lastEvent.filter { deferred.contains($0.key) }
            // Paths still settling are read once they are quiet; files still open for writing, when closed.
            dirtySince = recent.isEmpty || stopping ? nil : now()
            if stopping { return }
        }
    }

    /// Seconds after its last write that a file never closed is read as it stands.
    static let abandonedWrite = 30.0

    private func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
