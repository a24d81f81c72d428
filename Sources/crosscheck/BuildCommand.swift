import ArgumentParser
import Crosscheck
import Foundation

/// `crosscheck build`: one batch run over an inbox.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read every source in INBOX and write the corpus to the output folder.",
        discussion: """
            Reads .html, .htm, .xhtml, .txt and .md files (and files without an extension, by their content)
            in INBOX and its subfolders; hidden, editor-temporary and partial-download files are skipped.
            Writes corpus.sqlite, documents.jsonl, claims.jsonl, citations.json, report.md and manifest.json,
            replacing the previous corpus in one step.

            Examples:
              crosscheck build                         # Inbox -> Output
              crosscheck build ~/research/japan -o ~/research/japan-corpus
              crosscheck build Inbox --jobs 1 --quiet  # one thread, only errors printed
            """)

    @Argument(help: "The folder of sources.", completion: .directory)
    var inbox: String = "Inbox"

    @Option(name: [.short, .long], help: "The folder to write the corpus to (outside the inbox).", completion: .directory)
    var output: String = "Output"

    @Option(name: [.short, .long], help: "How many files to read at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Refuse files larger than this many megabytes.")
    var maxFileSize: Int = BuildOptions.defaultMaxFileSize / (1024 * 1024)

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print the time spent in each stage (summed over files) on standard error.")
    var timings = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        guard maxFileSize >= 1 else { throw ValidationError("--max-file-size must be at least 1 (megabyte)") }
    }

    func run() throws {
        let options = BuildOptions(
            inbox: URL(fileURLWithPath: inbox), output: URL(fileURLWithPath: output), jobs: jobs, maxFileSize: maxFileSize * 1024 * 1024)
        let summary = try BatchBuild.run(options)
        for problem in summary.corpus.problems {
            Terminal.error("crosscheck: \(Terminal.sanitized(inbox))/\(Terminal.sanitized(problem.path)): \(Terminal.sanitized(problem.reason))")
        }
        if !quiet {
            for entry in summary.skipped where entry.reason.contains("symbolic link") {
                Terminal.error("crosscheck: note: \(Terminal.sanitized(entry.relativePath)): \(entry.reason)")
            }
            print("Built \(Terminal.sanitized(output)) from \(Terminal.sanitized(inbox)): \(summary.line)")
        }
        if timings { Terminal.error("crosscheck: timings: \(summary.timings.line)") }
        if summary.isPartial { throw ExitCode(1) }
    }
}
