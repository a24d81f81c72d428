import Foundation
import GRDB
import Testing
@testable import Crosscheck

/// The fuzz targets' entry points on the committed seeds and on every input the fuzzers found
/// (`Fuzz/README.md`): each must come out sane, and what the fuzzers once broke stays fixed.
struct FuzzRegressionTests {
    static let seeds = TestSupport.packageRoot.appendingPathComponent("Fuzz/Corpus")
    static let findings = TestSupport.fixtures.appendingPathComponent("fuzz")

    /// The files of one folder, sorted, as (name, bytes).
    static func inputs(in folder: URL) throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, try TestSupport.bytes(of: folder.appendingPathComponent($0))) }
    }

    /// What a fuzz target runs on its input, as the harness in `Fuzz/Sources/CrosscheckFuzz` does.
    static func problems(target: String, _ bytes: [UInt8], scratch: URL) -> [String] {
        switch target {
        case "html": FuzzingEntryPoints.readHTML(bytes)
        case "text": FuzzingEntryPoints.readText(bytes, markdown: false) + FuzzingEntryPoints.readText(bytes, markdown: true)
        case "sentences": FuzzingEntryPoints.splitSentences(bytes)
        case "quantities": FuzzingEntryPoints.parseQuantities(bytes)
        case "corpus": FuzzingEntryPoints.loadCorpus(bytes, in: scratch)
        case "process": FuzzingEntryPoints.processSource(bytes)
        default: ["no such target \(target)"]
        }
    }

    @Test("every committed seed passes its target's checks, and the whole pipeline's", arguments: ["html", "text", "sentences", "quantities", "corpus", "process"])
    func seedsPassTheirTarget(target: String) throws {
        let scratch = try TestSupport.temporaryFolder("fuzz-seeds")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputs = try Self.inputs(in: Self.seeds.appendingPathComponent(target))
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            #expect(Self.problems(target: target, bytes, scratch: scratch) == [], "\(target)/\(name)")
            if target != "corpus" {
                #expect(FuzzingEntryPoints.processSource(bytes) == [], "process of \(target)/\(name)")
            }
        }
    }

    /// `Fixtures/fuzz/<target>/`: the fuzzers' findings, and a few inputs from their working corpora (`found-*`,
    /// mangled pages, texts and phrases that reached new code).
    @Test("every input kept from the fuzzers still passes", arguments: ["html", "text", "sentences", "quantities", "corpus", "process"])
    func findingsStayFixed(target: String) throws {
        let folder = Self.findings.appendingPathComponent(target)
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let scratch = try TestSupport.temporaryFolder("fuzz-findings")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (name, bytes) in try Self.inputs(in: folder) {
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                #expect(Self.problems(target: target, bytes, scratch: scratch) == [], "\(target)/\(name)")
            }
            if target != "corpus" {
                #expect(FuzzingEntryPoints.processSource(bytes) == [], "process of \(target)/\(name)")
            }
            // The fuzzers count an input that takes more than a second as a hang; debug builds get some slack.
            #expect(elapsed < .seconds(5), "\(target)/\(name) took \(elapsed)")
        }
    }

    @Test func theSeedPageIsReadIntoBlocksAndMetadata() throws {
        let bytes = try TestSupport.bytes(of: Self.seeds.appendingPathComponent("html/article.html"))
        let read = try HTMLReader.read(try TextDecoding.decode(bytes, isHTML: true).text)
        #expect(read.metadata.title?.value == "Canada and Japan sign energy pact")
        #expect(read.metadata.published?.date == "2025-04-30")
        #expect(read.blocks.contains { $0.text.contains("C$35.2 billion") })
        #expect(!read.blocks.contains { $0.text.contains("All rights reserved") })
    }

    @Test func theSeedPhrasesGiveTheirValues() {
        let parser = QuantityParser()
        let trade = parser.quantities(in: "Two-way trade reached C$35.2 billion in 2023, up 4.5% from 2022.")
        #expect(trade.contains { $0.kind == .money && $0.currency == "CAD" && $0.value == 35.2e9 })
        #expect(trade.contains { $0.kind == .percent && $0.value == 4.5 })
        #expect(parser.quantities(in: "Japan is Canada's fourth-largest trading partner.").contains { $0.kind == .rank && $0.value == 4 })
        #expect(parser.quantities(in: "The deal was signed on March 6, 2026.").contains { $0.kind == .date && $0.date == "2026-03-06" })
    }

    @Test func theSeedCorpusLoads() throws {
        let corpus = try CorpusLocation.load(Self.seeds.appendingPathComponent("corpus/corpus.sqlite").path)
        #expect(corpus.documents.count == 2)
        #expect(!corpus.claims.isEmpty)
        let sections = Set(corpus.documents.flatMap(\.sections).map(\.id))
        #expect(corpus.claims.allSatisfy { sections.contains($0.section) })
    }

    /// The seed corpus copied to a scratch folder, changed by `sql` with the constraints that would refuse it dropped,
    /// as a damaged or hand-edited file may be.
    static func damagedCorpus(_ sql: [String], in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("corpus.sqlite")
        try FileManager.default.copyItem(at: seeds.appendingPathComponent("corpus/corpus.sqlite"), to: file)
        let queue = try DatabaseQueue(path: file.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for statement in sql { try db.execute(sql: statement) }
        }
        try queue.close()
        return file
    }

    /// A table rebuilt without its NOT NULL, key and type constraints, keeping its rows.
    static func unconstrained(_ table: String) -> [String] {
        ["CREATE TABLE loose AS SELECT * FROM \(table)", "DROP TABLE \(table)", "ALTER TABLE loose RENAME TO \(table)"]
    }

    @Test("a corpus with NULL or a wrongly typed value where a value must be is refused, not a crash",
          arguments: [
            // The fuzzer's finding: a damaged page gave relation_values a row of NULLs, and GRDB's row subscript trapped on `side`.
            unconstrained("relation_values") + ["INSERT INTO relation_values (relation_id) VALUES (NULL)"],
            unconstrained("documents") + ["UPDATE documents SET path = NULL"],
            unconstrained("sections") + ["UPDATE sections SET level = 'two'"],
            unconstrained("claims") + ["UPDATE claims SET span_start = NULL"],
            unconstrained("quantities") + ["UPDATE quantities SET value = NULL"],
            unconstrained("relations") + ["UPDATE relations SET confidence = NULL"],
            ["UPDATE relations SET value_a = 99 WHERE value_a IS NOT NULL"],  // a value its claim does not have
            unconstrained("source_trust") + ["INSERT INTO source_trust (document_id) VALUES (NULL)"],
            unconstrained("inputs") + ["UPDATE inputs SET bytes = x'00'"],
          ])
    func nullOrWrongTypeIsRefused(sql: [String]) throws {
        let folder = try TestSupport.temporaryFolder("fuzz-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.damagedCorpus(sql, in: folder)
        #expect(throws: CrosscheckError.self) { try CorpusLocation.load(file.path) }
        #expect(FuzzingEntryPoints.loadCorpus(try TestSupport.bytes(of: file), in: folder) == [])
    }

    @Test func theFuzzersDamagedPageIsRefusedAsUnreadable() throws {
        let folder = try TestSupport.temporaryFolder("fuzz-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("corpus.sqlite")
        try FileManager.default.copyItem(at: Self.findings.appendingPathComponent("corpus/null-relation-side.sqlite"), to: file)
        do {
            _ = try CorpusLocation.load(file.path)
            Issue.record("a relation value with a NULL side was loaded")
        } catch CrosscheckError.corpusUnreadable(_, let reason) {
            #expect(reason.contains("side"))
        }
    }

    @Test func aClaimTwiceIsRefused() throws {
        let folder = try TestSupport.temporaryFolder("fuzz-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.damagedCorpus(Self.unconstrained("claims") + ["INSERT INTO claims SELECT * FROM claims LIMIT 1"], in: folder)
        do {
            _ = try CorpusLocation.load(file.path)
            Issue.record("a corpus with a claim twice was loaded")
        } catch CrosscheckError.corpusUnreadable(_, let reason) {
            #expect(reason.contains("twice"))
        }
    }

    @Test("a JSON column value that spills into its neighbours is refused, not read out of step",
          arguments: [
            // Two rows' texts joining into one value would leave the last claim without one (an index out of range).
            ["UPDATE claims SET section_path = '[\"a\"' WHERE rowid = (SELECT MIN(rowid) FROM claims)",
             "UPDATE claims SET section_path = '\"b\"]' WHERE rowid = (SELECT MIN(rowid) + 1 FROM claims)"],
            ["UPDATE sections SET path = '[\"a\"],[\"b\"]' WHERE rowid = (SELECT MIN(rowid) FROM sections)"],
            ["UPDATE claims SET kinds = '{\"not\": \"a list\"}'"],
          ])
    func spillingJSONIsRefused(sql: [String]) throws {
        let folder = try TestSupport.temporaryFolder("fuzz-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.damagedCorpus(sql, in: folder)
        #expect(throws: CrosscheckError.self) { try CorpusLocation.load(file.path) }
    }

    // Long inputs, tried by hand after the runs (the fuzzers' inputs stay under a few KB): each took far over
    // the fuzzers' one second.

    @Test func aLongRunOfAbbreviationsIsSplitInLinearTime() {
        // Every period looked back over the whole sentence for a list marker: 64 KB of "Mr. " took 109 s.
        let text = String(repeating: "Mr. ", count: 16_384)
        let clock = ContinuousClock()
        var spans: [TextSpan] = []
        let elapsed = clock.measure { spans = SentenceSplitter.split(text) }
        #expect(spans == [TextSpan(start: 0, end: text.scalarCount - 1)])
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        // The list marker is still told apart after a long sentence.
        let list = text + "Done.\n  1. First item. Second one."
        let listSpans = SentenceSplitter.split(list)
        #expect(listSpans.suffix(2).map { list.scalarSlice($0.start, $0.end) } == ["1. First item.", "Second one."])
    }

    @Test func aLineOfDataIsNotReadAsOneClaim() throws {
        // One "sentence" of 6,000 dates (64 KB) took the quantity parser 25 s, and 20,000 "$5" 49 s.
        let dates = String(repeating: "2026-03-06 ", count: 6_000)
        let money = String(repeating: "$5 ", count: 20_000)
        let text = "Trade data\n\nTwo-way trade reached C$35.2 billion in 2023.\n\n\(dates)\n\n\(money)\n"
        let clock = ContinuousClock()
        var processed: SourceProcessor.Processed?
        let elapsed = try clock.measure { processed = try TestSupport.processText(text, name: "data.txt") }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        let claims = try #require(processed).claims
        #expect(claims.map(\.text) == ["Two-way trade reached C$35.2 billion in 2023."])
        #expect(FuzzingEntryPoints.processSource(Array(text.utf8)) == [])
    }

    @Test func theLongestSentenceReadForClaimsDoesNotHang() throws {
        // Just under the cap, the parser's worst case found (a value every three scalars); the bound only catches a
        // hang (this takes well under a second), speed is measured in Benchmarks/.
        let sentence = "Fees were " + String(repeating: "$5 ", count: 660) + "in total."
        #expect(sentence.unicodeScalars.count <= ClaimExtractor.maximumLength)
        let clock = ContinuousClock()
        var processed: SourceProcessor.Processed?
        let elapsed = try clock.measure { processed = try TestSupport.processText("Fees\n\n" + sentence + "\n", name: "fees.txt") }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        let claims = try #require(processed).claims
        let claim = try #require(claims.first)
        #expect(claim.quantities.filter { $0.kind == .money }.count == 660)
    }
}
