import ArgumentParser
import Crosscheck
import Foundation
import Synchronization

/// `crosscheck watch`: keeps the corpus up to date as files arrive in, change in and leave the inbox.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep the corpus up to date as sources are added to, changed in, renamed in or removed from INBOX.",
        discussion: """
            First brings the corpus up to date with the inbox (changes made while no watcher ran are applied),
            then follows the inbox and its subfolders. A file is read once it is complete: after its writer
            closes it, or when it is moved in. Hidden, editor-temporary and partial-download files are ignored.
            After each batch the output folder is rewritten in one step, equal to what 'crosscheck build' of
            the same inbox gives. One line per batch is printed on standard error.

            Stop with Ctrl-C (or SIGTERM): the batch in hand is finished, the state saved, and the exit status is 0.
            The record of the inbox is kept in OUTPUT/.crosscheck-watch.json.

            Examples:
              crosscheck watch                          # Inbox -> Output
              crosscheck watch ~/research/japan -o ~/research/japan-corpus
              crosscheck watch --poll 5                 # network or FUSE file systems without inotify
              crosscheck watch --log-format json        # one JSON object per batch, for scripts
            """)

    @OptionGroup var source: InboxOptions

    @Option(name: .long, help: ArgumentHelp("Scan the inbox every SECONDS instead of using inotify.", valueName: "SECONDS"))
    var poll: Double?

    @Option(name: .long, help: ArgumentHelp("How long a file must be quiet before it is read, in milliseconds.", valueName: "MS"))
    var quietPeriod: Int = 20

    @Option(help: "How batches and notices are printed on standard error: text or json (one object per line).")
    var logFormat: LogFormat = .text

    @Option(help: "Colour the message levels: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(name: [.short, .long], help: "Print only errors and notices, not a line per batch.")
    var quiet = false

    func validate() throws {
        if let poll { guard poll > 0 else { throw ValidationError("--poll must be a number of seconds above 0") } }
        guard quietPeriod >= 0 else { throw ValidationError("--quiet-period must be 0 or more milliseconds") }
    }

    func run() throws {
        let build = source.buildOptions
        let watcher = try InboxWatcher(options: WatchOptions(build: build, pollInterval: poll, quietPeriod: Double(quietPeriod) / 1000))
        StopSignal.install()
        try watcher.run(shouldStop: { StopSignal.received }) { report in
            switch report {
            case .ready(let batch, let polling):
                announce(batch: batch, event: "ready", extra: polling ? "polling every \(poll ?? 2) s" : "watching with inotify")
            case .batch(let batch):
                announce(batch: batch, event: "batch", extra: nil)
            case .notice(let message):
                printer.event("notice", ["message": .string(message)], text: "crosscheck: note: \(message)")
            }
        }
        printer.event("stopped", [:], text: quiet ? nil : "crosscheck: watch stopped; the corpus in \(source.output) is up to date")
    }

    private var printer: MessagePrinter { MessagePrinter(format: logFormat, usesColor: color.isEnabled(for: STDERR_FILENO)) }

    private func announce(batch: WatchBatch, event: String, extra: String?) {
        for problem in batch.problems {
            printer.message(.error, problem.reason, file: "\(source.inbox)/\(problem.path)")
        }
        var fields: [String: LogValue] = [
            "added": .array(batch.added.map(LogValue.string)), "changed": .array(batch.changed.map(LogValue.string)),
            "removed": .array(batch.removed.map(LogValue.string)),
            "renamed": .array(batch.renamed.map { .object(["from": .string($0.from), "to": .string($0.to)]) }),
            "claims_added": .int(batch.claimsAdded), "claims_removed": .int(batch.claimsRemoved),
            "contradictions_added": .int(batch.contradictionsAdded), "contradictions_removed": .int(batch.contradictionsRemoved),
            "problems": .int(batch.problems.count), "documents": .int(batch.documents), "claims": .int(batch.claims),
            "contradictions": .int(batch.contradictions), "seconds": .double((batch.seconds * 1000).rounded() / 1000),
            "timings": .object(Dictionary(uniqueKeysWithValues: batch.timings.seconds.map { ($0.key.rawValue, LogValue.double(($0.value * 1000).rounded() / 1000)) })),
        ]
        // How the inbox is followed, on the ready line: "inotify", or "polling every N s".
        if let extra { fields["watching"] = .string(extra.replacingOccurrences(of: "watching with ", with: "")) }
        var line = "crosscheck: \(event): \(batch.added.count) added, \(batch.changed.count) changed, "
            + "\(batch.removed.count) removed, \(batch.renamed.count) renamed; claims +\(batch.claimsAdded) -\(batch.claimsRemoved); "
            + "contradictions +\(batch.contradictionsAdded) -\(batch.contradictionsRemoved); "
            + "\(String(format: "%.2f", batch.seconds)) s (corpus: \(counted(batch.documents, "document")), \(counted(batch.claims, "claim")), "
            + "\(counted(batch.contradictions, "contradiction")))"
        if let extra { line += "; \(extra)" }
        printer.event(event, fields, text: quiet ? nil : line)
    }
}

/// SIGINT and SIGTERM ask the watcher to finish its batch and stop.
enum StopSignal {
    private static let flag = Atomic<Bool>(false)

    static var received: Bool { flag.load(ordering: .relaxed) }

    static func install() {
        // A parent may have started us with these blocked (threads of a thread pool block signals, and a
        // child inherits the mask): unblock them, or Ctrl-C and SIGTERM would never arrive.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM] {
            sigaddset(&unblock, signalNumber)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in StopSignal.flag.store(true, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a wait in progress returns at once
            sigaction(signalNumber, &action, nil)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}

/// "1 claim", "2 claims".
private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
