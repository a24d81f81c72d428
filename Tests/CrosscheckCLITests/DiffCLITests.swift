import Foundation
import Testing

/// `crosscheck diff` as a user runs it: exit codes as diff(1), nothing printed for identical corpora,
/// colour only on a terminal.
@Suite struct DiffCLITests {
    let cli = CLITests()

    /// Two corpora built by the tool: `old` from one note, `new` from the note with one number edited.
    func corpora() throws -> (root: URL, old: URL, new: URL) {
        let root = try cli.temporaryFolder()
        for (name, amount) in [("old", "35"), ("new", "36.5")] {
            let inbox = root.appendingPathComponent("in-\(name)")
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            try Data("# Trade\n\nTrade reached C$\(amount) billion in 2023.\n\nExports rose 4 per cent in 2023.\n".utf8).write(to: inbox.appendingPathComponent("note.md"))
            let build = try cli.run(["build", inbox.path, "--output", root.appendingPathComponent(name).path, "--quiet"])
            #expect(build.status == 0, "\(build.stderr)")
        }
        return (root, root.appendingPathComponent("old"), root.appendingPathComponent("new"))
    }

    @Test func identicalCorporaPrintNothingAndExitZero() throws {
        let (root, old, _) = try corpora()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try cli.run(["diff", old.path, old.appendingPathComponent("corpus.sqlite").path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    }

    @Test func differentCorporaExitOneWithTheSummaryThenTheHighlight() throws {
        let (root, old, new) = try corpora()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try cli.run(["diff", old.path, new.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "documents +0 −0 ~1 · claims +0 −0 ~1 · contradictions +0 −0")
        #expect(result.stdout.contains("~ note.md · modified, "))
        #expect(result.stdout.contains("    ~ Trade reached C$[-35-]{+36.5+} billion in 2023. [@"))
        #expect(!result.stdout.contains("\u{1B}"), "no colour when standard output is not a terminal")
        let stat = try cli.run(["diff", old.path, new.path, "--stat"])
        #expect(stat.status == 1 && stat.stdout == String(lines[0]) + "\n")
    }

    @Test func jsonCarriesTheSameCountsAndIsStable() throws {
        let (root, old, new) = try corpora()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try cli.run(["diff", old.path, new.path, "--format", "json"])
        let second = try cli.run(["diff", old.path, new.path, "--format", "json"])
        #expect(first.status == 1 && first.stdout == second.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let claims = (json["counts"] as? [String: Any])?["claims"] as? [String: Int]
        #expect(claims == ["added": 0, "removed": 0, "changed": 1, "moved": 0])
        #expect(json["version"] as? Int == 1)
        let identical = try cli.run(["diff", old.path, old.path, "--format", "json", "--stat"])
        #expect(identical.status == 0 && identical.stdout.contains("\"identical\" : true"))
    }

    @Test func missingDamagedOrOtherVersionCorporaExitTwoWithAMessage() throws {
        let (root, old, _) = try corpora()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try cli.run(["diff", old.path, root.appendingPathComponent("nowhere").path])
        #expect(missing.status == 2 && missing.stdout.isEmpty)
        #expect(missing.stderr.contains("nowhere cannot be read: there is no such file or folder"))
        let junk = root.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x5A, count: 4096).write(to: junk)
        let damaged = try cli.run(["diff", junk.path, old.path])
        #expect(damaged.status == 2 && damaged.stderr.contains("not a readable SQLite database"))
        let database = old.appendingPathComponent("corpus.sqlite")
        var bytes = try Data(contentsOf: database)
        let version = try #require(bytes.range(of: Data("schema_version4".utf8)))
        bytes[version.upperBound - 1] = UInt8(ascii: "7")
        try bytes.write(to: database)
        let newer = try cli.run(["diff", old.path, old.path])
        #expect(newer.status == 2 && newer.stderr.contains("schema version 7, this crosscheck reads version 4"))
        #expect(try cli.run(["diff", old.path]).status == 2)
        #expect(try cli.run(["diff", old.path, old.path, "--color", "sometimes"]).status == 2)
    }

    /// Runs the tool under `script`, which gives it a terminal for standard output.
    func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([CLITests.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "NO_COLOR" }.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnATerminalUnlessNoColorOrNever() throws {
        let (root, old, new) = try corpora()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try runOnTerminal(["diff", old.path, new.path]).contains("\u{1B}[31m[-35-]\u{1B}[0m"))
        #expect(try !runOnTerminal(["diff", old.path, new.path], environment: ["NO_COLOR": "1"]).contains("\u{1B}["))
        #expect(try !runOnTerminal(["diff", old.path, new.path, "--color", "never"]).contains("\u{1B}["))
        #expect(try cli.run(["diff", old.path, new.path, "--color", "always"]).stdout.contains("\u{1B}[32m{+36.5+}\u{1B}[0m"))
    }
}
