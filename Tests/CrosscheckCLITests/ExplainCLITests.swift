import Foundation
import Testing

/// `crosscheck explain ID` as a user runs it: a claim or relation with its sources and context, or a clear
/// refusal with ids that come close.
@Suite struct ExplainCLITests {
    let cli = CLITests()

    /// A corpus of two notes that disagree on one figure: three claims, one contradiction.
    func corpus() throws -> (root: URL, output: URL, claims: [[String: Any]], contradiction: [String: Any]) {
        let root = try cli.temporaryFolder()
        let inbox = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("""
            # Trade report

            Canada and Japan are close partners in the Pacific. Two-way trade between Canada and Japan reached C$35 billion in 2023. Both governments welcomed the figures.

            """.utf8).write(to: inbox.appendingPathComponent("a.md"))
        try Data("""
            # Another view

            Trade matters to both economies. Two-way trade between Canada and Japan reached C$39 billion in 2023. The ministers met in Tokyo.

            """.utf8).write(to: inbox.appendingPathComponent("b.md"))
        let output = root.appendingPathComponent("out")
        let build = try cli.run(["build", inbox.path, "-o", output.path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        func lines(_ name: String) throws -> [[String: Any]] {
            try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
        let contradiction = try #require(try lines("contradictions.jsonl").first, "the two notes contradict each other")
        return (root, output, try lines("claims.jsonl"), contradiction)
    }

    func claimID(saying text: String, in claims: [[String: Any]]) throws -> String {
        try #require(claims.first { ($0["text"] as? String)?.contains(text) == true }?["id"] as? String)
    }

    @Test func aClaimComesWithItsSourceDateValuesContextAndRelations() throws {
        let (root, output, claims, contradiction) = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let id = try claimID(saying: "C$35 billion", in: claims)
        let other = try claimID(saying: "C$39 billion", in: claims)
        let run = try cli.run(["explain", id, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout
        #expect(text.hasPrefix("claim \(id)\n  “Two-way trade between Canada and Japan reached C$35 billion in 2023.”\n"))
        #expect(text.contains("  source   “Trade report”"))
        #expect(text.contains("  file     a.md (markdown, document d"))
        #expect(text.contains("  cite     [@anonndtrade]"))
        #expect(text.contains("  section  Trade report"))
        #expect(text.contains("  date     2023 · stated: “in 2023”"))
        #expect(text.contains("“C$35 billion” → money 35,000,000,000 CAD, rounded: 34,500,000,000 to 35,500,000,000"))
        #expect(text.contains("    … Canada and Japan are close partners in the Pacific.\n  ▸ Two-way trade"), "the sentence before")
        #expect(text.contains("    … Both governments welcomed the figures."), "the sentence after")
        #expect(text.contains("contradiction \(contradiction["id"] as? String ?? "?") · confidence "))
        #expect(text.contains("with \(other) in b.md: “Two-way trade between Canada and Japan reached C$39 billion in 2023.”"))
        #expect(text.contains(contradiction["explanation"] as? String ?? "?"))
    }

    @Test func aRelationComesWithBothSidesInFull() throws {
        let (root, output, claims, contradiction) = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let id = try #require(contradiction["id"] as? String)
        let run = try cli.run(["explain", id, "-o", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("relation \(id)\n  kind         contradiction\n  confidence   "))
        #expect(run.stdout.contains("  explanation  \(contradiction["explanation"] as? String ?? "?")"))
        // The sides in the relation's own order (older source first), each with the value compared.
        let sides = try #require(contradiction["claims"] as? [[String: Any]])
        for (index, side) in sides.enumerated() {
            let value = try #require((side["value"] as? [String: Any])?["text"] as? String)
            #expect(run.stdout.contains("side \(index + 1) · compared value “\(value)” → money "), "side \(index + 1)")
            #expect(run.stdout.contains("  claim \(side["id"] as? String ?? "?")\n"), "side \(index + 1)")
        }
        #expect(Set(sides.compactMap { $0["id"] as? String }) == [try claimID(saying: "C$35 billion", in: claims), try claimID(saying: "C$39 billion", in: claims)])
        #expect(run.stdout.contains("    file     a.md (markdown, ") && run.stdout.contains("    file     b.md (markdown, "))
        #expect(run.stdout.contains("      … The ministers met in Tokyo."), "each side with its context")
    }

    @Test func theBeginningOfAnIdIsEnoughWhenOnlyOneIdBeginsSo() throws {
        let (root, output, _, contradiction) = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let id = try #require(contradiction["id"] as? String)
        let run = try cli.run(["explain", String(id.prefix(8)), "-o", output.path])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("relation \(id)\n"))
    }

    @Test func jsonCarriesTheClaimAsExportedWithItsContext() throws {
        let (root, output, claims, contradiction) = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let id = try claimID(saying: "C$35 billion", in: claims)
        let run = try cli.run(["explain", id, "-o", output.path, "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "claim")
        #expect((object["claim"] as? [String: Any])?["id"] as? String == id)
        let document = try #require(object["document"] as? [String: Any])
        #expect(document["title"] as? String == "Trade report")
        #expect(document["url"] is NSNull, "unknown fields are null, not missing")
        let context = try #require(object["context"] as? [String: Any])
        #expect(context["before"] as? String == "Canada and Japan are close partners in the Pacific.")
        #expect(context["after"] as? String == "Both governments welcomed the figures.")
        let relations = try #require(object["relations"] as? [[String: Any]])
        #expect(relations.contains { $0["id"] as? String == contradiction["id"] as? String && $0["kind"] as? String == "contradiction" })
        let again = try cli.run(["explain", id, "-o", output.path, "--format", "json"])
        #expect(again.stdout == run.stdout, "the same corpus, the same bytes")

        let relation = try cli.run(["explain", try #require(contradiction["id"] as? String), "-o", output.path, "--format", "json"])
        let relationObject = try #require(try JSONSerialization.jsonObject(with: Data(relation.stdout.utf8)) as? [String: Any])
        #expect(relationObject["type"] as? String == "relation")
        #expect((relationObject["sides"] as? [[String: Any]])?.count == 2)
    }

    @Test func anUnknownIdExitsTwoAndSuggestsIdsThatBeginTheSameWay() throws {
        let (root, output, claims, _) = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let id = try claimID(saying: "C$35 billion", in: claims)
        let typo = String(id.dropLast()) + (id.hasSuffix("0") ? "1" : "0")
        let run = try cli.run(["explain", typo, "-o", output.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("crosscheck: error: no claim has the id \(typo) in this corpus; ids that begin the same way: "))
        #expect(run.stderr.contains(id))

        let stranger = try cli.run(["explain", "x123", "-o", output.path])
        #expect(stranger.status == 2)
        #expect(stranger.stderr.contains("claim ids begin with c and relation ids with r"))
    }

    @Test func aMissingCorpusExitsTwoSayingWhatToDo() throws {
        let run = try cli.run(["explain", "c0123456789abcdef", "-o", "/nonexistent/crosscheck-corpus"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("crosscheck: error: the corpus at /nonexistent/crosscheck-corpus cannot be read"))
    }
}
