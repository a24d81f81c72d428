import Foundation

/// Replaces a folder's content as one step: the new content is built in a staging folder beside it,
/// then the two folders are exchanged by `renameat2(RENAME_EXCHANGE)` (or, where that is missing,
/// two renames with recovery at the next run).
struct AtomicFolder {
    let target: URL
    /// Whether the old content, once swapped out, is removed on a background thread rather than before `replace`
    /// returns (a watcher's corpus is a hundred megabytes of files: removing them was a twentieth of an update).
    /// `waitForDiscards()` waits for the removals; the next replacement does so before it tidies the parent folder.
    let discardsInBackground: Bool

    init(target: URL, discardsInBackground: Bool = false) {
        self.target = target
        self.discardsInBackground = discardsInBackground
    }

    private var parent: URL { target.deletingLastPathComponent() }
    private var name: String { target.lastPathComponent }

    /// Fills a staging folder with `fill` and swaps it in for the target.
    /// - Parameter kept: a file of the old content (by name) to move to `to` instead of discarding it, once the new
    ///   content is in place. Only where the folders are exchanged in one step.
    /// - Returns: Whether `kept` was moved.
    @discardableResult
    func replace(keeping kept: (name: String, to: URL)? = nil, _ fill: (URL) throws -> Void) throws -> Bool {
        var isKept = false
        let fileManager = FileManager.default
        tidy()
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).staging-\(token)")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw CrosscheckError.outputNotWritable(path: target.path, reason: Self.describe(error))
        }
        do {
            try fill(staging)
            try carryOverForeignEntries(into: staging)
            fsyncFolder(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            // Name the output folder, not the staging folder just removed, and say that the old corpus stands.
            if case CrosscheckError.storeFailed(_, let reason) = error { throw CrosscheckError.outputNotWritable(path: target.path, reason: reason) }
            if let error = error as? CrosscheckError { throw error }
            throw CrosscheckError.outputNotWritable(path: target.path, reason: Self.describe(error))
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                try? fileManager.removeItem(at: staging)
                throw CrosscheckError.outputNotWritable(path: target.path, reason: "it exists and is not a folder")
            }
            if FolderExchange.exchange(staging.path, target.path) {
                // The staging folder now holds the old content.
                if let kept { isKept = rename(staging.appendingPathComponent(kept.name).path, kept.to.path) == 0 }
                discard(staging)
            } else {
                let old = parent.appendingPathComponent(".\(name).old-\(token)")
                do {
                    try fileManager.moveItem(at: target, to: old)
                    try fileManager.moveItem(at: staging, to: target)
                } catch {
                    if !fileManager.fileExists(atPath: target.path) { try? fileManager.moveItem(at: old, to: target) }
                    try? fileManager.removeItem(at: staging)
                    throw CrosscheckError.outputNotWritable(path: target.path, reason: Self.describe(error))
                }
                try? fileManager.removeItem(at: old)
            }
        } else {
            do {
                try fileManager.moveItem(at: staging, to: target)
            } catch {
                try? fileManager.removeItem(at: staging)
                throw CrosscheckError.outputNotWritable(path: target.path, reason: Self.describe(error))
            }
        }
        fsyncFolder(parent)
        return isKept
    }

    /// Puts back a folder a killed run left half-swapped and removes its staging and old folders; before
    /// reading the target (as a restarted watcher does), and before every replacement.
    func tidy() {
        Self.waitForDiscards()
        recoverInterruptedSwap()
        removeLeftovers()
    }

    /// Removes a folder of old content: now, or on the background queue.
    private func discard(_ folder: URL) {
        guard discardsInBackground else {
            try? FileManager.default.removeItem(at: folder)
            return
        }
        Self.discards.async(group: Self.pendingDiscards) { try? FileManager.default.removeItem(at: folder) }
    }

    private static let discards = DispatchQueue(label: "crosscheck.atomic-folder.discards")
    private static let pendingDiscards = DispatchGroup()

    /// Returns once every old content handed to the background queue is removed.
    static func waitForDiscards() {
        pendingDiscards.wait()
    }

    /// A crash between the two renames of the fallback leaves `.NAME.old-*` and no NAME: put it back.
    private func recoverInterruptedSwap() {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: target.path),
              let old = (try? fileManager.contentsOfDirectory(atPath: parent.path))?.sorted().last(where: { $0.hasPrefix(".\(name).old-") })
        else { return }
        try? fileManager.moveItem(at: parent.appendingPathComponent(old), to: target)
    }

    /// Staging and old folders of runs that were killed.
    private func removeLeftovers() {
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            try? fileManager.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Files in the old folder that a corpus does not write (`.gitkeep`, a user's notes) stay in the new one.
    private func carryOverForeignEntries(into staging: URL) throws {
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: target.path) else { return }
        // The watcher's record goes with the corpus it describes: never carried over to another one.
        let ours = Set(CorpusWriter.fileNames + CorpusWriter.fileNames.map { $0 + "-journal" } + ["corpus.sqlite-wal", "corpus.sqlite-shm", InboxRecord.fileName])
        for entry in entries where !ours.contains(entry) {
            let destination = staging.appendingPathComponent(entry)
            if fileManager.fileExists(atPath: destination.path) { continue }
            try fileManager.copyItem(at: target.appendingPathComponent(entry), to: destination)
        }
    }

    private func fsyncFolder(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        if nsError.domain == NSPOSIXErrorDomain, let message = strerror(Int32(nsError.code)) { return String(cString: message) }
        return nsError.localizedDescription
    }
}
