import Foundation
import Testing
@testable import Crosscheck

/// Files that change under the reader, pages built to break parsers, text without an end: each is named
/// with its reason or read in bounded time, and never stops the run. (The whole hostile inbox, through the
/// command, is in `HostileInboxTests`.)
@Suite struct HostileInputTests {
    /// An inbox with `good.txt` and `victim.txt`, scanned; `change` then alters `victim.txt` before reading.
    func buildAfterDiscovery(_ change: (URL, URL) throws -> Void) throws -> Corpus {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("Trade reached C$35 billion in 2023.".utf8).write(to: inbox.appendingPathComponent("good.txt"))
        try Data("Exports grew 4 per cent in 2022.".utf8).write(to: inbox.appendingPathComponent("victim.txt"))
        let files = try Discovery(inbox: inbox).scan().files
        #expect(files.map(\.relativePath) == ["good.txt", "victim.txt"])
        try change(inbox.appendingPathComponent("victim.txt"), root)
        return BatchBuild.makeCorpus(files: files, jobs: 2, maxFileSize: 1 << 20)
    }

    func reason(for path: String, in corpus: Corpus) -> String {
        corpus.problems.first { $0.path == path }?.reason ?? "(no problem recorded)"
    }

    @Test func aFileDeletedBetweenDiscoveryAndReadingIsNamed() throws {
        let corpus = try buildAfterDiscovery { victim, _ in try FileManager.default.removeItem(at: victim) }
        #expect(reason(for: "victim.txt", in: corpus) == "the file disappeared before it could be read")
        #expect(corpus.documents.map(\.source.path) == ["good.txt"])
    }

    @Test(.timeLimit(.minutes(1))) func aFileReplacedByAPipeIsRefusedWithoutWaitingForAWriter() throws {
        let corpus = try buildAfterDiscovery { victim, _ in
            try FileManager.default.removeItem(at: victim)
            #expect(mkfifo(victim.path, 0o644) == 0)
        }
        #expect(reason(for: "victim.txt", in: corpus).contains("not a regular file"))
        #expect(corpus.documents.map(\.source.path) == ["good.txt"])
    }

    @Test func aFileReplacedByAFolderIsRefused() throws {
        let corpus = try buildAfterDiscovery { victim, _ in
            try FileManager.default.removeItem(at: victim)
            try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: false)
        }
        #expect(reason(for: "victim.txt", in: corpus).contains("not a regular file"))
    }

    @Test func aFileReplacedByALinkOutOfTheInboxIsNotFollowed() throws {
        let corpus = try buildAfterDiscovery { victim, root in
            let secret = root.appendingPathComponent("secret.txt")
            try Data("The secret figure was 99 per cent in 2020.".utf8).write(to: secret)
            try FileManager.default.removeItem(at: victim)
            try FileManager.default.createSymbolicLink(at: victim, withDestinationURL: secret)
        }
        #expect(reason(for: "victim.txt", in: corpus).contains("symbolic link"))
        #expect(!corpus.claims.contains { $0.text.contains("secret") })
    }

    @Test func anUnreadableFileIsNamedWithWhatToDo() throws {
        // Root reads whatever the mode says; the command-line suite covers root by dropping privileges.
        guard geteuid() != 0 else { return }
        let corpus = try buildAfterDiscovery { victim, _ in #expect(chmod(victim.path, 0) == 0) }
        #expect(reason(for: "victim.txt", in: corpus) == "permission denied; make the file readable (chmod +r) or remove it")
    }

    @Test func theSizeLimitIsCheckedBeforeReadingAndSpokenInTheOptionsUnits() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A gigabyte that takes no disk: read, it would take a gigabyte of memory and seconds.
        let huge = root.appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        #expect(truncate(huge.path, 1 << 30) == 0)
        let started = Date()
        let corpus = BatchBuild.makeCorpus(files: try Discovery(inbox: root).scan().files, jobs: 1, maxFileSize: 64 << 20)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(reason(for: "huge.txt", in: corpus) == "the file is 1.0 GB, over the limit of 64 MB; raise it with --max-file-size if it is really a source")
        #expect(ByteCount.describe(64 << 20) == "64 MB", "--max-file-size 64 means 64 × 1,048,576 bytes")
        #expect(ByteCount.describe((64 << 20) + (1 << 19)) == "64.5 MB")
    }

    @Test func linksThatCannotBeFollowedAreRejectedInputsAndMakeTheRunPartial() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try Data("Trade reached C$35 billion in 2023.".utf8).write(to: inbox.appendingPathComponent("folder/good.txt"))
        try Data("The secret figure was 99 per cent in 2020.".utf8).write(to: root.appendingPathComponent("secret.txt"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: inbox.appendingPathComponent("escape.txt").path, withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: inbox.appendingPathComponent("a.txt").path, withDestinationPath: "b.txt")
        try fm.createSymbolicLink(atPath: inbox.appendingPathComponent("b.txt").path, withDestinationPath: "a.txt")
        try fm.createSymbolicLink(atPath: inbox.appendingPathComponent("folder/again").path, withDestinationPath: "..")
        let summary = try BatchBuild.run(BuildOptions(inbox: inbox, output: root.appendingPathComponent("out"), jobs: 1))
        #expect(summary.isPartial)
        #expect(summary.corpus.documents.map(\.source.path) == ["folder/good.txt"])
        #expect(summary.corpus.inputs.map(\.path) == ["a.txt", "b.txt", "escape.txt", "folder/good.txt"], "in path order, the loop back to a folder already read is no loss")
        #expect(reason(for: "escape.txt", in: summary.corpus).hasPrefix("symbolic link leads outside the inbox; not followed"))
        #expect(reason(for: "a.txt", in: summary.corpus) == "symbolic link is broken or loops")
        #expect(summary.skipped.contains { $0.relativePath == "folder/again" && !$0.isRefused })
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out/manifest.json"))) as? [String: Any])
        let errors = (manifest["errors"] as? [[String: String]] ?? []).map { $0["path"] ?? "" }
        #expect(errors == ["a.txt", "b.txt", "escape.txt"])
    }

    @Test func theWatcherRecordsRefusedLinksAsABuildDoes() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("Trade reached C$35 billion in 2023.".utf8).write(to: inbox.appendingPathComponent("good.txt"))
        let incremental = IncrementalBuild(options: BuildOptions(inbox: inbox, output: root.appendingPathComponent("watched"), jobs: 1))
        _ = try incremental.update(force: true)
        // A broken link arrives and nothing else changes: the corpus must still take it in.
        try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("broken.txt").path, withDestinationPath: "nowhere.txt")
        _ = try incremental.update()
        let batch = try BatchBuild.run(BuildOptions(inbox: inbox, output: root.appendingPathComponent("built"), jobs: 1))
        #expect(incremental.corpus == batch.corpus)
        #expect(incremental.corpus?.problems.map(\.path) == ["broken.txt"])
        try FileManager.default.removeItem(at: inbox.appendingPathComponent("broken.txt"))
        _ = try incremental.update()
        #expect(incremental.corpus?.problems.isEmpty == true)
    }

    @Test func aRestartedWatcherRemovesWhatAKilledOneLeftBesideTheOutput() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("Trade reached C$35 billion in 2023.".utf8).write(to: inbox.appendingPathComponent("good.txt"))
        let options = BuildOptions(inbox: inbox, output: root.appendingPathComponent("out"), jobs: 1)
        _ = try IncrementalBuild(options: options).update(force: true)
        // Killed between the exchange and the removal of the old corpus: the output is current, so nothing
        // will be written at start-up, but the old corpus sits beside it.
        let stale = root.appendingPathComponent(".out.staging-1234-5678")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        try Data("old".utf8).write(to: stale.appendingPathComponent("claims.jsonl"))
        let restarted = IncrementalBuild(options: options)
        #expect(try restarted.update(force: true).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["inbox", "out"])
    }

    @Test func aCorpusThatCannotBeStoredNamesTheOutputNotTheStagingFolder() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var broken = TestSupport.seedCorpus
        broken.claims.append(try #require(broken.claims.first))
        let output = root.appendingPathComponent("out")
        #expect(throws: CrosscheckError.outputNotWritable(path: output.path, reason: "UNIQUE constraint failed: claims.id")) {
            try CorpusWriter.write(broken, to: output)
        }
    }

    // MARK: Pages and text built to exhaust

    @Test func textNestedFiftyThousandDeepIsRead() throws {
        // libxml2 stops at 256 levels unless told otherwise, and drops the rest of the page in silence.
        let depth = 50_000
        let page = "<html><body><p>Before, trade reached C$1 billion in 2020.</p>" + String(repeating: "<div>", count: depth)
            + "<p>Deep down, trade reached C$9 billion in 2020.</p>" + String(repeating: "</div>", count: depth)
            + "<p>After it, trade reached C$2 billion in 2021.</p></body></html>"
        let processed = try TestSupport.processText(page, name: "deep.html")
        #expect(processed.claims.map(\.text) == [
            "Before, trade reached C$1 billion in 2020.", "Deep down, trade reached C$9 billion in 2020.", "After it, trade reached C$2 billion in 2021.",
        ])
    }

    @Test func aRunOnLineIsKeptAsTextButNotCitedAsOneClaim() throws {
        #expect(ClaimExtractor.isCandidate(String(repeating: "word ", count: 398) + "in 2020."))  // 1,998 characters
        #expect(!ClaimExtractor.isCandidate(String(repeating: "word ", count: 399) + "in 2020."))  // 2,003
        #expect(!ClaimExtractor.isCandidate(String(repeating: "東京 ", count: 700) + "in 2020."), "counted in scalars, not bytes")
        #expect(ClaimExtractor.isCandidate(String(repeating: "東京 ", count: 600) + "in 2020."))
        // Short ones: at least 12 characters (not bytes), a space, not a question.
        #expect(ClaimExtractor.isCandidate("Up 5% in 20."))
        #expect(!ClaimExtractor.isCandidate("Up 5% in 2."))
        #expect(!ClaimExtractor.isCandidate("🇨🇦🇯🇵 5% in 🇯🇵."), "11 characters in \("🇨🇦🇯🇵 5% in 🇯🇵.".utf8.count) bytes")
        #expect(ClaimExtractor.isCandidate("🇨🇦🇯🇵 50% in 🇯🇵."))
        #expect(!ClaimExtractor.isCandidate("Was it 5% in 2020?"))
        #expect(!ClaimExtractor.isCandidate("Five-percent-in-2020."))
        // One megabyte without a full stop: read in bounded time, held in its section, no claim of a megabyte.
        let line = String(repeating: "word ", count: 200_000) + "and trade reached C$7 billion in 2019."
        let started = Date()
        let processed = try TestSupport.processText("Title\n\n" + line + "\n\nExports grew 3 per cent in 2021.\n", name: "line.txt")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(processed.claims.map(\.text) == ["Exports grew 3 per cent in 2021."])
        #expect(processed.document.sections.contains { $0.text.contains("C$7 billion in 2019") })
    }

    /// A page that asks for an external DTD, a file on disk and a host on the network, and declares entities
    /// that would expand to a billion copies of "lol".
    static func entityBomb(port: Int) -> String {
        var declarations = #"<!ENTITY lol "lol">"# + "\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        return """
            <!DOCTYPE html SYSTEM "http://127.0.0.1:\(port)/x.dtd" [
            <!ENTITY xxe SYSTEM "file:///etc/passwd">
            <!ENTITY remote SYSTEM "http://127.0.0.1:\(port)/remote.txt">
            \(declarations)]>
            <html><head><title>Entities &xxe; &lol9;</title></head>
            <body><p>Trade reached C$5 billion in 2020 &xxe; &remote; &lol9;.</p>
            <p>Exports grew 3 per cent in 2021.</p></body></html>
            """
    }

    @Test(.timeLimit(.minutes(1))) func noEntityIsExpandedAndNoFileOrDTDIsLoaded() throws {
        let page = Self.entityBomb(port: 9)
        let started = Date()
        for name in ["bomb.html", "bomb.xhtml"] {
            let processed = try TestSupport.processText(page, name: name)
            let text = TestSupport.allText(processed.document) + (processed.document.title ?? "")
            #expect(!text.contains("root:x:0:0") && !text.contains("/bin/"), "/etc/passwd must not be read into \(name)")
            #expect(!text.contains("lollol"), "no entity is expanded in \(name)")
            #expect(text.utf8.count < 10 * page.utf8.count)
            #expect(processed.claims.contains { $0.text == "Exports grew 3 per cent in 2021." })
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
