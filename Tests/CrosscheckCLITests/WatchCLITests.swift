import Foundation
import Testing

/// `crosscheck watch` driven as a user's files would drive it. Each test has its own temporary inbox,
/// waits with deadlines, and ends by comparing the watched corpus with a fresh build of the same inbox.
/// Serialized: several watchers at once on two cores would turn deadlines into flakes.
@Suite(.serialized) struct WatchCLITests {
    /// A short source with one claim of its own, so every file is a distinct document.
    static func note(_ number: Int, amount: Int? = nil) -> String {
        "Note \(number)\n\nTrade with partner \(number) reached C$\(amount ?? number) million in 2023, the report said.\n"
    }

    @Test func fiveHundredFilesMovedInAtOnceGiveFiveHundredDocuments() throws {
        let watch = try WatchHarness()
        #expect(watch.events(named: "ready").first?["watching"] as? String == "inotify")
        let staging = watch.root.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        for number in 0..<500 { try Data(Self.note(number).utf8).write(to: staging.appendingPathComponent("note-\(number).txt")) }
        for number in 0..<500 {
            rename(staging.appendingPathComponent("note-\(number).txt").path, watch.inbox.appendingPathComponent("note-\(number).txt").path)
        }
        try watch.waitUntil("500 documents", timeout: 60) { watch.documentCount() == 500 }
        let ids = watch.documents().compactMap { $0["id"] as? String }
        #expect(ids.count == 500)
        #expect(Set(ids).count == 500, "no document twice")
        let added = watch.events(named: "batch").flatMap { $0["added"] as? [String] ?? [] }
        #expect(added.count == 500 && Set(added).count == 500, "each file reported added once")
        try watch.waitUntilEqualToFreshBuild()
    }

    @Test(.timeLimit(.minutes(5))) func aBurstThatOverflowsTheKernelQueueLosesNoFile() throws {
        let watch = try WatchHarness()
        kill(watch.pid, SIGSTOP)
        // 20,000 files of three events each, far past the kernel's 16,384 queued events.
        for number in 0..<20_000 {
            try Data("Note \(number): filed.\n".utf8).write(to: watch.inbox.appendingPathComponent("n\(number).txt"))
        }
        kill(watch.pid, SIGCONT)
        try watch.waitUntil("20,000 documents", timeout: 240) { watch.documentCount() == 20_000 }
        #expect(watch.events(named: "notice").contains { ($0["message"] as? String ?? "").contains("overflowed") })
        #expect(Set(watch.documents().compactMap { $0["id"] as? String }).count == 20_000)
    }

    @Test func filesInNewFoldersAndMovedInFoldersAreAllIngested() throws {
        let watch = try WatchHarness()
        // 200 files written into folders made at the same moment, before any watch on them can exist.
        try FileManager.default.createDirectory(at: watch.inbox.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        for number in 0..<200 { try watch.write("a/b/n\(number).txt", Self.note(number)) }
        // A folder of 50 files made outside and moved in whole.
        let outside = watch.root.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("deeper"), withIntermediateDirectories: true)
        for number in 200..<250 { try Data(Self.note(number).utf8).write(to: outside.appendingPathComponent("deeper/n\(number).txt")) }
        rename(outside.path, watch.inbox.appendingPathComponent("moved").path)
        try watch.waitUntil("250 documents", timeout: 60) { watch.documentCount() == 250 }
        // Files written later into the moved-in folder are seen too: it is watched, not just scanned.
        try watch.write("moved/deeper/late.txt", Self.note(999))
        try watch.waitUntil("251 documents", timeout: 30) { watch.documentCount() == 251 }
        try watch.waitUntilEqualToFreshBuild()
    }

    @Test func aFileWrittenSlowlyIsReadOnceWhenComplete() throws {
        let watch = try WatchHarness()
        let path = watch.inbox.appendingPathComponent("slow.txt").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        let filler = String(repeating: "Background paragraph without figures, written slowly. ", count: 800) + "\n\n"
        for _ in 0..<8 {
            _ = filler.withCString { write(descriptor, $0, strlen($0)) }
            Thread.sleep(forTimeInterval: 0.15)  // three times the quiet period between chunks
        }
        let last = "Final section\n\nThe final tally reached C$77 billion in 2024.\n"
        _ = last.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        try watch.waitUntil("the complete file is in the corpus", timeout: 30) {
            watch.claims().contains { ($0["text"] as? String ?? "").contains("C$77 billion") }
        }
        Thread.sleep(forTimeInterval: 0.5)
        let batches = watch.events(named: "batch")
        #expect(batches.filter { ($0["added"] as? [String] ?? []).contains("slow.txt") }.count == 1, "added once")
        #expect(!batches.contains { ($0["changed"] as? [String] ?? []).contains("slow.txt") }, "never read half-written and read again")
        try watch.waitUntilEqualToFreshBuild()
    }

    @Test func editorAndDownloadTemporariesAreIgnoredAndASaveByRenameIsOneUpdate() throws {
        let watch = try WatchHarness()
        for name in [".x.swp", "x~", ".#x", "x.part", "x.crdownload", ".hidden", "4913", "#x#"] {
            try watch.write(name, Self.note(1))
        }
        try watch.write("doc.txt", Self.note(2))
        // The corpus is swapped in (and its folder synced) before the batch is printed: wait for both.
        try watch.waitUntil("doc.txt in the corpus", timeout: 30) { watch.documentCount() == 1 && !watch.events(named: "batch").isEmpty }
        let firstID = watch.documents().first?["id"] as? String
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: watch.output.appendingPathComponent("manifest.json"))) as? [String: Any]
        let inputs = (manifest?["inputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(inputs == ["doc.txt"])
        let added = watch.events(named: "batch").flatMap { $0["added"] as? [String] ?? [] }
        #expect(added == ["doc.txt"], "no temporary file is ingested")

        // Saved unchanged the way editors save (write a temporary, rename it over the file): same document.
        let batchesBefore = watch.events(named: "batch").count
        try watch.write(".doc.txt.swp", Self.note(2))
        try watch.move(".doc.txt.swp", "doc.txt")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(watch.documents().first?["id"] as? String == firstID)
        #expect(!watch.events(named: "batch").dropFirst(batchesBefore).contains { !($0["added"] as? [String] ?? []).isEmpty || !($0["removed"] as? [String] ?? []).isEmpty })

        // Saved with an edit: one update of the same file, not a removal and an addition.
        try watch.write("doc.txt.tmp", Self.note(2, amount: 3))
        try watch.move("doc.txt.tmp", "doc.txt")
        try watch.waitUntil("the edit is in the corpus", timeout: 30) {
            watch.claims().contains { ($0["text"] as? String ?? "").contains("C$3 million") } && watch.events(named: "batch").count > batchesBefore
        }
        let after = watch.events(named: "batch").dropFirst(batchesBefore)
        #expect(after.count == 1)
        #expect(after.first?["changed"] as? [String] == ["doc.txt"])
        #expect(after.first?["added"] as? [String] == [] && after.first?["removed"] as? [String] == [])
        try watch.waitUntilEqualToFreshBuild()
    }

    @Test func aRenameKeepsIdsAndADeleteTakesDocumentClaimsAndRelations() throws {
        let watch = try WatchHarness()
        try watch.write("first.txt", "Trade report\n\nTwo-way trade between Canada and Japan reached C$35.2 billion in 2023.\n")
        try watch.write("second.txt", "Another view\n\nTwo-way trade between Canada and Japan reached C$29.1 billion in 2023.\n")
        try watch.waitUntil("two documents", timeout: 30) { watch.documentCount() == 2 && !watch.events(named: "batch").isEmpty }
        let relationsBefore = watch.lines(of: "contradictions.jsonl")
        #expect(!relationsBefore.isEmpty, "the two figures contradict each other")
        let documentIDs = Set(watch.documents().compactMap { $0["id"] as? String })
        let claimIDs = Set(watch.claims().compactMap { $0["id"] as? String })

        try watch.move("first.txt", "renamed/first-renamed.txt")
        try watch.waitUntil("the rename is in the corpus", timeout: 30) {
            watch.documents().contains { ($0["source"] as? [String: Any])?["path"] as? String == "renamed/first-renamed.txt" }
                && watch.events(named: "batch").contains { ($0["renamed"] as? [[String: String]] ?? []).first?["to"] == "renamed/first-renamed.txt" }
        }
        #expect(Set(watch.documents().compactMap { $0["id"] as? String }) == documentIDs)
        #expect(Set(watch.claims().compactMap { $0["id"] as? String }) == claimIDs)
        #expect(watch.events(named: "batch").contains { ($0["renamed"] as? [[String: String]] ?? []).first?["to"] == "renamed/first-renamed.txt" })

        let gone = watch.documents().first { ($0["source"] as? [String: Any])?["path"] as? String == "second.txt" }?["id"] as? String
        try watch.remove("second.txt")
        try watch.waitUntil("the deletion is in the corpus", timeout: 30) { watch.documentCount() == 1 }
        #expect(!watch.claims().contains { $0["document"] as? String == gone })
        for name in ["contradictions.jsonl", "changes.jsonl", "agreements.jsonl", "qualifier-differences.jsonl"] {
            let text = (try? String(contentsOf: watch.output.appendingPathComponent(name), encoding: .utf8)) ?? ""
            #expect(!text.contains(gone ?? "-"), "\(name) still mentions the deleted document")
        }
        try watch.waitUntilEqualToFreshBuild()
    }

    @Test func killedMidBatchAndRestartedItCatchesUpWithWhatHappenedWhileDown() throws {
        let watch = try WatchHarness()
        for number in 0..<20 { try watch.write("keep-\(number).txt", Self.note(number)) }
        try watch.waitUntil("20 documents", timeout: 30) { watch.documentCount() == 20 }
        for number in 20..<320 { try watch.write("burst-\(number).txt", Self.note(number)) }
        Thread.sleep(forTimeInterval: 0.12)  // inside the batch that reads the burst
        #expect(try watch.stop(signal: SIGKILL) == -SIGKILL)
        // While it is down: an addition, an edit, a deletion and a rename.
        try watch.write("while-down.txt", Self.note(1000))
        try watch.write("keep-1.txt", Self.note(1, amount: 4242))
        try watch.remove("keep-2.txt")
        try watch.move("keep-3.txt", "keep-3-renamed.txt")
        try watch.start()
        try watch.waitUntilEqualToFreshBuild()
        #expect(watch.documentCount() == 320)
    }

    @Test(arguments: [1, 2, 3]) func afterRandomChangesTheCorpusEqualsAFreshBuild(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let watch = try WatchHarness()
        var present: [String] = []
        var counter = 0
        for _ in 0..<40 {
            counter += 1
            let choice = present.isEmpty ? 0 : Int(random.next() % 4)
            switch choice {
            case 0:
                let name = (random.next() % 3 == 0 ? "sub\(random.next() % 3)/" : "") + "f\(counter).txt"
                try watch.write(name, Self.note(counter))
                present.append(name)
            case 1:
                let name = present[Int(random.next() % UInt64(present.count))]
                try watch.write(name, Self.note(counter, amount: Int(random.next() % 50)))
            case 2:
                let index = Int(random.next() % UInt64(present.count))
                let name = "r\(counter).txt"
                try watch.move(present[index], name)
                present[index] = name
            default:
                let index = Int(random.next() % UInt64(present.count))
                try watch.remove(present.remove(at: index))
            }
            if random.next() % 3 == 0 { Thread.sleep(forTimeInterval: Double(random.next() % 80) / 1000) }
        }
        try watch.waitUntilEqualToFreshBuild()
        #expect(watch.documentCount() == present.count)
    }

    @Test func pollingFindsChangesWithoutInotify() throws {
        let watch = try WatchHarness(extraArguments: ["--poll", "0.2"])
        #expect(watch.events(named: "ready").first?["watching"] as? String == "polling every 0.2 s")
        try watch.write("polled.txt", Self.note(7))
        try watch.waitUntil("the polled file is in the corpus", timeout: 30) { watch.documentCount() == 1 }
        try watch.remove("polled.txt")
        try watch.waitUntil("the polled file is gone", timeout: 30) { watch.documentCount() == 0 }
        try watch.waitUntilEqualToFreshBuild()
    }

    @Test func sigtermFinishesTheBatchAndExitsZero() throws {
        let watch = try WatchHarness()
        try watch.write("a.txt", Self.note(1))
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try watch.stop(signal: SIGTERM) == 0)
        #expect(!watch.events(named: "stopped").isEmpty)
        try watch.waitUntilEqualToFreshBuild(timeout: 5)
    }

    @Test func refusesAnOutputInsideTheInboxAndAMissingInbox() throws {
        let cli = CLITests()
        let root = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inside = try cli.run(["watch", root.path, "--output", root.appendingPathComponent("out").path])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("inside the inbox"))
        let missing = try cli.run(["watch", root.appendingPathComponent("nope").path, "--output", "/tmp/crosscheck-never-\(UUID().uuidString)"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does not exist"))
    }
}

/// A small deterministic generator (SplitMix64), so a failing sequence can be replayed.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
