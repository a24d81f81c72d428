import Foundation
import Testing
@testable import Crosscheck

/// A build into a folder that holds an earlier corpus reads again only the files whose bytes changed, and
/// still writes what a fresh build writes.
@Suite struct RebuildTests {
    static let exportNames = ["documents.jsonl", "claims.jsonl", "contradictions.jsonl", "changes.jsonl", "agreements.jsonl",
                              "qualifier-differences.jsonl", "citations.json", "citations.bib", "report.md", "report.html", "manifest.json"]

    func write(_ files: [String: String], into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    static let sources = [
        "harbour.txt": "Harbour report\n\nThe port of Velmar handled 4.2 million containers in 2023.\n\nIts terminals employ 3,100 people.\n",
        "council.txt": "Council notes\n\nThe port of Velmar handled 4.5 million containers in 2023, the council said.\n",
        "almanac.txt": "Almanac\n\nThe port of Velmar handled 3.9 million containers in 2021.\n",
        "survey.txt": "Survey\n\nVelmar has 12 ferry routes, according to the 2024 survey.\n",
    ]

    @Test func aRebuildReadsOnlyChangedFilesAndEqualsAFreshBuild() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try write(Self.sources, into: inbox)
        let first = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(first.reused == 0)

        let unchanged = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(unchanged.reused == 4)
        #expect(unchanged.corpus == first.corpus)

        // One edited, one renamed, one deleted, one added.
        try write(["harbour.txt": "Harbour report\n\nThe port of Velmar handled 4.4 million containers in 2023.\n"], into: inbox)
        try FileManager.default.moveItem(at: inbox.appendingPathComponent("almanac.txt"), to: inbox.appendingPathComponent("almanac-2021.txt"))
        try FileManager.default.removeItem(at: inbox.appendingPathComponent("survey.txt"))
        try write(["bulletin.txt": "Bulletin\n\nThe port of Velmar handled 4.5 million containers in 2023.\n"], into: inbox)
        let rebuilt = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(rebuilt.reused == 2)  // council.txt as it was, almanac.txt under its new name
        #expect(rebuilt.corpus.documents.map(\.source.path).sorted() == ["almanac-2021.txt", "bulletin.txt", "council.txt", "harbour.txt"])
        #expect(rebuilt.corpus.claims.allSatisfy { $0.source != "almanac.txt" && $0.source != "survey.txt" })

        let fresh = root.appendingPathComponent("fresh")
        _ = try BatchBuild.run(BuildOptions(inbox: inbox, output: fresh, jobs: 1))
        for name in Self.exportNames {
            let ours = try Data(contentsOf: output.appendingPathComponent(name))
            #expect(ours == (try Data(contentsOf: fresh.appendingPathComponent(name))), "\(name) differs from a fresh build")
        }
    }

    @Test func aCorpusReadByAnotherProgramIsNotReused() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try write(Self.sources, into: inbox)
        _ = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 1))
        #expect(ReadCache(storedIn: output).outcomes.count == 4)
        // Another version or build of crosscheck may read the same bytes differently.
        #expect(ReadCache(storedIn: output, reader: "crosscheck 0.0.9 1234-5678").isEmpty)
        // Without the record beside it, a corpus folder says nothing of who read it.
        try FileManager.default.removeItem(at: output.appendingPathComponent(InboxRecord.fileName))
        #expect(ReadCache(storedIn: output).isEmpty)
        #expect(try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 1)).reused == 0)
    }
}

/// A rebuild trusts a file's stamp (size, time, inode) for its content only when the file was already older than
/// `InboxRecord.trustedAge` when it was recorded; and a build that would write what the folder holds writes nothing.
@Suite struct UnchangedFilesTests {
    let sources = RebuildTests.sources

    func write(_ files: [String: String], into folder: URL, modified: Date? = nil) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            // In place, so that the file keeps its inode, as an editor that writes over a file does.
            if let handle = try? FileHandle(forWritingTo: url) {
                try handle.truncate(atOffset: 0)
                try handle.write(contentsOf: Data(text.utf8))
                try handle.close()
            } else {
                try Data(text.utf8).write(to: url)
            }
            if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
        }
    }

    func containerFigures(_ corpus: Corpus, in path: String) -> [String] {
        corpus.claims.filter { $0.source == path }.flatMap(\.quantities).map(\.text).filter { $0.contains("million") }
    }

    /// A build that must make the corpus again (an export is missing, so the folder's corpus is not taken as it is).
    func rebuild(_ inbox: URL, into output: URL) throws -> BuildSummary {
        try FileManager.default.removeItem(at: output.appendingPathComponent("report.md"))
        let summary = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(!summary.foundUpToDate)
        return summary
    }

    /// A temporary folder with the sources in `in`, older than `InboxRecord.trustedAge` (content and status alike) when
    /// a build scans them, and `out` to build into.
    func agedInbox() throws -> (root: URL, inbox: URL, output: URL) {
        let root = try TestSupport.temporaryFolder()
        try write(sources, into: root.appendingPathComponent("in"))
        Thread.sleep(forTimeInterval: 2.1)
        return (root, root.appendingPathComponent("in"), root.appendingPathComponent("out"))
    }

    @Test(.timeLimit(.minutes(1))) func aFileUnchangedSinceWellBeforeTheLastScanIsNotOpened() throws {
        let (root, inbox, output) = try agedInbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(first.reused == 0 && first.unopened == 0)
        let rebuilt = try rebuild(inbox, into: output)
        #expect(rebuilt.reused == 4 && rebuilt.unopened == 4)
        #expect(rebuilt.corpus == first.corpus)
        // A change of permissions alone changes the status time: the file is opened (a fresh build would find it
        // unreadable, were it made so), hashed, and its reading reused.
        let council = inbox.appendingPathComponent("council.txt").path
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: council)
        let afterChmod = try rebuild(inbox, into: output)
        #expect(afterChmod.reused == 4 && afterChmod.unopened == 3)
        // An edit, whatever it does to the modification time, is read.
        let before = try #require(FileStamp(path: council))
        try write(["council.txt": "Council notes\n\nThe port of Velmar handled 4.6 million containers in 2023, the council said.\n"], into: inbox,
                  modified: Date(timeIntervalSince1970: Double(before.modified) / 1e9))
        let edited = try rebuild(inbox, into: output)
        #expect(edited.reused == 3)
        #expect(containerFigures(edited.corpus, in: "council.txt") == ["4.6 million"])
    }

    @Test(.timeLimit(.minutes(1))) func aFileChangedJustBeforeItWasRecordedIsOpenedAgain() throws {
        let (root, inbox, output) = try agedInbox()
        defer { try? FileManager.default.removeItem(at: root) }
        // Written just before the build: within a tick of the file system's clock it could change again unseen.
        try write(["fresh.txt": "Fresh\n\nVelmar has 9 ferry routes.\n"], into: inbox)
        _ = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        let rebuilt = try rebuild(inbox, into: output)
        #expect(rebuilt.reused == 5 && rebuilt.unopened == 4)
    }

    @Test func theRecordTrustsOnlyStampsTakenWellAfterTheFileChanged() throws {
        var stamp = try #require(FileStamp(path: FileManager.default.currentDirectoryPath))
        stamp.modified = 10_000_000_000
        stamp.changed = stamp.modified
        var record = InboxRecord()
        record.entries["a.txt"] = InboxRecord.Entry(stamp: stamp, sha256: "x")
        #expect(record.unchangedEntry(at: "a.txt", stamp: stamp, maxFileSize: 1 << 30) == nil)  // a record that does not say when it was made
        record.scanned = stamp.modified + InboxRecord.trustedAge
        #expect(record.unchangedEntry(at: "a.txt", stamp: stamp, maxFileSize: 1 << 30) == nil)
        record.scanned = stamp.modified + InboxRecord.trustedAge + 1
        #expect(record.unchangedEntry(at: "a.txt", stamp: stamp, maxFileSize: 1 << 30)?.sha256 == "x")
        #expect(record.unchangedEntry(at: "b.txt", stamp: stamp, maxFileSize: 1 << 30) == nil)
        #expect(record.unchangedEntry(at: "a.txt", stamp: stamp, maxFileSize: stamp.size - 1) == nil)  // to be refused
        var touched = stamp
        touched.changed += 1
        #expect(record.unchangedEntry(at: "a.txt", stamp: touched, maxFileSize: 1 << 30) == nil)
        // A status changed after the content, too close to the scan, is as untrustworthy as the content.
        record.entries["a.txt"]?.stamp.changed = stamp.modified + 1
        #expect(record.unchangedEntry(at: "a.txt", stamp: record.entries["a.txt"]!.stamp, maxFileSize: 1 << 30) == nil)
        record.entries["a.txt"]?.stamp = stamp
        var moved = stamp
        moved.inode += 1
        #expect(record.unchangedEntry(at: "a.txt", stamp: moved, maxFileSize: 1 << 30) == nil)
        var grown = stamp
        grown.size += 1
        #expect(record.unchangedEntry(at: "a.txt", stamp: grown, maxFileSize: 1 << 30) == nil)
    }

    /// Nothing in the inbox changed: the folder's corpus is the one the build would write, and it is left as it is.
    @Test func aBuildOfAnUnchangedInboxWritesNothing() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try write(sources, into: inbox, modified: Date().addingTimeInterval(-3600))
        try Data("not text".utf8 + [0, 0, 0, 1, 2, 3]).write(to: inbox.appendingPathComponent("binary.txt"))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: inbox.appendingPathComponent("binary.txt").path)
        // One file written just before the build: its stamp cannot be trusted, so the next build hashes it to know.
        try write(["fresh.txt": "Fresh\n\nVelmar has 9 ferry routes.\n"], into: inbox)
        let first = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(first.isPartial)
        func inodes() throws -> [String: Int] {
            try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: output.path).map { name in
                (name, try #require(FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(name).path)[.systemFileNumber] as? Int))
            })
        }
        let before = try inodes()
        let again = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(again.foundUpToDate && !first.foundUpToDate)
        #expect(again.counts == first.counts && again.counts == CorpusCounts(first.corpus))
        #expect(again.counts.relations(.contradiction) > 0)
        #expect(again.inputs == first.corpus.inputs)
        #expect(again.isPartial)  // the rejected file is still reported
        #expect(again.reused == 6)
        #expect(try inodes() == before)
        // The corpus, read when asked for, from the store found, even with the folder gone since.
        let moved = root.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: output, to: moved)
        #expect(again.corpus == first.corpus)
        try FileManager.default.moveItem(at: moved, to: output)

        // A missing export, or a size limit the files no longer pass: the corpus is written again.
        try FileManager.default.removeItem(at: output.appendingPathComponent("report.md"))
        let restored = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("report.md").path))
        #expect(restored.corpus == first.corpus)
        let limited = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2, maxFileSize: 60))
        #expect(limited.corpus.documents.count < first.corpus.documents.count)
        // A file gone: written again without it.
        try FileManager.default.removeItem(at: inbox.appendingPathComponent("survey.txt"))
        let smaller = try BatchBuild.run(BuildOptions(inbox: inbox, output: output, jobs: 2))
        #expect(smaller.corpus.documents.map(\.source.path).sorted() == ["almanac.txt", "council.txt", "fresh.txt", "harbour.txt"])
    }
}
