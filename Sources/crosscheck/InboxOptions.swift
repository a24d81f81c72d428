import ArgumentParser
import Crosscheck
import Foundation

/// The inbox, the output folder and how files are read: the same for `build` and `watch`.
struct InboxOptions: ParsableArguments {
    @Argument(help: "The folder of sources.", completion: .directory)
    var inbox: String = "Inbox"

    @Option(name: [.short, .long], help: "The folder of the corpus (outside the inbox).", completion: .directory)
    var output: String = "Output"

    @Option(name: [.short, .long], help: "How many files to read at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Refuse files larger than this many megabytes.")
    var maxFileSize: Int = BuildOptions.defaultMaxFileSize / (1024 * 1024)

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        guard maxFileSize >= 1 else { throw ValidationError("--max-file-size must be at least 1 (megabyte)") }
    }

    /// The library's settings for these options.
    var buildOptions: BuildOptions {
        BuildOptions(inbox: URL(fileURLWithPath: inbox), output: URL(fileURLWithPath: output), jobs: jobs, maxFileSize: maxFileSize * 1024 * 1024)
    }
}
