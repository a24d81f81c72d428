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

    @Test func jsonColumnsHoldTheEncodersBytes() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("corpus.sqlite").path
        try SQLiteCorpusStore(path: path).save(Self.corpus)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.read { db in
            let documents = try Row.fetchAll(db, sql: "SELECT authors, published, modified, evidence FROM documents ORDER BY ordinal")
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
            let claims = try Row.fetchAll(db, sql: "SELECT section_path, kinds FROM claims ORDER BY ordinal")
            #expect(claims.map { $0["section_path"] as String } == (try Self.corpus.claims.map { try encoded($0.sectionPath) }))
            #expect(claims.map { $0["kinds"] as String } == (try Self.corpus.claims.map { try encoded($0.kinds) }))
            let values = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relation_values")
            #expect(values == Self.corpus.relations.flatMap(\.claims).count { $0.value != nil })
        }
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
