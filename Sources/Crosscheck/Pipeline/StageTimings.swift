import Dispatch

/// Seconds spent in each stage of a build, summed over files (so with several jobs they add up to more than the wall time).
public struct StageTimings: Sendable, Hashable {
    public private(set) var seconds: [Stage: Double] = [:]

    /// The stages of the pipeline, in order.
    public enum Stage: String, CaseIterable, Sendable, Hashable {
        case discover, read = "read file", decode, parse = "parse (libxml2)", extract, segment, claims, relations, store, exports
    }

    public init() {}

    mutating func add(_ stage: Stage, _ value: Double) { seconds[stage, default: 0] += value }

    mutating func merge(_ other: StageTimings) {
        for (stage, value) in other.seconds { add(stage, value) }
    }

    /// "decode 0.02 s · parse and extract 0.41 s · …"
    public var line: String {
        Stage.allCases.compactMap { stage in seconds[stage].map { "\(stage.rawValue) \(String(format: "%.3f", $0)) s" } }.joined(separator: " · ")
    }

    /// Runs `body`, adding its duration to `stage`.
    mutating func measure<T, E: Error>(_ stage: Stage, _ body: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }
}
