import ArgumentParser
import Crosscheck
import Foundation

/// `crosscheck diff OLD NEW`: what changed between two versions of a corpus.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two corpora: documents, sections, claims and contradictions.",
        discussion: """
            OLD and NEW are corpus folders (as 'crosscheck build' writes them) or their corpus.sqlite files.
            Claims are matched by what they say: an edited number reads as one claim changed, with the words
            that changed marked [-old-]{+new+}; a renamed source is one document renamed.

            Examples:
              crosscheck diff Output-before Output           # the changes, by document and section
              crosscheck diff old/corpus.sqlite new --stat  # the summary line alone
              crosscheck diff Output-before Output --format json | jq .counts

            EXIT STATUS
              0  the corpora are identical (nothing is printed in text format)
              1  they differ
              2  a corpus is missing, damaged, or of another schema version, or a usage error
            """)

    /// How the diff is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// When to colour the text.
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: "The earlier corpus: a folder or its corpus.sqlite.", completion: .file())
    var old: String

    @Argument(help: "The later corpus: a folder or its corpus.sqlite.", completion: .file())
    var new: String

    @Flag(help: "Print the summary line (or the JSON counts) alone.")
    var stat = false

    @Option(help: "Output format: text or json (json is printed even when the corpora are identical).")
    var format: Format = .text

    @Option(help: "Colour the text: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let (oldCorpus, newCorpus) = try CorpusLocation.loadPair(old: old, new: new)
        let diff = CorpusDiff.compare(old: oldCorpus, new: newCorpus)
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(diff.text(color: usesColor, statOnly: stat).utf8))
        case .json:
            FileHandle.standardOutput.write(try diff.json(statOnly: stat))
        }
        if !diff.isIdentical { throw ExitCode(1) }
    }

    /// Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org), unless asked for.
    private var usesColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}
