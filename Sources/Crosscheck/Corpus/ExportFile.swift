import Foundation

/// A file of the corpus folder written piece by piece, so that a large export (claims and relations run to
/// hundreds of megabytes) is never held whole in memory, let alone twice as `Data` and as a `String`.
///
/// Its failures are `NSError`s in the POSIX domain, which `AtomicFolder.describe` turns into the system's
/// sentence ("No space left on device"), as it does for `Data.write(to:)`.
struct ExportFile {
    /// How much of an export is gathered in memory before it is written: about a megabyte.
    static let bufferSize = 1 << 20

    let path: String
    private let descriptor: Int32

    /// Creates (or empties) the file at `url`, hands it to `body`, and closes it, also when `body` throws.
    static func write(to url: URL, _ body: (ExportFile) throws -> Void) throws {
        let file = try ExportFile(creating: url.path)
        do {
            try body(file)
        } catch {
            _ = closeDescriptor(file.descriptor)
            throw error
        }
        try file.close()
    }

    /// Writes `text` as UTF-8 to a new file at `url`, without copying it into a `Data` first.
    static func write(_ text: String, to url: URL) throws {
        try write(to: url) { try $0.write(text) }
    }

    static func write(_ data: Data, to url: URL) throws {
        try write(to: url) { file in try data.withUnsafeBytes { try file.write($0) } }
    }

    /// Writes the text `body` hands out piece by piece, a buffer of about `bufferSize` bytes at a time.
    static func writePieces(to url: URL, _ body: ((String) throws -> Void) throws -> Void) throws {
        try write(to: url) { file in
            var buffer = ""
            buffer.reserveCapacity(bufferSize + bufferSize / 4)
            try body { piece in
                buffer += piece
                if buffer.utf8.count >= bufferSize {
                    try file.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try file.write(buffer)
        }
    }

    /// Writes each value (of those `included` keeps) as one JSON line, a buffer of about `bufferSize` bytes at a time.
    /// Values are read where they lie in the array, and `included` is handed each one's place: iterating, or passing a
    /// value to the test, copied each one, retaining every string it holds (a sixth of the exports' time, and then,
    /// with one pass over the relations per kind, 3 % of a large build's).
    static func writeLines<Value: JSONLineWritable>(_ values: [Value], where included: (UnsafePointer<Value>) -> Bool = { _ in true },
                                                    to url: URL) throws {
        try write(to: url) { file in
            var writer = JSONLineWriter(capacity: bufferSize + bufferSize / 4)
            try values.withUnsafeBufferPointer { values in
                for index in values.indices where included(values.baseAddress! + index) {
                    try (values.baseAddress! + index).pointee.writeJSON(to: &writer)
                    writer.endLine()
                    if writer.bytes.count >= bufferSize {
                        try file.write(writer.bytes)
                        writer.removeAll()
                    }
                }
            }
            try file.write(writer.bytes)
        }
    }

    /// Writes each relation as one JSON line to its kind's file (`writeRelationLines`), in one pass over the relations:
    /// each is read in place or made for its line.
    static func writeLines(_ relations: RelationList, to url: (Relation.Kind) -> URL) throws {
        try writeRelationLines(to: url) { write in
            var line = JSONLineWriter()
            try relations.forEach { _, relation in
                line.removeAll()
                try line.writeLine(relation.pointee)
                try line.bytes.withUnsafeBytes { try write(relation.pointee.kind, $0) }
            }
        }
    }

    /// Opens the export of each kind of relation, hands `body` a function that appends one relation's JSON line to its
    /// kind's file (relations of one kind must come in their order), and closes the files. Each file is written
    /// through a buffer of about `bufferSize` bytes; a kind that gets no relation gets an empty file.
    static func writeRelationLines(to url: (Relation.Kind) -> URL,
                                   _ body: (_ write: (Relation.Kind, UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let kinds = Relation.Kind.allCases
        func open(_ files: [ExportFile]) throws {
            guard files.count == kinds.count else {
                return try write(to: url(kinds[files.count])) { file in try open(files + [file]) }
            }
            var buffers = kinds.map { _ in [UInt8]() }
            for index in buffers.indices { buffers[index].reserveCapacity(bufferSize + bufferSize / 4) }
            try body { kind, line in
                let kind = kind.rank
                buffers[kind].append(contentsOf: line)
                if buffers[kind].count >= bufferSize {
                    try files[kind].write(buffers[kind])
                    buffers[kind].removeAll(keepingCapacity: true)
                }
            }
            for (file, buffer) in zip(files, buffers) { try file.write(buffer) }
        }
        try open([])
    }

    private init(creating path: String) throws {
        self.path = path
        // The permissions `Data.write(to:)` gives a new file: rw for all, less the umask.
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.error(errno, path: path) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        let code = writeAll(descriptor, bytes)
        guard code == 0 else { throw Self.error(code, path: path) }
    }

    /// Closes the file; a failure here (a full disk on a network file system) is a failure to write it.
    private func close() throws {
        let code = closeDescriptor(descriptor)
        guard code == 0 else { throw Self.error(code, path: path) }
    }

    private static func error(_ code: Int32, path: String) -> NSError {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [NSFilePathErrorKey: path])
    }
}

// The system calls, at file scope where `write` and `close` are not the methods above.

/// Writes all of `bytes`, again after a signal or a short write. Returns 0, or the `errno` of the failure.
private func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard var next = bytes.baseAddress else { return 0 }
    var left = bytes.count
    while left > 0 {
        let written = write(descriptor, next, left)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        next += written
        left -= written
    }
    return 0
}

/// Returns 0, or the `errno` of the failure.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor) == 0 ? 0 : errno
}
