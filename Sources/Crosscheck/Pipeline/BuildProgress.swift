/// How far a build has got, for a progress display.
public struct BuildProgress: Sendable, Hashable {
    /// The stages a build reports.
    public enum Stage: Sendable, Hashable {
        case reading, relating, writing
    }

    public var stage: Stage
    /// Files read so far (rejected ones included).
    public var filesDone: Int
    /// Files to read in this build.
    public var filesTotal: Int

    public init(stage: Stage, filesDone: Int, filesTotal: Int) {
        self.stage = stage
        self.filesDone = filesDone
        self.filesTotal = filesTotal
    }
}
