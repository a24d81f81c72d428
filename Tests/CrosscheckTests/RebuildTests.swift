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
