import Crosscheck
import Foundation
import Testing

/// A `crosscheck watch` process run by a test: its JSON log lines collected as they come, and ways to wait
/// (always with a deadline) for the corpus it keeps to reach a state.
final class WatchHarness: @unchecked Sendable {
    let root: URL
    let inbox: URL
    let output: URL
    private var process: Process?
    private let lock = NSLock()
    private var collected: [[String: Any]] = []
    private var rawLog = ""

    init(extraArguments: [String] = [], start: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-watch-\(UUID().uuidString)")
        inbox = root.appendingPathComponent("inbox")
        output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        self.extraArguments = extraArguments
        if start { try self.start() }
    }

    private let extraArguments: [String]

    deinit {
        if let process, process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts the watcher and waits until it reports that it is watching.
    func start(timeout: Double = 60) throws {
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["watch", inbox.path, "--output", output.path, "--log-format", "json", "--jobs", "2"] + extraArguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        let handle = err.fileHandleForReading
        handle.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.append(data)
        }
        let already = events(named: "ready").count
        try process.run()
        self.process = process
        try waitUntil("the watcher is ready", timeout: timeout) { self.events(named: "ready").count > already }
    }

    private var pending = Data()

    private func append(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        pending.append(data)
        while let newline = pending.firstIndex(of: 0x0A) {
            let line = pending[pending.startIndex..<newline]
            pending = Data(pending[(newline + 1)...])
            rawLog += String(decoding: line, as: UTF8.self) + "\n"
            if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] { collected.append(object) }
        }
    }

    /// The log lines of one event kind ("ready", "batch", "notice", "problem", "stopped").
    func events(named name: String) -> [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        return collected.filter { $0["event"] as? String == name }
    }

    var log: String {
        lock.lock()
        defer { lock.unlock() }
        return rawLog
    }

    var pid: Int32 { process?.processIdentifier ?? 0 }

    /// Sends a signal and, for the ones that end it, waits for the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM, timeout: Double = 30) throws -> Int32 {
        guard let process else { return -1 }
        kill(process.processIdentifier, signal)
        try waitUntil("the watcher exits", timeout: timeout) { !process.isRunning }
        Thread.sleep(forTimeInterval: 0.05)  // the last log lines
        self.process = nil
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }

    func waitUntil(_ what: String, timeout: Double, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out after \(timeout) s waiting until \(what); watcher log:\n\(log.suffix(3000))")
        throw HarnessTimeout()
    }

    struct HarnessTimeout: Error {}

    // MARK: The inbox

    func write(_ relativePath: String, _ text: String) throws {
        let url = inbox.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func move(_ from: String, _ to: String) throws {
        let target = inbox.appendingPathComponent(to)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard rename(inbox.appendingPathComponent(from).path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(at: inbox.appendingPathComponent(relativePath))
    }

    // MARK: The corpus

    /// documents.jsonl of the watched corpus, one decoded object per line.
    func documents() -> [[String: Any]] { lines(of: "documents.jsonl") }
    func claims() -> [[String: Any]] { lines(of: "claims.jsonl") }

    func lines(of name: String, in folder: URL? = nil) -> [[String: Any]] {
        guard let text = try? String(contentsOf: (folder ?? output).appendingPathComponent(name), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func documentCount() -> Int {
        guard let data = try? Data(contentsOf: output.appendingPathComponent("manifest.json")),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let counts = manifest["counts"] as? [String: Any] else { return -1 }
        return counts["documents"] as? Int ?? -1
    }

    /// Builds the inbox afresh with `crosscheck build` and waits until every export the watcher keeps is
    /// byte-identical to it: the corpus after any sequence of changes must be the one a batch build gives. The
    /// watcher updates `corpus.sqlite` in place, so its bytes depend on its history: it must hold the same corpus.
    func waitUntilEqualToFreshBuild(timeout: Double = 60) throws {
        let fresh = root.appendingPathComponent("fresh")
        try? FileManager.default.removeItem(at: fresh)
        let build = Process()
        build.executableURL = CLITests.executable
        build.arguments = ["build", inbox.path, "--output", fresh.path, "--quiet"]
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        try build.run()
        build.waitUntilExit()
        let names = try FileManager.default.contentsOfDirectory(atPath: fresh.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.contains("claims.jsonl"))
        var differing: [String] = []
        do {
            try waitUntil("the watched corpus equals a fresh build", timeout: timeout) {
                differing = names.filter { name in
                    let (expected, actual) = (fresh.appendingPathComponent(name).path, output.appendingPathComponent(name).path)
                    if name == "corpus.sqlite" {
                        guard let expected = try? SQLiteCorpusStore(path: expected).load(), let actual = try? SQLiteCorpusStore(path: actual).load()
                        else { return true }
                        return expected != actual
                    }
                    return FileManager.default.contents(atPath: expected) != FileManager.default.contents(atPath: actual)
                }
                return differing.isEmpty
            }
        } catch {
            Issue.record("files differing from a fresh build: \(differing)")
            throw error
        }
    }
}
