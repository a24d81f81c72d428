import Foundation
import Testing
@testable import Crosscheck

/// Whole builds: the same inbox gives the same bytes, bad files are named, good ones kept, output replaced atomically.
@Suite struct BuildTests {
    static let exportNames = ["documents.jsonl", "claims.jsonl", "citations.json", "citations.bib", "report.md", "report.html", "manifest.json"]

    func exports(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in Self.exportNames { result[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
        return result
    }

    func copyInbox(to folder: URL, reversed: Bool) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var names = try fm.contentsOfDirectory(atPath: TestSupport.inbox.path).sorted()
        if reversed { names.reverse() }
        for name in names {
            try Data(contentsOf: TestSupport.inbox.appendingPathComponent(name)).write(to: folder.appendingPathComponent(name))
        }
    }

    @Test func sameInboxGivesByteIdenticalExportsWhateverTheOrderOrJobs() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try copyInbox(to: root.appendingPathComponent("in-a"), reversed: false)
        try copyInbox(to: root.appendingPathComponent("in-b"), reversed: true)
        let first = try BatchBuild.run(BuildOptions(inbox: root.appendingPathComponent("in-a"), output: root.appendingPathComponent("out-1"), jobs: 1))
        _ = try BatchBuild.run(BuildOptions(inbox: root.appendingPathComponent("in-a"), output: root.appendingPathComponent("out-2"), jobs: 4))
        _ = try BatchBuild.run(BuildOptions(inbox: root.appendingPathComponent("in-b"), output: root.appendingPathComponent("out-3"), jobs: 4))
        _ = try BatchBuild.run(BuildOptions(inbox: root.appendingPathComponent("in-a"), output: root.appendingPathComponent("out-1"), jobs: 2))
        #expect(first.corpus.documents.count == 9)
        let reference = try exports(of: root.appendingPathComponent("out-1"))
        for other in ["out-2", "out-3"] {
            let candidate = try exports(of: root.appendingPathComponent(other))
            for name in Self.exportNames { #expect(candidate[name] == reference[name], "\(other)/\(name) differs") }
        }
    }

    @Test func shuffledFileListGivesTheSameCorpus() throws {
        let files = try Discovery(inbox: TestSupport.inbox).scan().files
        let sorted = BatchBuild.makeCorpus(files: files, jobs: 1, maxFileSize: BuildOptions.defaultMaxFileSize)
        let shuffled = BatchBuild.makeCorpus(files: files.reversed(), jobs: 3, maxFileSize: BuildOptions.defaultMaxFileSize)
        #expect(sorted == shuffled)
    }

    @Test func badFilesAreNamedAndGoodFilesKept() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try copyInbox(to: inbox, reversed: false)
        try Data().write(to: inbox.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).write(to: inbox.appendingPathComponent("picture.html"))
        try Data("<html><body><h1>Cut</h1><p>Exports reached C$2.9 billion in 2024.</p><p>And then the file st".utf8).write(to: inbox.appendingPathComponent("truncated.html"))
        try Data(Array("Caf".utf8) + [0xC3, 0xA9] + Array(" trade reached 5 per cent in 2024 ".utf8) + [0xFF, 0xFE, 0xC3]).write(to: inbox.appendingPathComponent("invalid-utf8.txt"))
        try Data("   \n\n\t ".utf8).write(to: inbox.appendingPathComponent("blank.md"))
        let summary = try BatchBuild.run(BuildOptions(inbox: inbox, output: root.appendingPathComponent("out"), jobs: 2))
        let problems = Dictionary(uniqueKeysWithValues: summary.corpus.problems.map { ($0.path, $0.reason) })
        #expect(problems["empty.txt"]?.contains("empty") == true)
        #expect(problems["picture.html"]?.contains("PNG image") == true)
        #expect(problems["truncated.html"]?.contains("truncated") == true)
        #expect(problems["invalid-utf8.txt"]?.contains("not valid UTF-8") == true)
        #expect(problems["blank.md"]?.contains("white space") == true)
        #expect(summary.isPartial)
        // Every good file is still in the corpus; damaged-but-readable files are in it too, flagged.
        #expect(summary.corpus.documents.count == 11)
        #expect(summary.corpus.claims.contains { $0.source == "truncated.html" && $0.text.contains("C$2.9 billion") })
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out/manifest.json"))) as? [String: Any]
        #expect((manifest?["errors"] as? [[String: Any]])?.count == 5)
    }

    @Test func oversizedFileIsRefusedWithTheLimit() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(repeating: 0x61, count: 3000).write(to: root.appendingPathComponent("big.txt"))
        let files = try Discovery(inbox: root).scan().files
        let corpus = BatchBuild.makeCorpus(files: files, jobs: 1, maxFileSize: 1000)
        #expect(corpus.problems.first?.reason.contains("over the limit") == true)
        #expect(corpus.problems.first?.reason.contains("--max-file-size") == true)
    }

    @Test func duplicateFilesAreHeldOnceAndSaidSo() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = Data("Trade reached C$35 billion in 2023.".utf8)
        try text.write(to: root.appendingPathComponent("a.txt"))
        try text.write(to: root.appendingPathComponent("b.txt"))
        let corpus = BatchBuild.makeCorpus(files: try Discovery(inbox: root).scan().files, jobs: 1, maxFileSize: 1 << 20)
        #expect(corpus.documents.count == 1)
        #expect(corpus.inputs.map(\.status) == [.ok, .duplicate])
        #expect(corpus.inputs[1].reason == "same content as a.txt; the corpus holds it once")
        #expect(corpus.problems.isEmpty)
    }

    @Test func outputReplacesTheOldCorpusAndKeepsForeignFiles() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        let output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        try Data("stale".utf8).write(to: output.appendingPathComponent("claims.jsonl"))
        try Data("Trade reached C$35 billion in 2023.".utf8).write(to: inbox.appendingPathComponent("one.txt"))
        _ = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 1))
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == [".crosscheck-watch.json", ".gitkeep", "agreements.jsonl", "changes.jsonl", "citations.bib", "citations.json", "claims.jsonl", "contradictions.jsonl", "corpus.sqlite", "documents.jsonl",
                          "manifest.json", "qualifier-differences.jsonl", "report.html", "report.md"])
        #expect(try String(contentsOf: output.appendingPathComponent("claims.jsonl"), encoding: .utf8).contains("C$35 billion"))
        // No staging or old folders are left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["inbox", "out"])
    }

    @Test func aFailedWriteLeavesThePreviousCorpus() throws {
        let root = try TestSupport.temporaryFolder()
        defer {
            chmod(root.path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        let inbox = root.appendingPathComponent("inbox")
        let output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("Trade reached C$35 billion in 2023.".utf8).write(to: inbox.appendingPathComponent("one.txt"))
        _ = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 1))
        let before = try exports(of: output)
        try Data("Trade reached C$36 billion in 2024.".utf8).write(to: inbox.appendingPathComponent("two.txt"))
        // A corpus that cannot be stored (two claims with one id) fails while staging, whoever runs the test.
        var broken = BatchBuild.makeCorpus(files: try Discovery(inbox: inbox).scan().files, jobs: 1, maxFileSize: 1 << 20)
        broken.claims.append(try #require(broken.claims.first))
        #expect(throws: CrosscheckError.self) { try CorpusWriter.write(broken, to: output) }
        #expect(try exports(of: output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["inbox", "out"], "no staging folder left behind")
        // The parent folder cannot take a staging folder (root ignores permissions, so only for other users).
        chmod(root.path, 0o555)
        if geteuid() != 0 {
            #expect(throws: CrosscheckError.self) { try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 1)) }
            #expect(try exports(of: output) == before)
        }
    }

    @Test func outputInsideTheInboxIsRefused() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: CrosscheckError.self) {
            try BatchBuild.run(BuildOptions(inbox: root, output: root.appendingPathComponent("Output"), jobs: 1))
        }
        #expect(throws: CrosscheckError.self) { try BatchBuild.run(BuildOptions(inbox: root, output: root, jobs: 1)) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path))
    }

    @Test func storeRoundTripsTheCorpus() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = SQLiteCorpusStore(path: root.appendingPathComponent("corpus.sqlite").path)
        // With relations and trust: their sides are stored by claim id and rebuilt from the claims on load.
        let related = RelationEngine.relate(TestSupport.seedCorpus)
        #expect(!related.relations.isEmpty)
        try store.save(related)
        #expect(try store.load() == related)
        try store.save(TestSupport.seedCorpus)
        #expect(try store.load() == TestSupport.seedCorpus)
        // Saving again replaces, it does not append.
        try store.save(TestSupport.seedCorpus)
        #expect(try store.load().claims.count == TestSupport.seedCorpus.claims.count)
    }

    @Test func missingOrForeignStoreIsAClearError() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: CrosscheckError.self) { try SQLiteCorpusStore(path: root.appendingPathComponent("none.sqlite").path).load() }
        try Data("not a database at all, just text".utf8).write(to: root.appendingPathComponent("bad.sqlite"))
        #expect(throws: CrosscheckError.self) { try SQLiteCorpusStore(path: root.appendingPathComponent("bad.sqlite").path).load() }
    }
}
