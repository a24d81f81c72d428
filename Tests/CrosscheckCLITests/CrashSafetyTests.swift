import Foundation
import Testing

/// Builds and watchers killed with SIGKILL at random moments, a read-only output and a full disk: the output
/// folder always holds a whole corpus (the previous one or the new one), nothing is left beside it, and the
/// next run gives exactly what a clean build gives.
@Suite(.serialized) struct CrashSafetyTests {
    let cli = CLITests()

    /// The files compared byte for byte; `corpus.sqlite` is compared by `crosscheck diff` and checked by SQLite.
    static let exportNames = ["documents.jsonl", "claims.jsonl", "contradictions.jsonl", "changes.jsonl", "agreements.jsonl",
                              "qualifier-differences.jsonl", "citations.json", "citations.bib", "report.md", "report.html", "manifest.json"]

    func exports(of folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for name in Self.exportNames { result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) }
        return result
    }

    /// Sources with figures that agree and contradict across files, so every stage has work to do.
    func fillInbox(_ inbox: URL, count: Int) throws {
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for number in 0..<count {
            let partner = number % 40
            let text = "Note \(number)\n\nTrade with partner \(partner) reached C$\(partner * 3 + (number % 7 == 0 ? 1 : 0)) billion in 2023, the report said.\n"
                + "Exports to partner \(partner) grew \(number % 17) per cent in 2022.\n"
            try Data(text.utf8).write(to: inbox.appendingPathComponent("note-\(number).txt"))
        }
    }

    /// Builds `inbox` into `output` to the end; returns the seconds it took.
    @discardableResult
    func build(_ inbox: URL, into output: URL) throws -> Double {
        let started = Date()
        let result = try cli.run(["build", inbox.path, "--output", output.path, "--quiet", "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        return Date().timeIntervalSince(started)
    }

    /// `PRAGMA integrity_check` through the sqlite3 command (when installed) gives "ok".
    static func checkIntegrity(of database: URL) throws {
        let sqlite = "/usr/bin/sqlite3"
        guard FileManager.default.isExecutableFile(atPath: sqlite) else { return }
        let result = try HostileInboxTests().runCommand([sqlite, "-readonly", database.path, "PRAGMA integrity_check;"])
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "\(database.path): \(result.stdout) \(result.stderr)")
    }

    /// The corpus in `folder` reads back equal to `reference` (`crosscheck diff` exits 0 only for identical corpora).
    func expectSameCorpus(_ folder: URL, as reference: URL) throws {
        let diff = try cli.run(["diff", reference.path, folder.path, "--stat"])
        #expect(diff.status == 0, "diff: \(diff.stdout) \(diff.stderr)")
    }

    /// Entries a run leaves beside the output folder when it is interrupted.
    func leftovers(beside output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(output.lastPathComponent).staging-") || $0.hasPrefix(".\(output.lastPathComponent).old-") }
    }

    @Test(.timeLimit(.minutes(5))) func buildsKilledAtRandomMomentsLeaveAWholeCorpusAndTheNextRunEqualsACleanBuild() throws {
        let root = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try fillInbox(inbox, count: 400)
        let extra = inbox.appendingPathComponent("extra.txt")
        let extraText = Data("Extra\n\nTrade with partner 3 reached C$10 billion in 2023, a second report said.\n".utf8)
        // Two states of the inbox and their clean builds: without and with one more file.
        let referenceA = root.appendingPathComponent("reference-a"), referenceB = root.appendingPathComponent("reference-b")
        let seconds = try build(inbox, into: referenceA)
        try extraText.write(to: extra)
        try build(inbox, into: referenceB)
        let a = exports(of: referenceA), b = exports(of: referenceB)
        #expect(a != b)

        let output = root.appendingPathComponent("out")
        var random = SeededRandom(seed: 7)
        var outcomes: [String] = []
        for round in 0..<10 {
            // Alternate the inbox between its two states, so a half-swapped folder would show as a mix of both.
            if round % 2 == 0 { try? FileManager.default.removeItem(at: extra) } else { try extraText.write(to: extra) }
            let process = Process()
            process.executableURL = CLITests.executable
            process.arguments = ["build", inbox.path, "--output", output.path, "--quiet", "--jobs", "2"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double(random.next() % 1000) / 1000 * seconds * 1.3
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal
            // Whatever the moment: no output yet, or a whole corpus of one state or the other.
            if FileManager.default.fileExists(atPath: output.path) {
                let found = exports(of: output)
                #expect(found == a || found == b, "round \(round), killed after \(delay) s: the output mixes corpora or is incomplete")
                try Self.checkIntegrity(of: output.appendingPathComponent("corpus.sqlite"))
                outcomes.append(found == a ? "A" : found == b ? "B" : "?")
            } else {
                outcomes.append("-")
            }
            if !killed { outcomes[outcomes.count - 1] += " (finished)" }
        }

        // The next run, complete, gives what a clean build gives, and tidies up after the killed ones.
        try FileManager.default.removeItem(at: extra)
        try build(inbox, into: output)
        #expect(exports(of: output) == a, "after the kills (\(outcomes)), a full run equals a clean build")
        try expectSameCorpus(output, as: referenceA)
        try Self.checkIntegrity(of: output.appendingPathComponent("corpus.sqlite"))
        #expect(try leftovers(beside: output).isEmpty)
        let inside = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        // The record of what was read is written with the corpus (a rebuild reads only what changed).
        #expect(inside == (Self.exportNames + ["corpus.sqlite", ".crosscheck-watch.json"]).sorted(), "no journal, WAL or temporary file inside the output")
    }

    @Test(.timeLimit(.minutes(5))) func aWatcherKilledAtRandomMomentsCatchesUpAndLeavesNothingBehind() throws {
        let watch = try WatchHarness()
        var random = SeededRandom(seed: 11)
        var next = 0
        for round in 0..<4 {
            // A burst of new files and an edit, then a kill somewhere in the batch that reads them.
            for _ in 0..<60 {
                try watch.write("r\(round)/n\(next).txt", WatchCLITests.note(next))
                next += 1
            }
            if next > 60 { try watch.write("r0/n\(round).txt", WatchCLITests.note(round, amount: 1000 + round)) }
            Thread.sleep(forTimeInterval: Double(random.next() % 400) / 1000)
            #expect(try watch.stop(signal: SIGKILL) == -SIGKILL)
            if FileManager.default.fileExists(atPath: watch.output.appendingPathComponent("manifest.json").path) {
                try Self.checkIntegrity(of: watch.output.appendingPathComponent("corpus.sqlite"))
                #expect(watch.documentCount() >= 0, "round \(round): manifest.json is whole")
            }
            try watch.start()
        }
        try watch.waitUntilEqualToFreshBuild()
        #expect(watch.documentCount() == next)
        try Self.checkIntegrity(of: watch.output.appendingPathComponent("corpus.sqlite"))
        #expect(try leftovers(beside: watch.output).isEmpty, "the restarted watcher removes what the killed one left")
        #expect(try watch.stop(signal: SIGTERM) == 0)
    }

    // MARK: A file system that refuses

    /// A tmpfs of `size` mounted on a new folder, or nil when mounting is not allowed (not root, no CAP_SYS_ADMIN).
    func mountTmpfs(at folder: URL, size: String) throws -> Bool {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard geteuid() == 0 else { return false }
        return (try? HostileInboxTests().runCommand(["/usr/bin/mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]).status) == 0
    }

    func unmount(_ folder: URL) {
        _ = try? HostileInboxTests().runCommand(["/usr/bin/umount", folder.path])
    }

    @Test func aReadOnlyOutputGivesAClearErrorAndKeepsThePreviousCorpus() throws {
        let root = try cli.temporaryFolder()
        defer {
            chmod(root.appendingPathComponent("disk").path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        let inbox = root.appendingPathComponent("inbox")
        try fillInbox(inbox, count: 5)
        let disk = root.appendingPathComponent("disk")
        let mounted = try mountTmpfs(at: disk, size: "16m")
        defer { if mounted { unmount(disk) } }
        if !mounted && geteuid() == 0 { return }  // root ignores modes, and cannot mount here: nothing to test with
        let output = disk.appendingPathComponent("out")
        try build(inbox, into: output)
        let before = exports(of: output)
        try Data("New\n\nTrade with partner 99 reached C$5 billion in 2024.\n".utf8).write(to: inbox.appendingPathComponent("new.txt"))
        if mounted {
            #expect(try HostileInboxTests().runCommand(["/usr/bin/mount", "-o", "remount,ro", disk.path]).status == 0)
        } else {
            chmod(disk.path, 0o555)
        }
        let result = try cli.run(["build", inbox.path, "--output", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("crosscheck: error: cannot write the corpus to \(output.path): "), "\(result.stderr)")
        #expect(result.stderr.contains(mounted ? "read only" : "Permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains("the previous corpus, if any, is unchanged"))
        #expect(exports(of: output) == before)
        try Self.checkIntegrity(of: output.appendingPathComponent("corpus.sqlite"))
    }

    @Test func aFullDiskGivesAClearErrorAndKeepsThePreviousCorpus() throws {
        let root = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let disk = root.appendingPathComponent("disk")
        guard try mountTmpfs(at: disk, size: "2m") else { return }  // a full disk needs a small file system of our own
        defer { unmount(disk) }
        let inbox = root.appendingPathComponent("inbox")
        try fillInbox(inbox, count: 5)
        let output = disk.appendingPathComponent("out")
        try build(inbox, into: output)
        let before = exports(of: output)
        // Enough new text that the new corpus cannot fit beside the old one.
        try fillInbox(inbox.appendingPathComponent("more"), count: 800)
        let result = try cli.run(["build", inbox.path, "--output", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("crosscheck: error: cannot write the corpus to \(output.path): "), "\(result.stderr)")
        #expect(result.stderr.contains("database or disk is full") || result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(!result.stderr.contains("INSERT") && !result.stderr.contains(".staging-"), "no SQL, no staging path: \(result.stderr)")
        #expect(result.stderr.contains("the previous corpus, if any, is unchanged"), "\(result.stderr)")
        #expect(exports(of: output) == before)
        try Self.checkIntegrity(of: output.appendingPathComponent("corpus.sqlite"))
        #expect(try leftovers(beside: output).isEmpty, "the failed staging folder is removed, giving the space back")
    }
}
