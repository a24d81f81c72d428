import Foundation
import GRDB
import Testing
@testable import Crosscheck

/// The watcher's incremental build, without the watcher: each update must give what a fresh build gives,
/// reading only what changed.
@Suite struct IncrementalBuildTests {
    let inbox: URL
    let output: URL
    let root: URL

    init() throws {
        root = try TestSupport.temporaryFolder("crosscheck-incremental")
        inbox = root.appendingPathComponent("inbox")
        output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: inbox.appendingPathComponent(name))
    }

    func options() -> BuildOptions { BuildOptions(inbox: inbox, output: output, jobs: 2) }

    func fresh() throws -> Corpus {
        let build = root.appendingPathComponent("fresh-\(UUID().uuidString)")
        _ = try BatchBuild.run(BuildOptions(inbox: inbox, output: build, jobs: 1))
        return try SQLiteCorpusStore(path: build.appendingPathComponent("corpus.sqlite").path).load()
    }

    @Test func updatesEqualAFreshBuildAndReportWhatChanged() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("a.txt", "Budget\n\nThe operating budget of the Lakeview Public Library totalled $18.4 million in 2022.\n")
        try write("b.txt", "Budget news\n\nThe operating budget of the Lakeview Public Library totalled $19.1 million in 2022.\n")
        let build = IncrementalBuild(options: options(), reader: "test")
        let first = try build.update()
        #expect(first.added == ["a.txt", "b.txt"])
        #expect(first.contradictionsAdded == 1)
        #expect(first.claimsAdded == 2 && first.claimsRemoved == 0)
        #expect(build.corpus == (try fresh()))

        // Nothing changed: nothing to report.
        #expect(try build.update().isEmpty)

        // A file moved away and back: its contradiction names another path each time (it changed), but none is new or gone.
        for (from, to) in [("b.txt", "moved.txt"), ("moved.txt", "b.txt")] {
            try FileManager.default.moveItem(at: inbox.appendingPathComponent(from), to: inbox.appendingPathComponent(to))
            let moved = try build.update()
            #expect(moved.renamed == [WatchBatch.Rename(from: from, to: to)])
            #expect(moved.contradictionsAdded == 0 && moved.contradictionsRemoved == 0 && moved.contradictions == 1)
            #expect(moved.claimsAdded == 0 && moved.claimsRemoved == 0)
        }

        // A rename keeps the document; an edit is one changed file; a new file is added.
        try FileManager.default.moveItem(at: inbox.appendingPathComponent("a.txt"), to: inbox.appendingPathComponent("renamed.txt"))
        try write("b.txt", "Budget news\n\nThe operating budget of the Lakeview Public Library totalled $18.4 million in 2022.\n")
        try write("c.txt", "More\n\nThe library lent 455,000 books in 2023.\n")
        let second = try build.update()
        #expect(second.renamed == [WatchBatch.Rename(from: "a.txt", to: "renamed.txt")])
        #expect(second.changed == ["b.txt"] && second.added == ["c.txt"] && second.removed.isEmpty)
        #expect(second.contradictionsRemoved == 1, "the edit resolved the contradiction")
        // The renamed file's claim moved with it (its source changed, not its id): neither added nor removed.
        #expect(second.claimsAdded == 2 && second.claimsRemoved == 1)
        #expect(build.corpus == (try fresh()))

        try FileManager.default.removeItem(at: inbox.appendingPathComponent("b.txt"))
        let third = try build.update()
        #expect(third.removed == ["b.txt"])
        #expect(third.claimsAdded == 0 && third.claimsRemoved == 1 && third.contradictionsAdded == 0 && third.contradictionsRemoved == 0)
        #expect(build.corpus == (try fresh()))
        #expect(build.corpus?.claims.allSatisfy { $0.source != "b.txt" } == true)
    }

    /// The watcher updates the store it wrote last in place; a store someone else put in the folder since is not
    /// built on but written whole.
    @Test func theStoreIsUpdatedInPlaceOnlyWhileItIsTheOneLastWritten() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let stored = output.appendingPathComponent("corpus.sqlite")
        func storedCorpus() throws -> Corpus { try SQLiteCorpusStore(path: stored.path).load() }
        try write("a.txt", "Budget\n\nThe operating budget of the Lakeview Public Library totalled $18.4 million in 2022.\n")
        try write("b.txt", "Budget news\n\nThe operating budget of the Lakeview Public Library totalled $19.1 million in 2022.\n")
        let build = IncrementalBuild(options: options(), reader: "test")
        _ = try build.update()
        #expect(try storedCorpus() == fresh())

        try write("c.txt", "More\n\nThe library lent 455,000 books in 2023, up 4 per cent.\n")
        try FileManager.default.removeItem(at: inbox.appendingPathComponent("a.txt"))
        _ = try build.update()
        #expect(try storedCorpus() == fresh(), "updated in place")

        // Another corpus put where the store was: the next update must not apply its changes to it.
        let other = root.appendingPathComponent("other.sqlite")
        try SQLiteCorpusStore(path: other.path).save(RelationEngine.relate(TestSupport.seedCorpus))
        try FileManager.default.removeItem(at: stored)
        try FileManager.default.copyItem(at: other, to: stored)
        try write("d.txt", "Visitors\n\nThe library counted 1.2 million visits in 2023.\n")
        _ = try build.update()
        #expect(try storedCorpus() == fresh(), "written whole")
    }

    /// The store the watcher swapped out is kept beside the output folder and becomes the next store, brought forward over
    /// two updates; a spare someone touched since is not built on, and stopping removes it.
    @Test func theStoreBeforeLastIsBroughtForwardOverTwoUpdates() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let stored = output.appendingPathComponent("corpus.sqlite")
        let spare = SpareStore.path(beside: output)
        func storedCorpus() throws -> Corpus { try SQLiteCorpusStore(path: stored.path).load() }
        func inode(_ url: URL) -> UInt64? { FileStamp(path: url.path)?.inode }
        try write("a.txt", "Budget\n\nThe operating budget of the Lakeview Public Library totalled $18.4 million in 2022.\n")
        try write("b.txt", "Budget news\n\nThe operating budget of the Lakeview Public Library totalled $19.1 million in 2022.\n")
        let build = IncrementalBuild(options: options(), reader: "test")
        _ = try build.update()
        #expect(inode(spare) == nil, "a first write has no old store to keep")

        // A page about something else leaves every row of the first corpus as it was.
        try write("c.txt", "Weather\n\nIt rained on 12 days in March 2023.\n")
        _ = try build.update()
        #expect(try storedCorpus() == fresh())
        let kept = try #require(inode(spare), "the swapped-out store is kept")

        // The spare holds the first corpus: this update's removal must be applied to it, as well as the last update's page.
        try FileManager.default.removeItem(at: inbox.appendingPathComponent("a.txt"))
        try write("d.txt", "More\n\nThe library lent 455,000 books in 2023, up 4 per cent.\n")
        _ = try build.update()
        #expect(inode(stored) == kept, "the spare became the store")
        #expect(try storedCorpus() == fresh())

        try write("b.txt", "Budget news\n\nThe operating budget of the Lakeview Public Library totalled $18.4 million in 2022.\n")
        _ = try build.update()
        #expect(try storedCorpus() == fresh())

        // A spare that is not the file the watcher left is written over, not built on.
        try SQLiteCorpusStore(path: spare.path).save(RelationEngine.relate(TestSupport.seedCorpus))
        try write("e.txt", "Visitors\n\nThe library counted 1.2 million visits in 2023.\n")
        _ = try build.update()
        #expect(try storedCorpus() == fresh())

        build.stop()
        #expect(inode(spare) == nil, "stopping removes the spare")
    }

    /// Someone still reading the corpus folder's store of two updates ago, in a transaction, holds a lock on the spare:
    /// the update goes on from a copy of the current store instead.
    @Test func aReaderOfTheSpareDoesNotStopAnUpdate() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let stored = output.appendingPathComponent("corpus.sqlite")
        try write("a.txt", "Budget\n\nThe operating budget of the Lakeview Public Library totalled $18.4 million in 2022.\n")
        let build = IncrementalBuild(options: options(), reader: "test")
        _ = try build.update()
        try write("b.txt", "Budget news\n\nThe operating budget of the Lakeview Public Library totalled $19.1 million in 2022.\n")
        _ = try build.update()
        let spare = SpareStore.path(beside: output)
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: spare.path, configuration: configuration)
        try reader.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 1)
            try write("c.txt", "More\n\nThe library lent 455,000 books in 2023, up 4 per cent.\n")
            _ = try build.update()
        }
        try reader.close()
        #expect(try SQLiteCorpusStore(path: stored.path).load() == fresh())
        build.stop()
    }

    @Test func aFileBeingWrittenWaitsAndAKnownOneKeepsItsLastCompleteVersion() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("known.txt", "Known\n\nThe library lent 412,000 books in 2021.\n")
        let build = IncrementalBuild(options: options(), reader: "test")
        _ = try build.update()
        try write("known.txt", "Known\n\nThe library lent 4")  // half written
        try write("new.txt", "New\n\nThe libr")  // half written
        let batch = try build.update(deferring: ["known.txt", "new.txt"])
        #expect(batch.isEmpty)
        #expect(build.corpus?.documents.map(\.source.path) == ["known.txt"])
        #expect(build.corpus?.claims.first?.text == "The library lent 412,000 books in 2021.")
    }

    @Test func documentsReadByAnotherProgramAreReadAgain() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("a.txt", "A\n\nThe library lent 412,000 books in 2021.\n")
        _ = try IncrementalBuild(options: options(), reader: "crosscheck 1").update()
        // Restarted by the same program: the record holds, nothing is read again.
        #expect(try IncrementalBuild(options: options(), reader: "crosscheck 1").update().isEmpty)
        // By an upgraded one: every file is new to it.
        #expect(try IncrementalBuild(options: options(), reader: "crosscheck 2").update().added == ["a.txt"])
        // A plain build does not carry the watcher's record over (the corpus it describes is gone): it writes its own,
        // in the name of the program that built it.
        _ = try BatchBuild.run(options())
        #expect(InboxRecord.load(from: output, reader: "crosscheck 2").entries.isEmpty)
        #expect(InboxRecord.load(from: output).entries.keys.sorted() == ["a.txt"])
    }
}
