import Foundation

/// Finds the files of an inbox: recursively, sorted, skipping what is not a source.
///
/// Hidden files, editor temporaries (`x~`, `.#x`, `#x#`, `*.swp`), partial downloads (`*.part`,
/// `*.crdownload`, `*.tmp`) and files of other types are skipped. Symbolic links are followed only
/// when they resolve to a place inside the inbox.
public struct Discovery: Sendable {
    public var inbox: URL

    public init(inbox: URL) {
        self.inbox = inbox.standardizedFileURL
    }

    /// What a scan found.
    public struct Result: Sendable {
        public var files: [InboxFile]
        /// Entries passed over on purpose, with the reason (links out of the inbox, unsupported types).
        public var skipped: [SkippedEntry]
    }

    /// A file or link the scan did not take, and why.
    public struct SkippedEntry: Hashable, Sendable {
        public var relativePath: String
        public var reason: String
        /// True when the entry looks like a source the corpus will lack (a link not followed, a broken link, a
        /// folder that cannot be read): it is refused like a bad file, named in the manifest, and the run is partial.
        /// False for what is passed over on purpose (other file types, a folder already read through another path).
        public var isRefused = false
    }

    /// Lists the inbox. Throws when the inbox itself is missing or unreadable.
    public func scan() throws -> Result {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: inbox.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CrosscheckError.inboxMissing(path: inbox.path)
        }
        let root = inbox.resolvingSymlinksInPath().path
        var files: [InboxFile] = []
        var skipped: [SkippedEntry] = []
        var visitedDirectories: Set<String> = [root]
        try walk(directory: root, relative: "", root: root, files: &files, skipped: &skipped, visited: &visitedDirectories)
        files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        skipped.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return Result(files: files, skipped: skipped)
    }

    private func walk(
        directory: String, relative: String, root: String,
        files: inout [InboxFile], skipped: inout [SkippedEntry], visited: inout Set<String>
    ) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            if relative.isEmpty { throw CrosscheckError.inboxUnreadable(path: directory, reason: "\(error.localizedDescription)") }
            skipped.append(SkippedEntry(relativePath: relative, reason: "folder cannot be read; make it readable (chmod +rx) or remove it", isRefused: true))
            return
        }
        for name in names.sorted() {
            if Self.isIgnoredName(name) { continue }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }  // vanished since listing
            var target = path
            var targetInfo = info
            if (info.st_mode & S_IFMT) == S_IFLNK {
                let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard resolved == root || resolved.hasPrefix(root + "/") else {
                    skipped.append(SkippedEntry(relativePath: relativePath, reason: "symbolic link leads outside the inbox; not followed (copy the file into the inbox instead)", isRefused: true))
                    continue
                }
                guard stat(resolved, &targetInfo) == 0 else {
                    skipped.append(SkippedEntry(relativePath: relativePath, reason: "symbolic link is broken or loops", isRefused: true))
                    continue
                }
                target = resolved
            }
            switch targetInfo.st_mode & S_IFMT {
            case S_IFDIR:
                guard visited.insert(target).inserted else {
                    skipped.append(SkippedEntry(relativePath: relativePath, reason: "folder already visited (symbolic link loop)"))
                    continue
                }
                try walk(directory: target, relative: relativePath, root: root, files: &files, skipped: &skipped, visited: &visited)
            case S_IFREG:
                let format = Self.format(forName: name)
                if case .unsupported = format {
                    skipped.append(SkippedEntry(relativePath: relativePath, reason: "not a source type (.html, .htm, .xhtml, .txt, .md, or no extension)"))
                    continue
                }
                files.append(InboxFile(relativePath: relativePath, url: target, declaredFormat: Self.declaredFormat(forName: name),
                                       size: Int(targetInfo.st_size), stamp: FileStamp(targetInfo)))
            default:
                let looksLikeSource = if case .unsupported = Self.format(forName: name) { false } else { true }
                skipped.append(SkippedEntry(relativePath: relativePath, reason: "not a regular file (a device, pipe or socket)", isRefused: looksLikeSource))
            }
        }
    }

    enum NameFormat { case known(SourceFormat), sniff, unsupported }

    static func format(forName name: String) -> NameFormat {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .sniff }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm", "xhtml", "shtml": return .known(.html)
        case "txt", "text": return .known(.text)
        case "md", "markdown": return .known(.markdown)
        default: return .unsupported
        }
    }

    /// The format a file's name declares; nil when its content decides (or the name is not a source's).
    static func declaredFormat(forName name: String) -> SourceFormat? {
        if case .known(let format) = format(forName: name) { return format }
        return nil
    }

    /// True for names that are never sources: hidden files, editor temporaries, partial downloads.
    public static func isIgnoredName(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913" { return true }
        let lower = name.lowercased()
        for suffix in [".part", ".crdownload", ".tmp", ".temp", ".partial", ".download", ".swp", ".swo", ".swx", ".bak"]
        where lower.hasSuffix(suffix) { return true }
        return false
    }
}
