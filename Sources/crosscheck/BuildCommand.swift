import ArgumentParser
import Crosscheck
import Foundation

/// `crosscheck build`: one batch run over an inbox.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read every source in INBOX and write the corpus to the output folder.",
        discussion: """
            Reads .html, .htm, .xhtml, .txt and .md files (and files without an
            extension, by their content) in INBOX and its subfolders; hidden,
            editor-temporary and partial-download files are skipped. Writes
            corpus.sqlite, documents.jsonl, claims.jsonl, the relation files,
            report.html (open it in a browser), report.md, citations.json,
            citations.bib and manifest.json, replacing the previous corpus in
            one step.

            On a terminal, a build that takes more than a second shows a progress
            bar on standard error (files read, files a second, time left); piped,
            with --quiet or with --log-format json it does not.

            Examples:
              crosscheck build                         # Inbox -> Output
              crosscheck build ~/research/japan -o ~/research/japan-corpus
              crosscheck build Inbox --jobs 1 --quiet  # one thread, errors only
              crosscheck build --log-format json 2> build-log.jsonl
              NO_COLOR=1 crosscheck build              # no colour on a terminal

            EXIT STATUS
              0  every file was read
              1  the corpus was written, but some files were rejected or read
                 with problems (named on standard error and in manifest.json)
              2  usage error, or the inbox or output folder could not be used
                 (nothing written)
            """)

    @OptionGroup var source: InboxOptions

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print the time spent in each stage (summed over files) on standard error.")
    var timings = false

    @Option(help: "Colour 'error', 'warning' and 'note' on standard error: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Messages on standard error: text, or json (one object a line, ending with {\"event\":\"built\",…}; no progress bar).")
    var logFormat: LogFormat = .text

    func run() throws {
        let printer = MessagePrinter(format: logFormat, usesColor: color.isEnabled(for: STDERR_FILENO))
        var options = source.buildOptions
        let display = ProgressDisplay.forBuild(quiet: quiet, logFormat: logFormat)
        if let display { options.progress = { display.update($0) } }
        let summary: BuildSummary
        do {
            defer { display?.stop() }
            summary = try BatchBuild.run(options)
        } catch let error as CrosscheckError {
            printer.message(.error, "\(error)")
            throw ExitCode(2)
        }
        report(summary, to: printer)
        if summary.isPartial { throw ExitCode(1) }
    }

    /// The files with problems, then (unless quiet) notes and the summary, then the timings if asked for.
    private func report(_ summary: BuildSummary, to printer: MessagePrinter) {
        for input in summary.inputs where input.status == .rejected || input.status == .readWithProblems {
            printer.message(input.status == .rejected ? .error : .warning, input.reason ?? "", file: "\(source.inbox)/\(input.path)")
        }
        if !quiet {
            for entry in summary.skipped where !entry.isRefused && entry.reason.contains("symbolic link") {
                printer.message(.note, entry.reason, file: "\(source.inbox)/\(entry.relativePath)")
            }
            switch logFormat {
            case .text where summary.foundUpToDate:
                print("Up to date: \(Terminal.sanitized(source.output)) already holds the corpus of \(Terminal.sanitized(source.inbox)), "
                    + "nothing was written: \(summary.line)")
            case .text: print("Built \(Terminal.sanitized(source.output)) from \(Terminal.sanitized(source.inbox)): \(summary.line)")
            case .json: printer.event("built", builtFields(summary))
            }
        }
        if timings {
            var fields: [String: LogValue] = [:]
            for (stage, seconds) in summary.timings.seconds { fields[String(describing: stage)] = .double(Self.rounded(seconds)) }
            fields["reused_files"] = .int(summary.reused)
            fields["unopened_files"] = .int(summary.unopened)
            printer.event("timings", fields, text: "crosscheck: timings: \(summary.timings.line) (\(summary.reused) of \(summary.inputs.count) files "
                + "unchanged since the last build, not parsed again; \(summary.unopened) of them not even opened)")
        }
    }

    private func builtFields(_ summary: BuildSummary) -> [String: LogValue] {
        let counts = summary.counts
        return [
            "inbox": .string(source.inbox), "output": .string(source.output),
            "documents": .int(counts.documents), "sections": .int(counts.sections), "claims": .int(counts.claims),
            "contradictions": .int(counts.relations(.contradiction)), "changes": .int(counts.relations(.changeOverTime)),
            "agreements": .int(counts.relations(.agreement)), "qualifier_differences": .int(counts.relations(.differentQualifier)),
            "problems": .int(summary.problems.count), "seconds": .double(Self.rounded(summary.seconds)),
            "up_to_date": .bool(summary.foundUpToDate),
        ]
    }

    /// Seconds to the millisecond: enough for people, stable enough to read.
    private static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
