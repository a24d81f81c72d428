import Foundation
import Testing
@testable import Crosscheck

/// The exported files are what the README documents, and what Pandoc, Zotero and scripts can read.
@Suite struct ExportTests {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-exports-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try? CorpusWriter.writeExports(of: TestSupport.seedCorpus, into: url)
        return url
    }()

    func lines(_ name: String) throws -> [[String: Any]] {
        try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func documentLinesCarryTheDocumentedFields() throws {
        let documents = try lines("documents.jsonl")
        #expect(documents.count == 9)
        for document in documents {
            for key in ["id", "source", "url", "title", "authors", "site", "language", "published", "modified", "evidence", "citation_key", "sections"] {
                #expect(document.keys.contains(key), "documents.jsonl lacks \(key)")
            }
            let source = try #require(document["source"] as? [String: Any])
            #expect(Set(source.keys) == ["path", "format", "sha256", "bytes", "encoding"])
        }
    }

    @Test func claimLinesCarryTheDocumentedFields() throws {
        let claims = try lines("claims.jsonl")
        for claim in claims {
            for key in ["id", "document", "source", "section", "section_path", "text", "span", "kinds", "quantities", "date", "citation_key"] {
                #expect(claim.keys.contains(key), "claims.jsonl lacks \(key)")
            }
            let date = try #require(claim["date"] as? [String: Any])
            #expect(date.keys.contains("value") && date.keys.contains("basis"))
        }
        #expect(Set(claims.compactMap { $0["id"] as? String }).count == claims.count, "claim ids are unique")
    }

    @Test func citationsAreValidCSLJSON() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("citations.json"))
        let items = try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(items.count == 9)
        let types: Set<String> = ["webpage", "article-newspaper", "article", "post-weblog", "report"]
        for item in items {
            #expect(item["id"] is String && types.contains(item["type"] as? String ?? ""))
            if let issued = item["issued"] as? [String: Any] {
                let parts = try #require(issued["date-parts"] as? [[Int]])
                #expect(parts.count == 1 && (1...3).contains(parts[0].count))
            }
            if let authors = item["author"] as? [[String: Any]] {
                #expect(authors.allSatisfy { $0["family"] is String || $0["literal"] is String })
            }
        }
        let news = try #require(items.first { ($0["title"] as? String)?.hasPrefix("Carney and Takaichi") == true })
        #expect((news["author"] as? [[String: String]])?.first == ["family": "Doe", "given": "Jane"])
        #expect((news["issued"] as? [String: [[Int]]])?["date-parts"] == [[2026, 3, 7]])
    }

    /// An agency's name is not split into a given and a family name; a person's is.
    @Test func organisationsKeepTheirNameWhole() {
        for agency in ["Statistics Netherlands", "Export Development Agency", "European Commission", "Bundesamt für Statistik"] {
            let name = PersonName(agency)
            #expect(name.family == nil && name.literal == agency)
        }
        let person = PersonName("Jane Doe")
        #expect(person.family == "Doe" && person.given == "Jane")
    }

    @Test func citationKeysAreUniqueAndSharedByClaims() {
        let keys = TestSupport.seedCorpus.documents.map(\.citationKey)
        #expect(Set(keys).count == keys.count)
        #expect(keys.contains("doe2026carney"))
        let byDocument = Dictionary(uniqueKeysWithValues: TestSupport.seedCorpus.documents.map { ($0.id, $0.citationKey) })
        #expect(TestSupport.seedCorpus.claims.allSatisfy { byDocument[$0.document] == $0.citationKey })
    }

    @Test func reportListsSourcesAndFootnotes() throws {
        let report = try String(contentsOf: Self.folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.hasPrefix("# Crosscheck report\n"))
        for document in TestSupport.seedCorpus.documents {
            #expect(report.contains("[^\(document.citationKey)]: "), "no footnote for \(document.citationKey)")
        }
        #expect(report.contains("In 2021, for example, trade reached CAD 28.7 billion."))
    }

    @Test func markdownEscapingNeutralisesSourceText() {
        let escaped = Escaping.markdown("<script>alert(1)</script> *bold* [link](javascript:x) \u{1B}[31m")
        #expect(!escaped.contains("<script>"))
        #expect(escaped.contains("\\<script\\>"))
        #expect(escaped.contains("\\*bold\\*"))
        #expect(escaped.contains("\\[link\\]"))
        #expect(!escaped.contains("\u{1B}"))
    }

    @Test func manifestCountsMatchTheCorpus() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("manifest.json"))
        let manifest = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(manifest["schema_version"] as? Int == Corpus.schemaVersion)
        let counts = try #require(manifest["counts"] as? [String: Int])
        #expect(counts["documents"] == 9 && counts["claims"] == TestSupport.seedCorpus.claims.count && counts["problems"] == 0)
        #expect((manifest["inputs"] as? [[String: Any]])?.count == 9)
    }
}
