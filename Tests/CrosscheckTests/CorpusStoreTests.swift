import Foundation
import GRDB
import Testing
@testable import Crosscheck

/// `SQLiteCorpusStore.save` binds its rows straight to SQLite and writes its JSON columns with `JSONLineWriter`:
/// the file holds what it held when every row went through `StatementArguments` and `JSONEncoder`.
@Suite struct CorpusStoreTests {
    static let corpus = RelationEngine.relate(TestSupport.seedCorpus)

    func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try JSONExport.encoder(pretty: false).encode(value), as: UTF8.self)
    }

    /// Saves the seed corpus into a fresh file, reads the file with `body`, and checks that it loads back whole.
    func withSavedCorpus(_ body: (Database) throws -> Void) throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("corpus.sqlite").path
        try SQLiteCorpusStore(path: path).save(Self.corpus)
        let queue = try DatabaseQueue(path: path)
        try queue.read(body)
        try queue.close()
        #expect(try SQLiteCorpusStore(path: path).load() == Self.corpus)
    }

    @Test func jsonColumnsHoldTheEncodersBytes() throws {
        try withSavedCorpus { db in
            let documents = try Row.fetchAll(db, sql: "SELECT authors, published, modified, evidence FROM documents ORDER BY path")
            #expect(documents.count == Self.corpus.documents.count)
            for (row, document) in zip(documents, Self.corpus.documents) {
                #expect(row["authors"] as String == (try encoded(document.authors)))
                #expect(row["published"] as String? == (try document.published.map(encoded)))
                #expect(row["modified"] as String? == (try document.modified.map(encoded)))
                #expect(row["evidence"] as String == (try encoded(document.evidence)))
            }
            let sectionPaths = try String.fetchAll(db, sql: "SELECT path FROM sections ORDER BY document_id, ordinal")
            let sections = Self.corpus.documents.sorted { $0.id < $1.id }.flatMap(\.sections)
            #expect(sectionPaths == (try sections.map { try encoded($0.path) }))
            let claims = try Row.fetchAll(db, sql: """
                SELECT section_path, kinds FROM claims JOIN documents ON documents.id = claims.document_id ORDER BY documents.path, claims.ordinal
                """)
            #expect(claims.map { $0["section_path"] as String } == (try Self.corpus.claims.map { try encoded($0.sectionPath) }))
            #expect(claims.map { $0["kinds"] as String } == (try Self.corpus.claims.map { try encoded($0.kinds) }))
            // A value compared is named by its ordinal among its claim's quantities, or (a total worked out from two of them)
            // written out in relation_values.
            let claimsByID = Dictionary(uniqueKeysWithValues: Self.corpus.claims.map { ($0.id, $0) })
            let sides = Self.corpus.relations.flatMap(\.claims).filter { $0.value != nil }
            let derived = sides.filter { side in !(claimsByID[side.id]?.quantities.contains(side.value!) ?? false) }
            #expect(!derived.isEmpty, "the seeds hold a two-way total made from exports and imports")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relation_values") == derived.count)
            let named = try Int.fetchOne(db, sql: "SELECT COUNT(value_a) + COUNT(value_b) FROM relations")
            #expect(named == sides.count - derived.count)
        }
    }

    /// Text is bound from its UTF-8 bytes with their length: an empty string stays empty text (not NULL, which the
    /// NOT NULL columns would refuse), and text beyond ASCII comes back byte for byte.
    @Test func textIsStoredByteForByte() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var corpus = Self.corpus
        corpus.documents[0].sections[0].heading = ""
        corpus.documents[0].title = "日本語 “Canada–Japan” e\u{301} 😀"
        corpus.claims[0].text = "Ünïcödé — \u{2028} and a quote \" and a backslash \\"
        let path = root.appendingPathComponent("corpus.sqlite").path
        try SQLiteCorpusStore(path: path).save(corpus)
        let loaded = try SQLiteCorpusStore(path: path).load()
        #expect(loaded.documents[0].sections[0].heading == "")
        #expect(loaded.documents[0].title == corpus.documents[0].title)
        #expect(loaded.claims[0].text.utf8.elementsEqual(corpus.claims[0].text.utf8))
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT typeof(heading) FROM sections WHERE heading = ''") } == "text")
    }

    /// The seed corpus without one of its documents, related again.
    static func without(_ index: Int, _ corpus: Corpus = TestSupport.seedCorpus) -> Corpus {
        var smaller = corpus
        let gone = smaller.documents.remove(at: index)
        smaller.claims.removeAll { $0.document == gone.id }
        smaller.inputs.removeAll { $0.document == gone.id }
        return RelationEngine.relate(smaller)
    }

    /// The seed corpus with one file renamed: the document keeps its id; its path and its claims' source change.
    static func renamed(_ index: Int) -> Corpus {
        var corpus = TestSupport.seedCorpus
        let id = corpus.documents[index].id
        corpus.documents[index].source.path = "zz-renamed.txt"
        for claim in corpus.claims.indices where corpus.claims[claim].document == id { corpus.claims[claim].source = "zz-renamed.txt" }
        // Documents are kept in path order.
        let moved = corpus.documents.remove(at: index)
        corpus.documents.append(moved)
        let claims = corpus.claims.filter { $0.document == id }
        corpus.claims.removeAll { $0.document == id }
        corpus.claims += claims
        return RelationEngine.relate(corpus)
    }

    /// The seed corpus with one document's citation key changed, as another document's arrival can change it
    /// ("doe2024" becomes "doe2024a"): its relations are the same, but its rows are written again.
    static func rekeyed(_ index: Int) -> Corpus {
        var corpus = Self.corpus
        let id = corpus.documents[index].id
        corpus.documents[index].citationKey += "a"
        for claim in corpus.claims.indices where corpus.claims[claim].document == id { corpus.claims[claim].citationKey += "a" }
        return corpus
    }

    /// An update writes only the rows that differ, into the file that holds the old corpus; the file then holds the new
    /// corpus exactly, as a fresh save of it does, row for row, with no row left pointing at nothing.
    @Test(arguments: [("add", 0), ("add", 4), ("remove", 2), ("rename", 1), ("rename", 7), ("rekey", 3), ("same", 0)])
    func anUpdateOfTheStoredCorpusHoldsTheNewOne(change: String, index: Int) throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let full = Self.corpus
        let (old, new): (Corpus, Corpus) = switch change {
        case "add": (Self.without(index), full)
        case "remove": (full, Self.without(index))
        case "rename": (full, Self.renamed(index))
        case "rekey": (full, Self.rekeyed(index))
        default: (full, full)
        }
        let updated = root.appendingPathComponent("updated.sqlite").path
        try SQLiteCorpusStore(path: updated).save(old)
        let delta = CorpusDelta(from: old, to: new, jobs: 2)
        #expect(delta.relations.isEmpty == (change == "same" || change == "rekey"))
        try SQLiteCorpusStore(path: updated).save(new, over: old, delta: delta)
        #expect(try SQLiteCorpusStore(path: updated).load() == new)
        let fresh = root.appendingPathComponent("fresh.sqlite").path
        try SQLiteCorpusStore(path: fresh).save(new)
        func tables(_ path: String) throws -> [String: [String]] {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
                var rows: [String: [String]] = [:]
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                    rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
                }
                return rows
            }
        }
        #expect(try tables(updated) == tables(fresh))
    }

    /// A fresh save inserts each table's rows in the order of its key and builds the secondary indexes afterwards; the
    /// file holds every index, and no row points at nothing, though references were not checked row by row.
    @Test func aFreshSaveWritesRowsInKeyOrderAndEveryIndex() throws {
        try withSavedCorpus { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            #expect(indexes == ["citations_by_document", "claims_by_document", "claims_by_section", "relations_by_claim", "relations_by_second_claim",
                                "sections_by_document"])
            // Every reference leads an index (or its table's key): deleting a row then finds the rows that reference it
            // without reading their whole table.
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                let leading = try Set(String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('\(table)')").compactMap { index in
                    try String.fetchOne(db, sql: "SELECT name FROM pragma_index_info('\(index)') WHERE seqno = 0")
                })
                for reference in try String.fetchAll(db, sql: "SELECT \"from\" FROM pragma_foreign_key_list('\(table)')") {
                    #expect(leading.contains(reference), "\(table).\(reference)")
                }
            }
            for (table, key) in [("documents", "id"), ("sections", "id"), ("claims", "id"), ("relations", "id"), ("citations", "key")] {
                let keys = try String.fetchAll(db, sql: "SELECT \(key) FROM \(table) ORDER BY rowid")
                #expect(keys.count > 1)
                #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(table) in key order")
            }
        }
    }

    /// Keys in SQLite's order (byte by byte), read from their first 16 bytes as numbers; longer keys that share those
    /// bytes by the rest, equal keys in their given order.
    @Test func keyOrderIsTheOrderOfTheKeysBytes() {
        let keys = ["c2", "c10", "", "r0123456789abcdef1", "r0123456789abcdef", "r0123456789abcdef0", "c2", "é", "z", "c1",
                    "r0123456789abcdef1x", "r0123456789abcdee9"]
        let expected = keys.indices.sorted { x, y in
            keys[x] == keys[y] ? x < y : keys[x].utf8.lexicographicallyPrecedes(keys[y].utf8)
        }
        #expect(KeyOrder.positions(of: keys) == expected)
        #expect(KeyOrder.positions(of: []) == [])
    }

    /// A file that already holds a corpus keeps its rollback journal on disk: a save that fails leaves it whole.
    @Test func aFailedSaveOverAStoredCorpusLeavesItWhole() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = SQLiteCorpusStore(path: root.appendingPathComponent("corpus.sqlite").path)
        try store.save(Self.corpus)
        var broken = Self.corpus
        broken.claims.append(try #require(broken.claims.last))
        #expect(throws: CrosscheckError.self) { try store.save(broken) }
        #expect(try store.load() == Self.corpus)
    }

    /// A fresh file is written with its journal in memory: a save that fails there still rolls back and says why.
    @Test func aFailedSaveIntoAFreshFileSaysWhy() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("corpus.sqlite").path
        var broken = Self.corpus
        broken.relations.append(try #require(broken.relations.first))
        #expect(throws: CrosscheckError.storeFailed(path: path, reason: "UNIQUE constraint failed: relations.id")) {
            try SQLiteCorpusStore(path: path).save(broken)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["corpus.sqlite"], "no journal left beside it")
    }
}
