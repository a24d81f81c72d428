#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A change the kernel reported in the inbox, by path relative to it.
struct InboxEvent: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A file was closed after writing: complete, as far as its writer is concerned.
        case written
        /// Bytes were written; the writer may still be at it.
        case modified
        /// Moved in from elsewhere (or renamed within the inbox): complete.
        case movedIn
        case movedOut
        case deleted
        /// Permissions or times changed (a file made readable, a touch).
        case attributes
        /// A folder appeared (made or moved in): watch it, then scan it.
        case folderArrived
        /// A folder left (moved out or deleted): its watches go.
        case folderLeft
        /// The kernel's queue overflowed and events were lost: only a full scan can tell what changed.
        case overflow
        /// The inbox itself was deleted or moved.
        case inboxGone
    }

    var kind: Kind
    var path: String
}

/// Why watching could not start or go on.
enum WatchFailure: Error, Equatable {
    /// The per-user limit of inotify watches (or instances) is reached.
    case outOfWatches(String)
    case failed(String)

    var message: String {
        switch self {
        case .outOfWatches(let detail):
            "\(detail); raise the limit with 'sudo sysctl fs.inotify.max_user_watches=524288' (and fs.inotify.max_user_instances), "
                + "or use --poll SECONDS. Falling back to polling every 2 s."
        case .failed(let detail):
            "\(detail); falling back to polling every 2 s."
        }
    }
}

/// inotify on the inbox and every folder below it (there is no DispatchSource for files on Linux).
/// Folders are watched first and scanned after, so files that arrive in a new folder are not missed.
final class InotifyWatch {
    private let descriptor: Int32
    private let root: String
    private var folderOfWatch: [Int32: String] = [:]
    private var watchOfFolder: [String: Int32] = [:]
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)

    private static let folderMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_MODIFY | IN_ATTRIB
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    init(root: String) throws(WatchFailure) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            if errno == EMFILE { throw .outOfWatches("no more inotify instances can be made (fs.inotify.max_user_instances)") }
            throw .failed("inotify cannot be started: \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        self.root = root
    }

    deinit { close(descriptor) }

    /// Watches `relative` (a folder, "" for the inbox) and every folder below it.
    func watchTree(_ relative: String) throws(WatchFailure) {
        var pending = [relative]
        while let folder = pending.popLast() {
            let path = folder.isEmpty ? root : root + "/" + folder
            let watch = inotify_add_watch(descriptor, path, Self.folderMask)
            if watch < 0 {
                switch errno {
                case ENOSPC: throw .outOfWatches("the inotify watch limit is reached (fs.inotify.max_user_watches) while watching \(path)")
                case ENOENT, ENOTDIR: continue  // gone already; the scan will see it
                default: throw .failed("cannot watch \(path): \(String(cString: strerror(errno)))")
                }
            }
            if let previous = folderOfWatch[watch], previous != folder { watchOfFolder[previous] = nil }
            folderOfWatch[watch] = folder
            watchOfFolder[folder] = watch
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names where !Discovery.isIgnoredName(name) {
                var info = stat()
                let child = path + "/" + name
                if lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    pending.append(folder.isEmpty ? name : folder + "/" + name)
                }
            }
        }
    }

    /// Stops watching `relative` and the folders below it (it moved out or was deleted).
    func unwatchTree(_ relative: String) {
        for (folder, watch) in watchOfFolder where folder == relative || folder.hasPrefix(relative + "/") {
            inotify_rm_watch(descriptor, watch)
            watchOfFolder[folder] = nil
            folderOfWatch[watch] = nil
        }
    }

    /// Waits up to `timeout` seconds for events and returns those that arrived (none on time-out or signal).
    func events(timeout: Double) throws(WatchFailure) -> [InboxEvent] {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, Int32(max(0, timeout * 1000).rounded(.up)))
        if ready < 0 {
            if errno == EINTR { return [] }
            throw .failed("waiting for inotify failed: \(String(cString: strerror(errno)))")
        }
        guard ready > 0 else { return [] }
        var events: [InboxEvent] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { break }
                throw .failed("reading inotify events failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            parse(count: count, into: &events)
        }
        return events
    }

    private func parse(count: Int, into events: inout [InboxEvent]) {
        buffer.withUnsafeBytes { raw in
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let watch = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += header + length
                if let event = event(watch: watch, mask: mask, name: name) { events.append(event) }
            }
        }
    }

    private func event(watch: Int32, mask: UInt32, name: String) -> InboxEvent? {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return InboxEvent(kind: .overflow, path: "") }
        guard let folder = folderOfWatch[watch] else { return nil }
        if mask & UInt32(IN_IGNORED) != 0 {
            folderOfWatch[watch] = nil
            if watchOfFolder[folder] == watch { watchOfFolder[folder] = nil }
            return nil
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            return folder.isEmpty ? InboxEvent(kind: .inboxGone, path: "") : nil
        }
        guard !name.isEmpty, !Discovery.isIgnoredName(name) else { return nil }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return InboxEvent(kind: .folderArrived, path: path) }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { return InboxEvent(kind: .folderLeft, path: path) }
            return nil
        }
        if mask & UInt32(IN_CLOSE_WRITE) != 0 { return InboxEvent(kind: .written, path: path) }
        if mask & UInt32(IN_MOVED_TO) != 0 { return InboxEvent(kind: .movedIn, path: path) }
        if mask & UInt32(IN_MOVED_FROM) != 0 { return InboxEvent(kind: .movedOut, path: path) }
        if mask & UInt32(IN_DELETE) != 0 { return InboxEvent(kind: .deleted, path: path) }
        if mask & UInt32(IN_MODIFY) != 0 { return InboxEvent(kind: .modified, path: path) }
        if mask & UInt32(IN_ATTRIB) != 0 { return InboxEvent(kind: .attributes, path: path) }
        return nil  // IN_CREATE of a file: never acted on; its close-after-write follows
    }
}
