import Foundation

/// The watcher's record of the inbox: for each file, how it looked on disk when it was last read and the
/// hash of what was read. Events are hints; this record, checked against the disk, is the truth.
struct InboxRecord: Codable, Hashable, Sendable {
    /// One file as last read.
    struct Entry: Codable, Hashable, Sendable {
        var stamp: FileStamp
        /// SHA-256 of the content read; nil when the file was refused before reading (too large, unreadable).
        var sha256: String?
    }

    /// 2 since stamps hold the status change time: a record of version 1 is not trusted (every file is read once more).
    var version = 2
    /// Which program read the files: documents read by another version (or build) are read again.
    var reader = ""
    var entries: [String: Entry] = [:]
    /// When the inbox was scanned for these stamps, in nanoseconds since 1970; nil in a record that does not say.
    var scanned: Int64?

    /// How long before the scan a file must have been modified for its stamp to be trusted. A file's modification time
    /// moves with a clock that ticks every few milliseconds (every 2 s on FAT): a file written again within a tick of
    /// being read keeps its size and time, and only its content tells. A file modified this close to the scan is read
    /// again next time (hashed, and processed only if its content changed).
    static let trustedAge: Int64 = 2_000_000_000

    /// The entry of the file at `path` when its stamp now, `stamp`, shows it unchanged since it was read: the same
    /// stamp, taken when the file and its status had not changed for `trustedAge`. Nil means the file must be read to know, or, over
    /// `maxFileSize`, refused as reading it would refuse it.
    func unchangedEntry(at path: String, stamp: FileStamp, maxFileSize: Int) -> Entry? {
        guard stamp.size <= maxFileSize, let entry = entries[path], entry.stamp == stamp, let scanned,
              stamp.lastChange < scanned - Self.trustedAge
        else { return nil }
        return entry
    }

    /// The entries of a corpus that discovery refused (links not followed): its `inputs` that are not files of this record.
    func refusedPaths(in inputs: [InputRecord]) -> Set<String> {
        Set(inputs.filter { entries[$0.path] == nil }.map(\.path))
    }

    /// The time now, as `scanned` holds it.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Saved inside the output folder, so that it is swapped in with the corpus it describes.
    static let fileName = ".crosscheck-watch.json"

    /// The record saved in `folder`; an empty one when there is none, it cannot be read, or another reader wrote it
    /// (every file is then read anew).
    static func load(from folder: URL, reader: String = InboxRecord.currentReader) -> InboxRecord {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let record = try? JSONDecoder().decode(InboxRecord.self, from: data), record.version == 2, record.reader == reader
        else { return InboxRecord(reader: reader) }
        return record
    }

    /// This program: its version, and the size and time of its executable, so that a rebuilt or upgraded
    /// crosscheck never reuses documents an older one read.
    static let currentReader: String = {
        var info = stat()
        let executable = stat("/proc/self/exe", &info) == 0 ? " \(info.st_size)-\(info.st_mtim.tv_sec)" : ""
        return "crosscheck \(CrosscheckVersion.current)\(executable)"
    }()

    /// The record as JSON, keys sorted (as `JSONExport.encoder(pretty: false)` writes it). Written by hand: the encoder took
    /// 10 ms per 1,000 files, and a watcher writes the record at every update before its corpus.
    func encoded() -> Data {
        var writer = JSONLineWriter(capacity: 160 * entries.count + 256)
        writeJSON(to: &writer)
        return Data(writer.bytes)
    }
}

extension InboxRecord: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) {
        writer.beginObject()
        writer.key("entries")
        writer.beginObject()
        for (path, entry) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            writer.key(named: path)
            writer.beginObject()
            if let sha256 = entry.sha256 {
                writer.key("sha256")
                writer.string(sha256)
            }
            writer.key("stamp")
            writer.beginObject()
            writer.key("changed")
            writer.number(Int(entry.stamp.changed))
            writer.key("device")
            writer.number(entry.stamp.device)
            writer.key("inode")
            writer.number(entry.stamp.inode)
            writer.key("modified")
            writer.number(Int(entry.stamp.modified))
            writer.key("size")
            writer.number(entry.stamp.size)
            writer.endObject()
            writer.endObject()
        }
        writer.endObject()
        writer.key("reader")
        writer.string(reader)
        if let scanned {
            writer.key("scanned")
            writer.number(Int(scanned))
        }
        writer.key("version")
        writer.number(version)
        writer.endObject()
    }
}

/// What `stat` says of a file: enough to tell that it changed without reading it.
struct FileStamp: Codable, Hashable, Sendable {
    var size: Int
    /// Modification time in nanoseconds since 1970.
    var modified: Int64
    /// Status change time (ctime) in nanoseconds since 1970: moves with every write, and also with a change of
    /// permissions (a file made unreadable must be read again to be refused, as a fresh build would) or a modification
    /// time set back by hand.
    var changed: Int64
    var inode: UInt64
    var device: UInt64

    /// The later of the two times: when the file or its status last changed.
    var lastChange: Int64 { max(modified, changed) }

    /// The stamp of the file at `path` (following a final symbolic link), or nil when it is gone.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }
}
