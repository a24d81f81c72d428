import ArgumentParser
import Crosscheck
import Foundation

/// `crosscheck diff OLD NEW`: what changed between two versions of a corpus.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two corpora: documents, sections, claims and contradictions.",
        discussion: """
            OLD and NEW are corpus folders (as 'crosscheck build' writes them) or
            their corpus.sqlite files. Claims are matched by what they say: an
            edited number reads as one claim changed, with the words that changed
            marked [-old-]{+new+}; a renamed source is one document renamed.

            Examples:
              crosscheck diff Output-before Output      # changes by document
              crosscheck diff old/corpus.sqlite new --stat   # summary line
              crosscheck diff Output-before Output --format json | jq .counts

            EXIT STATUS
              0  the corpora are identical (the text format prints nothing)
              1  they differ
              2  a corpus is missing, damaged, or of another schema version,
                 or a usage error
            """)

    /// How the diff is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The earlier corpus: a folder or its corpus.sqlite.", completion: .file())
    var old: String

    @Argument(help: "The later corpus: a folder or its corpus.sqlite.", completion: .file())
    var new: String

    @Flag(help: "Print the summary line (or the JSON counts) alone.")
    var stat = false

    @Option(help: "Output format: text or json (json is printed even when the corpora are identical).")
    var format: Format = .text

    @Option(help: "Colour the text (and 'error' on standard error): auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Print the time spent reading, comparing and printing on standard error.")
    var timings = false

    @Option(help: "Messages on standard error: text, or json (one object a line).")
    var logFormat: LogFormat = .text

    func run() throws {
        let printer = MessagePrinter(format: logFormat, usesColor: color.isEnabled(for: STDERR_FILENO))
        var clock = Stopwatch()
        let oldCorpus: Corpus, newCorpus: Corpus
        do {
            (oldCorpus, newCorpus) = try CorpusLocation.loadPair(old: old, new: new)
        } catch let error as CrosscheckError {
            printer.message(.error, "\(error)")
            throw ExitCode(2)
        }
        let read = clock.lap()
        let diff = CorpusDiff.compare(old: oldCorpus, new: newCorpus)
        let compare = clock.lap()
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(diff.text(color: usesColor, statOnly: stat).utf8))
        case .json:
            FileHandle.standardOutput.write(Terminal.escapingC1Controls(inJSON: try diff.json(statOnly: stat)))
        }
        if timings {
            let laps = [("read", read), ("compare", compare), ("print", clock.lap())]
            let line = laps.map { "\($0) \(String(format: "%.3f", $1)) s" }.joined(separator: ", ")
            var fields: [String: LogValue] = ["old_claims": .int(oldCorpus.claims.count), "new_claims": .int(newCorpus.claims.count)]
            for (name, seconds) in laps { fields[name] = .double((seconds * 1000).rounded() / 1000) }
            printer.event("timings", fields, text: "crosscheck: timings: \(line) (\(oldCorpus.claims.count) + \(newCorpus.claims.count) claims)")
        }
        // Freeing two large corpora takes seconds that the end of the process does for nothing.
        LiveUntilExit.values.append((oldCorpus, newCorpus))
        if !diff.isIdentical { throw ExitCode(1) }
    }

    private var usesColor: Bool { color.isEnabled(for: STDOUT_FILENO) }
}

/// Seconds between laps, from the monotonic clock.
private struct Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}

/// Values kept until the process ends rather than freed one by one.
private enum LiveUntilExit {
    nonisolated(unsafe) static var values: [Any] = []
}
