/// A file found in the inbox, before it is read.
public struct InboxFile: Hashable, Sendable {
    /// Path relative to the inbox, `/`-separated; the sort key of every run.
    public var relativePath: String
    /// Absolute path on disk.
    public var url: String
    /// The format chosen from the file's extension; nil when the extension is missing and the content decides.
    public var declaredFormat: SourceFormat?
    public var size: Int
    /// What `stat` said of it during discovery, so that the watcher need not ask again.
    var stamp: FileStamp? = nil
}
