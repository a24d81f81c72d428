// The libFuzzer harness for Crosscheck: `crosscheck-fuzz TARGET [libFuzzer options] [CORPUS_DIR...]`.
// Build and run it through Fuzz/run.sh; see Fuzz/README.md.

#if FUZZING
import CFuzzerDriver
import Crosscheck
import Foundation

/// What one fuzz target feeds its input to.
enum FuzzTarget: String, CaseIterable {
    /// Decode + libxml2 parse + content and metadata extraction.
    case html
    /// The text reader (plain and Markdown) and the section finder with its sentence spans.
    case text
    /// The sentence splitter alone.
    case sentences
    /// The quantity and date parser.
    case quantities
    /// The corpus reader used by `crosscheck diff`, on the bytes as a `corpus.sqlite`.
    case corpus
    /// The whole per-file pipeline, `SourceProcessor.process`.
    case process

    func problems(_ bytes: [UInt8]) -> [String] {
        switch self {
        case .html: FuzzingEntryPoints.readHTML(bytes)
        case .text: FuzzingEntryPoints.readText(bytes, markdown: false) + FuzzingEntryPoints.readText(bytes, markdown: true)
        case .sentences: FuzzingEntryPoints.splitSentences(bytes)
        case .quantities: FuzzingEntryPoints.parseQuantities(bytes)
        case .corpus: FuzzingEntryPoints.loadCorpus(bytes, in: scratchFolder)
        case .process: FuzzingEntryPoints.processSource(bytes)
        }
    }
}

/// Set once in `main` before the driver starts; the callback, a C function, cannot capture it.
nonisolated(unsafe) var selectedTarget = FuzzTarget.html
/// Where the corpus target writes its `corpus.sqlite`, one folder per process.
nonisolated(unsafe) var scratchFolder = URL(fileURLWithPath: NSTemporaryDirectory())

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = selectedTarget.problems(bytes)
    if !problems.isEmpty {
        // A broken invariant is a finding: abort so that libFuzzer saves the input as a crash.
        FileHandle.standardError.write(Data(("broken invariants:\n" + problems.map { "  - \($0)\n" }.joined()).utf8))
        abort()
    }
    return 0
}

var arguments = CommandLine.arguments
guard arguments.count > 1, let target = FuzzTarget(rawValue: arguments[1]) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: crosscheck-fuzz \(names) [libFuzzer options] [CORPUS_DIR...]\n".utf8))
    exit(2)
}
selectedTarget = target
arguments.remove(at: 1)
if target == .corpus {
    scratchFolder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("crosscheck-fuzz-\(getpid())")
    try FileManager.default.createDirectory(at: scratchFolder, withIntermediateDirectories: true)
}

// libFuzzer's argv, without the target name; the strings live as long as the process.
var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
var argc = Int32(arguments.count)
let status = argv.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var base = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &base) { data, size in Int32(fuzzOneInput(data, size)) }
}
if target == .corpus { try? FileManager.default.removeItem(at: scratchFolder) }
exit(status)
#else
import Foundation

FileHandle.standardError.write(Data("""
    crosscheck-fuzz is only built for fuzzing; build and run it with Fuzz/run.sh, or:
      swift build --product crosscheck-fuzz --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

    """.utf8))
exit(2)
#endif
