import Foundation
import Testing
@testable import Crosscheck

/// The diff as text and JSON: the same counts, the same bytes every time, colour only when asked for.
@Suite struct DiffOutputTests {
    /// The diff of `richCorpora()`.
    static let rich: CorpusDiff = {
        let (old, new) = richCorpora()
        return CorpusDiff.compare(old: old, new: new)
    }()

    @Test func textAndJSONCountsAgree() throws {
        let diff = Self.rich
        let summary = try #require(diff.text().split(separator: "\n").first.map(String.init))
        #expect(summary == diff.summaryLine)
        let json = try #require(try JSONSerialization.jsonObject(with: diff.json()) as? [String: Any])
        let counts = try #require(json["counts"] as? [String: Any])
        func count(_ group: String, _ key: String) -> Int { (counts[group] as? [String: Any])?[key] as? Int ?? -1 }
        func contradictions(_ key: String) -> Int { ((counts["relations"] as? [String: Any])?["contradiction"] as? [String: Any])?[key] as? Int ?? -1 }
        let expected = "documents +\(count("documents", "added")) −\(count("documents", "removed")) ~\(count("documents", "changed")) (\(count("documents", "renamed")) renamed)"
            + " · sections +\(count("sections", "added")) −\(count("sections", "removed")) (\(count("sections", "moved")) moved)"
            + " · claims +\(count("claims", "added")) −\(count("claims", "removed")) ~\(count("claims", "changed")) (\(count("claims", "moved")) moved)"
            + " · contradictions +\(contradictions("appeared")) −\(contradictions("resolved"))"
        #expect(summary == expected)
        #expect(summary == "documents +1 −1 ~2 (1 renamed) · sections +1 −0 (1 moved) · claims +2 −2 ~1 (1 moved) · contradictions +1 −1")
        // The listing holds exactly what the counts count.
        let listed = (json["documents"] as? [[String: Any]] ?? []).flatMap { $0["claims"] as? [[String: Any]] ?? [] }
        #expect(listed.filter { $0["change"] as? String == "changed" }.count == count("claims", "changed"))
        #expect(listed.filter { $0["change"] as? String == "added" }.count == count("claims", "added"))
        #expect((json["relations"] as? [Any])?.count == 2)
        #expect(json["format"] as? String == "crosscheck-diff" && json["version"] as? Int == CorpusDiff.formatVersion && json["identical"] as? Bool == false)
    }

    @Test func theSameDiffTwiceIsByteIdentical() throws {
        let inbox = try DiffInbox.copyOfSampleInbox()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try DiffInbox.edit(inbox.appendingPathComponent("000_aa5382f77710609e.txt"), replacing: "trade reached CAD 28.7 billion", with: "trade reached CAD 29.1 billion")
        try FileManager.default.removeItem(at: inbox.appendingPathComponent("jcci-latin1-bulletin.html"))
        let first = CorpusDiff.compare(old: TestSupport.seedCorpus, new: try DiffInbox.corpus(of: inbox))
        let second = CorpusDiff.compare(old: TestSupport.seedCorpus, new: try DiffInbox.corpus(of: inbox))
        #expect(first == second)
        #expect(first.text() == second.text())
        #expect(try first.json() == second.json())
        #expect(first.text(color: true) == second.text(color: true))
        let rich = Self.richCorpora()
        #expect(try Self.rich.json() == CorpusDiff.compare(old: rich.old, new: rich.new).json())
    }

    /// A diff with something of every kind: edits, moves, a rename, sections, documents and relations.
    private static func richCorpora() -> (old: Corpus, new: Corpus) {
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("a.txt", [(["A", "Trade"], ["Trade reached C$35 billion in 2023.", "Exports rose 4% in 2023.", "Imports fell 2% in 2023."]),
                          (["A", "Energy"], ["LNG exports began in 2025."])])
        old.add("gone.txt", [(["Gone"], ["Tariffs fell 3% in 2019."])])
        old.add("renamed.txt", [(["R"], ["Investment reached C$40 billion in 2022."])])
        old.relate(.contradiction, ("Trade reached C$35 billion in 2023.", "a.txt"), ("Tariffs fell 3% in 2019.", "gone.txt"))
        new.add("a.txt", [(["A", "Energy"], ["LNG exports began in 2025.", "Exports rose 4% in 2023."]),
                          (["A", "Trade"], ["Trade reached C$36.5 billion in 2023."]), (["A", "Outlook"], ["Growth of 3% is expected in 2026."])])
        new.add("fresh.txt", [(["Fresh"], ["Trade reached C$37 billion in 2023 says the bulletin."])])
        new.add("moved-here.txt", [(["R"], ["Investment reached C$40 billion in 2022."])])
        new.relate(.contradiction, ("Trade reached C$36.5 billion in 2023.", "a.txt"), ("Trade reached C$37 billion in 2023 says the bulletin.", "fresh.txt"))
        return (old.corpus, new.corpus)
    }

    @Test func textIsGroupedByDocumentAndSectionWithCitations() {
        let text = Self.rich.text()
        #expect(text == """
            documents +1 −1 ~2 (1 renamed) · sections +1 −0 (1 moved) · claims +2 −2 ~1 (1 moved) · contradictions +1 −1

            ~ a.txt · modified, 72% similar
              “a.txt” [@key18b7cb]
              > § A › Trade (section moved)
              + § A › Outlook (section added)
              § A › Energy
                > Exports rose 4% in 2023. [@key18b7cb] (moved from § A › Trade)
              § A › Trade
                - Imports fell 2% in 2023. [@key18b7cb]
                ~ Trade reached C$[-35-]{+36.5+} billion in 2023. [@key18b7cb]
              § A › Outlook
                + Growth of 3% is expected in 2026. [@key18b7cb]

            + fresh.txt · added, 1 claim
              “fresh.txt” [@key975587]
              § Fresh
                + Trade reached C$37 billion in 2023 says the bulletin. [@key975587]

            - gone.txt · removed, 1 claim
              “gone.txt” [@keycaf99b]
              § Gone
                - Tariffs fell 3% in 2019. [@keycaf99b]

            ~ renamed.txt → moved-here.txt · renamed, same content
              “moved-here.txt” [@keyc1aefd]

            contradictions
              + appeared: a.txt and fresh.txt give different figures for trade. · a side was added
                  changed: Trade reached C$[-35-]{+36.5+} billion in 2023. (a.txt)
                  added: Trade reached C$37 billion in 2023 says the bulletin. (fresh.txt)
              - resolved: a.txt and gone.txt give different figures for trade. · a side was removed
                  changed: Trade reached C$[-35-]{+36.5+} billion in 2023. (a.txt)
                  removed: Tariffs fell 3% in 2019. (gone.txt)

            """)
    }

    @Test func everyJSONObjectOfOneKindHasTheSameKeysWithNullsWhereNone() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Self.rich.json()) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        #expect(Set(documents.map { $0.keys.sorted() }) == [["change", "claims", "new", "old", "sections", "similarity"]])
        let claims = documents.flatMap { $0["claims"] as? [[String: Any]] ?? [] }
        #expect(Set(claims.map { $0.keys.sorted() }) == [["change", "edits", "highlight", "new", "old", "similarity"]])
        let added = try #require(claims.first { $0["change"] as? String == "added" })
        #expect(added["old"] is NSNull && added["highlight"] is NSNull && (added["edits"] as? [Any])?.isEmpty == true)
        let sides = (json["relations"] as? [[String: Any]] ?? []).flatMap { $0["sides"] as? [[String: Any]] ?? [] }
        #expect(Set(sides.map { $0.keys.sorted() }) == [["edits", "fate", "highlight", "id"]])
        // And it reads back as the same diff.
        let decoded = try JSONDecoder().decode(DecodedDiff.self, from: Self.rich.json())
        #expect(decoded.documents == Self.rich.documents && decoded.relations == Self.rich.relations && decoded.counts == Self.rich.counts)
    }

    private struct DecodedDiff: Decodable {
        var counts: CorpusDiff.Counts
        var documents: [DocumentChange]
        var relations: [RelationChange]
    }

    @Test func statIsTheSummaryLineAlone() throws {
        #expect(Self.rich.text(statOnly: true) == Self.rich.summaryLine + "\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Self.rich.json(statOnly: true)) as? [String: Any])
        #expect(json["documents"] == nil && json["relations"] == nil && json["counts"] != nil)
    }

    @Test func identicalCorporaPrintNothingButJSONStillSaysSo() throws {
        let old = Self.richCorpora().old
        let diff = CorpusDiff.compare(old: old, new: old)
        #expect(diff.text().isEmpty && diff.text(statOnly: true).isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: diff.json()) as? [String: Any])
        #expect(json["identical"] as? Bool == true)
        #expect((json["documents"] as? [Any])?.isEmpty == true)
    }

    @Test func colourOnlyWhenAskedAndSourceTextCannotDriveTheTerminal() {
        #expect(!Self.rich.text().contains("\u{1B}"))
        let colored = Self.rich.text(color: true)
        #expect(colored.contains("\u{1B}[31m[-35-]\u{1B}[0m{") || colored.contains("\u{1B}[31m[-35-]\u{1B}[0m\u{1B}[32m{+36.5+}\u{1B}[0m"))
        var old = DiffCorpusBuilder(), new = DiffCorpusBuilder()
        old.add("evil\u{1B}[2J.txt", [(["T"], ["Trade reached C$35 billion in 2023."])])
        new.add("evil\u{1B}[2J.txt", [(["T"], ["Trade reached C$35 billion in 2023.", "Exports rose \u{1B}]0;pwned\u{07} 4% in 2023."])])
        let text = CorpusDiff.compare(old: old.corpus, new: new.corpus).text()
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(text.contains("evil\u{FFFD}[2J.txt"))
    }
}
