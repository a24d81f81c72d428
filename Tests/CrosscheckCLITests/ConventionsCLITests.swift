import Foundation
import Testing

/// The conventions people expect of a command-line tool, run as they would run it: a progress bar on a terminal
/// only, colour as asked and never with NO_COLOR, JSON messages for scripts, --version, help with examples,
/// completion scripts.
@Suite struct ConventionsCLITests {
    let cli = CLITests()

    /// `script` (util-linux) runs a command under a pseudo-terminal, as if typed at one.
    static let script = "/usr/bin/script"
    static let hasScript = FileManager.default.isExecutableFile(atPath: script)

    /// An inbox with one good note and one empty page, and an output folder beside it.
    func inbox(bad: Bool = false) throws -> (root: URL, inbox: URL, output: URL) {
        let root = try cli.temporaryFolder()
        let inbox = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("# Trade\n\nTrade reached C$35 billion in 2023.\n".utf8).write(to: inbox.appendingPathComponent("note.md"))
        if bad { try Data().write(to: inbox.appendingPathComponent("empty.html")) }
        return (root, inbox, root.appendingPathComponent("out"))
    }

    /// Runs the tool with extra environment variables, standard output and error piped.
    func run(_ arguments: [String], environment: [String: String]) throws -> CLITests.Run {
        try CLITests().run(arguments, environment: environment)
    }

    /// Runs the tool on a pseudo-terminal; returns its exit status and everything it wrote there (stdout and stderr).
    func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, screen: String) {
        let command = ([CLITests.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script)
        process.arguments = ["-qec", command, "/dev/null"]
        var merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        merged["TERM"] = merged["TERM"].flatMap { $0 == "dumb" ? nil : $0 } ?? "xterm"
        merged["COLUMNS"] = "80"
        merged.removeValue(forKey: "NO_COLOR")
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let screen = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: screen, as: UTF8.self))
    }

    // MARK: Progress bar

    @Test(.enabled(if: hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func aTerminalSeesTheBarRedrawnInPlaceThenCleared() throws {
        let (root, inbox, output) = try self.inbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runOnTerminal(["build", inbox.path, "-o", output.path], environment: ["CROSSCHECK_PROGRESS_AFTER": "0"])
        #expect(run.status == 0, "\(run.screen)")
        #expect(run.screen.contains("\r[>"), "the bar starts at nothing read")
        #expect(run.screen.contains("/1 files"))
        #expect(run.screen.contains(" files/s · ETA "))
        let clearing = "\r" + String(repeating: " ", count: 79) + "\r"
        let built = try #require(run.screen.range(of: "Built "))
        let cleared = try #require(run.screen.range(of: clearing, options: .backwards), "the bar is wiped before the summary")
        #expect(cleared.upperBound == built.lowerBound)
        #expect(!run.screen[built.lowerBound...].contains("files/s"), "nothing of the bar after the summary")
    }

    @Test(.enabled(if: hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func aQuickBuildOnATerminalPrintsOnlyItsSummary() throws {
        let (root, inbox, output) = try self.inbox()
        defer { try? FileManager.default.removeItem(at: root) }
        // One small note builds in well under the default second.
        let run = try runOnTerminal(["build", inbox.path, "-o", output.path])
        #expect(run.status == 0)
        #expect(run.screen.hasPrefix("Built "), "\(run.screen)")
        #expect(!run.screen.contains("files/s"))
    }

    @Test(.enabled(if: hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func quietAndJSONMessagesHideTheBarEvenOnATerminal() throws {
        let (root, inbox, output) = try self.inbox()
        defer { try? FileManager.default.removeItem(at: root) }
        for extra in [["--quiet"], ["--log-format", "json"]] {
            let run = try runOnTerminal(["build", inbox.path, "-o", output.path] + extra, environment: ["CROSSCHECK_PROGRESS_AFTER": "0"])
            #expect(run.status == 0)
            #expect(!run.screen.contains("\r[") && !run.screen.contains("files/s"), "\(extra): \(run.screen)")
        }
    }

    @Test func aPipedBuildPrintsNoBar() throws {
        let (root, inbox, output) = try self.inbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try run(["build", inbox.path, "-o", output.path], environment: ["CROSSCHECK_PROGRESS_AFTER": "0"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(!run.stdout.contains("\r") && !run.stdout.contains("files/s"))
        #expect(run.stdout.hasPrefix("Built "))
    }

    // MARK: Colour

    @Test func colourOnlyWhenAskedOrOnATerminalAndNeverWithNoColor() throws {
        let (root, inbox, output) = try self.inbox(bad: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let build = ["build", inbox.path, "-o", output.path]
        let always = try run(build + ["--color", "always"], environment: [:])
        #expect(always.status == 1)
        #expect(always.stderr.contains("crosscheck: \u{1B}[1;31merror\u{1B}[0m: \(inbox.path)/empty.html: the file is empty (0 bytes)"))
        let never = try run(build + ["--color", "never"], environment: [:])
        #expect(never.stderr.contains("crosscheck: error: \(inbox.path)/empty.html: the file is empty (0 bytes)"))
        #expect(!never.stderr.contains("\u{1B}") && !never.stdout.contains("\u{1B}"))
        let piped = try run(build, environment: ["NO_COLOR": ""])
        #expect(!piped.stderr.contains("\u{1B}"), "auto: not a terminal, no colour")
        let overridden = try run(build + ["--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(overridden.stderr.contains("\u{1B}[1;31m"), "--color always wins over NO_COLOR")
    }

    @Test(.enabled(if: hasScript, "needs script(1) from util-linux for a pseudo-terminal"))
    func aTerminalGetsColourUnlessNoColorIsSet() throws {
        let (root, inbox, output) = try self.inbox(bad: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let build = ["build", inbox.path, "-o", output.path]
        let coloured = try runOnTerminal(build)
        #expect(coloured.status == 1)
        #expect(coloured.screen.contains("\u{1B}[1;31merror\u{1B}[0m"), "\(coloured.screen)")
        let plain = try runOnTerminal(build, environment: ["NO_COLOR": "1"])
        #expect(plain.status == 1)
        #expect(plain.screen.contains("crosscheck: error: "))
        #expect(!plain.screen.contains("\u{1B}"))
        let never = try runOnTerminal(build + ["--color", "never"])
        #expect(!never.screen.contains("\u{1B}"))
    }

    // MARK: JSON messages

    @Test func jsonMessagesAreOneObjectALineEndingWithTheSummary() throws {
        let (root, inbox, output) = try self.inbox(bad: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try run(["build", inbox.path, "-o", output.path, "--log-format", "json", "--timings", "--color", "always"], environment: [:])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "the summary is an event on standard error, not a line on standard output")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let objects = try lines.map { line in try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)") }
        #expect(!run.stderr.contains("\u{1B}"), "never colour in JSON")
        #expect(objects.count == 3)
        #expect(objects[0]["level"] as? String == "error")
        #expect(objects[0]["file"] as? String == "\(inbox.path)/empty.html")
        #expect(objects[0]["message"] as? String == "the file is empty (0 bytes)")
        let built = try #require(objects.first { $0["event"] as? String == "built" })
        #expect(built["documents"] as? Int == 1 && built["claims"] as? Int == 1 && built["problems"] as? Int == 1)
        for key in ["contradictions", "changes", "agreements", "sections", "seconds"] { #expect(built[key] != nil, "\(key)") }
        #expect(objects.last?["event"] as? String == "timings")
        #expect(objects.last?["relations"] as? Double != nil)
    }

    @Test func errorsBeforeAndDuringTheRunAreJSONToo() throws {
        for arguments in [["build", "/nonexistent/crosscheck-inbox", "-o", "/tmp/crosscheck-never-written", "--log-format", "json"],
                          ["build", "--no-such-flag", "--log-format=json"],
                          ["diff", "/nonexistent/a", "/nonexistent/b", "--log-format", "json"]] {
            let run = try run(arguments, environment: [:])
            #expect(run.status == 2)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
            #expect(object["level"] as? String == "error")
            #expect((object["message"] as? String)?.isEmpty == false)
        }
    }

    // MARK: Version, help, completions

    @Test func versionIsTheOneTheCorpusRecords() throws {
        let (root, inbox, output) = try self.inbox()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try cli.run(["build", inbox.path, "-o", output.path, "--quiet"]).status == 0)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("manifest.json"))) as? [String: Any])
        let version = try cli.run(["--version"])
        #expect(version.status == 0)
        #expect("crosscheck " + version.stdout.trimmingCharacters(in: .newlines) == manifest["generator"] as? String)
    }

    @Test(arguments: [["--help"], ["build", "--help"], ["diff", "--help"], ["explain", "--help"]])
    func everyHelpTeachesWithExamplesAndExitStatus(arguments: [String]) throws {
        let help = try cli.run(arguments)
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
        #expect(help.stdout.contains("EXIT STATUS"))
        let examples = help.stdout.components(separatedBy: "Examples:").last ?? ""
        #expect(examples.contains("  crosscheck"), "each example is a command to copy")
    }

    @Test func buildHelpNamesTheNewOptions() throws {
        let help = try cli.run(["build", "--help"]).stdout
        for option in ["--color", "--log-format", "--quiet"] { #expect(help.contains(option), "\(option)") }
        #expect(try cli.run(["--help"]).stdout.contains("explain"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCoverEverySubcommand(shell: String) throws {
        let script = try cli.run(["--generate-completion-script", shell])
        #expect(script.status == 0, "\(script.stderr)")
        for word in ["build", "diff", "explain", "log-format"] { #expect(script.stdout.contains(word), "\(shell): \(word)") }
    }
}
