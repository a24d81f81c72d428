import Foundation
import Testing
@testable import Crosscheck

/// Naming a corpus to compare: a folder or its corpus.sqlite; anything else is refused with a reason.
@Suite struct DiffLoadingTests {
    /// A folder holding the sample corpus's database.
    static func savedCorpus() throws -> URL {
        let folder = try TestSupport.temporaryFolder("crosscheck-diff-load")
        try SQLiteCorpusStore(path: folder.appendingPathComponent("corpus.sqlite").path).save(TestSupport.seedCorpus)
        return folder
    }

    func reason(loading path: String) -> String? {
        do {
            _ = try CorpusLocation.load(path)
            return nil
        } catch CrosscheckError.corpusUnreadable(_, let reason) {
            return reason
        } catch {
            return "unexpected error \(error)"
        }
    }

    @Test func folderAndItsDatabaseLoadTheSameCorpus() throws {
        let folder = try Self.savedCorpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pair = try CorpusLocation.loadPair(old: folder.path, new: folder.appendingPathComponent("corpus.sqlite").path)
        #expect(pair.old == pair.new)
        #expect(CorpusDiff.compare(old: pair.old, new: TestSupport.seedCorpus).isIdentical)
    }

    @Test func missingPathOrFolderWithoutCorpusIsRefusedWithWhatToDo() throws {
        let folder = try TestSupport.temporaryFolder("crosscheck-diff-load")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(reason(loading: folder.appendingPathComponent("nothing-here").path)?.contains("no such file or folder") == true)
        #expect(reason(loading: folder.path)?.contains("holds no corpus.sqlite; build one with 'crosscheck build") == true)
    }

    @Test func corruptOrForeignFilesAreRefused() throws {
        let folder = try TestSupport.temporaryFolder("crosscheck-diff-load")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes.sqlite"), empty = folder.appendingPathComponent("empty.sqlite")
        try Data("Trade reached C$35 billion in 2023.\n".utf8).write(to: text)
        try Data().write(to: empty)
        #expect(reason(loading: text.path)?.contains("not a readable SQLite database") == true)
        #expect(reason(loading: empty.path)?.contains("not a corpus") == true)
    }

    @Test func anotherSchemaVersionIsRefusedWithBothVersions() throws {
        let folder = try Self.savedCorpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("corpus.sqlite")
        try DiffSchemaPatch.setSchemaVersion(of: database, to: 9)
        #expect(reason(loading: database.path)?.contains("schema version 9, this crosscheck reads version \(Corpus.schemaVersion)") == true)
        #expect(throws: CrosscheckError.self) { try CorpusLocation.loadPair(old: TestSupport.packageRoot.path, new: folder.path) }
    }
}

/// Rewrites the schema version recorded in a corpus.sqlite in place (the one-digit value after its key).
enum DiffSchemaPatch {
    static func setSchemaVersion(of database: URL, to version: Int) throws {
        var bytes = try Data(contentsOf: database)
        guard version < 10, let range = bytes.range(of: Data("schema_version\(Corpus.schemaVersion)".utf8)) else { throw CocoaError(.fileReadCorruptFile) }
        bytes[range.upperBound - 1] = UInt8(ascii: "0") + UInt8(version)
        try bytes.write(to: database)
    }
}
