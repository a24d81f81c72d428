import Foundation
import Testing

/// The `crosscheck` executable as a user runs it: exit codes, messages, defaults.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // The test runner lives in <build>/debug/X.xctest (a file or a bundle folder); the tool beside it.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("crosscheck")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/crosscheck")
    }()

    /// Runs the tool to the end; `environment` is added to this process's own.
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func noArgumentsBuildsInboxIntoOutput() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Inbox"), withIntermediateDirectories: true)
        try Data("Trade reached C$35 billion in 2023.".utf8).write(to: root.appendingPathComponent("Inbox/note.txt"))
        let result = try run([], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Built Output from Inbox: 1 document, 1 section, 1 claim, 0 contradictions, 0 changes, 0 agreements, 0 problems in"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/claims.jsonl").path))

        // Again with nothing changed: the same counts, and the reader is told that nothing was written.
        let again = try run([], in: root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("Up to date: Output already holds the corpus of Inbox, nothing was written: 1 document, 1 section, 1 claim,"),
                "\(again.stdout)")
        let json = try run(["build", "--log-format", "json"], in: root)
        let built = try #require(json.stderr.split(separator: "\n").first { $0.contains(#""event":"built""#) })
        #expect(built.contains(#""up_to_date":true"#) && built.contains(#""claims":1,"#))
    }

    @Test func someBadFilesGiveExitOneAndNameEachFile() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("Trade reached C$35 billion in 2023.".utf8).write(to: inbox.appendingPathComponent("good.txt"))
        try Data().write(to: inbox.appendingPathComponent("empty.html"))
        let result = try run(["build", inbox.path, "--output", root.appendingPathComponent("out").path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty.html: the file is empty (0 bytes)"))
        #expect(result.stdout.isEmpty, "--quiet prints nothing but errors")
        let claims = try String(contentsOf: root.appendingPathComponent("out/claims.jsonl"), encoding: .utf8)
        #expect(claims.contains("C$35 billion"))
    }

    @Test func missingInboxGivesExitTwo() throws {
        let result = try run(["build", "/nonexistent/crosscheck-inbox", "--output", "/tmp/crosscheck-never-written"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/crosscheck-never-written"))
    }

    @Test func usageErrorsGiveExitTwo() throws {
        #expect(try run(["build", "--no-such-flag"]).status == 2)
        #expect(try run(["build", "--jobs", "0"]).status == 2)
    }

    @Test func helpTeachesWithExamplesAndExitCodes() throws {
        let top = try run(["--help"])
        #expect(top.status == 0)
        #expect(top.stdout.contains("EXIT STATUS"))
        let build = try run(["build", "--help"])
        #expect(build.stdout.contains("Examples:"))
        #expect(build.stdout.contains("--jobs"))
        let version = try run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("0."))
    }
}
