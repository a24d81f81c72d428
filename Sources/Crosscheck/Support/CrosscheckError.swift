/// Errors that stop a whole run, with a message a person can act on.
public enum CrosscheckError: Error, Equatable, Sendable, CustomStringConvertible {
    case inboxMissing(path: String)
    case inboxUnreadable(path: String, reason: String)
    case outputInsideInbox(output: String, inbox: String)
    case outputNotWritable(path: String, reason: String)
    case storeFailed(path: String, reason: String)
    case corpusUnreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .inboxMissing(let path):
            "the inbox \(path) does not exist or is not a folder; create it and put sources in it, or name another folder"
        case .inboxUnreadable(let path, let reason):
            "the inbox \(path) cannot be read: \(reason)"
        case .outputInsideInbox(let output, let inbox):
            "the output folder \(output) is inside the inbox \(inbox); choose an output folder outside it"
        case .outputNotWritable(let path, let reason):
            "cannot write the corpus to \(path): \(reason); the previous corpus, if any, is unchanged"
        case .storeFailed(let path, let reason):
            "the corpus database \(path) could not be written: \(reason)"
        case .corpusUnreadable(let path, let reason):
            "the corpus at \(path) cannot be read: \(reason)"
        }
    }
}

/// Why one source could not be read. The run goes on without it.
public struct SourceProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the inbox.
    public var path: String
    /// What is wrong, in words a person can act on.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
