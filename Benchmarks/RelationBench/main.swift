import Crosscheck
import Foundation

// relation-bench: times the relation stage alone, several times in one process, on a corpus that
// `crosscheck build` wrote. The machine's speed drifts by a quarter from one minute to the next; runs of one
// stage repeated under the same conditions, with the CPU time beside the wall time, are what tell two versions
// of the engine apart.
//
// With `--store`, it times saving the loaded corpus into a fresh `corpus.sqlite` instead (the store stage of a build).
//
// Usage: swift run -c release relation-bench CORPUS [--jobs N] [--repeat N] [--store]

func seconds(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    arguments.removeSubrange(index...(index + 1))
    return number
}
let jobs = option("--jobs", default: ProcessInfo.processInfo.activeProcessorCount)
let repeats = max(1, option("--repeat", default: 3))
let storeStage = arguments.contains("--store")
arguments.removeAll { $0 == "--store" }
guard arguments.count == 1 else {
    FileHandle.standardError.write(Data("usage: relation-bench CORPUS [--jobs N] [--repeat N] [--store]   (CORPUS: a folder crosscheck build wrote)\n".utf8))
    exit(2)
}

let loadStart = seconds(CLOCK_MONOTONIC)
let corpus: Corpus
do {
    corpus = try CorpusLocation.load(arguments[0])
} catch {
    FileHandle.standardError.write(Data("relation-bench: \(error)\n".utf8))
    exit(2)
}
print(String(format: "corpus: %d documents, %d claims (loaded in %.1f s); jobs %d", corpus.documents.count, corpus.claims.count,
             seconds(CLOCK_MONOTONIC) - loadStart, jobs))
var walls: [Double] = []
if storeStage {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relation-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for run in 1...repeats {
        let path = folder.appendingPathComponent("corpus-\(run).sqlite").path
        let (wall, cpu) = (seconds(CLOCK_MONOTONIC), seconds(CLOCK_PROCESS_CPUTIME_ID))
        try SQLiteCorpusStore(path: path).save(corpus)
        let (wallTime, cpuTime) = (seconds(CLOCK_MONOTONIC) - wall, seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu)
        walls.append(wallTime)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(format: "run %d: %.2f s wall, %.2f s CPU; %.1f MB", run, wallTime, cpuTime, Double(size) / 1e6))
    }
    let sorted = walls.sorted()
    print(String(format: "store stage: min %.2f s, median %.2f s over %d runs", sorted[0], sorted[sorted.count / 2], repeats))
    exit(0)
}
for run in 1...repeats {
    let (wall, cpu) = (seconds(CLOCK_MONOTONIC), seconds(CLOCK_PROCESS_CPUTIME_ID))
    let related = RelationEngine.relate(corpus, jobs: jobs)
    let (wallTime, cpuTime) = (seconds(CLOCK_MONOTONIC) - wall, seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu)
    walls.append(wallTime)
    let contradictions = related.relations.filter { $0.kind == .contradiction }.count
    print(String(format: "run %d: %.2f s wall, %.2f s CPU; %d relations, %d contradictions", run, wallTime, cpuTime,
                 related.relations.count, contradictions))
}
let sorted = walls.sorted()
print(String(format: "relation stage: min %.2f s, median %.2f s over %d runs", sorted[0], sorted[sorted.count / 2], repeats))
